import { useState } from 'react';
import { Alert, Descriptions, Drawer, Space, Timeline, Typography } from 'antd';
import type { ReportedExpected, ReportedExpectedRow, ReportedValue } from '../../../../contracts/kpi';
import { StatusTag } from '../../../components/StatusTag';
import { formatDate, formatDateTime } from '../../../components/format';
import { roleLabel } from '../../../components/role-labels';
import { useI18n } from '../../../shell/i18n';
import { evidenceUrl } from './reported-api';
import { eventKey, sentBack, STATE_KIND, stateKey } from './reported-labels';
import { useReportedText } from './reported-text';
import { EntryForm } from './EntryForm';
import { DecisionPanel } from './DecisionPanel';

type Indicator = ReportedExpected['indicators'][number];

/** The newer of two copies of a value (the list's, reloading, or the one a command just answered). */
function newer(a: ReportedValue | null, b: ReportedValue | null): ReportedValue | null {
  if (!a || !b) return a ?? b;
  return a.id === b.id && a.version >= b.version ? a : b;
}

/**
 * One unit's value of one indicator for the quarter: what the indicator counts, the state and the
 * deadline, the Standing Agency's comment when it sent the value back; the form and the evidence for
 * the unit, the decision for the Standing Agency; and the value's history (who by role, when, the
 * figures then, the comment).
 */
export function ReportedDrawer(props: {
  row: ReportedExpectedRow;
  indicator: Indicator | undefined;
  period: string;
  periodLabel: string;
  onChanged: () => void;
  onClose: () => void;
}) {
  const { row, indicator, period, periodLabel, onChanged, onClose } = props;
  const t = useReportedText();
  const { pick } = useI18n();
  const [answered, setAnswered] = useState<ReportedValue | null>(null);
  const value = newer(answered, row.value);
  const state = value?.state ?? 'not_entered';
  const changed = (v: ReportedValue) => {
    setAnswered(v);
    onChanged();
  };
  const back = sentBack(value);
  // The list's `may` is as of its last answer; a command answered since moves the state first.
  const mayEnter = row.may.enter && (state === 'not_entered' || state === 'draft' || state === 'returned');

  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      title={t('kpiRep.drawer.title', { code: row.indicatorCode, unit: row.unitName })}
      closable={{ 'aria-label': t('kpiRep.close') }}
      className="kpirep-drawer"
    >
      <Space orientation="vertical" size={16} className="kpirep-drawer-body" data-testid="kpirep-drawer">
        <div>
          {indicator && <Typography.Paragraph strong>{pick(indicator.nameVi, indicator.nameEn)}</Typography.Paragraph>}
          <Space wrap size={4}>
            <StatusTag kind={STATE_KIND[state]}>{t(stateKey(state))}</StatusTag>
            {state === 'approved' && <StatusTag kind="ok">{t('kpiRep.locked')}</StatusTag>}
            {(answered ? value?.overdue : row.overdue) && <StatusTag kind="danger">{t('kpiRep.overdue')}</StatusTag>}
          </Space>
        </div>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('kpiRep.period.label')}>{periodLabel}</Descriptions.Item>
          <Descriptions.Item label={t('kpiRep.col.due')}>{formatDate(row.dueOn)}</Descriptions.Item>
          {indicator && (
            <Descriptions.Item label={t('kpiRep.form.numerator')}>
              {pick(indicator.numeratorVi, indicator.numeratorEn)}
            </Descriptions.Item>
          )}
          {indicator && (
            <Descriptions.Item label={t('kpiRep.form.denominator')}>
              {pick(indicator.denominatorVi, indicator.denominatorEn)}
            </Descriptions.Item>
          )}
          {indicator && (
            <Descriptions.Item label={t('kpiRep.threshold')}>
              {`${indicator.comparison} ${indicator.threshold}%`}
            </Descriptions.Item>
          )}
        </Descriptions>
        {back && (
          <Alert
            type="warning"
            showIcon
            data-testid="kpirep-sent-back"
            title={t(back.event === 'unapproved' ? 'kpiRep.drawer.unapproved' : 'kpiRep.drawer.returned')}
            description={
              <>
                <div>{t('kpiRep.history.comment', { comment: back.comment })}</div>
                {mayEnter && <div>{t('kpiRep.drawer.fixHint')}</div>}
              </>
            }
          />
        )}
        {state === 'approved' && value && (
          <Alert type="success" showIcon title={t('kpiRep.drawer.approved', { at: formatDateTime(value.decidedAt) })} />
        )}
        {state === 'submitted' && value && (
          <Alert type="info" showIcon title={t('kpiRep.drawer.waiting', { at: formatDateTime(value.submittedAt) })} />
        )}
        {mayEnter ? (
          <EntryForm row={row} period={period} value={value} onChanged={changed} />
        ) : (
          value && <Evidence value={value} />
        )}
        <DecisionPanel row={row} value={value} onChanged={changed} />
        {value && <History value={value} />}
      </Space>
    </Drawer>
  );
}

/** The value's figures and its evidence, to read (the unit cannot change them now). */
function Evidence({ value }: { value: ReportedValue }) {
  const t = useReportedText();
  return (
    <section aria-labelledby="kpirep-evidence-title">
      <Typography.Title level={3} id="kpirep-evidence-title" className="kpirep-h">
        {t('kpiRep.evidence.title')}
      </Typography.Title>
      <p>
        {t('kpiRep.history.figures', { numerator: value.numerator, denominator: value.denominator })}
        {value.note && <span className="kpirep-muted"> — {value.note}</span>}
      </p>
      {value.evidence ? (
        <p>
          <a href={evidenceUrl(value.id)} data-testid="kpirep-evidence-link">
            {value.evidence.fileName}
          </a>{' '}
          <span className="kpirep-muted">({Math.max(1, Math.round(value.evidence.size / 1024))} KB)</span>
        </p>
      ) : (
        <p>{t('kpiRep.evidence.none')}</p>
      )}
    </section>
  );
}

function History({ value }: { value: ReportedValue }) {
  const t = useReportedText();
  const { t: shellT } = useI18n();
  return (
    <section aria-labelledby="kpirep-history-title" data-testid="kpirep-history">
      <Typography.Title level={3} id="kpirep-history-title" className="kpirep-h">
        {t('kpiRep.history.title')}
      </Typography.Title>
      <Timeline
        items={value.history.map((h, i) => ({
          key: `${h.at}-${i}`,
          content: (
            <>
              <strong>{t(eventKey(h.event))}</strong>{' '}
              <span className="kpirep-muted">
                {formatDateTime(h.at)} · {roleLabel(shellT, h.byRole)}
              </span>
              <div>{t('kpiRep.history.figures', { numerator: h.numerator, denominator: h.denominator })}</div>
              {h.comment && <div>{t('kpiRep.history.comment', { comment: h.comment })}</div>}
            </>
          ),
        }))}
      />
    </section>
  );
}
