import { useEffect, useEffectEvent, useRef } from 'react';
import type { Indicator } from '../../../contracts/kpi';
import { useI18n } from '../../shell/i18n';
import { mountChart } from '../../components/echarts-mount';
import { echarts, type KpiMapOption, type KpiMapShapes } from './echarts-setup';
import type { CommuneShapes } from './kpi-api';
import {
  formatThreshold,
  formatValue,
  higherIsBetter,
  mapShade,
  type MapShade,
  type RankedCommune,
} from './kpi-figures';
import { useKpiText, type KpiTranslate } from './kpi-text';

const MAP = 'laichau-kpi';

/** Colours of the shades (the legend under the map names each in words, with its count). */
const COLOUR: Record<MapShade, string> = { met: '#1a7837', near: '#f4a582', far: '#b2182b', no_data: '#d9d9d9' };

interface Props {
  shapes: CommuneShapes;
  rows: RankedCommune[];
  indicator: Indicator;
  /** The indicator's name in the current language (the map's accessible name says what it shows). */
  name: string;
  /** A click (a tap) on a commune opens the list behind its figure, where it has one. */
  onSelect?: (unitCode: string) => void;
}

/**
 * Today's communes shaded by one indicator: met, not met but at least half way, further, no figure
 * (grey). A picture for the eye: the legend says each shade in words and the ranking table beside it
 * has every figure.
 */
export function KpiMap({ shapes, rows, indicator, name, onSelect }: Props) {
  const t = useKpiText();
  const { lang } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const shades = rows.map((row) => ({ row, shade: mapShade(row, indicator) }));
  // The latest handler, without drawing the map again when it changes.
  const select = useEffectEvent((unitCode: string) => onSelect?.(unitCode));

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    echarts.registerMap(MAP, shapes as unknown as KpiMapShapes);
    const byCode = new Map(rows.map((r) => [r.unitCode, r]));
    const figure = (r: RankedCommune) =>
      r.light === 'no_data' ? t('kpi.light.no_data') : formatValue(r.value!.value!, lang, indicator.threshold);
    const option: KpiMapOption = {
      tooltip: {
        trigger: 'item',
        formatter: (params: unknown) => {
          const row = byCode.get((params as { name: string }).name);
          return row ? `<strong>${escapeHtml(row.name)}</strong><br/>${escapeHtml(figure(row))}` : '';
        },
      },
      series: [
        {
          type: 'map',
          map: MAP,
          nameProperty: 'code',
          roam: false,
          selectedMode: false,
          layoutCenter: ['50%', '50%'],
          layoutSize: '100%',
          label: { show: false },
          itemStyle: { borderColor: '#ffffff', borderWidth: 0.8, areaColor: COLOUR.no_data },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd666' } },
          data: rows.map((r) => ({
            name: r.unitCode,
            value: r.value?.value ?? undefined,
            itemStyle: { areaColor: COLOUR[mapShade(r, indicator)] },
          })),
        },
      ],
    };
    return mountChart(el, (chart) => {
      chart.setOption(option);
      chart.on('click', (params) => select((params as { name: string }).name));
    });
  }, [shapes, rows, indicator, lang, t]);

  const count = (shade: MapShade) => shades.filter((s) => s.shade === shade).length;
  const legend = legendOf(t, indicator, lang);
  return (
    <>
      <div ref={box} className="kpi-map" role="img" aria-label={t('kpi.map.label', { name })} data-testid="kpi-map" />
      <ul className="kpi-map-legend" aria-label={t('kpi.map.legend')}>
        {legend.map(([shade, label]) => (
          <li key={shade}>
            <span className="kpi-swatch" style={{ background: COLOUR[shade] }} aria-hidden />
            {label} ({count(shade)})
          </li>
        ))}
      </ul>
    </>
  );
}

function legendOf(t: KpiTranslate, indicator: Indicator, lang: 'vi' | 'en'): Array<[MapShade, string]> {
  const threshold = formatThreshold(indicator.comparison, indicator.threshold, lang);
  const half = formatValue(indicator.threshold / 2, lang);
  return [
    ['met', t('kpi.map.met', { threshold })],
    ...(higherIsBetter(indicator.comparison)
      ? ([
          ['near', t('kpi.map.near', { half })],
          ['far', t('kpi.map.far', { half })],
        ] as Array<[MapShade, string]>)
      : ([['far', t('kpi.light.not_met')]] as Array<[MapShade, string]>)),
    ['no_data', t('kpi.light.no_data')],
  ];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
