import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Card, Empty, Segmented, Select, Skeleton, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReportedExpected, ReportedExpectedRow } from '../../../../contracts/kpi';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { ScrollRegion } from '../../../components/ScrollRegion';
import { StatusTag } from '../../../components/StatusTag';
import { formatDate, formatPercent, todayInVietnam } from '../../../components/format';
import { withChanges } from '../../../components/search-params';
import { useI18n } from '../../../shell/i18n';
import { fetchExpected } from './reported-api';
import {
  actionOf,
  counts,
  defaultQuarter,
  FILTERS,
  isFilter,
  isQuarter,
  matches,
  quarterParts,
  recentQuarters,
  STATE_KIND,
  stateKey,
  type Filter,
} from './reported-labels';
import { useReportedText, type ReportedTranslate } from './reported-text';
import { ReportedDrawer } from './ReportedDrawer';
import './reported.css';

/** "Quý 3/2026" (the page's own label of a quarter code). */
export function quarterLabel(t: ReportedTranslate, code: string): string {
  const { year, part } = quarterParts(code);
  return t('kpiRep.period.quarter', { part, year });
}

const rowKey = (r: Pick<ReportedExpectedRow, 'indicatorCode' | 'unitCode'>) => `${r.indicatorCode}|${r.unitCode}`;

/**
 * /chi-tieu/bao-cao — the values units report for a quarter (issue 15 §3): a commune's officer sees
 * the unit's rows, enters the figures with the evidence and submits them; the Standing Agency sees
 * every commune's row — those that entered nothing too, flagged overdue after the due day —, filters
 * them, and approves, returns or un-approves in the drawer, where each value's history is. The
 * quarter (`ky`), the filter (`loc`) and the open row (`mo`) are in the address.
 */
export default function ReportedPage() {
  const t = useReportedText();
  const [params, setParams] = useSearchParams();
  const today = todayInVietnam();
  const period = isQuarter(params.get('ky')) ? params.get('ky')! : defaultQuarter(today);
  const filter: Filter = isFilter(params.get('loc')) ? (params.get('loc') as Filter) : 'all';
  const openKey = params.get('mo');
  // Kept with its period: after a change of quarter the previous one's rows are not shown as the new one's.
  const list = useApi((signal) => fetchExpected(period, { signal }).then((data) => ({ period, data })), [period]);
  const shown = list.data?.period === period ? list.data.data : undefined;
  const change = (changes: Record<string, string | undefined>) =>
    setParams(withChanges(params, changes), { replace: true });
  const [opener, setOpener] = useState<HTMLElement | null>(null);
  const open = shown?.rows.find((r) => rowKey(r) === openKey);

  const close = () => {
    change({ mo: undefined });
    opener?.focus(); // back to the row's button, for keyboard users
  };

  return (
    <>
      <PageTitle
        title={t('kpiRep.title')}
        description={t('kpiRep.description')}
        extra={<Link to="/chi-tieu">{t('kpiRep.toDashboard')}</Link>}
      />
      <Card className="section-card" data-testid="kpirep-controls">
        <Space wrap size={16} align="end">
          <label className="kpirep-field">
            <span className="field-label">{t('kpiRep.period.label')}</span>
            <Select<string>
              value={period}
              onChange={(ky) => change({ ky, mo: undefined })}
              className="kpirep-period"
              options={withCurrent(recentQuarters(today), period).map((p) => ({
                value: p,
                label: quarterLabel(t, p),
              }))}
            />
          </label>
          {shown && <span className="kpirep-due">{t('kpiRep.dueOn', { date: formatDate(shown.dueOn) })}</span>}
        </Space>
      </Card>
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {!shown && list.loading && <Skeleton active paragraph={{ rows: 8 }} />}
      {shown && (
        <Rows
          expected={shown}
          filter={filter}
          loading={list.loading}
          onFilter={(loc) => change({ loc: loc === 'all' ? undefined : loc })}
          onOpen={(row, button) => {
            setOpener(button);
            change({ mo: rowKey(row) });
          }}
        />
      )}
      {shown && open && (
        <ReportedDrawer
          key={openKey}
          row={open}
          indicator={shown.indicators.find((i) => i.code === open.indicatorCode)}
          period={period}
          periodLabel={quarterLabel(t, period)}
          onChanged={list.reload}
          onClose={close}
        />
      )}
    </>
  );
}

/** The picker's quarters, with the one in the address if the list does not offer it. */
function withCurrent(quarters: string[], period: string): string[] {
  return quarters.includes(period) ? quarters : [period, ...quarters];
}

function Rows(props: {
  expected: ReportedExpected;
  filter: Filter;
  loading: boolean;
  onFilter: (f: Filter) => void;
  onOpen: (row: ReportedExpectedRow, button: HTMLElement) => void;
}) {
  const { expected, filter, loading, onFilter, onOpen } = props;
  const t = useReportedText();
  const { lang } = useI18n();
  if (expected.indicators.length === 0)
    return (
      <Card className="section-card">
        <Empty description={t('kpiRep.none')} />
      </Card>
    );
  const n = counts(expected.rows);
  const rows = expected.rows.filter((r) => matches(r, filter));
  const several = expected.indicators.length > 1;
  const columns: TableColumnsType<ReportedExpectedRow> = [
    {
      title: t('kpiRep.col.unit'),
      key: 'unit',
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          {r.unitName}
          {!r.required && <span className="kpirep-muted">{t('kpiRep.optional')}</span>}
        </Space>
      ),
    },
    ...(several ? [{ title: t('kpiRep.col.indicator'), key: 'indicator', dataIndex: 'indicatorCode' as const }] : []),
    {
      title: t('kpiRep.col.figures'),
      key: 'figures',
      render: (_: unknown, r) =>
        r.value
          ? t('kpiRep.figures', {
              numerator: r.value.numerator,
              denominator: r.value.denominator,
              value: formatPercent(r.value.value / 100, lang),
            })
          : '—',
    },
    {
      title: t('kpiRep.col.state'),
      key: 'state',
      render: (_: unknown, r) => (
        <Space wrap size={4}>
          <StatusTag kind={STATE_KIND[r.state]}>{t(stateKey(r.state))}</StatusTag>
          {r.overdue && <StatusTag kind="danger">{t('kpiRep.overdue')}</StatusTag>}
        </Space>
      ),
    },
    {
      title: t('kpiRep.col.due'),
      key: 'due',
      responsive: ['md'],
      render: (_: unknown, r) => formatDate(r.dueOn),
    },
    {
      title: t('kpiRep.col.action'),
      key: 'action',
      render: (_: unknown, r) => {
        const action = actionOf(r);
        return (
          <Button
            type={action === 'view' ? 'default' : 'primary'}
            aria-label={t('kpiRep.action.open', { action: t(`kpiRep.action.${action}`), unit: r.unitName })}
            onClick={(e) => onOpen(r, e.currentTarget)}
          >
            {t(`kpiRep.action.${action}`)}
          </Button>
        );
      },
    },
  ];
  return (
    <Card className="section-card" data-testid="kpirep-list">
      <Typography.Paragraph data-testid="kpirep-summary">
        {t('kpiRep.summary', {
          units: n.units,
          open: n.open,
          overdue: n.overdue,
          waiting: n.waiting,
          approved: n.approved,
        })}
      </Typography.Paragraph>
      <Segmented<Filter>
        aria-label={t('kpiRep.filter.label')}
        className="kpirep-filter"
        value={filter}
        onChange={onFilter}
        options={FILTERS.map((f) => ({ value: f, label: t(`kpiRep.filter.${f}`, { n: n[f] }) }))}
      />
      <ScrollRegion label={t('kpiRep.table.label')}>
        <Table<ReportedExpectedRow>
          rowKey={rowKey}
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={rows}
          locale={{ emptyText: t('kpiRep.empty') }}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        />
      </ScrollRegion>
    </Card>
  );
}
