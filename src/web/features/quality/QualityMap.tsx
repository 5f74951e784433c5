import { useEffect, useRef } from 'react';
import { Skeleton } from 'antd';
import type { QualityScore } from '../../../contracts/population';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { mountChart } from '../../components/echarts-mount';
import { formatPercent } from '../../components/format';
import { echarts, type MapChartOption, type MapGeoJson } from './echarts-setup';
import { fetchCommuneGeoJson, type CommuneFeatureCollection } from './quality-api';

const MAP_NAME = 'laichau';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Lowest value of the colour scale: the worst score rounded down to 5%, so small differences show. */
function scaleMin(scores: QualityScore[]): number {
  const worst = Math.min(...scores.map((s) => s.score * 100), 100);
  return Math.max(0, Math.floor(worst / 5) * 5 - (worst % 5 === 0 ? 5 : 0));
}

interface Props {
  communes: QualityScore[];
}

/** The current communes coloured by quality score; the tooltip names the commune and its score. */
export function QualityMap({ communes }: Props) {
  const { t, lang } = useI18n();
  const geo = useApi((_signal) => fetchCommuneGeoJson(), []);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = container.current;
    const geoJson = geo.data;
    if (!el || !geoJson) return;
    echarts.registerMap(MAP_NAME, geoJson as unknown as MapGeoJson);
    return mountChart(el, (chart) =>
      chart.setOption(
        buildOption(geoJson, communes, lang, t('quality.map.score'), t('quality.map.noData'), [
          t('quality.map.high'),
          t('quality.map.low'),
        ]),
      ),
    );
  }, [geo.data, communes, lang, t]);

  if (geo.error) return <ErrorAlert error={geo.error} onRetry={geo.reload} />;
  if (!geo.data) return <Skeleton.Node active className="map-skeleton" />;
  return (
    <div
      ref={container}
      className="quality-map"
      role="img"
      aria-label={t('quality.map.label')}
      data-testid="quality-map"
    />
  );
}

function buildOption(
  geoJson: CommuneFeatureCollection,
  communes: QualityScore[],
  lang: 'vi' | 'en',
  scoreLabel: string,
  noDataLabel: string,
  highLow: [string, string],
): MapChartOption {
  const names = new Map(geoJson.features.map((f) => [f.properties.code, f.properties.fullName]));
  const byCode = new Map(communes.map((c) => [c.unitCode, c]));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const code = (params as { name: string }).name;
        const score = byCode.get(code);
        const name = escapeHtml(score?.unitName ?? names.get(code) ?? code);
        return score
          ? `<strong>${name}</strong><br/>${scoreLabel}: ${formatPercent(score.score, lang)}`
          : `<strong>${name}</strong><br/>${noDataLabel}`;
      },
    },
    visualMap: {
      type: 'continuous',
      min: scaleMin(communes),
      max: 100,
      left: 8,
      bottom: 8,
      text: highLow,
      calculable: false,
      precision: 0,
      inRange: { color: ['#b2182b', '#f4a582', '#fddbc7', '#a6d96a', '#1a7837'] },
      textStyle: { color: '#1f1f1f', fontSize: 14 },
      formatter: (value: unknown) => `${Math.round(Number(value))}%`,
    },
    series: [
      {
        type: 'map',
        map: MAP_NAME,
        nameProperty: 'code',
        roam: false,
        selectedMode: false,
        left: 64,
        right: 8,
        top: 8,
        bottom: 8,
        label: { show: false },
        itemStyle: { borderColor: '#ffffff', borderWidth: 0.8, areaColor: '#d9d9d9' },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd666' } },
        data: communes.map((c) => ({ name: c.unitCode, value: Math.round(c.score * 1000) / 10 })),
      },
    ],
  };
}
