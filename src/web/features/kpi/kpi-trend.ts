import type { Comparison, KpiTrend } from '../../../contracts/kpi';
import { higherIsBetter, type Light } from './kpi-figures';

/*
 * The trend of a target over the last periods (issue 15 §5), shaped for the overview: the points of
 * one indicator with their light, the change since the last earlier period that has a figure, and a
 * small line drawn from them (the table beside it has every figure). Pure: tested in kpi-trend.test.ts.
 */

/** How many periods a trend shows, ending with the chosen one. */
export const TREND_COUNT = 6;

export interface TrendPoint {
  period: string;
  /** Percent; null without a figure (no run of that period, not in force then, or no data). */
  value: number | null;
  light: Light;
  /** False where the period was never computed (or the indicator was not in force then). */
  computed: boolean;
}

/** The change of the chosen period's value since `since`, in percentage points. */
export interface TrendChange {
  direction: 'up' | 'down' | 'same';
  /** Absolute difference in percentage points, rounded to one decimal. */
  points: number;
  since: string;
  /** Whether the change goes the way the threshold asks; null when the value stayed the same. */
  better: boolean | null;
}

export interface IndicatorTrend {
  /** Oldest first, one per period of the trend. */
  points: TrendPoint[];
  change: TrendChange | null;
}

/**
 * The trend of one indicator, or null when the answer has no series for it or no period has a
 * figure (a line of gaps says nothing a "no data" tag does not).
 */
export function indicatorTrend(
  trend: KpiTrend | undefined,
  indicatorCode: string,
  comparison: Comparison,
): IndicatorTrend | null {
  const series = trend?.series.find((s) => s.indicatorCode === indicatorCode);
  if (!series) return null;
  const points: TrendPoint[] = series.points.map((p) => {
    const figure = p.status === 'ok' && p.value !== null && p.met !== null;
    return {
      period: p.period,
      value: figure ? p.value : null,
      light: figure ? (p.met ? 'met' : 'not_met') : 'no_data',
      computed: p.status !== null,
    };
  });
  if (points.every((p) => p.value === null)) return null;
  return { points, change: changeOf(points, comparison) };
}

function changeOf(points: TrendPoint[], comparison: Comparison): TrendChange | null {
  const last = points[points.length - 1];
  if (!last || last.value === null) return null;
  const before = points
    .slice(0, -1)
    .reverse()
    .find((p) => p.value !== null);
  if (!before) return null;
  const delta = Math.round((last.value - before.value!) * 10) / 10;
  if (delta === 0) return { direction: 'same', points: 0, since: before.period, better: null };
  const up = delta > 0;
  return {
    direction: up ? 'up' : 'down',
    points: Math.abs(delta),
    since: before.period,
    better: higherIsBetter(comparison) ? up : !up,
  };
}

/** A small line of the trend in an SVG box: one path per run of consecutive figures, a dot per figure. */
export interface Sparkline {
  /** SVG path data, one per stretch without a gap (a gap is not drawn as a line through it). */
  paths: string[];
  dots: Array<{ x: number; y: number; light: Light }>;
  /** The threshold's height in the box. */
  thresholdY: number;
}

/**
 * Draws the points in a `width` × `height` box: x evenly by period, y scaled between the lowest and
 * the highest of the figures and the threshold (so the line shows a change of a few points, and
 * whether it lies above or below the threshold), with 2 px of margin.
 */
export function sparkline(points: readonly TrendPoint[], threshold: number, width: number, height: number): Sparkline {
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  let low = Math.min(threshold, ...values);
  let high = Math.max(threshold, ...values);
  if (high - low < 1) {
    low -= 0.5;
    high += 0.5;
  }
  const margin = 2;
  const x = (i: number) =>
    points.length === 1 ? width / 2 : margin + (i * (width - 2 * margin)) / (points.length - 1);
  const y = (v: number) => margin + ((high - v) * (height - 2 * margin)) / (high - low);
  const round = (n: number) => Math.round(n * 10) / 10;
  const paths: string[] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length > 1) paths.push(current.join(' '));
      current = [];
      return;
    }
    current.push(`${current.length === 0 ? 'M' : 'L'}${round(x(i))} ${round(y(p.value))}`);
  });
  if (current.length > 1) paths.push(current.join(' '));
  const dots = points.flatMap((p, i) =>
    p.value === null ? [] : [{ x: round(x(i)), y: round(y(p.value)), light: p.light }],
  );
  return { paths, dots, thresholdY: round(y(threshold)) };
}
