import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { foldForSearch } from '../../../shared/text';
import { centurySexDigit, type Sex } from './id-number';
import { logWrites } from './person-access-log';
import { marriages, persons, qualityRefreshQueue, registryChanges } from './population.schema';
import { NOT_COUNTED_BEFORE } from './quality/engine';
import { conflict, lockUnchanged, recordChange, type Decision } from './registry-change';

/**
 * Civil-status decisions in the registry (issue 13 §2, the first steps of the interlinked groups): a
 * birth makes the newborn a person with a new personal ID number, issued through an
 * {@link IdNumberIssuer}; a death records the person as deceased.
 */

/**
 * Who gives a newborn their personal ID number. The national population database does in
 * production (an adapter calling it would be a second implementation of this interface, one file);
 * the demo issuer follows DOMAIN.md §2: the province where the birth is registered (3 digits), the
 * century-and-sex digit, the two last digits of the birth year and a random serial of six digits.
 */
export interface IdNumberIssuer {
  /** A candidate number; it may already be taken — the caller tries again (the registry's unique index decides). */
  propose(facts: { registeredProvinceCode: string; sex: Sex; birthYear: number }): Promise<string>;
}

/** The demo issuer (DOMAIN.md §2): province + century/sex + year + random serial. */
export const demoIdNumberIssuer: IdNumberIssuer = {
  propose: ({ registeredProvinceCode, sex, birthYear }) =>
    Promise.resolve(
      `${registeredProvinceCode}${centurySexDigit(birthYear, sex)}${String(birthYear % 100).padStart(2, '0')}${String(
        randomInt(0, 1_000_000),
      ).padStart(6, '0')}`,
    ),
};

/** The newborn as the birth registration records them. */
export interface Newborn {
  fullName: string;
  birthDate: string;
  sex: Sex;
  ethnicityCode: string | null;
  nationality: string;
  /** Province (3 digits, e.g. "012") where the birth is registered: the first digits of the number. */
  registeredProvinceCode: string;
  /** The commune where it is registered: the child is managed there until a residence is registered. */
  unitCode: string;
}

const MAX_TRIES = 20;

/**
 * Registers a birth: a new living person with a new ID number (tried until one is free — the
 * unique index on the number decides, so two registrations never get the same one), no household
 * or residence yet (the interlinked group's next step registers the residence), a `birth_registered`
 * history line with the dossier, the write in the access log, and the person queued for quality.
 */
export async function registerBirth(
  tx: Db,
  decision: Decision,
  child: Newborn,
  issuer: IdNumberIssuer = demoIdNumberIssuer,
): Promise<{ personId: string; nationalId: string }> {
  const birthYear = Number(child.birthDate.slice(0, 4));
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const nationalId = await issuer.propose({
      registeredProvinceCode: child.registeredProvinceCode,
      sex: child.sex,
      birthYear,
    });
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into ${persons} (national_id, full_name, name_key, birth_date, birth_year, sex, ethnicity_code,
            nationality, birth_place_province_code, birth_place_unit_code, residence_unit_code, source, registry_version)
          values (${nationalId}, ${child.fullName}, ${foldForSearch(child.fullName)}, ${child.birthDate}::date, ${birthYear},
            ${child.sex}, ${child.ethnicityCode}, ${child.nationality}, ${child.registeredProvinceCode}, ${child.unitCode},
            ${child.unitCode}, 'birth_registration', 1)
          on conflict (national_id) do nothing
          returning id`,
    );
    if (!row) continue;
    await tx.insert(registryChanges).values({
      personId: row.id,
      kind: 'birth_registered',
      effectiveOn: decision.on,
      dossierCode: decision.dossierCode,
      before: {},
      after: { nationalId, fullName: child.fullName, birthDate: child.birthDate, sex: child.sex },
    });
    await tx.insert(qualityRefreshQueue).values({ personId: row.id, unitBefore: NOT_COUNTED_BEFORE });
    await logWrites(tx, decision.writer, [{ id: row.id, nationalId }], decision.dossierCode);
    return { personId: row.id, nationalId };
  }
  throw new Error(`registerBirth: no free ID number after ${MAX_TRIES} tries`);
}

/**
 * Death registration (1.000656, the first step of interlinked group 2): the person is recorded as
 * deceased from `deathDate`, with a `death_registered` history line. Their residence and household
 * are left to the group's next step (deletion of permanent residence). A person already recorded as
 * deceased, or changed since the dossier saw them, is refused (409) as every command does.
 */
export async function recordDeath(
  tx: Db,
  decision: Decision,
  input: { nationalId: string; fullName: string; birthDate: string | null; deathDate: string },
): Promise<{ personId: string }> {
  const [found] = await queryRows<{ id: string; full_name: string; birth_date: string | null }>(
    tx,
    sql`select id, full_name, birth_date::text from ${persons} where national_id = ${input.nationalId}`,
  );
  if (!found)
    throw conflict(
      'Số định danh của người chết khai trên tờ khai không có trong CSDL dân cư; chưa ghi gì',
      "The deceased's ID number on the form is not in the registry; nothing was recorded",
    );
  if (
    foldForSearch(found.full_name) !== foldForSearch(input.fullName) ||
    (input.birthDate && found.birth_date !== input.birthDate)
  )
    throw conflict(
      `Số định danh ${input.nationalId} trong CSDL là của người có họ tên hoặc ngày sinh khác với tờ khai; đối chiếu giấy tờ rồi quyết định lại`,
      `ID number ${input.nationalId} belongs in the registry to a person whose name or birth date differs from the form; check the papers and decide again`,
    );
  const person = (await lockUnchanged(tx, [found.id], decision)).get(found.id)!;
  if (found.birth_date && input.deathDate < found.birth_date)
    throw conflict('Ngày chết trước ngày sinh', 'The date of death is before the date of birth');
  await recordChange(
    tx,
    person,
    'death_registered',
    decision,
    { status: person.status },
    { status: 'deceased', deathDate: input.deathDate },
    { deathDate: input.deathDate },
  );
  // A marriage ends with the death of a spouse (Law on Marriage and Family 2014, Art. 65): the widow
  // or widower may marry again.
  await tx.execute(
    sql`update ${marriages} set ended_on = ${input.deathDate}::date
        where ended_on is null and (person_id = ${found.id} or spouse_person_id = ${found.id})`,
  );
  await logWrites(tx, decision.writer, [person], decision.dossierCode);
  return { personId: found.id };
}
