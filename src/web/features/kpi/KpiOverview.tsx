import { Button, Card, Col, Row, Typography } from 'antd';
import type { Indicator, KpiTable, KpiValue } from '../../../contracts/kpi';
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
import { LightTag, reasonText, targetLabel } from './KpiParts';

interface Props {
  table: KpiTable;
  /** The unit shown: the province, or a commune-level leader's commune. */
  unit: { code: string; level: KpiValue['unitLevel'] };
  unitName: string;
  /** Shows the ranking of the communes by this indicator. */
  onRank?: (indicatorCode: string) => void;
}

/** Each target of the plan (then the service index) with its indicators' figures for one unit. */
export function KpiOverview({ table, unit, unitName, onRank }: Props) {
  const t = useKpiText();
  const find = indexValues(table.values);
  return (
    <section aria-labelledby="kpi-overview-title" data-testid="kpi-overview">
      <h2 id="kpi-overview-title" className="kpi-section-title">
        {unit.level === 'province' ? t('kpi.overview.title') : t('kpi.overview.titleUnit', { unit: unitName })}
      </h2>
      <Row gutter={[16, 16]}>
        {groupByTarget(table.indicators).map(({ target, indicators }) => (
          <Col xs={24} lg={12} xxl={8} key={target ?? 'index'}>
            <Card
              className="section-card kpi-target"
              title={<h3 className="kpi-target-title">{targetLabel(t, target)}</h3>}
            >
              <ul className="kpi-indicators">
                {indicators.map((indicator) => (
                  <IndicatorFigure
                    key={indicator.code}
                    indicator={indicator}
                    value={find(indicator.code, unit.code)}
                    level={unit.level}
                    onRank={onRank && indicator.unitLevels.includes('commune') ? onRank : undefined}
                  />
                ))}
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
}) {
  const { indicator, value, level, onRank } = props;
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
      </div>
    </li>
  );
}
