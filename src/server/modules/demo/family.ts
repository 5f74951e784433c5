/**
 * Building blocks of synthetic households: ages of spouses, children born to a couple,
 * parents of a household head. All ages are approximations tuned so the province gets a
 * young, high-fertility age pyramid (median age in the mid-twenties, about a third under 15).
 */
import { ageOn, yearOf } from './dates';
import { ethnicParams } from './ethnicity';
import type { Sex } from './names';
import { type Rng, WeightedTable } from './random';

/** Relation of a member to the household head, as on the residence register. */
export type Relation = 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'sibling' | 'child_in_law' | 'other';

/** One member of a planned household (no names or documents yet). */
export interface MemberPlan {
  relation: Relation;
  sex: Sex;
  birthDay: number;
  ethnicityCode: string;
  /** Set for people who legitimately died (their permanent residence is closed). */
  deathDay: number | null;
  /** Birth-registration province (3 digits) when born outside the province, else null. */
  origin: string | null;
  /** Day the person joined the household's residence, when not born into it. */
  arrivalDay: number | null;
  /** Only the birth year is on record (common for people born before 1960). */
  yearOnly: boolean;
}

const YEAR = 365.2425;
const MIN_PARENT_GAP = 17; // years between a parent's and a child's birth years (≥ 16 required)

/** A birth day for someone aged `age` completed years on `refDay` (plus a random fraction). */
export function bornAged(rng: Rng, refDay: number, age: number): number {
  return refDay - Math.floor((age + rng.next() * 0.999) * YEAR);
}

const SPOUSE_GAP = new WeightedTable<number>([
  [-2, 3],
  [-1, 7],
  [0, 14],
  [1, 18],
  [2, 18],
  [3, 14],
  [4, 10],
  [5, 7],
  [6, 5],
  [8, 3],
  [10, 1],
]);

/** Birth day of a spouse: wives are usually 0–6 years younger than their husbands. */
export function spouseBirth(rng: Rng, partnerBirth: number, partnerSex: Sex): number {
  const gapYears = rng.weighted(SPOUSE_GAP) + rng.next() - 0.5;
  const shift = Math.round(gapYears * YEAR);
  return partnerSex === 'male' ? partnerBirth + shift : partnerBirth - shift;
}

/** Random sex at birth (slightly more boys, as recorded in Vietnam). */
export function drawSex(rng: Rng): Sex {
  return rng.chance(0.52) ? 'male' : 'female';
}

/** A child of a couple: birth day and sex. */
export interface Birth {
  birthDay: number;
  sex: Sex;
}

function completedFertility(rng: Rng, ethnicCode: string, motherYear: number): number {
  const base = ethnicParams(ethnicCode).children;
  const cohort =
    motherYear < 1965 ? 1.6 : motherYear < 1975 ? 1.0 : motherYear < 1985 ? 0.4 : motherYear > 1995 ? -0.3 : 0;
  return Math.max(0, Math.min(9, Math.round(rng.normal(base + cohort, 1.1))));
}

/**
 * All children a couple has had up to `refDay`: first birth around the group's usual age,
 * then every 1.5–4 years, never before both parents are 17 years older, never after 44.
 */
export function bearChildren(
  rng: Rng,
  ethnicCode: string,
  motherBirth: number,
  fatherBirth: number,
  refDay: number,
): Birth[] {
  const wanted = completedFertility(rng, ethnicCode, yearOf(motherBirth));
  const firstAge = Math.max(17, Math.min(33, rng.normal(ethnicParams(ethnicCode).firstBirthAge, 2)));
  const minYear = Math.max(yearOf(motherBirth), yearOf(fatherBirth)) + MIN_PARENT_GAP;
  const births: Birth[] = [];
  let day = motherBirth + Math.round(firstAge * YEAR);
  while (births.length < wanted && day < refDay - 7 && ageOn(motherBirth, day) <= 44) {
    if (yearOf(day) >= minYear) births.push({ birthDay: day, sex: drawSex(rng) });
    day += Math.round((1.5 + rng.next() * 2.5) * YEAR);
  }
  return births;
}

/** Whether a grown child still lives with the parents on `refDay` (daughters marry out earlier). */
export function stillAtHome(rng: Rng, birth: Birth, ethnicCode: string, refDay: number): boolean {
  const age = ageOn(birth.birthDay, refDay);
  const leaves = birth.sex === 'female' ? rng.normal(ethnicParams(ethnicCode).daughterLeaves, 2.5) : rng.normal(24, 3);
  return age < leaves;
}

/** Birth day of the head's mother, 18–38 years before the head (so always ≥ 17 years older). */
export function motherOf(rng: Rng, childBirth: number): number {
  return childBirth - Math.round((18.5 + rng.next() * 20) * YEAR);
}

/** Probability that a member other than the head is recorded as (legitimately) deceased. */
export function deathProbability(age: number): number {
  if (age >= 85) return 0.25;
  if (age >= 75) return 0.11;
  if (age >= 65) return 0.04;
  if (age >= 50) return 0.009;
  return 0.0015;
}

/** A plain member record. */
export function member(relation: Relation, sex: Sex, birthDay: number, ethnicityCode: string): MemberPlan {
  return { relation, sex, birthDay, ethnicityCode, deathDay: null, origin: null, arrivalDay: null, yearOnly: false };
}

/** Day a spouse or in-law moved in: around marriage (age 17–24), before `refDay`. */
export function marriageArrival(rng: Rng, birthDay: number, refDay: number): number {
  return Math.min(refDay - 10, birthDay + Math.round((17 + rng.next() * 7) * YEAR));
}
