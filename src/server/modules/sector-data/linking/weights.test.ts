import { describe, expect, it } from 'vitest';
import type { ComparisonVector } from './compare';
import {
  DEFAULT_WEIGHTS,
  estimateWeightsEm,
  levelWeight,
  matchProbability,
  scoreVector,
  weightsFromLabelledPairs,
} from './weights';

const vector = (over: Partial<ComparisonVector>): ComparisonVector => ({
  name: 'missing',
  birthDate: 'missing',
  sex: 'missing',
  unit: 'missing',
  household: 'missing',
  nationalId: 'missing',
  legacyId: 'missing',
  ...over,
});

describe('Fellegi–Sunter weights', () => {
  it('weighs a level log2(m/u) and a missing field 0', () => {
    expect(levelWeight({ ...DEFAULT_WEIGHTS, sex: { agree: { m: 0.8, u: 0.2 } } }, 'sex', 'agree')).toBeCloseTo(2, 10);
    expect(levelWeight(DEFAULT_WEIGHTS, 'sex', 'missing')).toBe(0);
    expect(levelWeight(DEFAULT_WEIGHTS, 'name', 'different')).toBeLessThan(0);
  });

  it('orders every field’s levels from agreement to disagreement by weight in the defaults', () => {
    const w = (f: 'name' | 'birthDate', l: string) => levelWeight(DEFAULT_WEIGHTS, f, l as never);
    expect(w('name', 'exact')).toBeGreaterThan(w('name', 'folded'));
    expect(w('name', 'folded')).toBeGreaterThan(w('name', 'close'));
    expect(w('name', 'close')).toBeGreaterThan(w('name', 'similar'));
    expect(w('name', 'similar')).toBeGreaterThan(w('name', 'different'));
    expect(w('birthDate', 'exact')).toBeGreaterThan(w('birthDate', 'typo'));
    expect(w('birthDate', 'year_only')).toBeGreaterThan(w('birthDate', 'same_year'));
    expect(w('birthDate', 'same_year')).toBeGreaterThan(w('birthDate', 'different'));
  });

  it('sums the field weights into the score and explains each field but the omitted and missing ones', () => {
    const v = vector({ name: 'exact', birthDate: 'exact', sex: 'disagree', nationalId: 'agree' });
    const { score, explanation } = scoreVector(v, DEFAULT_WEIGHTS, ['nationalId']);
    expect(explanation.map((e) => e.field)).toEqual(['name', 'birthDate', 'sex']);
    const expected =
      levelWeight(DEFAULT_WEIGHTS, 'name', 'exact') +
      levelWeight(DEFAULT_WEIGHTS, 'birthDate', 'exact') +
      levelWeight(DEFAULT_WEIGHTS, 'sex', 'disagree');
    expect(score).toBeCloseTo(expected, 10);
  });

  it('turns a score and a prior into a probability', () => {
    expect(matchProbability(0, 0.5)).toBeCloseTo(0.5, 10);
    expect(matchProbability(10, 1 / 1025)).toBeCloseTo(0.5, 3);
    expect(matchProbability(20, 0.001)).toBeGreaterThan(0.99);
  });

  it('counts m and u from reviewed pairs', () => {
    const pairs = [
      { vector: vector({ sex: 'agree' }), same: true },
      { vector: vector({ sex: 'agree' }), same: true },
      { vector: vector({ sex: 'agree' }), same: true },
      { vector: vector({ sex: 'disagree' }), same: true },
      { vector: vector({ sex: 'agree' }), same: false },
      { vector: vector({ sex: 'disagree' }), same: false },
    ];
    const w = weightsFromLabelledPairs(pairs);
    expect(w.sex.agree!.m).toBeCloseTo(0.75, 4);
    expect(w.sex.agree!.u).toBeCloseTo(0.5, 4);
    expect(w.name.exact!.m).toBeGreaterThan(0); // unseen levels are smoothed, never 0
  });

  it('recovers m and u of a synthetic population by EM', () => {
    // 1,000 matches and 4,000 non-matches, fields drawn independently (a fixed pseudo-random stream):
    // matches: name exact 90%, birth day exact 85%, sex agree 95%; non-matches: 5%, 3%, 50%.
    let seed = 7;
    const draw = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const vectors: ComparisonVector[] = [];
    const make = (pName: number, pDate: number, pSex: number) =>
      vector({
        name: draw() < pName ? 'exact' : 'different',
        birthDate: draw() < pDate ? 'exact' : 'different',
        sex: draw() < pSex ? 'agree' : 'disagree',
      });
    for (let i = 0; i < 1000; i++) vectors.push(make(0.9, 0.85, 0.95));
    for (let i = 0; i < 4000; i++) vectors.push(make(0.05, 0.03, 0.5));
    const { weights, prior } = estimateWeightsEm(vectors, DEFAULT_WEIGHTS, { iterations: 100, prior: 0.5 });
    // Each within 0.02 of the truth (the defaults are far from it: u of an exact name 0.002, of sex 0.5).
    const near = (value: number, truth: number) => expect(Math.abs(value - truth)).toBeLessThan(0.02);
    near(prior, 0.2);
    near(weights.name.exact!.m, 0.9);
    near(weights.name.exact!.u, 0.05);
    near(weights.birthDate.exact!.m, 0.85);
    near(weights.birthDate.exact!.u, 0.03);
    near(weights.sex.agree!.m, 0.95);
  });
});
