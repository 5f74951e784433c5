import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Row, Segmented, Select, Skeleton, Table, Typography } from 'antd';
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
  rankingLevels,
  type RankedCommune,
} from './kpi-figures';
import { mayDrill } from './kpi-list';
import { KpiMap } from './KpiMap';
import { LightTag, reasonText, targetLabel } from './KpiParts';

interface Props {
  table: KpiTable;
  indicatorCode: string | undefined;
  onIndicator: (code: string) => void;
  shapes: ApiState<CommuneShapes>;
  nameOf: (unitCode: string) => string;
  /** Opens the list behind a commune's figure of the ranked indicator. */
  onDrill: (unitCode: string) => void;
  /** Indicators the server said have no list behind them. */
  noList: ReadonlySet<string>;
}

/**
 * The communes ranked by the chosen indicator: the indicator picker, a map and the same figures as a
 * table, each commune's figure opening the list behind it. On the former structure (districts and
 * communes before 1/7/2025) the map of today's communes does not apply: the table only, and why.
 */
export function CommuneRanking({ table, indicatorCode, onIndicator, shapes, nameOf, onDrill, noList }: Props) {
  const t = useKpiText();
  const { pick, lang } = useI18n();
  const structure = table.run!.structure;
  const choices = table.indicators.filter((i) => i.unitLevels.includes('commune'));
  const indicator = choices.find((i) => i.code === indicatorCode);
  const levels = rankingLevels(table.values);
  const [chosenLevel, setLevel] = useState<'commune' | 'district'>('commune');
  const level = levels.includes(chosenLevel) ? chosenLevel : 'commune';
  const rows = useMemo(
    () => (indicator ? rankCommunes(table.values, indicator.code, nameOf, level) : []),
    [table.values, indicator, nameOf, level],
  );
  const drillable = useMemo(
    () =>
      new Set(
        indicator && !noList.has(indicator.code)
          ? rows.filter((r) => mayDrill(indicator, r.value, structure)).map((r) => r.unitCode)
          : [],
      ),
    [rows, indicator, noList, structure],
  );
  const onSelect = useMemo(
    () => (drillable.size ? (code: string) => drillable.has(code) && onDrill(code) : undefined),
    [drillable, onDrill],
  );
  const name = indicator ? pick(indicator.nameVi, indicator.nameEn) : '';
  const showMap = structure === 'current';
  return (
    <section aria-labelledby="kpi-ranking-title" data-testid="kpi-ranking" className="kpi-ranking">
      <h2 id="kpi-ranking-title" className="kpi-section-title" tabIndex={-1}>
        {structure === 'former' ? t('kpi.ranking.titleFormer') : t('kpi.ranking.title')}
      </h2>
      {choices.length === 0 ? (
        <Typography.Paragraph>{t('kpi.ranking.none')}</Typography.Paragraph>
      ) : (
        <div className="kpi-ranking-pickers">
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
          {levels.length > 1 && (
            <Segmented
              aria-label={t('kpi.ranking.level')}
              value={level}
              onChange={setLevel}
              options={levels.map((l) => ({ value: l, label: t(`kpi.ranking.level.${l}`) }))}
            />
          )}
        </div>
      )}
      {indicator && rows.length === 0 && <Typography.Paragraph>{t('kpi.ranking.noCommunes')}</Typography.Paragraph>}
      {indicator && rows.length > 0 && (
        <>
          <Typography.Paragraph className="kpi-ranking-summary" data-testid="kpi-ranking-summary">
            {t(level === 'district' ? 'kpi.ranking.summaryDistricts' : 'kpi.ranking.summary', {
              below: rows.filter((r) => r.light === 'not_met').length,
              count: rows.length,
              threshold: formatThreshold(indicator.comparison, indicator.threshold, lang),
              noData: rows.filter((r) => r.light === 'no_data').length,
            })}
          </Typography.Paragraph>
          {drillable.size > 0 && <Typography.Paragraph type="secondary">{t('kpi.map.drill')}</Typography.Paragraph>}
          {!showMap && (
            <Alert
              type="info"
              showIcon
              className="kpi-map-former"
              title={t('kpi.map.former')}
              data-testid="kpi-map-former"
            />
          )}
          <Row gutter={[16, 16]}>
            {showMap && (
              <Col xs={24} xl={11}>
                <Card title={<h3 className="kpi-target-title">{t('kpi.map.title')}</h3>} className="section-card">
                  {shapes.error && <ErrorAlert error={shapes.error} onRetry={shapes.reload} />}
                  {!shapes.data && !shapes.error && <Skeleton.Node active className="kpi-map-skeleton" />}
                  {shapes.data && (
                    <KpiMap shapes={shapes.data} rows={rows} indicator={indicator} name={name} onSelect={onSelect} />
                  )}
                </Card>
              </Col>
            )}
            <Col xs={24} xl={showMap ? 13 : 24}>
              <Card title={<h3 className="kpi-target-title">{name}</h3>} className="section-card">
                <RankingTable rows={rows} indicator={indicator} level={level} drillable={drillable} onDrill={onDrill} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </section>
  );
}

function RankingTable(props: {
  rows: RankedCommune[];
  indicator: Indicator;
  level: 'commune' | 'district';
  drillable: ReadonlySet<string>;
  onDrill: (unitCode: string) => void;
}) {
  const { rows, indicator, level, drillable, onDrill } = props;
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
    {
      title: level === 'district' ? t('kpi.table.district') : t('kpi.table.commune'),
      key: 'name',
      render: (_: unknown, r) => (
        <>
          <div>{r.name}</div>
          {drillable.has(r.unitCode) && (
            <Button
              type="link"
              size="small"
              className="kpi-drill"
              aria-label={t('kpi.drill.openLabel', { unit: r.name })}
              onClick={() => onDrill(r.unitCode)}
            >
              {t('kpi.drill.open')}
            </Button>
          )}
        </>
      ),
    },
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
        const reason = noDataReason(r.value, indicator, level);
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
