import { Card, Col, Row, Select, Skeleton, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Indicator, KpiTable } from '../../../contracts/kpi';
import type { ApiState } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { useKpiText } from './kpi-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScrollRegion } from '../../components/ScrollRegion';
import type { CommuneShapes } from './kpi-api';
import {
  formatRatio,
  formatThreshold,
  formatValue,
  noDataReason,
  rankCommunes,
  type RankedCommune,
} from './kpi-figures';
import { KpiMap } from './KpiMap';
import { LightTag, reasonText, targetLabel } from './KpiParts';

interface Props {
  table: KpiTable;
  indicatorCode: string | undefined;
  onIndicator: (code: string) => void;
  shapes: ApiState<CommuneShapes>;
  nameOf: (unitCode: string) => string;
}

/** The communes ranked by the chosen indicator: the indicator picker, a map and the same figures as a table. */
export function CommuneRanking({ table, indicatorCode, onIndicator, shapes, nameOf }: Props) {
  const t = useKpiText();
  const { pick, lang } = useI18n();
  const choices = table.indicators.filter((i) => i.unitLevels.includes('commune'));
  const indicator = choices.find((i) => i.code === indicatorCode);
  const rows = indicator ? rankCommunes(table.values, indicator.code, nameOf) : [];
  const name = indicator ? pick(indicator.nameVi, indicator.nameEn) : '';
  return (
    <section aria-labelledby="kpi-ranking-title" data-testid="kpi-ranking" className="kpi-ranking">
      <h2 id="kpi-ranking-title" className="kpi-section-title" tabIndex={-1}>
        {t('kpi.ranking.title')}
      </h2>
      {choices.length === 0 ? (
        <Typography.Paragraph>{t('kpi.ranking.none')}</Typography.Paragraph>
      ) : (
        <label className="kpi-field kpi-indicator-field">
          <span className="kpi-field-label">{t('kpi.ranking.indicator')}</span>
          <Select<string>
            value={indicator?.code}
            onChange={onIndicator}
            data-testid="kpi-ranking-indicator"
            options={choices.map((i) => ({
              value: i.code,
              label: `${targetLabel(t, i.target)} · ${pick(i.nameVi, i.nameEn)}`,
            }))}
          />
        </label>
      )}
      {indicator && rows.length === 0 && <Typography.Paragraph>{t('kpi.ranking.noCommunes')}</Typography.Paragraph>}
      {indicator && rows.length > 0 && (
        <>
          <Typography.Paragraph className="kpi-ranking-summary" data-testid="kpi-ranking-summary">
            {t('kpi.ranking.summary', {
              below: rows.filter((r) => r.light === 'not_met').length,
              count: rows.length,
              threshold: formatThreshold(indicator.comparison, indicator.threshold, lang),
              noData: rows.filter((r) => r.light === 'no_data').length,
            })}
          </Typography.Paragraph>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={11}>
              <Card title={<h3 className="kpi-target-title">{t('kpi.map.title')}</h3>} className="section-card">
                {shapes.error && <ErrorAlert error={shapes.error} onRetry={shapes.reload} />}
                {!shapes.data && !shapes.error && <Skeleton.Node active className="kpi-map-skeleton" />}
                {shapes.data && <KpiMap shapes={shapes.data} rows={rows} indicator={indicator} name={name} />}
              </Card>
            </Col>
            <Col xs={24} xl={13}>
              <Card title={<h3 className="kpi-target-title">{name}</h3>} className="section-card">
                <RankingTable rows={rows} indicator={indicator} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </section>
  );
}

function RankingTable({ rows, indicator }: { rows: RankedCommune[]; indicator: Indicator }) {
  const t = useKpiText();
  const { lang } = useI18n();
  const columns: TableColumnsType<RankedCommune> = [
    {
      title: t('kpi.table.rank'),
      dataIndex: 'rank',
      align: 'end',
      width: 64,
      render: (rank: number | null) => rank ?? '—',
    },
    { title: t('kpi.table.commune'), dataIndex: 'name' },
    {
      title: t('kpi.table.value'),
      key: 'value',
      align: 'end',
      className: 'nowrap',
      render: (_: unknown, r) =>
        r.light === 'no_data' ? t('kpi.light.no_data') : formatValue(r.value!.value!, lang, indicator.threshold),
    },
    {
      title: t('kpi.table.ratio'),
      key: 'ratio',
      align: 'end',
      className: 'nowrap',
      render: (_: unknown, r) =>
        r.light === 'no_data' ? '—' : formatRatio(r.value!.numerator!, r.value!.denominator!, lang),
    },
    {
      title: t('kpi.table.status'),
      key: 'status',
      render: (_: unknown, r) => {
        const reason = noDataReason(r.value, indicator, 'commune');
        return (
          <>
            <LightTag light={r.light} t={t} />
            {reason && <div className="kpi-reason-cell">{reasonText(t, reason)}</div>}
          </>
        );
      },
    },
  ];
  return (
    <div data-testid="kpi-ranking-table">
      <ScrollRegion label={t('kpi.table.label')} maxHeight={520}>
        <Table<RankedCommune>
          rowKey="unitCode"
          columns={columns}
          dataSource={rows}
          pagination={false}
          size="small"
          rowClassName={(r) => (r.light === 'not_met' ? 'kpi-row-below' : '')}
        />
      </ScrollRegion>
    </div>
  );
}
