import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { isRealIsoDate, todayInVietnam } from '../../../contracts/common';
import { foldForSearch, normalizeDeclared } from '../../../shared/text';
import { invalidField } from '../../platform/errors';
import { recordAccess, subjectFor } from '../audit';
import type { Reader } from './person-access-log';
import { persons, registryChanges } from './population.schema';
import { CHANGE_NAMES, conflict, recordChange, type Locked } from './registry-change';

/**
 * Correcting a person's own data — full name, birth date, sex — on a change request the commune
 * police accepted (issue 16 §3: a sector list says the registry may be wrong; sector-data proposes,
 * the police decide). A registry command in the style of registry-change.ts: in the caller's
 * transaction it locks the person, refuses (409, nothing written) a record changed since the officer
 * saw it or a field whose value is no longer the one the request saw, writes the new value, bumps
 * `registry_version`, keeps a `person_data_corrected` history line (before / after, the request's
 * reference in `dossier_code`), queues the quality refresh and logs `person.update` in the access log.
 * ID numbers and residence are not corrected here: they have their own procedures.
 */

/** The registry fields a change request may correct. */
export type CorrectableField = 'fullName' | 'birthDate' | 'sex';

/** What a correction needs to know of a person (and what a proposal shows). */
export interface CorrectablePerson {
  id: string;
  nationalId: string | null;
  fullName: string;
  /** YYYY-MM-DD, or null when the registry knows only the year. */
  birthDate: string | null;
  birthYear: number;
  sex: 'male' | 'female';
  residenceUnitCode: string | null;
  status: 'alive' | 'deceased';
  registryVersion: number;
}

/** The registry's value of a correctable field as text: the birth date, or its year alone when only the year is known. */
export function registryValueOf(person: CorrectablePerson, field: CorrectableField): string | null {
  if (field === 'birthDate') return person.birthDate ?? String(person.birthYear);
  return person[field];
}

const columns = {
  id: persons.id,
  nationalId: persons.nationalId,
  fullName: persons.fullName,
  birthDate: persons.birthDate,
  birthYear: persons.birthYear,
  sex: persons.sex,
  residenceUnitCode: persons.residenceUnitCode,
  status: persons.status,
  registryVersion: persons.registryVersion,
  householdId: persons.householdId,
  relationToHead: persons.relationToHead,
};

/** A person's correctable fields, commune and registry version (undefined when not in the registry). Not logged: the caller logs what it shows. */
export async function findCorrectablePerson(db: Db, personId: string): Promise<CorrectablePerson | undefined> {
  const [row] = await db.select(columns).from(persons).where(eq(persons.id, personId)).limit(1);
  return row;
}

/** A correction the commune police decided. */
export interface PersonDataCorrection {
  personId: string;
  field: CorrectableField;
  /** The registry's value the request saw (registryValueOf when proposed): the field must still hold it. */
  expected: string | null;
  /** The new value: a full name (NFC, as declared), a YYYY-MM-DD date, or male / female. */
  value: string;
  /** The person's registry version as the deciding officer saw it. */
  seenVersion: number;
  /** The change request: its id and the reference people quote (kept as the history line's "dossier"). */
  changeRequestId: string;
  reference: string;
  /** The officer deciding, for the access log (purpose data_cleaning). */
  writer: Reader;
  /**
   * The caller's rules checked again on the locked record (e.g. what its ID number rules out, as the
   * record may have changed since the request was made): a refusal is answered 409, nothing written.
   */
  recheck?: (person: CorrectablePerson) => { vi: string; en: string } | undefined;
}

const FIELD_VI: Record<CorrectableField, string> = { fullName: 'họ và tên', birthDate: 'ngày sinh', sex: 'giới tính' };
const FIELD_EN: Record<CorrectableField, string> = { fullName: 'full name', birthDate: 'birth date', sex: 'sex' };

/** Locks the person and checks the record is as the officer saw it, and the field as the request saw it (409 otherwise). */
async function lockForCorrection(tx: Db, c: PersonDataCorrection): Promise<CorrectablePerson & Locked> {
  const [row] = await tx.select(columns).from(persons).where(eq(persons.id, c.personId)).for('update');
  if (!row)
    throw conflict(
      'Người này không còn trong CSDL dân cư; chưa điều chỉnh gì',
      'This person is no longer in the registry; nothing was corrected',
    );
  if (row.registryVersion !== c.seenVersion) {
    const [last] = await tx
      .select({ kind: registryChanges.kind, dossierCode: registryChanges.dossierCode })
      .from(registryChanges)
      .where(eq(registryChanges.personId, row.id))
      .orderBy(sql`${registryChanges.id} desc`)
      .limit(1);
    const what = last ? CHANGE_NAMES[last.kind] : undefined;
    throw conflict(
      `Thông tin của ${row.fullName} đã thay đổi sau khi bạn xem${last ? ` (${what?.vi ?? last.kind}, ${last.dossierCode})` : ''}. Chưa điều chỉnh gì; tải lại yêu cầu, đối chiếu rồi quyết định lại.`,
      `${row.fullName}'s record changed after you saw it${last ? ` (${what?.en ?? last.kind}, ${last.dossierCode})` : ''}. Nothing was corrected; reload the request, compare and decide again.`,
    );
  }
  const now = registryValueOf(row, c.field);
  if (now !== c.expected)
    throw conflict(
      `${FIELD_VI[c.field]} của ${row.fullName} trong CSDL không còn là giá trị lúc đề xuất (${c.expected ?? 'trống'}; nay: ${now ?? 'trống'}): đã có người điều chỉnh. Chưa điều chỉnh gì; hãy từ chối yêu cầu này nếu không còn cần.`,
      `${row.fullName}'s ${FIELD_EN[c.field]} in the registry is no longer the value the request saw (${c.expected ?? 'empty'}; now: ${now ?? 'empty'}): someone changed it meanwhile. Nothing was corrected; reject this request if it is no longer needed.`,
    );
  return row;
}

/** A value of the field's shape (a real past date, male / female, a non-empty name as declared), or a bilingual 400 naming `value`. */
function checkShape(field: CorrectableField, value: string): void {
  const ok =
    field === 'birthDate'
      ? isRealIsoDate(value) && value <= todayInVietnam()
      : field === 'sex'
        ? value === 'male' || value === 'female'
        : value !== '' && normalizeDeclared(value) === value;
  if (!ok)
    throw invalidField(
      'VALIDATION.INVALID',
      'value',
      `Giá trị điều chỉnh ${FIELD_VI[field]} không hợp lệ (${value}); chưa điều chỉnh gì`,
      `The corrected ${FIELD_EN[field]} is not a valid value (${value}); nothing was corrected`,
    );
}

/** The columns a correction writes. */
function assignments(field: CorrectableField, value: string) {
  if (field === 'fullName') return sql`full_name = ${value}, name_key = ${foldForSearch(value)}`;
  if (field === 'birthDate') return sql`birth_date = ${value}::date, birth_year = ${Number(value.slice(0, 4))}`;
  return sql`sex = ${value}`;
}

/**
 * Applies an accepted correction in the caller's transaction (see the file's comment); returns the
 * before / after written in the history and the person's new registry version.
 */
export async function correctPersonData(
  tx: Db,
  correction: PersonDataCorrection,
): Promise<{ before: Record<string, unknown>; after: Record<string, unknown>; registryVersion: number }> {
  const { field, value } = correction;
  checkShape(field, value);
  const person = await lockForCorrection(tx, correction);
  const refused = correction.recheck?.(person);
  if (refused) throw conflict(`${refused.vi}; chưa điều chỉnh gì`, `${refused.en}; nothing was corrected`);
  await tx.execute(sql`update ${persons} set ${assignments(field, value)} where id = ${person.id}`);
  const before = { [field]: registryValueOf(person, field) };
  const after = { [field]: value, changeRequestId: correction.changeRequestId };
  const on = todayInVietnam();
  await recordChange(
    tx,
    person,
    'person_data_corrected',
    { dossierCode: correction.reference, on, seen: {}, writer: correction.writer },
    before,
    after,
  );
  const w = correction.writer;
  if (w.pseudonymKey)
    await recordAccess(
      tx,
      [
        {
          actorAccountId: w.accountId,
          actorRole: w.role,
          actorUnit: w.unitCode,
          action: 'person.update',
          subject: subjectFor(w.pseudonymKey, { nationalId: person.nationalId, personId: person.id }),
          purpose: 'data_cleaning',
          requestId: w.requestId,
          target: { kind: 'person_record', id: person.id },
          details: { changeRequest: correction.reference, field },
        },
      ],
      { standaloneRead: false },
    );
  return { before, after, registryVersion: person.registryVersion + 1 };
}
