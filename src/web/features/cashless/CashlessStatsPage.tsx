import { Suspense, lazy, useMemo, useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { Card, Col, DatePicker, Row, Segmented, Select, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { StatsArea, StatsKind, StatsRow, StatsUnit } from '../../../contracts/cashless';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusTag } from '../../components/StatusTag';
import { formatNumber, todayInVietnam } from '../../components/format';
import { useCurrentUnits } from '../../components/unit-names';
import { foldVietnamese } from '../../components/vietnamese';
import { fetchStats } from './cashless-api';
import { KIND_LABEL, defaultPeriod, findRow, monthLabel, shareText } from './cashless-labels';
import './cashless.css';

const CashlessChart = lazy(() => import('./CashlessChart'));

/** One table line: a month (or the period) of the unit, or a commune over the period. */
interface Line {
  key: string;
  label: string;
  ward?: boolean;
  rows: Partial<Record<StatsKind, StatsRow>>;
}

function useGroupedColumns(first: TableColumnsType<Line>[number]): TableColumnsType<Line> {
  const { t, lang } = useI18n();
  const group = (kind: StatsKind): TableColumnsType<Line>[number] => ({
    title: t(KIND_LABEL[kind]),
    children: [
      {
        title: t('cashless.col.reporting'),
        key: `${kind}-reporting`,
        align: 'right',
        render: (_: unknown, l: Line) =>
          l.rows[kind]
            ? `${formatNumber(l.rows[kind].reporting, lang)}/${formatNumber(l.rows[kind].registered, lang)}`
            : '—',
      },
      {
        title: t('cashless.col.cashlessShare'),
        key: `${kind}-share`,
        align: 'right',
        render: (_: unknown, l: Line) => shareText(l.rows[kind]?.cashlessShare ?? null, lang),
      },
      {
        title: t('cashless.col.fullyShare'),
        key: `${kind}-fully`,
        align: 'right',
        render: (_: unknown, l: Line) =>
          l.rows[kind]
            ? `${shareText(l.rows[kind].fullyCashlessShare, lang)} (${l.rows[kind].fullyCashless}/${l.rows[kind].transacting})`
            : '—',
      },
    ],
  });
  return [
    first,
    group('school'),
    group('health_facility'),
    {
      title: t('cashless.kind.all'),
      children: [
        {
          title: t('cashless.col.cashlessShare'),
          key: 'all-share',
          align: 'right',
          render: (_: unknown, l: Line) => shareText(l.rows.all?.cashlessShare ?? null, lang),
        },
      ],
    },
  ];
}

const KINDS: StatsKind[] = ['school', 'health_facility', 'all'];
const linesOf = (
  rows: readonly StatsRow[],
  unitCode: string,
  months: readonly (string | null)[],
  area: StatsArea,
  label: (m: string | null) => string,
): Line[] =>
  months.map((m) => ({
    key: m ?? 'period',
    label: label(m),
    rows: Object.fromEntries(KINDS.map((k) => [k, findRow(rows, unitCode, m, k, area)])),
  }));

/** /cashless — target 7: cashless payment in schools and health facilities, per month and per commune. */
export default function CashlessStatsPage() {
  const { t, lang } = useI18n();
  const initial = defaultPeriod(todayInVietnam());
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [unitCode, setUnitCode] = useState<string>();
  const [area, setArea] = useState<StatsArea>('all');
  const units = useCurrentUnits();
  const stats = useApi((signal) => fetchStats({ from, to, unitCode }, { signal }), [from, to, unitCode]);
  const data = stats.data;
  const isCommune = data?.unit.level === 'commune';
  const shownArea: StatsArea = isCommune ? 'all' : area;

  const unitOptions = units.units
    .filter((u) => u.level !== 'district')
    .map((u) => ({ value: u.code, label: u.fullName, search: foldVietnamese(`${u.fullName} ${u.code}`) }));
  const monthColumn = useGroupedColumns({
    title: t('cashless.col.month'),
    dataIndex: 'label',
    key: 'label',
    fixed: 'left',
  });
  const communeColumn = useGroupedColumns({
    title: t('cashless.col.commune'),
    dataIndex: 'label',
    key: 'label',
    fixed: 'left',
    render: (label: string, l: Line) => (
      <Space size={4} wrap>
        {label}
        {l.ward && <StatusTag kind="info">{t('cashless.ward')}</StatusTag>}
      </Space>
    ),
  });

  const monthLines = useMemo(
    () =>
      data
        ? linesOf(data.rows, data.unit.code, [...data.months, null], shownArea, (m) =>
            m ? monthLabel(m) : t('cashless.period'),
          )
        : [],
    [data, shownArea, t],
  );
  const communeLines = useMemo(
    () =>
      data
        ? data.children.map((c: StatsUnit) => ({
            ...linesOf(data.rows, c.code, [null], 'all', () => c.fullName)[0]!,
            key: c.code,
            ward: c.type === 'phuong',
          }))
        : [],
    [data],
  );
  const period = (kind: StatsKind) => (data ? findRow(data.rows, data.unit.code, null, kind, shownArea) : undefined);
  const month = (v: Dayjs | null) => (v ? v.format('YYYY-MM') : undefined);

  return (
    <>
      <PageTitle title={t('cashless.stats.title')} description={t('cashless.stats.intro')} />
      <Card className="section-card">
        <Space wrap size={[16, 12]} align="end">
          <label className="cashless-field">
            <span className="field-label">{t('cashless.stats.from')}</span>
            <DatePicker
              picker="month"
              format="MM/YYYY"
              allowClear={false}
              value={dayjs(`${from}-01`)}
              onChange={(v) => month(v) && setFrom(month(v)!)}
            />
          </label>
          <label className="cashless-field">
            <span className="field-label">{t('cashless.stats.to')}</span>
            <DatePicker
              picker="month"
              format="MM/YYYY"
              allowClear={false}
              value={dayjs(`${to}-01`)}
              onChange={(v) => month(v) && setTo(month(v)!)}
            />
          </label>
          <label className="cashless-field cashless-unit">
            <span className="field-label">{t('cashless.stats.unit')}</span>
            <Select
              value={data?.unit.code ?? unitCode}
              onChange={(v: string) => setUnitCode(v)}
              options={unitOptions}
              loading={units.loading}
              showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(foldVietnamese(input)) }}
            />
          </label>
          {!isCommune && (
            <Segmented<StatsArea>
              value={area}
              onChange={setArea}
              options={[
                { value: 'all', label: t('cashless.area.all') },
                { value: 'ward', label: t('cashless.area.ward') },
              ]}
            />
          )}
        </Space>
      </Card>
      {stats.error && <ErrorAlert error={stats.error} onRetry={stats.reload} />}
      {!data && stats.loading && <Skeleton active paragraph={{ rows: 8 }} />}
      {data && (
        <>
          <Card
            className="section-card"
            title={t('cashless.stats.summary', {
              unit: data.unit.fullName,
              from: monthLabel(data.from),
              to: monthLabel(data.to),
            })}
          >
            <Row gutter={[24, 16]}>
              {(['school', 'health_facility'] as const).map((kind) => (
                <Col xs={24} md={12} key={kind}>
                  <Typography.Title level={3} className="cashless-kind-title">
                    {t(KIND_LABEL[kind])}
                    {shownArea === 'ward' ? ` — ${t('cashless.area.ward')}` : ''}
                  </Typography.Title>
                  <Row gutter={16}>
                    <Col span={12}>
                      <Statistic
                        title={t('cashless.col.cashlessShare')}
                        value={shareText(period(kind)?.cashlessShare ?? null, lang)}
                      />
                    </Col>
                    <Col span={12}>
                      <Statistic
                        title={t('cashless.col.fullyShare')}
                        value={shareText(period(kind)?.fullyCashlessShare ?? null, lang)}
                        suffix={
                          period(kind) ? (
                            <span className="cashless-suffix">
                              ({period(kind)!.fullyCashless}/{period(kind)!.transacting})
                            </span>
                          ) : null
                        }
                      />
                    </Col>
                  </Row>
                  <Typography.Paragraph type="secondary">
                    {t('cashless.stats.reporting', {
                      reporting: period(kind)?.reporting ?? 0,
                      registered: period(kind)?.registered ?? 0,
                    })}
                  </Typography.Paragraph>
                </Col>
              ))}
            </Row>
            <Typography.Paragraph type="secondary" className="cashless-note">
              {t('cashless.stats.definitions')}
            </Typography.Paragraph>
          </Card>
          <Card className="section-card" title={t('cashless.chart.title')}>
            <Suspense fallback={<Skeleton.Node active className="cashless-chart-skeleton" />}>
              <CashlessChart rows={data.rows} unitCode={data.unit.code} months={data.months} area={shownArea} />
            </Suspense>
          </Card>
          <Card className="section-card" title={t('cashless.stats.byMonth')}>
            <ScrollRegion label={t('cashless.stats.byMonth')} wide>
              <Table<Line>
                rowKey="key"
                columns={monthColumn}
                dataSource={monthLines}
                pagination={false}
                size="small"
                bordered
                rowClassName={(l) => (l.key === 'period' ? 'cashless-period-row' : '')}
              />
            </ScrollRegion>
          </Card>
          {communeLines.length > 0 && (
            <Card className="section-card" title={t('cashless.stats.byCommune')}>
              <ScrollRegion label={t('cashless.stats.byCommune')} wide maxHeight={560}>
                <Table<Line>
                  rowKey="key"
                  columns={communeColumn}
                  dataSource={communeLines}
                  pagination={false}
                  size="small"
                  bordered
                />
              </ScrollRegion>
            </Card>
          )}
        </>
      )}
    </>
  );
}
