import type { Db } from '../../platform/db';
import { notFound } from '../../platform/errors';
import type { PersonDetail } from '../../../contracts/population';
import type { Sex } from './id-number';
import * as repo from './population.repository';
import { presentRecord } from './population.presenter';
import { findingsOf } from './read-person';
import { unitNamesToday } from './unit-names';

/** A citizen's household as their own forms need it (procedures prefill): address, head, members. */
export interface OwnHousehold {
  id: string;
  addressLine: string;
  unitCode: string;
  unitName: string | null;
  /** The citizen's relation to the head ('head' when they are the head). */
  relationToHead: string | null;
  members: Array<{
    personId: string;
    fullName: string;
    birthDate: string | null;
    birthYear: number;
    sex: Sex;
    nationalId: string | null;
    relationToHead: string | null;
    alive: boolean;
  }>;
}

/**
 * The signed-in citizen's own record (by the ID number of their e-ID) and their household, with
 * each member's ID number, birth date and sex, read in one statement; undefined when the
 * registry does not hold them. For the citizen's own use (their record page, prefilling and
 * filing their forms): not an officer's access, so not logged.
 */
export async function findOwnRecord(
  db: Db,
  nationalId: string | null,
  options: { findings?: boolean } = {},
): Promise<{ record: PersonDetail; household: OwnHousehold | null } | undefined> {
  const found = nationalId ? await repo.findPersonWithHouseholdByNationalId(db, nationalId) : undefined;
  if (!found) return undefined;
  const { person: row, residences, household } = found;
  const [findings, unitName] = await Promise.all([findingsOf(db, row.id, options), unitNamesToday(db)]);
  const record = presentRecord(row, { unitName, residences, household: household ?? undefined, findings });
  return {
    record,
    household: household && {
      id: household.id,
      addressLine: household.addressLine,
      unitCode: household.unitCode,
      unitName: unitName(household.unitCode),
      relationToHead: row.relationToHead,
      members: household.members.map((m) => ({
        personId: m.id,
        fullName: m.fullName,
        birthDate: m.birthDate,
        birthYear: m.birthYear,
        sex: m.sex,
        nationalId: m.nationalId,
        relationToHead: m.relationToHead,
        alive: m.status === 'alive',
      })),
    },
  };
}

/** The signed-in citizen's own record (by the ID number of their e-ID); not logged as an officer's access. */
export async function getOwnRecord(
  db: Db,
  nationalId: string | null,
  options: { findings?: boolean } = {},
): Promise<PersonDetail> {
  const own = await findOwnRecord(db, nationalId, options);
  if (!own)
    throw notFound(
      'PERSON.NOT_FOUND',
      'hồ sơ của bạn trong cơ sở dữ liệu dân cư của tỉnh',
      'Your record in the province registry',
    );
  return own.record;
}
