// The quality map's echarts setup: the shared core (tooltip, canvas renderer) with the map chart and its visual map.
import { MapChart, type MapSeriesOption } from 'echarts/charts';
import { VisualMapComponent, type TooltipComponentOption, type VisualMapComponentOption } from 'echarts/components';
import { echarts } from '../../components/echarts-core';

echarts.use([MapChart, VisualMapComponent]);

/** The option type of the quality map. */
export type MapChartOption = echarts.ComposeOption<MapSeriesOption | TooltipComponentOption | VisualMapComponentOption>;

/** The GeoJSON shape registerMap accepts. */
export type MapGeoJson = Parameters<typeof echarts.registerMap>[1];

export { echarts };
