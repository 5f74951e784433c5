import { describe, expect, it } from 'vitest';
import { readReferenceSchedules } from './calendar.service';
import { dayNumberOf, weekdayOf } from './days';
import { deriveProvisionalYear, hungKingsDay, lunarNewYear, nationalDayAdjacent, tetDays } from './provisional';
import { isoOfDayNumber } from './days';

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    [2024, '2024-02-10', '2024-04-18'],
    [2025, '2025-01-29', '2025-04-07'],
    [2026, '2026-02-17', '2026-04-26'],
  ])('puts Tết %i on %s and the Hùng Kings day on %s (DOMAIN.md §6)', (year, tet, hung) => {
    expect(lunarNewYear(year)).toBe(tet);
    expect(hungKingsDay(year)).toBe(hung);
  });

  // Years where Vietnam's Tết differs from China's (UTC+8): 1968 (29/01 vs 30/01), 1985 (21/01 vs
  // 20/02: a whole month), 2007 (17/02 vs 18/02), 2030 (02/02 vs 03/02), 2053 (18/02 vs 19/02).
  it.each([
    [1968, '1968-01-29', '1968-01-30'],
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
    [2030, '2030-02-02', '2030-02-03'],
    [2053, '2053-02-18', '2053-02-19'],
  ])('uses the Vietnamese, not the Chinese, Tết in %i (%s, China %s)', (year, vietnam, china) => {
    expect(lunarNewYear(year)).toBe(vietnam);
    expect(lunarNewYear(year)).not.toBe(china);
  });

  it('agrees with an independent astronomical check for 2030: the new moon is before midnight at UTC+7, after it at UTC+8', () => {
    const newMoon = newMoonNear(Date.UTC(2030, 1, 2));
    const inVietnam = new Date(newMoon + 7 * 3600_000).toISOString().slice(0, 10);
    const inChina = new Date(newMoon + 8 * 3600_000).toISOString().slice(0, 10);
    expect([inVietnam, inChina]).toEqual(['2030-02-02', '2030-02-03']);
    expect(lunarNewYear(2030)).toBe(inVietnam);
  });
});

describe('provisional schedule from the Labour Code 2019', () => {
  it.each([2024, 2025, 2026])(
    'reproduces the announced weekdays off of %i except the swaps the Government decided',
    async (year) => {
      const announced = (await readReferenceSchedules()).find((y) => y.year === year)!;
      const expected = announced.days
        .filter((d) => d.kind !== 'working_saturday' && d.kind !== 'swapped')
        .map((d) => d.date);
      expect(deriveProvisionalYear(year).map((d) => d.date)).toEqual(expected);
    },
  );

  it('places Tết on five weekdays from the day before the last day of the lunar year', () => {
    expect(tetDays(2024).map(isoOfDayNumber)).toEqual([
      '2024-02-08',
      '2024-02-09',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
    ]);
    expect(tetDays(2025).map(isoOfDayNumber)).toEqual([
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
    ]);
    // 2026: the day before the last day (29 tháng Chạp, Mon 16/02) is a Sunday → from Monday.
    expect(tetDays(2026).map(isoOfDayNumber)).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
    // 2030: Tết on Saturday 02/02, last day Friday 01/02, from Thursday 31/01.
    expect(tetDays(2030).map(isoOfDayNumber)).toEqual([
      '2030-01-31',
      '2030-02-01',
      '2030-02-04',
      '2030-02-05',
      '2030-02-06',
    ]);
  });

  it('gives a compensatory weekday for a holiday on a weekend (Art. 111(3))', () => {
    // Hùng Kings 2026 is a Sunday → Monday 27/04, as announced.
    expect(deriveProvisionalYear(2026).find((d) => d.date === '2026-04-27')).toMatchObject({ kind: 'compensatory' });
    // 1/1/2022 was a Saturday → Monday 03/01; 30/4 and 1/5/2022 a weekend → Monday and Tuesday.
    const y2022 = deriveProvisionalYear(2022).map((d) => `${d.date} ${d.kind}`);
    expect(y2022).toEqual(
      expect.arrayContaining(['2022-01-03 compensatory', '2022-05-02 compensatory', '2022-05-03 compensatory']),
    );
  });

  it.each([
    [2024, '2024-09-01'], // Monday: 1/9 is a Sunday, compensated on Tuesday 3/9
    [2025, '2025-09-01'], // Tuesday
    [2026, '2026-09-01'], // Wednesday
    [2021, '2021-09-03'], // Thursday: the Friday after joins the weekend
    [2022, '2022-09-01'], // Friday
  ])('chooses the day adjacent to National Day %i: %s', (year, adjacent) => {
    expect(nationalDayAdjacent(year)).toBe(adjacent);
  });

  it.each([
    [2025, null], // not a day off before 2026
    [2027, '2027-11-24 holiday'], // Wednesday
    [2029, '2029-11-26 compensatory'], // Saturday → Monday (Labour Code Art. 111(3))
    [2030, '2030-11-25 compensatory'], // Sunday → Monday
  ])(
    '24/11 Vietnamese Culture Day (Resolution 80-NQ/TW, 30/NQ-CP; Resolution 28/2026/QH16 unconfirmed) in %i: %s',
    (year, expected) => {
      const november = deriveProvisionalYear(year)
        .filter((d) => d.date.startsWith(`${year}-11-`))
        .map((d) => `${d.date} ${d.kind}`);
      expect(november).toEqual(expected ? [expected] : []);
      if (expected)
        expect(deriveProvisionalYear(year).find((d) => d.date.startsWith(`${year}-11-`))?.source).toMatch(/80-NQ\/TW/);
    },
  );

  it('derives eleven distinct weekdays off for every year 2021–2025 and twelve from 2026 (24/11), each with a source citing the law', () => {
    for (let year = 2021; year <= 2100; year++) {
      const days = deriveProvisionalYear(year);
      const count = year >= 2026 ? 12 : 11;
      expect(days, String(year)).toHaveLength(count);
      expect(new Set(days.map((d) => d.date)).size).toBe(count);
      expect(days.every((d) => d.date.startsWith(`${year}-`) && ![0, 6].includes(weekdayOf(dayNumberOf(d.date))))).toBe(
        true,
      );
      const cited = (d: { source: string }) => /Bộ luật Lao động 2019|80-NQ\/TW/.test(d.source);
      expect(days.every((d) => cited(d) && d.source.includes('tạm tính'))).toBe(true);
    }
  });
});

/** Instant (ms) of the new moon nearest `ms`, after Meeus, "Astronomical Algorithms" ch. 49 (main terms). */
function newMoonNear(ms: number): number {
  const jdOf = (t: number) => t / 86_400_000 + 2_440_587.5;
  const k = Math.round((jdOf(ms) - 2_451_550.09766) / 29.530588861);
  const T = k / 1236.85;
  const rad = Math.PI / 180;
  const E = 1 - 0.002516 * T;
  const M = (2.5534 + 29.1053567 * k) * rad;
  const Mp = (201.5643 + 385.81693528 * k + 0.0107582 * T * T) * rad;
  const F = (160.7108 + 390.67050284 * k) * rad;
  const Om = (124.7746 - 1.56375588 * k) * rad;
  const jde =
    2_451_550.09766 +
    29.530588861 * k +
    0.00015437 * T * T -
    0.4072 * Math.sin(Mp) +
    0.17241 * E * Math.sin(M) +
    0.01608 * Math.sin(2 * Mp) +
    0.01039 * Math.sin(2 * F) +
    0.00739 * E * Math.sin(Mp - M) -
    0.00514 * E * Math.sin(Mp + M) +
    0.00208 * E * E * Math.sin(2 * M) -
    0.00111 * Math.sin(Mp - 2 * F) -
    0.00057 * Math.sin(Mp + 2 * F) +
    0.00056 * E * Math.sin(2 * Mp + M) -
    0.00042 * Math.sin(3 * Mp) +
    0.00042 * E * Math.sin(M + 2 * F) +
    0.00038 * E * Math.sin(M - 2 * F) -
    0.00024 * E * Math.sin(2 * Mp - M) -
    0.00017 * Math.sin(Om);
  const deltaT = 70 / 86_400; // TT − UT ≈ 70 s around 2030
  return (jde - deltaT - 2_440_587.5) * 86_400_000;
}
