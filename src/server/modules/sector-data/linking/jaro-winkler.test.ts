import { describe, expect, it } from 'vitest';
import { jaroSimilarity, jaroWinkler } from './jaro-winkler';

describe('Jaro–Winkler similarity', () => {
  // Reference values from Winkler (1990) / the usual textbook pairs.
  it.each([
    ['martha', 'marhta', 0.944, 0.961],
    ['dwayne', 'duane', 0.822, 0.84],
    ['dixon', 'dicksonx', 0.767, 0.813],
    ['crate', 'trace', 0.733, 0.733],
  ])('scores %s / %s as the textbook does', (a, b, jaro, jw) => {
    expect(jaroSimilarity(a, b)).toBeCloseTo(jaro, 3);
    expect(jaroWinkler(a, b)).toBeCloseTo(jw, 3);
  });

  it('gives 1 to equal strings, 0 to strings with nothing in common and to an empty one', () => {
    expect(jaroWinkler('lo van minh', 'lo van minh')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
    expect(jaroWinkler('', '')).toBe(1);
  });

  it('is symmetric', () => {
    expect(jaroWinkler('giang a pao', 'giang a pa')).toBeCloseTo(jaroWinkler('giang a pa', 'giang a pao'), 12);
  });

  it('ranks a one-letter typo of a given name above a different given name', () => {
    expect(jaroWinkler('hoan', 'hoa')).toBeGreaterThan(0.9);
    expect(jaroWinkler('mai', 'mao')).toBeLessThan(0.85);
  });
});
