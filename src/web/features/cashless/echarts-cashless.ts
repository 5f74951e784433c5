// The shared echarts core (canvas renderer + tooltip), extended with what the
// cashless chart draws: bars, lines, a grid, a legend and the target line. Loaded only with CashlessChart (lazy).
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { echarts } from '../../components/echarts-core';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent]);

/** The option type of the cashless chart. */
export type CashlessChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

export { echarts };
