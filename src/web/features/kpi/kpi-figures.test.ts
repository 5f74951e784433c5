import { describe, expect, it } from 'vitest';
import type { Indicator, KpiValue } from '../../../contracts/kpi';
import {
  defaultRankingIndicator,
  formatRatio,
  formatThreshold,
  formatValue,
  groupByTarget,
  lightOf,
  mapShade,
  noDataReason,
  overviewUnit,
  periodKind,
  periodOf,
  rankCommunes,
  rankingLevels,
  recentPeriods,
  structureOf,
  structureParam,
} from './kpi-figures';

const NBSP = '\u00a0';

function value(over: Partial<KpiValue>): KpiValue {
  return {
    indicatorCode: 'T2.EID',
    unitCode: '03388',
    unitLevel: 'commune',
    numerator: 5,
    denominator: 8,
    value: 62.5,
    met: true,
    status: 'ok',
    ...over,
  };
}

const missing = (status: KpiValue['status'], over: Partial<KpiValue> = {}) =>
  value({ status, numerator: null, denominator: null, value: null, met: null, ...over });

describe('periods', () => {
  it.each([
    ['quarter', '2026-12-07', '2026-Q4'],
    ['quarter', '2026-01-01', '2026-Q1'],
    ['quarter', '2026-06-30', '2026-Q2'],
    ['month', '2026-09-15', '2026-09'],
    ['year', '2026-12-07', '2026'],
  ] as const)('the %s holding %s is %s', (kind, today, period) => {
    expect(periodOf(kind, today)).toBe(period);
  });

  it('offers the period under way and those before it, newest first, across the new year', () => {
    expect(recentPeriods('quarter', '2026-02-10').slice(0, 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
    expect(recentPeriods('month', '2026-02-10').slice(0, 3)).toEqual(['2026-02', '2026-01', '2025-12']);
    expect(recentPeriods('year', '2026-02-10')).toEqual(['2026', '2025', '2024', '2023']);
    expect(recentPeriods('month', '2026-02-10')).toHaveLength(12);
  });

  it.each([
    ['2026', 'year'],
    ['2026-Q3', 'quarter'],
    ['2026-09', 'month'],
    ['2026-13', undefined],
    ['2026-Q5', undefined],
    ['', undefined],
    [null, undefined],
  ])('reads %s as a %s', (code, kind) => {
    expect(periodKind(code)).toBe(kind);
  });
});

describe('how figures are written', () => {
  it.each([
    [62.5, 'vi', undefined, `62,5${NBSP}%`],
    [62.5, 'en', undefined, '62.5%'],
    [50, 'vi', 50, `50${NBSP}%`],
    [33.333333, 'vi', undefined, `33,3${NBSP}%`],
    // One decimal would round these onto 100 %, 0 % or the threshold: more decimals say they are not.
    [99.96, 'vi', 100, `99,96${NBSP}%`],
    [99.9996, 'vi', 100, `99,9996${NBSP}%`],
    [0.04, 'en', 30, '0.04%'],
    [50.04, 'vi', 50, `50,04${NBSP}%`],
    [100, 'vi', 100, `100${NBSP}%`],
  ] as const)('writes %s in %s (threshold %s) as %s', (v, lang, threshold, text) => {
    expect(formatValue(v, lang, threshold)).toBe(text);
  });

  it('writes the threshold with its comparison', () => {
    expect(formatThreshold('>', 50, 'vi')).toBe(`> 50${NBSP}%`);
    expect(formatThreshold('>=', 60, 'vi')).toBe(`≥ 60${NBSP}%`);
    expect(formatThreshold('=', 100, 'en')).toBe('= 100%');
    expect(formatThreshold('<=', 12.5, 'vi')).toBe(`≤ 12,5${NBSP}%`);
  });

  it('writes numerator and denominator with digit grouping', () => {
    expect(formatRatio(5, 8, 'vi')).toBe('5 / 8');
    expect(formatRatio(1234, 56789, 'vi')).toBe('1.234 / 56.789');
    expect(formatRatio(1234, 56789, 'en')).toBe('1,234 / 56,789');
  });
});

describe('traffic light', () => {
  it.each([
    [value({ met: true }), 'met'],
    [value({ met: false, value: 40 }), 'not_met'],
    [missing('no_source'), 'no_data'],
    [missing('no_denominator', { numerator: 0, denominator: 0 }), 'no_data'],
    [missing('not_reported'), 'no_data'],
    [undefined, 'no_data'],
  ])('%o is %s', (v, light) => {
    expect(lightOf(v)).toBe(light);
  });

  it('says why there is no figure, and nothing when there is one', () => {
    const indicator = { unitLevels: ['province', 'commune'] as Indicator['unitLevels'] };
    expect(noDataReason(value({}), indicator, 'commune')).toBeNull();
    expect(noDataReason(missing('no_source'), indicator, 'commune')).toBe('no_source');
    expect(noDataReason(missing('no_denominator'), indicator, 'commune')).toBe('no_denominator');
    expect(noDataReason(missing('not_reported'), indicator, 'commune')).toBe('not_reported');
    expect(noDataReason(missing('no_structure'), indicator, 'district')).toBe('no_structure');
    expect(noDataReason(undefined, indicator, 'commune')).toBe('not_computed');
    expect(noDataReason(undefined, { unitLevels: ['province'] }, 'commune')).toBe('not_applicable');
  });
});

describe('the unit the overview shows', () => {
  it('is the province when the session sees it', () => {
    const values = [value({ unitCode: '03388' }), value({ unitCode: '12', unitLevel: 'province' })];
    expect(overviewUnit(values)).toEqual({ code: '12', level: 'province' });
  });

  it("is a commune-level leader's commune when the values hold only that commune", () => {
    const values = [value({ unitCode: '03445' }), value({ unitCode: '03445', indicatorCode: 'T2.CHIP' })];
    expect(overviewUnit(values)).toEqual({ code: '03445', level: 'commune' });
  });

  it('is none for several communes without the province, or no values', () => {
    expect(overviewUnit([value({ unitCode: '03388' }), value({ unitCode: '03445' })])).toBeNull();
    expect(overviewUnit([])).toBeNull();
  });
});

describe('commune ranking', () => {
  const names: Record<string, string> = { a: 'Xã An', b: 'Xã Bình', c: 'Phường Cẩm', d: 'Xã Dào', e: 'Xã Én' };
  const nameOf = (code: string) => names[code] ?? code;

  it('ranks by value, highest first, equal values sharing a rank and ordered by name; no data last', () => {
    const values = [
      value({ unitCode: 'a', value: 40, met: false }),
      value({ unitCode: 'b', value: 70 }),
      value({ unitCode: 'c', value: 40, met: false }),
      missing('no_denominator', { unitCode: 'd' }),
      value({ unitCode: 'e', value: 90 }),
      value({ unitCode: '12', unitLevel: 'province', value: 55 }),
      value({ unitCode: 'a', indicatorCode: 'T2.CHIP', value: 100 }),
    ];
    const rows = rankCommunes(values, 'T2.EID', nameOf);
    expect(rows.map((r) => [r.unitCode, r.rank, r.light])).toEqual([
      ['e', 1, 'met'],
      ['b', 2, 'met'],
      ['c', 3, 'not_met'],
      ['a', 3, 'not_met'],
      ['d', null, 'no_data'],
    ]);
  });

  it('lists a commune the run holds for another indicator as without data', () => {
    const values = [value({ unitCode: 'a', indicatorCode: 'T2.CHIP' }), value({ unitCode: 'b' })];
    expect(rankCommunes(values, 'T2.EID', nameOf).map((r) => [r.unitCode, r.light])).toEqual([
      ['b', 'met'],
      ['a', 'no_data'],
    ]);
  });

  it("holds only a commune-level leader's commune", () => {
    const rows = rankCommunes([value({ unitCode: 'a' })], 'T2.EID', nameOf);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ unitCode: 'a', name: 'Xã An', rank: 1 });
  });
});

describe('grouping and the first ranked indicator', () => {
  const indicator = (code: string, target: number | null, unitLevels: Indicator['unitLevels']) =>
    ({ code, target, unitLevels }) as Indicator;

  it('groups indicators by target in order, the service index last', () => {
    const groups = groupByTarget([
      indicator('SI.ONTIME', null, ['commune']),
      indicator('T2.CHIP', 2, ['commune']),
      indicator('T1.GUIDED', 1, ['commune']),
      indicator('T2.EID', 2, ['commune']),
    ]);
    expect(groups.map((g) => [g.target, g.indicators.map((i) => i.code)])).toEqual([
      [1, ['T1.GUIDED']],
      [2, ['T2.CHIP', 'T2.EID']],
      [null, ['SI.ONTIME']],
    ]);
  });

  it('ranks first the first commune indicator with a figure', () => {
    const indicators = [
      indicator('T14.PILOTS', 14, ['province']),
      indicator('T1.GUIDED', 1, ['province', 'commune']),
      indicator('T2.EID', 2, ['province', 'commune']),
    ];
    expect(defaultRankingIndicator(indicators, [missing('no_source', { indicatorCode: 'T1.GUIDED' }), value({})])).toBe(
      'T2.EID',
    );
    expect(defaultRankingIndicator(indicators, [])).toBe('T1.GUIDED');
    expect(defaultRankingIndicator([indicators[0]!], [])).toBeUndefined();
  });
});

describe('map shades', () => {
  const eid = { comparison: '>' as const, threshold: 50 };
  it.each([
    [value({ value: 62.5, met: true }), 'met'],
    [value({ value: 30, met: false }), 'near'],
    [value({ value: 25, met: false }), 'near'],
    [value({ value: 24.9, met: false }), 'far'],
    [missing('no_source'), 'no_data'],
  ])('shades %o as %s against "> 50 %"', (v, shade) => {
    expect(mapShade({ value: v, light: lightOf(v) }, eid)).toBe(shade);
  });

  it('has no "half way" when a lower value is better', () => {
    const v = value({ value: 12, met: false });
    expect(mapShade({ value: v, light: lightOf(v) }, { comparison: '<=', threshold: 10 })).toBe('far');
  });
});

describe('the unit structure in the address', () => {
  it.each([
    ['cu', 'former'],
    [null, 'current'],
    ['', 'current'],
    ['former', 'current'],
    ['CU', 'current'],
  ] as const)('coCau=%s reads as %s', (param, structure) => {
    expect(structureOf(param)).toBe(structure);
  });

  it("writes only the former structure (today's is the default, left out), and reads back what it writes", () => {
    expect(structureParam('current')).toBeUndefined();
    expect(structureParam('former')).toBe('cu');
    expect(structureOf(structureParam('former'))).toBe('former');
    expect(structureOf(structureParam('current'))).toBe('current');
  });
});

describe('ranking on the former structure', () => {
  const values = [
    value({ unitCode: '12', unitLevel: 'province', value: 50 }),
    value({ unitCode: '105', unitLevel: 'district', value: 40 }),
    value({ unitCode: '106', unitLevel: 'district', value: 70 }),
    value({ unitCode: '03445', unitLevel: 'commune', value: 60 }),
  ];

  it('ranks the districts apart from the communes', () => {
    expect(rankCommunes(values, 'T2.EID', (c) => c, 'district').map((r) => [r.unitCode, r.rank])).toEqual([
      ['106', 1],
      ['105', 2],
    ]);
    expect(rankCommunes(values, 'T2.EID', (c) => c).map((r) => r.unitCode)).toEqual(['03445']);
  });

  it('offers the levels the run has, communes first, never the province', () => {
    expect(rankingLevels(values)).toEqual(['commune', 'district']);
    expect(rankingLevels(values.filter((v) => v.unitLevel !== 'district'))).toEqual(['commune']);
    expect(rankingLevels([values[0]!])).toEqual([]);
  });
});
