/**
 * Which records receive which data-quality defect. Counts are exact: for each code,
 * round(rate × eligible) records (households for CLEAN.HOUSEHOLD_CONFLICT) are chosen at
 * random, each record gets at most one defect, and legitimately deceased people are never
 * chosen. Selection runs on a compact census of the whole province (one byte per person).
 */
import { Rng } from './random';
import type { DefectCode, DefectManifestEntry } from './types';

/** Default defect rates (fraction of the eligible base, see DEFECT_RULES). */
export const DEFAULT_DEFECT_RATES: Readonly<Record<DefectCode, number>> = {
  'CORRECT.ID_INCONSISTENT': 0.005,
  'COMPLETE.MISSING_ID_CARD': 0.01,
  'CLEAN.DUPLICATE_PERSON': 0.003,
  'CLEAN.HOUSEHOLD_CONFLICT': 0.002,
  'CLEAN.TEXT_NOT_NORMALIZED': 0.005,
  'LIVE.NOT_VERIFIED': 0.03,
  'LIVE.DECEASED_STILL_RESIDENT': 0.002,
  'LIVE.IMPOSSIBLE_AGE': 0.0005,
};

/**
 * What each injected defect looks like and the rule a checker should apply to find it
 * ("eligible" is the base of the rate). Natural records never match these rules.
 */
export const DEFECT_RULES: Readonly<Record<DefectCode, string>> = {
  'CORRECT.ID_INCONSISTENT':
    'nationalId present but digit 4 (century/sex) or digits 5–6 (year) contradict sex/birthYear. Eligible: alive people.',
  'COMPLETE.MISSING_ID_CARD':
    'alive, aged 14–120 on the reference date, idCardNumber null. Eligible: alive people aged 14+.',
  'CLEAN.DUPLICATE_PERSON':
    "an extra 'legacy-import' record (nationalId null) with the same full name, birth date and sex as an existing one; both records are flagged. Eligible: alive people.",
  'CLEAN.HOUSEHOLD_CONFLICT':
    'a second member marked head; persons = members marked head in those households. Eligible: households.',
  'CLEAN.TEXT_NOT_NORMALIZED':
    "full name not NFC, with a doubled space, or with 'Ð' (U+00D0) for 'Đ'. Eligible: alive people.",
  'LIVE.NOT_VERIFIED':
    'lastVerifiedAt 25–60 months before the reference date (natural records: within 12 months). Eligible: alive people.',
  'LIVE.DECEASED_STILL_RESIDENT':
    'status deceased with an open permanent residence (validTo null). Eligible: alive people.',
  'LIVE.IMPOSSIBLE_AGE':
    'alive, born 1880–1895 (age > 120); nationalId null as such years cannot be encoded. Eligible: alive people.',
};

/** Per-person census bits gathered in the planning pass. */
export const FLAG = { ALIVE: 1, AGE14: 2, AGE6: 4, HEAD: 8, AGE18: 16, DATED: 32 } as const;

/** Compact view of the planned province: one flag byte per person, household start offsets. */
export interface Census {
  flags: Uint8Array;
  persons: number;
  householdStarts: Int32Array;
  households: number;
}

/** The outcome of selection: defect per person ordinal, and the manifest entries. */
export interface DefectSelection {
  byPerson: Map<number, DefectCode>;
  entries: DefectManifestEntry[];
}

interface PersonSpec {
  code: DefectCode;
  eligible: number; // flag mask defining the base
  pool: number; // flag mask a chosen person must have (a subset of the base)
  notHead?: boolean;
}

// Most constrained first, so that a free candidate is always left for the next code.
const PERSON_SPECS: PersonSpec[] = [
  { code: 'COMPLETE.MISSING_ID_CARD', eligible: FLAG.ALIVE | FLAG.AGE14, pool: FLAG.ALIVE | FLAG.AGE14 },
  { code: 'LIVE.IMPOSSIBLE_AGE', eligible: FLAG.ALIVE, pool: FLAG.ALIVE | FLAG.AGE18 },
  // Duplicates copy a full birth date: checkers match (name key, birth date, sex) on known dates.
  { code: 'CLEAN.DUPLICATE_PERSON', eligible: FLAG.ALIVE, pool: FLAG.ALIVE | FLAG.DATED, notHead: true },
  { code: 'LIVE.DECEASED_STILL_RESIDENT', eligible: FLAG.ALIVE, pool: FLAG.ALIVE, notHead: true },
  { code: 'LIVE.NOT_VERIFIED', eligible: FLAG.ALIVE, pool: FLAG.ALIVE | FLAG.AGE6 },
  { code: 'CORRECT.ID_INCONSISTENT', eligible: FLAG.ALIVE, pool: FLAG.ALIVE },
  { code: 'CLEAN.TEXT_NOT_NORMALIZED', eligible: FLAG.ALIVE, pool: FLAG.ALIVE },
];

/** Validated effective rates: defaults overridden by `overrides`. */
export function effectiveRates(overrides: Partial<Record<DefectCode, number>> = {}): Record<DefectCode, number> {
  const rates = { ...DEFAULT_DEFECT_RATES, ...overrides };
  for (const [code, rate] of Object.entries(rates)) {
    if (!(code in DEFAULT_DEFECT_RATES)) throw new RangeError(`unknown defect code ${code}`);
    if (!Number.isFinite(rate) || rate < 0 || rate > 1)
      throw new RangeError(`defect rate of ${code} must be in [0, 1]`);
  }
  return rates;
}

/** Chooses exactly k items of `candidates` (partial Fisher–Yates); throws when too few. */
function chooseK(rng: Rng, candidates: Int32Array, k: number, code: DefectCode): Int32Array {
  if (k > candidates.length) throw new RangeError(`not enough free records to inject ${k} × ${code}`);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng.next() * (candidates.length - i));
    const tmp = candidates[i] as number;
    candidates[i] = candidates[j] as number;
    candidates[j] = tmp;
  }
  return candidates.subarray(0, k);
}

function countMask(census: Census, mask: number): number {
  let n = 0;
  for (let i = 0; i < census.persons; i++) if (((census.flags[i] as number) & mask) === mask) n++;
  return n;
}

function candidatesOf(census: Census, spec: PersonSpec, used: Uint8Array): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < census.persons; i++) {
    const f = census.flags[i] as number;
    if ((f & spec.pool) === spec.pool && !used[i] && !(spec.notHead && f & FLAG.HEAD)) out.push(i);
  }
  return Int32Array.from(out);
}

/** Household conflicts: the second member of a chosen household is also marked head. */
function selectConflicts(
  rng: Rng,
  census: Census,
  rate: number,
  used: Uint8Array,
  byPerson: Map<number, DefectCode>,
): DefectManifestEntry {
  const code: DefectCode = 'CLEAN.HOUSEHOLD_CONFLICT';
  const k = Math.round(rate * census.households);
  const free: number[] = [];
  for (let h = 0; h < census.households; h++) {
    const second = (census.householdStarts[h] as number) + 1;
    const end = h + 1 < census.households ? (census.householdStarts[h + 1] as number) : census.persons;
    if (second < end && (census.flags[second] as number) & FLAG.ALIVE) free.push(second);
  }
  for (const person of chooseK(rng, Int32Array.from(free), k, code)) {
    used[person] = 1;
    byPerson.set(person, code);
  }
  return { code, rate, eligible: census.households, injected: k, persons: 2 * k };
}

/** Chooses the records of every defect code. */
export function selectDefects(seed: string, census: Census, rates: Record<DefectCode, number>): DefectSelection {
  const rng = new Rng(`${seed}/defects`);
  const used = new Uint8Array(census.persons);
  const byPerson = new Map<number, DefectCode>();
  const entries = [selectConflicts(rng, census, rates['CLEAN.HOUSEHOLD_CONFLICT'], used, byPerson)];
  for (const spec of PERSON_SPECS) {
    const eligible = countMask(census, spec.eligible);
    const k = Math.round(rates[spec.code] * eligible);
    for (const person of chooseK(rng, candidatesOf(census, spec, used), k, spec.code)) {
      used[person] = 1;
      byPerson.set(person, spec.code);
    }
    const persons = spec.code === 'CLEAN.DUPLICATE_PERSON' ? 2 * k : k;
    entries.push({ code: spec.code, rate: rates[spec.code], eligible, injected: k, persons });
  }
  const order = Object.keys(DEFAULT_DEFECT_RATES);
  entries.sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
  return { byPerson, entries };
}
