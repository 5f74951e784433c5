import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Popconfirm, Space } from 'antd';
import type { ApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { toApiError } from '../../api/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime } from '../../components/format';
import type { MessageKey } from '../../shell/dictionary';
import { useI18n } from '../../shell/i18n';
import {
  correctableFieldKey,
  isChangedMeanwhile,
  registryMovedOn,
  requestStateKey,
  requestStateKind,
  showValue,
} from './correction-labels';
import { acceptChangeRequest, rejectChangeRequest, withdrawChangeRequest, type ChangeRequest } from './corrections-api';
import { ReasonModal } from './ReasonModal';
import { useSectorT } from './use-sector-text';

interface Props {
  request: ChangeRequest;
  /** Names a unit code (the page's units, asked for once). */
  unitName: (code: string | null) => string;
  /** After a decision, or to reload when the server says something changed meanwhile. */
  onChanged: () => void;
}

/** One fact of the card: a term and its value. */
function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="sector-fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * One change request: the person (a link to their record when the session may read it), the field with the registry's value and
 * the proposed one, the list row, the evidence, who proposed and decided when; and the actions the
 * server says the caller may take (`mayDecide`: accept with the record's version, reject with a
 * reason; `mayWithdraw`). A 409 (the record or the request changed meanwhile) asks for a reload.
 */
export function ChangeRequestCard({ request: r, unitName, onChanged }: Props) {
  const t = useSectorT();
  const { t: shellT, pick } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const [busy, setBusy] = useState<'accept' | 'reject' | 'withdraw'>();
  const [error, setError] = useState<ApiError>();
  const [rejecting, setRejecting] = useState(false);
  const sexWord = (s: 'male' | 'female') => t(`sector.sex.${s}`);
  const show = (v: string | null) => showValue(r.field, v, sexWord);
  const named = (key: string, fallback: string) => {
    const text = shellT(key as MessageKey);
    return text === key ? fallback : text;
  };
  const step = (s: { role: string; at: string }) =>
    t('sector.cr.step', { role: named(`role.${s.role}`, s.role), date: formatDateTime(s.at) });
  const moved = r.state === 'proposed' && registryMovedOn(r);
  // An error belongs to the request as it was: once its state or the person's record moves on
  // (a reload after a 409), the old error no longer applies.
  const seenNow = `${r.state}:${r.person.registryVersion}`;
  const [seen, setSeen] = useState(seenNow);
  if (seen !== seenNow) {
    setSeen(seenNow);
    setError(undefined);
  }

  const act = async (kind: 'accept' | 'reject' | 'withdraw', reason = '') => {
    setBusy(kind);
    setError(undefined);
    try {
      if (kind === 'accept') await acceptChangeRequest(r.id, r.person.registryVersion);
      else if (kind === 'reject') await rejectChangeRequest(r.id, reason);
      else await withdrawChangeRequest(r.id);
      const done = {
        accept: 'sector.cr.accepted',
        reject: 'sector.cr.rejected',
        withdraw: 'sector.cr.withdrawn',
      } as const;
      void message.success(t(done[kind], { reference: r.reference }));
      setRejecting(false);
      onChanged();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(undefined);
    }
  };

  const changed = isChangedMeanwhile(error);
  return (
    <Card
      className="section-card sector-cr-card"
      title={
        <Space wrap>
          <span className="tabular">{r.reference}</span>
          <StatusTag kind={requestStateKind(r.state)}>{t(requestStateKey(r.state))}</StatusTag>
        </Space>
      }
    >
      <dl className="sector-facts">
        <Fact term={t('sector.cr.person')}>
          {/* Reading a person needs population.person.read (sector officers lack it: a link would end on a 403). */}
          {can('population.person.read') ? (
            <Link to={`/population/persons/${encodeURIComponent(r.person.personId)}`}>{r.person.fullName}</Link>
          ) : (
            r.person.fullName
          )}
          {r.person.nationalId && <span className="tabular"> — {r.person.nationalId}</span>}
        </Fact>
        <Fact term={t('sector.cr.residence')}>{unitName(r.person.unitCode) || '—'}</Fact>
        <Fact term={t('sector.cr.change')}>
          {t('sector.cr.changeText', {
            field: t(correctableFieldKey(r.field)),
            from: show(r.registryValue),
            to: show(r.proposedValue),
          })}
        </Fact>
        <Fact term={t('sector.cr.source')}>
          {t('sector.cr.sourceText', {
            row: r.source.rowNumber,
            sector: named(`sector.${r.source.sector}`, r.source.sector),
            unit: unitName(r.source.unitCode),
          })}
          {can('sector.read') && (
            <>
              {' '}
              (
              <Link to={`/du-lieu-chuyen-nganh/${encodeURIComponent(r.source.batchId)}`}>
                {t('sector.cr.openBatch')}
              </Link>
              )
            </>
          )}
        </Fact>
        <Fact term={t('sector.cr.evidenceShown')}>{r.evidence}</Fact>
        <Fact term={t('sector.cr.proposedBy')}>{step(r.proposed)}</Fact>
        {r.decided && <Fact term={t('sector.cr.decidedBy')}>{step(r.decided)}</Fact>}
        {r.decided?.reason && <Fact term={t('sector.cr.reasonShown')}>{r.decided.reason}</Fact>}
      </dl>
      {moved && (
        <Alert
          className="sector-why-box"
          type="warning"
          showIcon
          title={t('sector.cr.nowDiffers', { value: show(r.currentValue) })}
        />
      )}
      {changed && (
        <Alert
          className="sector-why-box"
          type="warning"
          showIcon
          title={t('sector.cr.changedTitle')}
          description={
            <>
              <div>{pick(error!.messageVi, error!.messageEn)}</div>
              <div>{t('sector.cr.changedText')}</div>
            </>
          }
          action={
            <Button size="small" onClick={onChanged}>
              {t('sector.cr.reload')}
            </Button>
          }
        />
      )}
      {error && !changed && !rejecting && <ErrorAlert error={error} />}
      {(r.mayDecide || r.mayWithdraw) && (
        <Space wrap className="sector-review-actions">
          {r.mayDecide && (
            <>
              {/* Accepting corrects the registry at once: asked once more, as withdrawing is. */}
              <Popconfirm
                title={t('sector.cr.acceptConfirm', {
                  reference: r.reference,
                  change: t('sector.cr.changeText', {
                    field: t(correctableFieldKey(r.field)),
                    from: show(r.registryValue),
                    to: show(r.proposedValue),
                  }),
                })}
                okText={t('sector.cr.accept')}
                disabled={moved || (busy !== undefined && busy !== 'accept')}
                onConfirm={() => act('accept')}
              >
                <Button
                  type="primary"
                  disabled={moved || (busy !== undefined && busy !== 'accept')}
                  loading={busy === 'accept'}
                >
                  {t('sector.cr.accept')}
                </Button>
              </Popconfirm>
              <Button danger disabled={busy !== undefined} onClick={() => setRejecting(true)}>
                {t('sector.cr.reject')}
              </Button>
            </>
          )}
          {r.mayWithdraw && (
            <Popconfirm
              title={t('sector.cr.withdrawConfirm', { reference: r.reference })}
              disabled={busy !== undefined && busy !== 'withdraw'}
              onConfirm={() => act('withdraw')}
            >
              <Button disabled={busy !== undefined && busy !== 'withdraw'} loading={busy === 'withdraw'}>
                {t('sector.cr.withdraw')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
      <ReasonModal
        open={rejecting}
        title={t('sector.cr.rejectTitle', { reference: r.reference })}
        okText={t('sector.cr.reject')}
        label={t('sector.cr.reason')}
        requiredText={t('sector.cr.reasonRequired')}
        inputId={`cr-reason-${r.id}`}
        busy={busy === 'reject'}
        error={rejecting ? error : undefined}
        onSubmit={(reason) => void act('reject', reason)}
        onCancel={() => {
          setRejecting(false);
          setError(undefined);
        }}
      />
    </Card>
  );
}
