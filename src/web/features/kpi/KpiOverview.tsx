import { Button, Card, Col, Row, Typography } from 'antd';
import type { Indicator, KpiTable, KpiTrend, KpiValue } from '../../../contracts/kpi';
import type { ApiState } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { useKpiText } from './kpi-text';
import {
  formatRatio,
  formatThreshold,
  formatValue,
  groupByTarget,
  indexValues,
  lightOf,
  noDataReason,
} from './kpi-figures';
import { mayDrill } from './kpi-list';
import { indicatorTrend, type IndicatorTrend } from './kpi-trend';
import { LightTag, reasonText, targetLabel } from './KpiParts';
import { KpiTrendFigure } from './KpiTrendFigure';

interface Props {
  table: KpiTable;
  /** The unit shown: the province, or a commune-level leader's commune. */
  unit: { code: string; level: KpiValue['unitLevel'] };
  unitName: string;
  /** Shows the ranking of the communes by this indicator. */
  onRank?: (indicatorCode: string) => void;
  /** The unit's values over the last periods (absent until the API answers, or when it cannot). */
  trend: ApiState<KpiTrend>;
  /** Opens the list behind the unit's figure of an indicator (a commune's overview). */
  onDrill: (indicatorCode: string) => void;
  /** Indicators the server said have no list behind them. */
  noList: ReadonlySet<string>;
}

/** Each target of the plan (then the service index) with its indicators' figures for one unit. */
export function KpiOverview({ table, unit, unitName, onRank, trend, onDrill, noList }: Props) {
  const t = useKpiText();
  const { pick } = useI18n();
  const find = indexValues(table.values);
  const structure = table.run!.structure;
  // The trend of what is shown: its unit, structure and last period (an answer for the previous choice is not).
  const shownTrend =
    trend.data?.unitCode === unit.code &&
    trend.data.structure === structure &&
    trend.data.periods.at(-1)?.period === table.run!.period
      ? trend.data
      : undefined;
  return (
    <section aria-labelledby="kpi-overview-title" data-testid="kpi-overview">
      <h2 id="kpi-overview-title" className="kpi-section-title">
        {unit.level === 'province' ? t('kpi.overview.title') : t('kpi.overview.titleUnit', { unit: unitName })}
      </h2>
      {trend.error && (
        <Typography.Paragraph type="secondary" data-testid="kpi-trend-error">
          {t('kpi.trend.error', { message: pick(trend.error.messageVi, trend.error.messageEn) })}
        </Typography.Paragraph>
      )}
      <Row gutter={[16, 16]}>
        {groupByTarget(table.indicators).map(({ target, indicators }) => (
          <Col xs={24} lg={12} xxl={8} key={target ?? 'index'}>
            <Card
              className="section-card kpi-target"
              title={<h3 className="kpi-target-title">{targetLabel(t, target)}</h3>}
            >
              <ul className="kpi-indicators">
                {indicators.map((indicator) => {
                  const value = find(indicator.code, unit.code);
                  const drill = mayDrill(indicator, value, structure) && !noList.has(indicator.code);
                  return (
                    <IndicatorFigure
                      key={indicator.code}
                      indicator={indicator}
                      value={value}
                      level={unit.level}
                      onRank={onRank && indicator.unitLevels.includes('commune') ? onRank : undefined}
                      onDrill={drill ? onDrill : undefined}
                      trend={indicatorTrend(shownTrend, indicator.code, indicator.comparison)}
                    />
                  );
                })}
              </ul>
            </Card>
          </Col>
        ))}
      </Row>
    </section>
  );
}

function IndicatorFigure(props: {
  indicator: Indicator;
  value: KpiValue | undefined;
  level: KpiValue['unitLevel'];
  onRank?: (indicatorCode: string) => void;
  onDrill?: (indicatorCode: string) => void;
  trend: IndicatorTrend | null;
}) {
  const { indicator, value, level, onRank, onDrill, trend } = props;
  const t = useKpiText();
  const { pick, lang } = useI18n();
  const light = lightOf(value);
  const reason = noDataReason(value, indicator, level);
  const name = pick(indicator.nameVi, indicator.nameEn);
  return (
    <li className="kpi-indicator" data-testid={`kpi-indicator-${indicator.code}`}>
      <div className="kpi-indicator-head">
        <span className="kpi-indicator-name">{name}</span>
        <LightTag light={light} t={t} />
      </div>
      <dl className="kpi-facts">
        <div>
          <dt>{t('kpi.indicator.value')}</dt>
          <dd className={light === 'no_data' ? 'kpi-value kpi-value-none' : 'kpi-value'}>
            {light === 'no_data' ? t('kpi.light.no_data') : formatValue(value!.value!, lang, indicator.threshold)}
          </dd>
        </div>
        {light !== 'no_data' && (
          <div>
            <dt>{t('kpi.indicator.ratio')}</dt>
            <dd>{formatRatio(value!.numerator!, value!.denominator!, lang)}</dd>
          </div>
        )}
        <div>
          <dt>{t('kpi.indicator.threshold')}</dt>
          <dd>{formatThreshold(indicator.comparison, indicator.threshold, lang)}</dd>
        </div>
      </dl>
      {reason && <Typography.Paragraph className="kpi-reason">{reasonText(t, reason)}</Typography.Paragraph>}
      {trend && <KpiTrendFigure trend={trend} indicator={indicator} />}
      <div className="kpi-indicator-foot">
        <details className="kpi-how">
          <summary>{t('kpi.indicator.how')}</summary>
          <p>{t('kpi.indicator.numerator', { text: pick(indicator.numeratorVi, indicator.numeratorEn) })}</p>
          <p>{t('kpi.indicator.denominator', { text: pick(indicator.denominatorVi, indicator.denominatorEn) })}</p>
        </details>
        {onRank && (
          <Button
            size="small"
            aria-label={t('kpi.indicator.rankLabel', { name })}
            onClick={() => onRank(indicator.code)}
          >
            {t('kpi.indicator.rank')}
          </Button>
        )}
        {onDrill && (
          <Button
            size="small"
            aria-label={t('kpi.indicator.listLabel', { name })}
            onClick={() => onDrill(indicator.code)}
          >
            {t('kpi.indicator.list')}
          </Button>
        )}
      </div>
    </li>
  );
}
