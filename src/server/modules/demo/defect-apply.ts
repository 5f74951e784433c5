/**
 * Applying a chosen defect to a freshly built record (see DEFECT_RULES for what a checker
 * should see). Each function alters exactly one person record, or adds one record.
 */
import { dayBetween, dayFromCivil, dayToIso } from './dates';
import { identityHash, type PersonFactory, type PersonInternals, verifiedAt } from './person';
import type { Rng } from './random';
import type { DefectCode, InjectedDefect, PersonSeed, ResidenceSeed } from './types';

/** What applying defects needs from the generator. */
export interface DefectContext {
  rng: Rng;
  refDay: number;
  factory: PersonFactory;
}

/** Records added by a defect (duplicates). */
export interface DefectExtras {
  persons: PersonSeed[];
  residences: ResidenceSeed[];
  injected: InjectedDefect[];
}

const YEAR = 365.2425;

/** Alters `person` (and may add records to `extras`) according to `code`. */
export function applyDefect(
  code: DefectCode,
  ctx: DefectContext,
  person: PersonSeed,
  internals: PersonInternals,
  residences: ResidenceSeed[],
  extras: DefectExtras,
): void {
  const label: InjectedDefect = { code, personId: person.id, householdId: person.householdId };
  switch (code) {
    case 'CORRECT.ID_INCONSISTENT':
      contradictId(ctx, person);
      break;
    case 'COMPLETE.MISSING_ID_CARD':
      dropCard(person);
      break;
    case 'CLEAN.DUPLICATE_PERSON': {
      const copy = duplicate(ctx, person, residences);
      extras.persons.push(copy.person);
      extras.residences.push(copy.residence);
      Object.assign(label, { personId: copy.person.id, originalPersonId: person.id });
      break;
    }
    case 'CLEAN.HOUSEHOLD_CONFLICT':
      person.relationToHead = 'head';
      break;
    case 'CLEAN.TEXT_NOT_NORMALIZED':
      person.fullName = denormalize(ctx.rng, person.fullName);
      break;
    case 'LIVE.NOT_VERIFIED':
      person.lastVerifiedAt = verifiedAt(ctx.rng, ctx.refDay - 1820, ctx.refDay - 770);
      break;
    case 'LIVE.DECEASED_STILL_RESIDENT': {
      const birth = internals.plan.birthDay;
      person.status = 'deceased';
      // Died within the last three years, never before birth (a newborn's window is birth+1 … today).
      const earliest = Math.max(birth + 1, ctx.refDay - 3 * 365);
      person.deathDate = dayToIso(dayBetween(earliest, Math.max(earliest, ctx.refDay - 30), ctx.rng.next()));
      break;
    }
    case 'LIVE.IMPOSSIBLE_AGE':
      impossibleAge(ctx, person, internals);
      break;
  }
  extras.injected.push(label);
}

/** Re-issues the ID number under a prefix whose sex digit or year digits are wrong. */
function contradictId(ctx: DefectContext, person: PersonSeed): void {
  const id = person.nationalId;
  if (id === null) throw new Error('a natural record without an ID number cannot be made inconsistent');
  const d4 = Number(id[3]);
  const yy = Number(id.slice(4, 6));
  const prefix = ctx.rng.chance(0.5)
    ? `${id.slice(0, 3)}${d4 ^ 1}${id.slice(4, 6)}`
    : `${id.slice(0, 4)}${String((yy + ctx.rng.int(1, 9)) % 100).padStart(2, '0')}`;
  person.nationalId = ctx.factory.nationalIds.issueWithPrefix(prefix);
  if (person.idCardNumber !== null) person.idCardNumber = person.nationalId;
}

function dropCard(person: PersonSeed): void {
  person.idCardKind = null;
  person.idCardNumber = null;
  person.idCardIssuedOn = null;
  person.idCardExpiresOn = null;
  person.eIdLevel = 0;
  person.eIdActivatedOn = null;
}

/** A second, older-system record of the same person: same name, birth date and sex, no ID number. */
function duplicate(ctx: DefectContext, person: PersonSeed, residences: ResidenceSeed[]) {
  const copy: PersonSeed = {
    ...person,
    id: ctx.rng.uuid(),
    nationalId: null,
    source: 'legacy-import',
    eIdLevel: 0,
    eIdActivatedOn: null,
    email: null,
    healthInsuranceNo: null,
    taxCode: null,
    lastVerifiedAt: verifiedAt(ctx.rng, ctx.refDay - 365, ctx.refDay - 1),
  };
  const permanent = residences.find((r) => r.personId === person.id && r.kind === 'permanent');
  if (!permanent) throw new Error('a natural alive record always has a permanent residence');
  return { person: copy, residence: { ...permanent, id: ctx.rng.uuid(), personId: copy.id } };
}

/** One of: a doubled space, decomposed (NFD) text, or 'Ð' (U+00D0) in place of 'Đ'. */
export function denormalize(rng: Rng, name: string): string {
  const options: Array<() => string> = [() => name.replace(' ', '  ')];
  if (name.normalize('NFD') !== name) options.push(() => name.normalize('NFD'));
  if (name.includes('Đ')) options.push(() => name.replace('Đ', '\u00D0'));
  return rng.pick(options)();
}

/** A birth year of 1880–1895 for a living person; the record keeps its ID card, loses the ID number. */
function impossibleAge(ctx: DefectContext, person: PersonSeed, internals: PersonInternals): void {
  for (;;) {
    const year = ctx.rng.int(1880, 1895);
    const day = dayFromCivil(year, 1, 1) + Math.floor(ctx.rng.next() * (YEAR - 1));
    const withDate = ctx.rng.chance(0.5);
    const key = identityHash(internals.name, withDate ? day : null, person.sex);
    if (ctx.factory.keys.has(key)) continue;
    ctx.factory.keys.add(key);
    Object.assign(person, {
      birthYear: year,
      birthDate: withDate ? dayToIso(day) : null,
      nationalId: null,
      idCardExpiresOn: null,
    });
    return;
  }
}
