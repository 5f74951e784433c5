import { useState } from 'react';
import { Card, DatePicker, Form, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { SummaryFigures, SummaryRow } from '../../../contracts/counter';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { CommuneSelect } from '../../components/CommuneSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatNumber, formatPercent } from '../../components/format';
import { fetchSummary } from './counter-api';

type Line = SummaryRow & { key: string; isTotal?: boolean };

/** Counts per unit and day over a date range: visits, guided online, who typed, outcomes. `version` changes when a visit is recorded or corrected. */
export function SummaryCard({ today, version }: { today: string; version: number }) {
  const { t, lang } = useI18n();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs(today).subtract(6, 'day'), dayjs(today)]);
  const [unitCode, setUnitCode] = useState<string>();
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const summary = useApi((signal) => fetchSummary({ from, to, unitCode }, { signal }), [from, to, unitCode, version]);

  const share = (v: number | null) => (v === null ? '—' : formatPercent(v, lang));
  const n = (v: number) => formatNumber(v, lang);
  const columns: TableColumnsType<Line> = [
    {
      title: t('counter.summary.date'),
      dataIndex: 'date',
      render: (d: string, r) => (r.isTotal ? <strong>{t('counter.summary.total')}</strong> : formatDate(d)),
    },
    {
      title: t('counter.unit'),
      dataIndex: 'unitName',
      responsive: ['md'],
      render: (name: string | null, r) => (r.isTotal ? '' : (name ?? r.unitCode)),
    },
    { title: t('counter.summary.visits'), dataIndex: 'visits', align: 'right', render: n },
    {
      title: t('counter.summary.guidedShare'),
      key: 'guided',
      align: 'right',
      render: (_: unknown, r) => `${n(r.guidedOnline)} (${share(r.guidedOnlineShare)})`,
    },
    {
      title: t('counter.outcome.filed_online'),
      key: 'online',
      align: 'right',
      render: (_: unknown, r) => n(r.outcomes.filed_online),
    },
    {
      title: <span title={t('counter.summary.selfFiledHint')}>{t('counter.summary.selfFiledShare')}</span>,
      key: 'self',
      align: 'right',
      render: (_: unknown, r) => share(r.selfFiledOnlineShare),
    },
    {
      title: t('counter.typedBy.officer_on_behalf'),
      key: 'behalf',
      align: 'right',
      responsive: ['lg'],
      render: (_: unknown, r) => n(r.typedBy.officer_on_behalf),
    },
    {
      title: t('counter.outcome.filed_paper'),
      key: 'paper',
      align: 'right',
      responsive: ['lg'],
      render: (_: unknown, r) => n(r.outcomes.filed_paper),
    },
    {
      title: t('counter.outcome.information_only'),
      key: 'info',
      align: 'right',
      responsive: ['xl'],
      render: (_: unknown, r) => n(r.outcomes.information_only),
    },
    {
      title: t('counter.summary.otherOutcomes'),
      key: 'other',
      align: 'right',
      responsive: ['xl'],
      render: (_: unknown, r) => n(r.outcomes.referred + r.outcomes.incomplete_documents),
    },
  ];
  const totals = summary.data?.totals;
  const lines: Line[] = [
    ...(summary.data?.rows ?? []).map((r) => ({ ...r, key: `${r.date}|${r.unitCode}` })),
    ...(totals && totals.visits > 0 ? [totalLine(totals)] : []),
  ];

  return (
    <Card className="section-card" title={t('counter.summary.title')}>
      <Form layout="inline" className="counter-toolbar">
        <Form.Item label={t('counter.summary.range')} htmlFor="counter-summary-from">
          <DatePicker.RangePicker
            id={{ start: 'counter-summary-from', end: 'counter-summary-to' }}
            value={range}
            format="DD/MM/YYYY"
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
        </Form.Item>
        <Form.Item label={t('counter.unit')} htmlFor="counter-summary-unit" className="counter-unit-filter">
          <CommuneSelect id="counter-summary-unit" value={unitCode} onChange={setUnitCode} />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">{t('counter.summary.selfFiledHint')}</Typography.Paragraph>
      {summary.error && <ErrorAlert error={summary.error} onRetry={summary.reload} />}
      <Table<Line>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={lines}
        loading={summary.loading}
        pagination={false}
        scroll={{ x: true }}
        rowClassName={(r) => (r.isTotal ? 'counter-total-row' : '')}
        locale={{ emptyText: t('counter.summary.empty') }}
      />
    </Card>
  );
}

function totalLine(f: SummaryFigures): Line {
  return { ...f, key: 'total', unitCode: '', unitName: null, date: '', isTotal: true };
}
