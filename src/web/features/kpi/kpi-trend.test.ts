import { describe, expect, it } from 'vitest';
import type { KpiTrend } from '../../../contracts/kpi';
import { indicatorTrend, sparkline, type TrendPoint } from './kpi-trend';

type Point = KpiTrend['series'][number]['points'][number];

const ok = (period: string, value: number, met: boolean): Point => ({ period, value, met, status: 'ok' });
const none = (period: string, status: Point['status'] = null): Point => ({ period, value: null, met: null, status });

function trend(points: Point[], code = 'T2.EID'): KpiTrend {
  return {
    unitCode: '12',
    structure: 'current',
    periods: points.map((p) => ({ period: p.period, runId: p.status ? 1 : null, asOf: null })),
    series: [{ indicatorCode: code, points }],
  };
}

describe('the trend of an indicator', () => {
  it('keeps the periods oldest first with their lights, and the change since the period before', () => {
    const t = indicatorTrend(
      trend([ok('2026-Q1', 40, false), ok('2026-Q2', 48.25, false), ok('2026-Q3', 52.5, true)]),
      'T2.EID',
      '>',
    );
    expect(t?.points.map((p) => [p.period, p.value, p.light])).toEqual([
      ['2026-Q1', 40, 'not_met'],
      ['2026-Q2', 48.25, 'not_met'],
      ['2026-Q3', 52.5, 'met'],
    ]);
    expect(t?.change).toEqual({ direction: 'up', points: 4.3, since: '2026-Q2', better: true });
  });

  it('compares with the last earlier period that has a figure, over a gap', () => {
    const t = indicatorTrend(
      trend([ok('2026-Q1', 60, true), none('2026-Q2'), none('2026-Q3', 'no_denominator'), ok('2026-Q4', 55, true)]),
      'T2.EID',
      '>=',
    );
    expect(t?.change).toEqual({ direction: 'down', points: 5, since: '2026-Q1', better: false });
    expect(t?.points.map((p) => [p.light, p.computed])).toEqual([
      ['met', true],
      ['no_data', false],
      ['no_data', true],
      ['met', true],
    ]);
  });

  it('calls a fall better where the threshold is an upper bound', () => {
    const t = indicatorTrend(trend([ok('2026-01', 12, false), ok('2026-02', 8, true)]), 'T2.EID', '<');
    expect(t?.change).toMatchObject({ direction: 'down', better: true });
  });

  it('says "the same" when the change rounds to 0.0 points, neither better nor worse', () => {
    const t = indicatorTrend(trend([ok('2025', 50.01, false), ok('2026', 50.04, false)]), 'T2.EID', '>');
    expect(t?.change).toEqual({ direction: 'same', points: 0, since: '2025', better: null });
  });

  it('has no change when the chosen period has no figure, or nothing before it has one', () => {
    expect(
      indicatorTrend(trend([ok('2026-Q2', 50, true), none('2026-Q3', 'no_source')]), 'T2.EID', '>')?.change,
    ).toBeNull();
    expect(indicatorTrend(trend([none('2026-Q2'), ok('2026-Q3', 50, true)]), 'T2.EID', '>')?.change).toBeNull();
  });

  it('is none for an indicator the answer lacks, or without a single figure (never drawn as zeros)', () => {
    expect(indicatorTrend(trend([ok('2026-Q3', 50, true)]), 'T6.CIVIL', '>')).toBeNull();
    expect(
      indicatorTrend(trend([none('2026-Q2', 'no_source'), none('2026-Q3', 'no_source')]), 'T2.EID', '>'),
    ).toBeNull();
    expect(indicatorTrend(undefined, 'T2.EID', '>')).toBeNull();
  });

  it('does not take a value whose status says there is no figure', () => {
    const odd: Point = { period: '2026-Q3', value: 0, met: false, status: 'no_denominator' };
    expect(indicatorTrend(trend([ok('2026-Q2', 50, true), odd]), 'T2.EID', '>')?.points[1]?.value).toBeNull();
  });
});

describe('the small line of a trend', () => {
  const p = (value: number | null): TrendPoint => ({
    period: 'x',
    value,
    light: value === null ? 'no_data' : 'met',
    computed: value !== null,
  });

  it('spreads the periods over the width and puts the highest figure at the top, the lowest at the bottom', () => {
    const line = sparkline([p(40), p(60), p(50)], 50, 100, 24);
    expect(line.paths).toEqual(['M2 22 L50 2 L98 12']);
    expect(line.thresholdY).toBe(12);
    expect(line.dots.map((d) => [d.x, d.y])).toEqual([
      [2, 22],
      [50, 2],
      [98, 12],
    ]);
  });

  it('breaks the line at a period without a figure instead of drawing through it', () => {
    const line = sparkline([p(40), p(50), p(null), p(60), p(70)], 50, 100, 24);
    expect(line.paths).toHaveLength(2);
    expect(line.dots).toHaveLength(4);
    // A lone figure between two gaps is a dot, not a path.
    expect(sparkline([p(null), p(55), p(null)], 50, 100, 24).paths).toEqual([]);
  });

  it('includes the threshold in the scale, so a line all above it stays above it', () => {
    const line = sparkline([p(80), p(90)], 50, 100, 24);
    expect(Math.max(...line.dots.map((d) => d.y))).toBeLessThan(line.thresholdY);
    expect(line.thresholdY).toBe(22);
  });

  it('draws a flat line at the threshold in the middle, not at an edge', () => {
    const line = sparkline([p(50), p(50)], 50, 100, 24);
    expect(line.thresholdY).toBe(12);
    expect(line.dots.every((d) => d.y === 12)).toBe(true);
  });
});
