import { echarts } from './echarts-core';

/** A chart drawn by mountChart. */
export type MountedChart = ReturnType<typeof echarts.init>;

/**
 * Draws a chart in `el` and keeps it fitted to the element: `draw` (setOption, event handlers) runs
 * once the element has a size, and a resize to no size — the element hidden or collapsed for a moment
 * while the page lays out — is skipped. echarts cannot draw at 0 × 0: a map's view transform is then
 * not invertible and the resize threw "Cannot read properties of null (reading '0')" (the dashboard's
 * map, when the list behind a commune's figure opened on a phone). Returns the cleanup of an effect.
 */
export function mountChart(el: HTMLElement, draw: (chart: MountedChart) => void): () => void {
  const chart = echarts.init(el, undefined, { renderer: 'canvas' });
  let drawn = false;
  const fit = () => {
    if (el.clientWidth === 0 || el.clientHeight === 0) return;
    chart.resize();
    if (!drawn) {
      drawn = true;
      draw(chart);
    }
  };
  fit();
  const observer = new ResizeObserver(fit);
  observer.observe(el);
  return () => {
    observer.disconnect();
    chart.dispose();
  };
}
