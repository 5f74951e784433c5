import { describe, expect, it } from 'vitest';
import { aggregate, computeStats, indexFigures, share, type StatsFacility, type StatsFigures } from './stats';

const f = (
  id: string,
  kind: StatsFacility['kind'],
  communeCode: string,
  inWard: boolean,
  active = true,
): StatsFacility => ({ id, kind, communeCode, inWard, active });
const fig = (
  facilityId: string,
  month: string,
  cashlessCount: number,
  cashCount: number,
  cashlessAmount = cashlessCount * 1000,
  cashAmount = cashCount * 1000,
): StatsFigures => ({
  facilityId,
  month,
  cashlessCount,
  cashCount,
  cashlessAmount,
  cashAmount,
});

describe('share', () => {
  it.each([
    [0, 0, null],
    [0, 5, 0],
    [5, 5, 1],
    [1, 3, 1 / 3],
  ])('share(%i, %i) = %s', (n, d, expected) => {
    expect(share(n, d)).toBe(expected);
  });
});

describe('aggregate', () => {
  const facilities = [
    f('a', 'school', 'W', true),
    f('b', 'school', 'W', true),
    f('c', 'school', 'X', false),
    f('d', 'school', 'X', false, false),
    f('e', 'school', 'X', false),
  ];
  const byFacility = indexFigures([
    fig('a', '2026-09', 100, 0),
    fig('a', '2026-10', 80, 0),
    fig('b', '2026-09', 30, 10),
    fig('b', '2026-10', 50, 0),
    fig('c', '2026-10', 0, 0), // a month without any transaction
    fig('d', '2026-09', 5, 5), // inactive today, but reported then
  ]);

  it('counts a facility with no cash in the month as fully cashless, and leaves out one without transactions', () => {
    expect(aggregate(facilities, byFacility, ['2026-10'])).toEqual({
      registered: 4,
      reporting: 3,
      transacting: 2,
      fullyCashless: 2,
      cashlessCount: 130,
      cashCount: 0,
      cashlessAmount: 130_000,
      cashAmount: 0,
    });
  });

  it('over a period, fully cashless means no cash in any month reported', () => {
    const t = aggregate(facilities, byFacility, ['2026-09', '2026-10']);
    // a: 180/0 → fully; b: 80/10 → not; c: no transactions; d: 5/5 → not
    expect(t).toMatchObject({ reporting: 4, transacting: 3, fullyCashless: 1, cashlessCount: 265, cashCount: 15 });
  });

  it('ignores figures outside the months asked for', () => {
    expect(aggregate(facilities, byFacility, ['2026-08'])).toMatchObject({
      registered: 4,
      reporting: 0,
      transacting: 0,
      cashlessCount: 0,
    });
  });
});

describe('computeStats', () => {
  const facilities = [
    f('s1', 'school', '03388', true),
    f('s2', 'school', '03390', false),
    f('h1', 'health_facility', '03388', true),
    f('h2', 'health_facility', '03390', false),
  ];
  const figures = [
    fig('s1', '2026-09', 90, 10, 9_000_000, 1_000_000),
    fig('s1', '2026-10', 100, 0, 10_000_000, 0),
    fig('s2', '2026-10', 20, 60, 2_000_000, 6_000_000),
    fig('h1', '2026-10', 40, 0, 400_000, 0),
    fig('h2', '2026-09', 10, 30, 100_000, 300_000),
  ];
  const rows = computeStats({
    facilities,
    figures,
    units: [
      { code: '12', communes: new Set(['03388', '03390']), wardRows: true },
      { code: '03390', communes: new Set(['03390']), wardRows: false },
    ],
    months: ['2026-09', '2026-10'],
    monthly: true,
    period: true,
  });
  const row = (unitCode: string, month: string | null, kind: string, area: string) =>
    rows.find((r) => r.unitCode === unitCode && r.month === month && r.kind === kind && r.area === area);

  it('gives each unit × area × kind × (month, period) once; ward rows only where asked', () => {
    expect(rows).toHaveLength(2 * 3 * 3 + 1 * 3 * 3);
    expect(rows.filter((r) => r.unitCode === '03390' && r.area === 'ward')).toHaveLength(0);
  });

  it('computes the province’s shares by hand-checked values', () => {
    // October, schools: s1 100/0, s2 20/60 → 120 of 180 transactions cashless; 1 of 2 fully cashless
    expect(row('12', '2026-10', 'school', 'all')).toMatchObject({
      registered: 2,
      reporting: 2,
      transacting: 2,
      fullyCashless: 1,
      cashlessCount: 120,
      cashCount: 60,
      cashlessShare: 120 / 180,
      fullyCashlessShare: 0.5,
    });
    expect(row('12', '2026-10', 'school', 'all')!.cashlessAmountShare).toBeCloseTo(12_000_000 / 18_000_000, 12);
    // October, both kinds: 160 of 220; s1 and h1 fully cashless of 3 transacting
    expect(row('12', '2026-10', 'all', 'all')).toMatchObject({
      cashlessCount: 160,
      cashCount: 60,
      cashlessShare: 160 / 220,
      fullyCashless: 2,
      transacting: 3,
      fullyCashlessShare: 2 / 3,
    });
    // Wards only (s1, h1): all cashless in October
    expect(row('12', '2026-10', 'all', 'ward')).toMatchObject({
      registered: 2,
      cashlessShare: 1,
      fullyCashlessShare: 1,
    });
    // The period, wards, schools: s1 had 10 cash in September → not fully cashless over the period
    expect(row('12', null, 'school', 'ward')).toMatchObject({
      cashlessCount: 190,
      cashCount: 10,
      cashlessShare: 0.95,
      fullyCashless: 0,
      fullyCashlessShare: 0,
    });
  });

  it('gives null shares where nothing was reported', () => {
    expect(row('03390', '2026-09', 'school', 'all')).toMatchObject({
      registered: 1,
      reporting: 0,
      cashlessShare: null,
      cashlessAmountShare: null,
      fullyCashlessShare: null,
    });
    expect(row('03390', '2026-09', 'health_facility', 'all')).toMatchObject({
      reporting: 1,
      cashlessShare: 0.25,
      fullyCashlessShare: 0,
    });
  });
});
