/**
 * Planning one synthetic household: who lives in it (relations, sexes, birth days,
 * ethnicity, origin) before any name or document is drawn. Both generator passes replay
 * the same plan from the same per-household random stream.
 */
import { ageOn, dayBetween, yearOf } from './dates';
import { ethnicParams } from './ethnicity';
import {
  bearChildren,
  type Birth,
  bornAged,
  deathProbability,
  drawSex,
  marriageArrival,
  member,
  type MemberPlan,
  motherOf,
  spouseBirth,
  stillAtHome,
} from './family';
import type { Sex } from './names';
import { type Rng, WeightedTable } from './random';

export type { MemberPlan, Relation } from './family';

/** A planned household. */
export interface HouseholdPlan {
  ethnicityCode: string;
  religionCode: string;
  /** Birth-registration province (3 digits) of a migrant Kinh family, else null. */
  migrantOrigin: string | null;
  members: MemberPlan[];
}

/** What a household plan depends on besides its random stream. */
export interface PlanContext {
  refDay: number;
  /** Person-level ethnic mix of the commune (for spouses from other groups). */
  spouseEthnicity: WeightedTable<string>;
  religion: (ethnicCode: string) => WeightedTable<string>;
}

type Kind = 'nuclear' | 'stem' | 'threeGen' | 'lone' | 'couple';
const KINDS = new WeightedTable<Kind>([
  ['nuclear', 56],
  ['stem', 19],
  ['threeGen', 13],
  ['lone', 6],
  ['couple', 6],
]);
const HEAD_AGE = new WeightedTable<number>([
  [19, 9],
  [23, 16],
  [27, 17],
  [31, 16],
  [35, 13],
  [39, 10],
  [43, 8],
  [47, 6],
  [51, 5],
  [55, 4],
  [59, 3],
]);
const MAX_SIZE = 8;

// Pre-2025 birth-registration codes of provinces Kinh migrants to Lai Châu mostly came from (approximate).
const MIGRANT_ORIGINS = new WeightedTable<string>([
  ['034', 25],
  ['036', 15],
  ['030', 10],
  ['033', 8],
  ['035', 6],
  ['037', 5],
  ['001', 10],
  ['025', 6],
  ['038', 6],
  ['040', 5],
  ['011', 4],
  ['010', 4],
  ['014', 3],
  ['015', 3],
]);
const NEIGHBOUR_ORIGINS = new WeightedTable<string>([
  ['011', 40],
  ['010', 25],
  ['014', 25],
  ['015', 10],
]);

/** Plans a household of the given ethnicity (2–8 members, head first). */
export function planHousehold(rng: Rng, ethnicCode: string, ctx: PlanContext): HouseholdPlan {
  const kind = rng.weighted(KINDS);
  const members =
    kind === 'stem'
      ? planStem(rng, ethnicCode, ctx)
      : kind === 'lone'
        ? planLone(rng, ethnicCode, ctx)
        : kind === 'couple'
          ? planCouple(rng, ethnicCode, ctx)
          : planNuclear(rng, ethnicCode, ctx, kind === 'threeGen');
  addRelatives(rng, members, ctx);
  trim(members, ctx.refDay);
  const migrantOrigin = assignOrigins(rng, members, ethnicCode, ctx.refDay);
  markDeaths(rng, members, ctx.refDay);
  for (const m of members) m.yearOnly = yearOf(m.birthDay) < 1960 && rng.chance(0.15);
  const religionCode = rng.weighted(ctx.religion(ethnicCode));
  return { ethnicityCode: ethnicCode, religionCode, migrantOrigin, members };
}

function partnerEthnicity(rng: Rng, ethnicCode: string, ctx: PlanContext): string {
  return rng.chance(0.9) ? ethnicCode : rng.weighted(ctx.spouseEthnicity);
}

function headSex(rng: Rng, ethnicCode: string): Sex {
  return rng.chance(ethnicParams(ethnicCode).maleHead) ? 'male' : 'female';
}

/** Head, spouse and the children still at home; optionally the head's parent(s). */
function planNuclear(rng: Rng, ethnicCode: string, ctx: PlanContext, withParents: boolean): MemberPlan[] {
  const sex = headSex(rng, ethnicCode);
  const head = member('head', sex, bornAged(rng, ctx.refDay, rng.weighted(HEAD_AGE) + rng.int(0, 3)), ethnicCode);
  const spouse = member(
    'spouse',
    sex === 'male' ? 'female' : 'male',
    spouseBirth(rng, head.birthDay, sex),
    partnerEthnicity(rng, ethnicCode, ctx),
  );
  const members = [head, spouse];
  if (withParents) members.push(...parentsOf(rng, head, ctx.refDay));
  const [mother, father] = sex === 'male' ? [spouse, head] : [head, spouse];
  const births = bearChildren(rng, ethnicCode, mother.birthDay, father.birthDay, ctx.refDay);
  for (const b of births) if (stillAtHome(rng, b, ethnicCode, ctx.refDay)) members.push(childOf(b, father));
  return members;
}

function childOf(birth: Birth, father: MemberPlan, relation: 'child' | 'grandchild' = 'child'): MemberPlan {
  return member(relation, birth.sex, birth.birthDay, father.ethnicityCode);
}

/** The head's mother and/or father, if they would be under 96. */
function parentsOf(rng: Rng, head: MemberPlan, refDay: number): MemberPlan[] {
  const motherBirth = motherOf(rng, head.birthDay);
  const fatherBirth = spouseBirth(rng, motherBirth, 'female');
  const who = rng.next();
  const out: MemberPlan[] = [];
  if (who < 0.85 && ageOn(motherBirth, refDay) < 96)
    out.push(member('parent', 'female', motherBirth, head.ethnicityCode));
  if (who > 0.55 && ageOn(fatherBirth, refDay) < 96 && fatherBirth <= head.birthDay - 17 * 366) {
    out.push(member('parent', 'male', fatherBirth, head.ethnicityCode));
  }
  return out;
}

/** An older couple (or widowed parent) living with one married child, the in-law and grandchildren. */
function planStem(rng: Rng, ethnicCode: string, ctx: PlanContext): MemberPlan[] {
  const sex = headSex(rng, ethnicCode);
  const head = member('head', sex, bornAged(rng, ctx.refDay, rng.int(46, 76)), ethnicCode);
  const partner = member(
    'spouse',
    sex === 'male' ? 'female' : 'male',
    spouseBirth(rng, head.birthDay, sex),
    ethnicCode,
  );
  const [mother, father] = sex === 'male' ? [partner, head] : [head, partner];
  const births = bearChildren(rng, ethnicCode, mother.birthDay, father.birthDay, ctx.refDay);
  const grown = births.filter((b) => ageOn(b.birthDay, ctx.refDay) >= 19);
  const heir = grown.filter((b) => b.sex === 'male').pop() ?? grown.pop();
  const members = rng.chance(0.75) ? [head, partner] : [head];
  if (!heir) return members.length > 1 ? members : [head, partner];
  const heirMember = childOf(heir, father);
  const inLaw = member(
    'child_in_law',
    heir.sex === 'male' ? 'female' : 'male',
    spouseBirth(rng, heir.birthDay, heir.sex),
    partnerEthnicity(rng, ethnicCode, ctx),
  );
  members.push(heirMember, inLaw);
  for (const b of births)
    if (b !== heir && stillAtHome(rng, b, ethnicCode, ctx.refDay)) members.push(childOf(b, father));
  const [m2, f2] = heir.sex === 'female' ? [heirMember, inLaw] : [inLaw, heirMember];
  for (const g of bearChildren(rng, ethnicCode, m2.birthDay, f2.birthDay, ctx.refDay))
    members.push(childOf(g, f2, 'grandchild'));
  return members;
}

/** A widowed or separated mother with her children at home. */
function planLone(rng: Rng, ethnicCode: string, ctx: PlanContext): MemberPlan[] {
  const head = member('head', 'female', bornAged(rng, ctx.refDay, rng.int(24, 58)), ethnicCode);
  const absentFather = spouseBirth(rng, head.birthDay, 'female');
  const members = [head];
  for (const b of bearChildren(rng, ethnicCode, head.birthDay, absentFather, ctx.refDay)) {
    if (stillAtHome(rng, b, ethnicCode, ctx.refDay)) members.push(member('child', b.sex, b.birthDay, ethnicCode));
  }
  if (members.length === 1) members.push(...parentsOf(rng, head, ctx.refDay).slice(0, 1));
  if (members.length > 1) return members;
  return planCouple(rng, ethnicCode, ctx);
}

/** A newly married young couple, or an elderly couple whose children have left. */
function planCouple(rng: Rng, ethnicCode: string, ctx: PlanContext): MemberPlan[] {
  const age = rng.chance(0.5) ? rng.int(19, 27) : rng.int(58, 84);
  const head = member('head', 'male', bornAged(rng, ctx.refDay, age), ethnicCode);
  const spouse = member(
    'spouse',
    'female',
    spouseBirth(rng, head.birthDay, 'male'),
    partnerEthnicity(rng, ethnicCode, ctx),
  );
  return [head, spouse];
}

/** Occasionally an unmarried sibling of the head, or another relative (nephew, niece). */
function addRelatives(rng: Rng, members: MemberPlan[], ctx: PlanContext): void {
  const head = members[0] as MemberPlan;
  if (rng.chance(0.04)) {
    const birth = head.birthDay + Math.round((rng.next() * 24 - 12) * 365.2425);
    if (ageOn(birth, ctx.refDay) >= 10) members.push(member('sibling', drawSex(rng), birth, head.ethnicityCode));
  }
  if (rng.chance(0.015))
    members.push(member('other', drawSex(rng), bornAged(rng, ctx.refDay, rng.int(6, 22)), head.ethnicityCode));
}

/** Keeps households at ≤ 8 members: the oldest unmarried children are the first to have moved out. */
function trim(members: MemberPlan[], refDay: number): void {
  while (members.length > MAX_SIZE) {
    let drop = -1;
    members.forEach((m, i) => {
      const inLawHere = members.some((x) => x.relation === 'child_in_law');
      const candidate =
        m.relation === 'child' && ageOn(m.birthDay, refDay) >= 12 && !(inLawHere && ageOn(m.birthDay, refDay) >= 19);
      if (candidate && (drop < 0 || m.birthDay < (members[drop] as MemberPlan).birthDay)) drop = i;
    });
    members.splice(drop >= 0 ? drop : members.length - 1, 1);
  }
}

/** Marks where people were born: migrant Kinh families and spouses from neighbouring provinces. */
function assignOrigins(rng: Rng, members: MemberPlan[], ethnicCode: string, refDay: number): string | null {
  const head = members[0] as MemberPlan;
  const headYear = yearOf(head.birthDay);
  const migrant = ethnicCode === '01' && rng.chance(headYear < 1995 ? 0.55 : 0.2);
  const origin = migrant ? rng.weighted(MIGRANT_ORIGINS) : null;
  const arrival = origin
    ? dayBetween(head.birthDay + 18 * 365, Math.min(refDay - 30, head.birthDay + 34 * 365), rng.next())
    : null;
  for (const m of members) {
    if (origin !== null && arrival !== null && m.birthDay < arrival) {
      m.origin = m.relation === 'spouse' && rng.chance(0.3) ? rng.weighted(MIGRANT_ORIGINS) : origin;
      m.arrivalDay = arrival;
    } else if (m.relation === 'spouse' || m.relation === 'child_in_law') {
      if (origin === null && rng.chance(0.03)) m.origin = rng.weighted(NEIGHBOUR_ORIGINS);
      m.arrivalDay = Math.max(m.birthDay + 1, marriageArrival(rng, m.birthDay, refDay));
    }
  }
  return origin;
}

/** A few older members (never the head) are recorded as deceased, residence closed. */
function markDeaths(rng: Rng, members: MemberPlan[], refDay: number): void {
  for (let i = 1; i < members.length; i++) {
    const m = members[i] as MemberPlan;
    const earliest = Math.max(m.birthDay + 1, m.arrivalDay ?? 0, refDay - 4 * 365);
    if (rng.chance(deathProbability(ageOn(m.birthDay, refDay))) && earliest <= refDay - 15) {
      m.deathDay = dayBetween(earliest, refDay - 15, rng.next());
    }
  }
}
