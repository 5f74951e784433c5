import { useEffect, useRef } from 'react';
import type { StatsRow } from '../../../contracts/cashless';
import { useI18n } from '../../shell/i18n';
import { chartSeries, monthLabel } from './cashless-labels';
import { mountChart } from '../../components/echarts-mount';
// Registers the bar and line charts and the grid (the import's side effect).
import './echarts-cashless';
import type { CashlessChartOption } from './echarts-cashless';

interface Props {
  rows: readonly StatsRow[];
  unitCode: string;
  months: readonly string[];
  area: StatsRow['area'];
}

/**
 * Per month: the share of transactions that are cashless (bars) and the share of facilities
 * that are fully cashless (lines), for schools and health facilities; the 100% target as a line.
 * Loaded lazily (echarts stays out of the other pages' bundles).
 */
export default function CashlessChart({ rows, unitCode, months, area }: Props) {
  const { t, lang } = useI18n();
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const series = chartSeries(rows, unitCode, months, area);
    const percent = (v: unknown) =>
      typeof v === 'number' ? `${v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}%` : '—';
    const option: CashlessChartOption = {
      tooltip: { trigger: 'axis', valueFormatter: percent },
      legend: { top: 0, textStyle: { fontSize: 13 } },
      grid: { left: 48, right: 16, top: 64, bottom: 32 },
      xAxis: { type: 'category', data: months.map(monthLabel) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          name: t('cashless.chart.schoolShare'),
          data: series.schoolShare,
          itemStyle: { color: '#1d39c4' },
          markLine: {
            silent: true,
            symbol: 'none',
            data: [{ yAxis: 100, name: t('cashless.chart.target') }],
            lineStyle: { color: '#a8071a', type: 'dashed' },
            label: { formatter: t('cashless.chart.target'), position: 'insideEndTop' },
          },
        },
        {
          type: 'bar',
          name: t('cashless.chart.healthShare'),
          data: series.healthShare,
          itemStyle: { color: '#08979c' },
        },
        {
          type: 'line',
          name: t('cashless.chart.schoolFully'),
          data: series.schoolFully,
          connectNulls: false,
          lineStyle: { color: '#597ef7', width: 2 },
          itemStyle: { color: '#597ef7' },
        },
        {
          type: 'line',
          name: t('cashless.chart.healthFully'),
          data: series.healthFully,
          connectNulls: false,
          lineStyle: { color: '#36cfc9', width: 2, type: 'dashed' },
          itemStyle: { color: '#36cfc9' },
        },
      ],
    };
    return mountChart(el, (chart) => chart.setOption(option));
  }, [rows, unitCode, months, area, t, lang]);

  return (
    <div
      ref={container}
      className="cashless-chart"
      role="img"
      aria-label={t('cashless.chart.label')}
      data-testid="cashless-chart"
    />
  );
}
