/**
 * Turning a planned household into registry records: names (unique by search key, birth
 * date and sex), ID numbers, cards, e-ID, contacts and residences.
 */
import type { CommuneSetup } from './communes';
import { addYears, ageOn, dayToIso, yearOf } from './dates';
import type { HouseholdPlan, MemberPlan } from './households';
import { adultCard, type Card, childCard, type EId, LegacyIdAllocator, NationalIdAllocator, planEId } from './identity';
import { drawEmail, drawPhone, InsuranceAllocator, TaxCodeAllocator } from './contacts';
import { drawGiven, drawMiddle, fullNameOf, type NameParts, nameKey, nameKeyHash, type Sex } from './names';
import { familyNames, provinceName, verifiedAt } from './person-details';
import { HashBits, mix32, type Rng } from './random';
import type { HouseholdSeed, PersonSeed, ResidenceSeed } from './types';

export { provinceName, verifiedAt };

/** Source tag of generated records. */
export const SOURCE = 'demo-generator';

// Members whose home town is their own, not the household's paternal line.
const MARRIED_IN: ReadonlySet<string> = new Set(['spouse', 'child_in_law', 'other']);

/**
 * Hash of the key under which natural records must be unique: name search key, birth date
 * (a day number, or null when only the year is known) and sex.
 */
export function identityHash(name: NameParts, birthDay: number | null, sex: Sex): number {
  const h = mix32(nameKeyHash(name) ^ (birthDay === null ? 0x7fffffff : birthDay + 100_000));
  return mix32(h ^ (sex === 'male' ? 0x1234567 : 0x7654321)) & 0x3fffffff;
}

/** Internal facts about a built person that defects need (not emitted). */
export interface PersonInternals {
  plan: MemberPlan;
  name: NameParts;
}

/** A household turned into records. */
export interface BuiltHousehold {
  household: HouseholdSeed;
  persons: PersonSeed[];
  internals: PersonInternals[];
  residences: ResidenceSeed[];
}

/** Builds records, holding the allocators and the set of identity keys across households. */
export class PersonFactory {
  readonly nationalIds: NationalIdAllocator;
  readonly keys: HashBits;
  private readonly legacyIds: LegacyIdAllocator;
  private readonly insurance: InsuranceAllocator;
  private readonly taxCodes: TaxCodeAllocator;

  /** `key` derives from the seed; `communes` is the whole province (for temporary residences). */
  constructor(
    key: number,
    private readonly refDay: number,
    private readonly provinceIdCode: string,
    private readonly communes: CommuneSetup[],
    expectedPeople: number,
  ) {
    this.keys = new HashBits(expectedPeople);
    this.nationalIds = new NationalIdAllocator(key);
    this.legacyIds = new LegacyIdAllocator(key);
    this.insurance = new InsuranceAllocator(provinceIdCode.slice(-2), key);
    this.taxCodes = new TaxCodeAllocator(key);
  }

  /** Records of one planned household. */
  build(rng: Rng, plan: HouseholdPlan, commune: CommuneSetup): BuiltHousehold {
    const householdId = rng.uuid();
    const address = rng.pick(commune.addressLines);
    const families = familyNames(rng, plan);
    const out: BuiltHousehold = {
      household: { id: householdId, unitCode: commune.code, addressLine: address, headPersonId: '' },
      persons: [],
      internals: [],
      residences: [],
    };
    const lineageHome = plan.migrantOrigin ? provinceName(plan.migrantOrigin) : commune.homeTown;
    plan.members.forEach((m, i) => {
      const person = this.person(rng, m, plan, families[i] as string, householdId, commune);
      const ownHome = MARRIED_IN.has(m.relation) || (m.relation === 'parent' && m.sex === 'female');
      person.record.homeTown = ownHome ? this.homeTownOf(rng, m) : lineageHome;
      out.persons.push(person.record);
      out.internals.push({ plan: m, name: person.name });
      out.residences.push(...this.residences(rng, m, person.record.id, commune, address));
    });
    out.household.headPersonId = (out.persons[0] as PersonSeed).id;
    return out;
  }

  private homeTownOf(rng: Rng, m: MemberPlan): string {
    if (m.origin) return provinceName(m.origin);
    return rng.pick(this.communes).homeTown;
  }

  private person(
    rng: Rng,
    m: MemberPlan,
    plan: HouseholdPlan,
    family: string,
    householdId: string,
    commune: CommuneSetup,
  ): { record: PersonSeed; name: NameParts } {
    const birthYear = yearOf(m.birthDay);
    const unique = this.uniqueName(rng, m, family, m.yearOnly);
    const lastDay = m.deathDay ?? this.refDay;
    const record: PersonSeed = {
      id: rng.uuid(),
      nationalId: this.nationalIds.issue(m.origin ?? this.provinceIdCode, m.sex, birthYear),
      legacyId: this.legacyIds.maybeIssue(rng, birthYear, m.origin),
      fullName: fullNameOf(unique.name),
      birthDate: unique.yearOnly ? null : dayToIso(m.birthDay),
      birthYear,
      sex: m.sex,
      ethnicityCode: m.ethnicityCode,
      religionCode: plan.religionCode,
      nationality: 'VN',
      birthPlaceProvinceCode: (m.origin ?? this.provinceIdCode).slice(-2),
      birthPlaceUnitCode: m.origin ? null : m.arrivalDay === null ? commune.code : rng.pick(this.communes).code,
      homeTown: '',
      householdId,
      relationToHead: m.relation,
      idCardKind: null,
      idCardNumber: null,
      idCardIssuedOn: null,
      idCardExpiresOn: null,
      eIdLevel: 0,
      eIdActivatedOn: null,
      status: m.deathDay === null ? 'alive' : 'deceased',
      deathDate: m.deathDay === null ? null : dayToIso(m.deathDay),
      phone: null,
      email: null,
      healthInsuranceNo: null,
      taxCode: null,
      source: SOURCE,
      lastVerifiedAt: verifiedAt(rng, Math.max(this.refDay - 365, m.birthDay + 3), this.refDay - 1),
    };
    this.documents(rng, record, m, lastDay);
    this.contacts(rng, record, m, unique.name, commune, ageOn(m.birthDay, lastDay));
    return { record, name: unique.name };
  }

  /** Draws middle/given names until (search key, birth date, sex) is new in the province. */
  private uniqueName(
    rng: Rng,
    m: MemberPlan,
    family: string,
    yearOnly: boolean,
  ): { name: NameParts; yearOnly: boolean } {
    const year = yearOf(m.birthDay);
    const name: NameParts = {
      family,
      middle: drawMiddle(rng, m.ethnicityCode, m.sex),
      given: drawGiven(rng, m.ethnicityCode, m.sex, year),
    };
    let withoutDate = yearOnly;
    for (let attempt = 0; ; attempt++) {
      const key = identityHash(name, withoutDate ? null : m.birthDay, m.sex);
      if (!this.keys.has(key)) {
        this.keys.add(key);
        return { name, yearOnly: withoutDate };
      }
      if (attempt >= 12) name.middle = drawMiddle(rng, m.ethnicityCode, m.sex);
      name.given = drawGiven(rng, m.ethnicityCode, m.sex, year);
      if (attempt === 30) withoutDate = false;
      if (attempt >= 40) name.given = `${drawGiven(rng, m.ethnicityCode, m.sex, year)} ${name.given}`;
    }
  }

  private documents(rng: Rng, record: PersonSeed, m: MemberPlan, lastDay: number): void {
    const adult = ageOn(m.birthDay, lastDay) >= 14;
    const card: Card | null = adult
      ? adultCard(rng, m.birthDay, lastDay)
      : rng.chance(0.04)
        ? childCard(rng, m.birthDay, lastDay)
        : null;
    if (card) {
      record.idCardKind = card.kind;
      record.idCardNumber = record.nationalId;
      record.idCardIssuedOn = dayToIso(card.issuedDay);
      record.idCardExpiresOn = card.expiresDay === null ? null : dayToIso(card.expiresDay);
    }
    const eId: EId = adult ? planEId(rng, m.birthDay, card, lastDay) : { level: 0, activatedDay: null };
    record.eIdLevel = eId.level;
    record.eIdActivatedOn = eId.activatedDay === null ? null : dayToIso(eId.activatedDay);
  }

  private contacts(
    rng: Rng,
    record: PersonSeed,
    m: MemberPlan,
    name: NameParts,
    commune: CommuneSetup,
    age: number,
  ): void {
    const minority = m.ethnicityCode !== '01';
    const phoneShare = age >= 70 ? 0.4 : age >= 18 ? 0.86 : age >= 15 ? 0.45 : 0;
    if (rng.chance(phoneShare)) record.phone = drawPhone(rng);
    if (age >= 18 && age <= 50 && rng.chance(minority ? 0.03 : 0.12))
      record.email = drawEmail(rng, nameKey(name), record.birthYear);
    record.healthInsuranceNo = this.insurance.maybeIssue(rng, { age, minority, ward: commune.profile === 'ward' });
    const insurance = record.healthInsuranceNo;
    const employed = insurance !== null && (insurance.startsWith('HC') || insurance.startsWith('DN'));
    if (age >= 22 && age < 60 && rng.chance(employed ? 0.85 : 0.04)) record.taxCode = this.taxCodes.issue();
  }

  private residences(
    rng: Rng,
    m: MemberPlan,
    personId: string,
    commune: CommuneSetup,
    address: string,
  ): ResidenceSeed[] {
    const from = m.arrivalDay ?? Math.min(this.refDay, m.birthDay + rng.int(0, 45));
    const to = m.deathDay === null ? null : dayToIso(m.deathDay + rng.int(3, 14));
    const out: ResidenceSeed[] = [
      {
        id: rng.uuid(),
        personId,
        kind: 'permanent',
        unitCode: commune.code,
        addressLine: address,
        validFrom: dayToIso(from),
        validTo: to,
      },
    ];
    const age = ageOn(m.birthDay, this.refDay);
    if (m.deathDay === null && this.communes.length > 1 && rng.chance(age >= 16 && age <= 45 ? 0.05 : 0.008)) {
      out.push(this.temporaryResidence(rng, personId, commune, Math.max(from, m.birthDay)));
    }
    return out;
  }

  private temporaryResidence(rng: Rng, personId: string, home: CommuneSetup, notBefore: number): ResidenceSeed {
    let other = rng.pick(this.communes);
    while (other.code === home.code) other = rng.pick(this.communes);
    const from = Math.max(notBefore, this.refDay - rng.int(30, 700));
    return {
      id: rng.uuid(),
      personId,
      kind: 'temporary',
      unitCode: other.code,
      addressLine: rng.pick(other.addressLines),
      validFrom: dayToIso(from),
      validTo: dayToIso(addYears(from, 2)),
    };
  }
}
