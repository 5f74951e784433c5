/**
 * Fellegi–Sunter weights (issue 16 §3; ADR 0029): for each field and agreement level, m = P(level |
 * same person) and u = P(level | different people); the level's weight is log2(m / u) and a pair's
 * score is the sum over fields (`missing` counts 0). Defaults are set from the registry's make-up
 * (see ADR 0029); {@link estimateWeightsEm} re-estimates them from unlabelled candidate pairs and
 * {@link weightsFromLabelledPairs} from reviewed ones.
 */
import {
  FIELD_LEVELS,
  compareDates,
  compareHousehold,
  compareLegacyIds,
  compareNames,
  compareNationalIds,
  compareRow,
  compareSexes,
  compareUnits,
  type ComparisonVector,
  type FieldLevel,
  type PreparedPerson,
  type PreparedRow,
} from './compare';
import type { LinkField } from './types';

/** m and u of one level. */
export interface MU {
  m: number;
  u: number;
}

/** m/u of every level of every field (`missing` is never weighted and need not be listed). */
export type FieldWeights = { [F in LinkField]: Partial<Record<FieldLevel<F>, MU>> };

/** Default m/u, reasoned from the registry's make-up rather than fitted to a generator (ADR 0029). */
export const DEFAULT_WEIGHTS: FieldWeights = {
  // u of 'exact': two different people share a full name ~1 pair in 500 (names repeat in Lai Châu).
  name: {
    exact: { m: 0.86, u: 0.002 },
    unaccented: { m: 0.05, u: 0.00017 },
    folded: { m: 0.02, u: 0.0005 },
    phonetic: { m: 0.02, u: 0.001 },
    close: { m: 0.03, u: 0.003 },
    similar: { m: 0.01, u: 0.02 },
    different: { m: 0.01, u: 0.9735 },
  },
  // u of 'exact': 500,000 people over ~90 birth years ≈ 1 in 30,000 share a day.
  birthDate: {
    exact: { m: 0.88, u: 0.00004 },
    swapped: { m: 0.02, u: 0.00004 },
    typo: { m: 0.02, u: 0.0006 },
    year_only: { m: 0.06, u: 0.012 },
    same_year: { m: 0.01, u: 0.012 },
    different: { m: 0.01, u: 0.98732 },
  },
  sex: { agree: { m: 0.98, u: 0.5 }, disagree: { m: 0.02, u: 0.5 } },
  // 38 communes of unequal size: ~1 in 30 of two random people live in the same one.
  unit: { agree: { m: 0.85, u: 0.035 }, disagree: { m: 0.15, u: 0.965 } },
  household: { agree: { m: 0.9, u: 0.002 }, disagree: { m: 0.1, u: 0.998 } },
  nationalId: {
    agree: { m: 0.9, u: 0.000002 },
    typo: { m: 0.04, u: 0.00002 },
    disagree: { m: 0.06, u: 0.99998 },
  },
  legacyId: { agree: { m: 0.9, u: 0.000002 }, disagree: { m: 0.1, u: 0.999998 } },
};

/** The weight (log2 Bayes factor) of a field's level; 0 for `missing` or a level without m/u. */
export function levelWeight<F extends LinkField>(weights: FieldWeights, field: F, level: FieldLevel<F>): number {
  const mu = (weights[field] as Partial<Record<string, MU>>)[level];
  return mu && mu.m > 0 && mu.u > 0 ? Math.log2(mu.m / mu.u) : 0;
}

/** One field's part in a score: the explanation of a score is the list of these. */
export interface FieldScore {
  field: LinkField;
  level: string;
  weight: number;
}

const FIELDS = Object.keys(FIELD_LEVELS) as LinkField[];

/** Every level's weight of every field, computed once per weights object (the pair loop adds them up). */
export type WeightTable = { readonly [F in LinkField]: Readonly<Record<string, number>> };

const tables = new WeakMap<FieldWeights, WeightTable>();

/** The weights as a table of numbers ({@link levelWeight} of each level), cached per weights object. */
export function weightTable(weights: FieldWeights): WeightTable {
  let table = tables.get(weights);
  if (!table) {
    table = Object.fromEntries(
      FIELDS.map((field) => [
        field,
        Object.fromEntries(FIELD_LEVELS[field].map((level) => [level, levelWeight(weights, field, level)])),
      ]),
    ) as WeightTable;
    tables.set(weights, table);
  }
  return table;
}

/**
 * The pair's score alone — the same number as {@link scoreVector}'s, without building its
 * explanation: the engine scores every candidate and explains only the ones it keeps.
 */
export function vectorScore(vector: ComparisonVector, table: WeightTable, omit: readonly LinkField[] = []): number {
  let score = 0;
  for (const field of FIELDS) {
    const level = vector[field];
    if (level === 'missing' || (omit.length > 0 && omit.includes(field))) continue;
    score += table[field][level]!;
  }
  return score;
}

/**
 * The score of a pair: `vectorScore(compareRow(row, reg), table, omit)` to the last bit (the same
 * weights added in the same field order; a `missing` level weighs 0), without building the vector —
 * the engine's hot loop scores millions of pairs and keeps a few.
 */
export function pairScore(
  row: PreparedRow,
  reg: PreparedPerson,
  table: WeightTable,
  omit: readonly LinkField[],
): number {
  if (omit.some((f) => f !== 'nationalId' && f !== 'legacyId')) return vectorScore(compareRow(row, reg), table, omit);
  const all = omit.length === 0;
  let score = table.name[compareNames(row.name, reg.name)]!;
  score += table.birthDate[compareDates(row.date, reg.date)]!;
  score += table.sex[compareSexes(row, reg)]!;
  score += table.unit[compareUnits(row, reg)]!;
  if (row.householdHead) score += table.household[compareHousehold(row.householdHead, reg.person.householdHeadName)]!;
  if (all || !omit.includes('nationalId')) score += table.nationalId[compareNationalIds(row.id, reg.person)]!;
  if (all || !omit.includes('legacyId')) score += table.legacyId[compareLegacyIds(row.id, reg.person)]!;
  return score;
}

/** The pair's score and its explanation, field by field (fields at `missing` omitted). */
export function scoreVector(
  vector: ComparisonVector,
  weights: FieldWeights,
  omit: readonly LinkField[] = [],
): { score: number; explanation: FieldScore[] } {
  let score = 0;
  const explanation: FieldScore[] = [];
  for (const field of FIELDS) {
    const level = vector[field];
    if (level === 'missing' || omit.includes(field)) continue;
    const weight = levelWeight(weights, field, level as FieldLevel<typeof field>);
    score += weight;
    explanation.push({ field, level, weight: Math.round(weight * 100) / 100 });
  }
  return { score, explanation };
}

/** Probability that a pair with this score is a match, given the prior probability of a match among compared pairs. */
export function matchProbability(score: number, prior: number): number {
  const odds = 2 ** score * (prior / (1 - prior));
  return odds / (1 + odds);
}

const SMOOTH = 1e-6;

function tally(vectors: readonly ComparisonVector[], share: (i: number) => number): Array<Record<string, number>> {
  return FIELDS.map((field) => {
    const counts = new Map<string, number>();
    let total = 0;
    vectors.forEach((v, i) => {
      if (v[field] === 'missing') return;
      const s = share(i);
      counts.set(v[field], (counts.get(v[field]) ?? 0) + s);
      total += s;
    });
    const levels = FIELD_LEVELS[field].filter((l) => l !== 'missing');
    return Object.fromEntries(
      levels.map((l) => [l, ((counts.get(l) ?? 0) + SMOOTH) / (total + SMOOTH * levels.length)]),
    );
  });
}

function combine(mSide: Array<Record<string, number>>, uSide: Array<Record<string, number>>): FieldWeights {
  const out: Record<string, Record<string, MU>> = {};
  FIELDS.forEach((field, f) => {
    out[field] = {};
    for (const level of Object.keys(mSide[f]!)) {
      out[field][level] = { m: mSide[f]![level]!, u: uSide[f]![level] ?? SMOOTH };
    }
  });
  return out as unknown as FieldWeights;
}

/** m and u counted from reviewed pairs (accepted = same person), with a tiny smoothing for unseen levels. */
export function weightsFromLabelledPairs(
  pairs: ReadonlyArray<{ vector: ComparisonVector; same: boolean }>,
): FieldWeights {
  const vectors = pairs.map((p) => p.vector);
  return combine(
    tally(vectors, (i) => (pairs[i]!.same ? 1 : 0)),
    tally(vectors, (i) => (pairs[i]!.same ? 0 : 1)),
  );
}

/**
 * Expectation–maximisation over unlabelled candidate pairs (the classic Fellegi–Sunter EM,
 * fields conditionally independent): starting from `initial`, alternates the match probability of
 * each pair and the m, u and prior that best explain them. Returns the weights and the prior.
 */
export function estimateWeightsEm(
  vectors: readonly ComparisonVector[],
  initial: FieldWeights = DEFAULT_WEIGHTS,
  options: { iterations?: number; prior?: number; fixU?: boolean } = {},
): { weights: FieldWeights; prior: number } {
  let weights = initial;
  let prior = options.prior ?? 0.1;
  for (let it = 0; it < (options.iterations ?? 20); it++) {
    const p = vectors.map((v) => matchProbability(scoreVector(v, weights).score, prior));
    const mSide = tally(vectors, (i) => p[i]!);
    const uSide = options.fixU ? null : tally(vectors, (i) => 1 - p[i]!);
    const next = combine(mSide, uSide ?? uOf(weights));
    weights = next;
    prior = Math.min(1 - SMOOTH, Math.max(SMOOTH, p.reduce((a, b) => a + b, 0) / Math.max(1, p.length)));
  }
  return { weights, prior };
}

function uOf(weights: FieldWeights): Array<Record<string, number>> {
  return FIELDS.map((field) =>
    Object.fromEntries(
      FIELD_LEVELS[field]
        .filter((l) => l !== 'missing')
        .map((l) => [l, (weights[field] as Partial<Record<string, MU>>)[l]?.u ?? SMOOTH]),
    ),
  );
}
