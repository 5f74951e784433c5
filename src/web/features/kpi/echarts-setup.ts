// The dashboard's echarts: the app's shared core (tooltip, canvas) with the map chart.
import { MapChart, type MapSeriesOption } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import { echarts } from '../../components/echarts-core';

echarts.use([MapChart]);

/** The option of the dashboard's map. */
export type KpiMapOption = echarts.ComposeOption<MapSeriesOption | TooltipComponentOption>;

/** The GeoJSON registerMap takes. */
export type KpiMapShapes = Parameters<typeof echarts.registerMap>[1];

export { echarts };
