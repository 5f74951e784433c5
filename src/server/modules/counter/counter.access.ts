import type { Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import type { AccessContext } from '../identity';
import { getUnitHierarchy } from '../units';
import { searchPersons } from '../population';
import { personDeceased, personNotFound, staffOnly, unitForbidden, unitRequired } from './counter.errors';
import { assertUnitExists } from './counter.catalog';
import { counterStaff, lookupGrant, readScope, readsIn, recordingUnits, recordsIn } from './counter.policy';

/**
 * Purpose written to the access log with every ID lookup at the counter: the seeded audit purpose
 * "Theo yêu cầu của công dân tại bộ phận một cửa" (at the citizen's own request at the one-stop
 * counter) — the citizen is there, hands over the card and asks to be served.
 */
export const COUNTER_LOOKUP_PURPOSE = 'citizen_request';

/** Options of the module taken from the app's dependencies. */
export interface CounterOptions {
  /** Key of the access log's pseudonyms; undefined = lookups are not logged (benchmarks only). */
  pseudonymKey?: string;
  /** The clock (tests of "same day" use a fixed one). */
  now?: () => Date;
}

/** The staff member behind a request; counter actions are staff-only (a citizen never holds them). */
export function actorOf(access: AccessContext): { accountId: string; displayName: string } {
  const staff = counterStaff(access);
  if (!staff) throw staffOnly();
  return staff;
}

/**
 * The counter's unit for a new visit: the given one (it must exist today and the officer must
 * record there), or the officer's only unit where they record.
 */
export async function counterUnit(
  db: Db,
  access: AccessContext,
  given: string | undefined,
  today: string,
): Promise<string> {
  if (given) {
    await assertUnitExists(db, given, today);
    if (!recordsIn(access, given)) throw unitForbidden(given);
    return given;
  }
  const units = recordingUnits(access);
  if (units.length !== 1) throw unitRequired();
  return units[0]!;
}

/**
 * The units a list or summary covers: the asked unit and everything below it (if the reader may
 * read there), or all the reader's units; null = the whole province.
 */
export async function readUnits(
  db: Db,
  access: AccessContext,
  unitCode: string | undefined,
): Promise<readonly string[] | null> {
  if (unitCode) {
    if (!readsIn(access, unitCode)) throw unitForbidden(unitCode);
    return (await getUnitHierarchy(db, todayInVietnam())).descendants(unitCode);
  }
  return readScope(access);
}

/** A person found at the counter by ID number. */
export interface FoundPerson {
  id: string;
  fullName: string;
  birthYear: number;
  residenceUnitName: string | null;
  deceased: boolean;
}

/**
 * Looks a citizen up by exact ID number through the population module, anywhere in the province
 * (citizens may be served at any counter, Decree 118/2025), and writes the access to the access log
 * with the counter purpose — in the caller's transaction when `db` is one.
 */
export async function lookupCitizen(
  db: Db,
  access: AccessContext,
  nationalId: string,
  options: CounterOptions,
): Promise<FoundPerson> {
  const reader = options.pseudonymKey
    ? {
        accountId: actorOf(access).accountId,
        ...lookupGrant(access),
        requestId: access.requestId,
        pseudonymKey: options.pseudonymKey,
      }
    : undefined;
  const page = await searchPersons(
    db,
    { nationalId, purpose: COUNTER_LOOKUP_PURPOSE, page: 1, pageSize: 1 },
    null,
    reader,
  );
  const person = page.items[0];
  if (!person) throw personNotFound();
  return {
    id: person.id,
    fullName: person.fullName,
    birthYear: person.birthYear,
    residenceUnitName: person.residenceUnitName,
    deceased: person.status === 'deceased',
  };
}

/** The citizen of a visit: found, and alive (a death is declared by a living visitor). */
export async function visitCitizen(
  db: Db,
  access: AccessContext,
  nationalId: string,
  options: CounterOptions,
): Promise<FoundPerson> {
  const person = await lookupCitizen(db, access, nationalId, options);
  if (person.deceased) throw personDeceased();
  return person;
}
