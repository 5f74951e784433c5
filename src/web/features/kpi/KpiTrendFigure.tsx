import { ArrowDownOutlined, ArrowRightOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { Indicator } from '../../../contracts/kpi';
import { useI18n } from '../../shell/i18n';
import { formatValue } from './kpi-figures';
import { useKpiText } from './kpi-text';
import { sparkline, type IndicatorTrend, type TrendChange } from './kpi-trend';
import { LightTag, periodLabel } from './KpiParts';

const WIDTH = 96;
const HEIGHT = 28;
const DOT: Record<string, string> = { met: '#1a7837', not_met: '#b2182b', no_data: '#8c8c8c' };

/**
 * An indicator's trend over the last periods: a small line (a picture only, hidden from screen
 * readers; none for a single figure), the change since the last earlier figure in words, and every
 * period's figure in a table.
 */
export function KpiTrendFigure({ trend, indicator }: { trend: IndicatorTrend; indicator: Indicator }) {
  const t = useKpiText();
  const { lang } = useI18n();
  const line = sparkline(trend.points, indicator.threshold, WIDTH, HEIGHT);
  return (
    <div className="kpi-trend" data-testid={`kpi-trend-${indicator.code}`}>
      <div className="kpi-trend-row">
        {line.dots.length > 1 && (
          <svg
            className="kpi-sparkline"
            width={WIDTH}
            height={HEIGHT}
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            aria-hidden
            focusable="false"
          >
            <line x1={0} x2={WIDTH} y1={line.thresholdY} y2={line.thresholdY} className="kpi-sparkline-threshold" />
            {line.paths.map((d) => (
              <path key={d} d={d} className="kpi-sparkline-line" />
            ))}
            {line.dots.map((dot) => (
              <circle key={`${dot.x}`} cx={dot.x} cy={dot.y} r={2.5} fill={DOT[dot.light]} />
            ))}
          </svg>
        )}
        <ChangeText change={trend.change} />
      </div>
      <details className="kpi-how">
        <summary>{t('kpi.trend.table', { count: trend.points.length })}</summary>
        <table className="kpi-trend-table">
          <thead>
            <tr>
              <th scope="col">{t('kpi.trend.period')}</th>
              <th scope="col">{t('kpi.table.value')}</th>
              <th scope="col">{t('kpi.table.status')}</th>
            </tr>
          </thead>
          <tbody>
            {[...trend.points].reverse().map((p) => (
              <tr key={p.period}>
                <th scope="row">{periodLabel(t, p.period)}</th>
                <td className="kpi-num">{p.value === null ? '—' : formatValue(p.value, lang, indicator.threshold)}</td>
                <td>{p.computed ? <LightTag light={p.light} t={t} /> : t('kpi.trend.notComputed')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

function ChangeText({ change }: { change: TrendChange | null }) {
  const t = useKpiText();
  const { lang } = useI18n();
  if (!change) return <span className="kpi-trend-change">{t('kpi.trend.none')}</span>;
  const Icon = { up: ArrowUpOutlined, down: ArrowDownOutlined, same: ArrowRightOutlined }[change.direction];
  const tone = change.better === null ? '' : change.better ? ' kpi-trend-better' : ' kpi-trend-worse';
  const points = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(
    change.points,
  );
  return (
    <span className={`kpi-trend-change${tone}`}>
      <Icon aria-hidden /> {t(`kpi.trend.${change.direction}`, { points, period: periodLabel(t, change.since) })}
    </span>
  );
}
