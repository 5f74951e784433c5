/**
 * Compact storage of every planned household between the generator's two passes (about
 * 17 bytes per person, 30 per household: ~12 MB for 500,000 people), so households are
 * planned once. Holds no names or documents: full records exist only batch by batch.
 */
import { ETHNIC_CODES } from './ethnicity';
import type { HouseholdPlan, MemberPlan, Relation } from './households';
import { Rng } from './random';

const RELATIONS: readonly Relation[] = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'sibling',
  'child_in_law',
  'other',
];
const NONE = -2147483648; // "no day" in Int32 columns

/** Small string ↔ index dictionary for code columns. */
class Codes {
  private readonly index = new Map<string | null, number>();
  private readonly values: Array<string | null> = [];

  constructor(initial: ReadonlyArray<string | null>) {
    for (const v of initial) this.of(v);
  }

  of(value: string | null): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      if (i > 255) throw new RangeError('too many distinct codes for a one-byte column');
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }

  value(i: number): string | null {
    return this.values[i] ?? null;
  }
}

function grow<T extends Uint8Array | Uint16Array | Int32Array | Uint32Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** A household read back from the store. */
export interface StoredHousehold {
  communeIndex: number;
  plan: HouseholdPlan;
  /** The household's random stream, positioned just after planning. */
  rng: Rng;
}

/** Column store of planned households. */
export class PlanStore {
  households = 0;
  persons = 0;
  private readonly codes = new Codes([null, ...ETHNIC_CODES]);
  private commune = new Uint16Array(1024);
  private ethnic = new Uint8Array(1024);
  private religion = new Uint8Array(1024);
  private migrant = new Uint8Array(1024);
  private start = new Int32Array(1025);
  private rngState = new Uint32Array(4096);
  private relation = new Uint8Array(4096);
  private female = new Uint8Array(4096);
  private memberEthnic = new Uint8Array(4096);
  private origin = new Uint8Array(4096);
  private yearOnly = new Uint8Array(4096);
  private birth = new Int32Array(4096);
  private death = new Int32Array(4096);
  private arrival = new Int32Array(4096);

  /** Appends a planned household and the state of its stream after planning. */
  add(communeIndex: number, plan: HouseholdPlan, rng: Rng): void {
    const h = this.households++;
    this.growHouseholds(h + 2);
    this.commune[h] = communeIndex;
    this.ethnic[h] = this.codes.of(plan.ethnicityCode);
    this.religion[h] = this.codes.of(plan.religionCode);
    this.migrant[h] = this.codes.of(plan.migrantOrigin);
    rng.saveState(this.rngState, h * 4);
    this.growMembers(this.persons + plan.members.length);
    for (const m of plan.members) this.addMember(m);
    this.start[h + 1] = this.persons;
  }

  /** Offset of household h's first member in person order. */
  firstMember(h: number): number {
    return this.start[h] as number;
  }

  /** Reads household h back. */
  read(h: number): StoredHousehold {
    const members: MemberPlan[] = [];
    for (let i = this.start[h] as number; i < (this.start[h + 1] as number); i++) members.push(this.readMember(i));
    const plan: HouseholdPlan = {
      ethnicityCode: this.codes.value(this.ethnic[h] as number) as string,
      religionCode: this.codes.value(this.religion[h] as number) as string,
      migrantOrigin: this.codes.value(this.migrant[h] as number),
      members,
    };
    return { communeIndex: this.commune[h] as number, plan, rng: Rng.resume(this.rngState, h * 4) };
  }

  private addMember(m: MemberPlan): void {
    const i = this.persons++;
    this.relation[i] = RELATIONS.indexOf(m.relation);
    this.female[i] = m.sex === 'female' ? 1 : 0;
    this.memberEthnic[i] = this.codes.of(m.ethnicityCode);
    this.origin[i] = this.codes.of(m.origin);
    this.yearOnly[i] = m.yearOnly ? 1 : 0;
    this.birth[i] = m.birthDay;
    this.death[i] = m.deathDay ?? NONE;
    this.arrival[i] = m.arrivalDay ?? NONE;
  }

  private readMember(i: number): MemberPlan {
    const death = this.death[i] as number;
    const arrival = this.arrival[i] as number;
    return {
      relation: RELATIONS[this.relation[i] as number] as Relation,
      sex: this.female[i] ? 'female' : 'male',
      birthDay: this.birth[i] as number,
      ethnicityCode: this.codes.value(this.memberEthnic[i] as number) as string,
      deathDay: death === NONE ? null : death,
      origin: this.codes.value(this.origin[i] as number),
      arrivalDay: arrival === NONE ? null : arrival,
      yearOnly: this.yearOnly[i] === 1,
    };
  }

  private growHouseholds(n: number): void {
    this.commune = grow(this.commune, n);
    this.ethnic = grow(this.ethnic, n);
    this.religion = grow(this.religion, n);
    this.migrant = grow(this.migrant, n);
    this.start = grow(this.start, n + 1);
    this.rngState = grow(this.rngState, n * 4);
  }

  private growMembers(n: number): void {
    this.relation = grow(this.relation, n);
    this.female = grow(this.female, n);
    this.memberEthnic = grow(this.memberEthnic, n);
    this.origin = grow(this.origin, n);
    this.yearOnly = grow(this.yearOnly, n);
    this.birth = grow(this.birth, n);
    this.death = grow(this.death, n);
    this.arrival = grow(this.arrival, n);
  }
}
