import { Card, Segmented, Select } from 'antd';
import type { KpiStructure } from '../../../contracts/kpi';
import { useKpiText } from './kpi-text';
import { periodKind, periodOf, PERIOD_KINDS, recentPeriods } from './kpi-figures';
import { periodLabel } from './KpiParts';

interface Props {
  period: string;
  structure: KpiStructure;
  today: string;
  onPeriod: (period: string) => void;
  onStructure: (structure: KpiStructure) => void;
}

/** The period (its kind, then which one) and the unit structure the figures are read on. */
export function KpiFilters({ period, structure, today, onPeriod, onStructure }: Props) {
  const t = useKpiText();
  const kind = periodKind(period)!;
  const options = recentPeriods(kind, today);
  // An address may name a period the list does not offer (older, or in the future: the API says why).
  if (!options.includes(period)) options.unshift(period);
  return (
    <Card className="section-card kpi-period" data-testid="kpi-period">
      <div className="kpi-period-row">
        <Segmented
          aria-label={t('kpi.period.kind')}
          value={kind}
          onChange={(k) => onPeriod(periodOf(k, today))}
          options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`kpi.period.kind.${k}`) }))}
        />
        <label className="kpi-field">
          <span className="kpi-field-label">{t('kpi.period.label')}</span>
          <Select<string>
            value={period}
            onChange={onPeriod}
            className="kpi-period-select"
            options={options.map((p) => ({ value: p, label: periodLabel(t, p) }))}
          />
        </label>
        <label className="kpi-field" data-testid="kpi-structure">
          <span className="kpi-field-label">{t('kpi.structure.label')}</span>
          <Select<KpiStructure>
            value={structure}
            onChange={onStructure}
            className="kpi-structure-select"
            popupMatchSelectWidth={false}
            options={(['current', 'former'] as const).map((s) => ({ value: s, label: t(`kpi.structure.${s}`) }))}
          />
        </label>
      </div>
    </Card>
  );
}
