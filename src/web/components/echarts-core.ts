// echarts imported piece by piece: the core, the tooltip and the canvas renderer that every chart
// of the app uses; each feature's setup adds its own charts (quality: the map; cashless: bars and lines).
import * as echarts from 'echarts/core';
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([TooltipComponent, CanvasRenderer]);

export { echarts };
