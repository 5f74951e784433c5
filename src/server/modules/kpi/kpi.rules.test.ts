import { describe, expect, it } from 'vitest';
import { IndicatorVersionBody } from '../../../contracts/kpi';
import { meets, percent } from './compare';
import { asOfFor, currentPeriods, parsePeriod, periodsEndingWith } from './periods';
import { readIndicatorsFile } from './kpi.seed';

describe('periods', () => {
  it('reads a month, a quarter and a year as Vietnam dates, leap years included', () => {
    expect(parsePeriod('2026-09')).toEqual({ code: '2026-09', type: 'month', from: '2026-09-01', to: '2026-09-30' });
    expect(parsePeriod('2028-02').to).toBe('2028-02-29');
    expect(parsePeriod('2026-Q3')).toEqual({ code: '2026-Q3', type: 'quarter', from: '2026-07-01', to: '2026-09-30' });
    expect(parsePeriod('2026-Q1').to).toBe('2026-03-31');
    expect(parsePeriod('2025')).toEqual({ code: '2025', type: 'year', from: '2025-01-01', to: '2025-12-31' });
  });

  it('refuses malformed codes and future periods with a message naming the period', () => {
    for (const bad of ['2026-Q5', '2026-13', '26-Q1', '2026-9', ''])
      expect(() => parsePeriod(bad)).toThrowError(expect.objectContaining({ code: 'KPI.PERIOD_INVALID' }));
    try {
      asOfFor(parsePeriod('2027-Q1'), '2026-12-07');
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'KPI.PERIOD_INVALID', fields: [{ field: 'period' }] });
      expect((e as { messageVi: string }).messageVi).toContain('chưa bắt đầu');
    }
  });

  it('describes a running period as of today and a past one as of its last day', () => {
    expect(asOfFor(parsePeriod('2026-Q4'), '2026-12-07')).toBe('2026-12-07');
    expect(asOfFor(parsePeriod('2026-Q3'), '2026-12-07')).toBe('2026-09-30');
    expect(currentPeriods('2026-12-07')).toEqual(['2026-12', '2026-Q4', '2026']);
  });

  it('counts back periods of the same type across a year, never before 2000', () => {
    expect(periodsEndingWith('2026-Q2', 4)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(periodsEndingWith('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(periodsEndingWith('2026', 2)).toEqual(['2025', '2026']);
    expect(periodsEndingWith('2000-Q2', 4)).toEqual(['2000-Q1', '2000-Q2']);
  });
});

describe('a figure against its threshold, exactly', () => {
  it('meets "= 100 %" only when every one counted is, whatever the rounded percentage shows', () => {
    expect(meets(1_000_000, 1_000_000, '=', 100)).toBe(true);
    expect(meets(999_999, 1_000_000, '=', 100)).toBe(false);
    expect(percent(999_999, 1_000_000)).toBe(99.999); // never shown as 100 % beside 'not met'
    expect(percent(1, 1_000_000)).toBe(0.001);
    expect(percent(1, 3)).toBe(33.333);
  });

  it('tells "> 50 %" from "≥ 50 %" at the boundary, and handles decimals of the threshold', () => {
    expect(meets(50, 100, '>', 50)).toBe(false);
    expect(meets(50, 100, '>=', 50)).toBe(true);
    expect(meets(51, 100, '>', 50)).toBe(true);
    expect(meets(1, 3, '>=', 33.33)).toBe(true);
    expect(meets(1, 3, '>=', 33.34)).toBe(false);
    expect(meets(2, 10, '<', 30)).toBe(true);
  });
});

describe('an indicator version as an administrator sends it (bad input)', () => {
  const good = {
    code: 'T2.EID',
    target: 2,
    nameVi: 'Tài khoản định danh điện tử',
    nameEn: 'e-ID accounts',
    numeratorVi: 'Người có tài khoản',
    numeratorEn: 'People with an account',
    denominatorVi: 'Người từ đủ 14 tuổi',
    denominatorEn: 'People aged 14 or over',
    comparison: '>',
    threshold: 50,
    unitLevels: ['province', 'commune'],
    periodType: 'quarter',
    method: 'computed',
    source: 'population.eid_level2_14plus',
    validFrom: '2027-01-01',
  };
  const problems = (body: object) => {
    const r = IndicatorVersionBody.safeParse(body);
    return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
  };

  it('accepts a complete version', () => expect(problems(good)).toEqual([]));

  it('refuses a threshold with no unit level, out of 0–100, a target outside 1–14, a computed one without a source', () => {
    expect(problems({ ...good, unitLevels: [] })[0]).toEqual([
      'unitLevels',
      expect.stringContaining('ít nhất một cấp'),
    ]);
    expect(problems({ ...good, threshold: 150 })[0]).toEqual(['threshold', expect.stringContaining('0 đến 100')]);
    expect(problems({ ...good, target: 15 })[0]![0]).toBe('target');
    expect(problems({ ...good, source: null })[0]).toEqual(['source', expect.stringContaining('cần nguồn')]);
    expect(problems({ ...good, method: 'reported' })[0]).toEqual(['source', expect.stringContaining('không có nguồn')]);
    expect(problems({ ...good, comparison: '≈' })[0]![0]).toBe('comparison');
    expect(problems({ ...good, validFrom: '2027-02-30' })[0]![0]).toBe('validFrom');
    expect(problems({ ...good, extra: 1 }).length).toBe(1);
  });

  it('refuses a threshold finer than it is stored (2 decimals) and a reported indicator for districts', () => {
    expect(problems({ ...good, threshold: 33.333 })[0]).toEqual(['threshold', expect.stringContaining('2 chữ số')]);
    expect(problems({ ...good, threshold: 33.33 })).toEqual([]);
    expect(problems({ ...good, threshold: 0.1 + 0.2 })[0]![0]).toBe('threshold'); // 0.30000000000000004
    expect(problems({ ...good, method: 'reported', source: null, unitLevels: ['province', 'district'] })[0]).toEqual([
      'unitLevels',
      expect.stringContaining('không còn cấp huyện'),
    ]);
    // A computed indicator of districts is computed on the former structure.
    expect(problems({ ...good, unitLevels: ['district'] })).toEqual([]);
  });

  it('the shipped indicators all pass, cover the 14 targets, and name each code once', async () => {
    const file = await readIndicatorsFile();
    const codes = file.indicators.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...new Set(file.indicators.flatMap((i) => (i.target ? [i.target] : [])))].sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
    ]);
  });
});
