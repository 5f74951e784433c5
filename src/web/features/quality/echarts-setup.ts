// echarts imported piece by piece: only the map chart, its components and the canvas renderer.
import * as echarts from 'echarts/core';
import { MapChart, type MapSeriesOption } from 'echarts/charts';
import {
  TooltipComponent,
  VisualMapComponent,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);

/** The option type of the charts this app draws. */
export type MapChartOption = echarts.ComposeOption<MapSeriesOption | TooltipComponentOption | VisualMapComponentOption>;

/** The GeoJSON shape registerMap accepts. */
export type MapGeoJson = Parameters<typeof echarts.registerMap>[1];

export { echarts };
