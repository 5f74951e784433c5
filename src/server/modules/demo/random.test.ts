import { describe, expect, it } from 'vitest';
import { addYears, ageOn, dayToIso, isoToDay } from './dates';
import { DecimalPermutation, HashBits, Rng, WeightedTable } from './random';

describe('Rng', () => {
  it('repeats the same sequence for the same seed and differs for another seed', () => {
    const draw = (seed: string) =>
      Array.from(
        { length: 5 },
        (
          (rng) => () =>
            rng.nextU32()
        )(new Rng(seed)),
      );
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
  });

  it('draws integers inside the inclusive range and reaches both ends', () => {
    const rng = new Rng('ints');
    const values = Array.from({ length: 2000 }, () => rng.int(3, 6));
    expect(new Set(values)).toEqual(new Set([3, 4, 5, 6]));
  });

  it('makes UUID v4-shaped identifiers', () => {
    const rng = new Rng('uuid');
    for (let i = 0; i < 100; i++)
      expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('resumes a saved stream exactly where it stopped', () => {
    const rng = new Rng('resume');
    rng.next();
    const saved = new Uint32Array(4);
    rng.saveState(saved, 0);
    expect(Rng.resume(saved, 0).nextU32()).toBe(rng.nextU32());
  });

  it('samples a weighted table in proportion to the weights', () => {
    const table = new WeightedTable([
      ['a', 1],
      ['b', 3],
      ['zero', 0],
    ] as const);
    const rng = new Rng('weights');
    const draws = Array.from({ length: 8000 }, () => rng.weighted(table));
    expect(draws.filter((d) => d === 'b').length / draws.length).toBeCloseTo(0.75, 1);
    expect(draws).not.toContain('zero');
  });
});

describe('DecimalPermutation', () => {
  it.each([1, 2, 3])('maps 0…10^%i² one-to-one onto zero-padded serials', (halfDigits) => {
    const perm = new DecimalPermutation(halfDigits, 42);
    const size = 10 ** (2 * halfDigits);
    const out = new Set(Array.from({ length: size }, (_, i) => perm.apply(i)));
    expect(out.size).toBe(size);
    expect([...out].every((s) => s.length === 2 * halfDigits && /^\d+$/.test(s))).toBe(true);
  });
});

describe('HashBits', () => {
  it('always remembers a key that was added', () => {
    const bits = new HashBits(1000);
    for (let h = 0; h < 1000; h += 7) bits.add(h * 7919);
    for (let h = 0; h < 1000; h += 7) expect(bits.has(h * 7919)).toBe(true);
  });
});

describe('dates', () => {
  it.each(['1880-01-01', '1960-02-29', '2000-02-29', '2024-12-31', '2026-06-30'])('round-trips %s', (iso) => {
    expect(dayToIso(isoToDay(iso))).toBe(iso);
  });

  it.each([
    ['2000-02-29', '2004-02-28', 3],
    ['2000-02-29', '2004-02-29', 4],
    ['2012-06-30', '2026-06-29', 13],
    ['2012-06-30', '2026-06-30', 14],
  ])('counts completed years from %s to %s as %i', (birth, on, age) => {
    expect(ageOn(isoToDay(birth), isoToDay(on))).toBe(age);
  });

  it.each([
    ['2000-02-29', 25, '2025-02-28'],
    ['2000-02-29', 24, '2024-02-29'],
    ['1990-07-15', 40, '2030-07-15'],
  ])('puts the %s anniversary %i years on at %s', (from, years, expected) => {
    expect(dayToIso(addYears(isoToDay(from), years))).toBe(expected);
  });

  it.each(['2026-02-30', '26-01-01', '2026-13-01'])('rejects %s', (bad) => {
    expect(() => isoToDay(bad)).toThrow(RangeError);
  });
});
