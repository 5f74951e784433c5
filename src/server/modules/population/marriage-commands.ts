import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { foldForSearch } from '../../../shared/text';
import { logWrites } from './person-access-log';
import { marriages, persons } from './population.schema';
import { conflict, lockUnchanged, recordChange, type Decision } from './registry-change';

/**
 * Marriage registration (1.000894, Law on Marriage and Family 2014): the marriage is recorded
 * between the applicant and the other party, who is linked when they are a person of the registry
 * (a 12-digit ID number, checked against the name and birth date typed) and kept by name and
 * passport number otherwise. Refused (409, nothing written) when either is under the marriage age
 * (Art. 8(1)(a): a man from 20, a woman from 18), when both are of the same sex (Art. 8(2)), or when
 * either already has a marriage in force (Art. 5(2)(c)); a marriage ends with a spouse's death
 * (`recordDeath`). A party outside the registry (a foreigner by passport) is checked by the officer
 * on the papers: the registry holds neither their sex nor their marriages.
 */

/** Marriage ages of Art. 8(1)(a), in full years. */
export const MARRIAGE_AGE = { male: 20, female: 18 } as const;

/** Full years between an ISO birth date and an ISO day. */
function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export async function recordMarriage(
  tx: Db,
  decision: Decision,
  input: {
    personId: string;
    partner: { number: string | null; fullName: string; birthDate: string | null };
    unitCode: string;
  },
): Promise<{ marriageId: string; spousePersonId: string | null }> {
  let spouseId: string | null = null;
  const number = input.partner.number?.trim() || null;
  if (number && /^\d{12}$/.test(number)) {
    const [found] = await queryRows<{ id: string; full_name: string; birth_date: string | null }>(
      tx,
      sql`select id, full_name, birth_date::text from ${persons} where national_id = ${number}`,
    );
    if (!found)
      throw conflict(
        `Số định danh ${number} của bên kia không có trong CSDL dân cư; chưa ghi gì`,
        `The other party's ID number ${number} is not in the registry; nothing was recorded`,
      );
    if (
      foldForSearch(found.full_name) !== foldForSearch(input.partner.fullName) ||
      (input.partner.birthDate && found.birth_date && found.birth_date !== input.partner.birthDate)
    )
      throw conflict(
        `Số định danh ${number} trong CSDL là của người có họ tên hoặc ngày sinh khác với tờ khai; đối chiếu giấy tờ rồi quyết định lại`,
        `ID number ${number} belongs in the registry to a person whose name or birth date differs from the form; check the papers and decide again`,
      );
    if (found.id === input.personId)
      throw conflict('Hai bên kết hôn là cùng một người', 'Both parties are the same person');
    spouseId = found.id;
  }
  const locked = await lockUnchanged(tx, spouseId ? [input.personId, spouseId] : [input.personId], decision);
  const people = await queryRows<{ id: string; full_name: string; sex: 'male' | 'female'; birth_date: string | null }>(
    tx,
    sql`select id, full_name, sex, birth_date::text from ${persons} where id in (${sql.join(
      [...locked.keys()].map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  // The State does not recognise a marriage between persons of the same sex (Art. 8(2)).
  if (people.length === 2 && people[0]!.sex === people[1]!.sex)
    throw conflict(
      'Hai bên cùng giới tính theo CSDL dân cư: không đăng ký kết hôn (Luật Hôn nhân và gia đình 2014, Điều 8 khoản 2); chưa ghi gì',
      'Both parties are of the same sex in the registry: the marriage cannot be registered (Law on Marriage and Family 2014, Art. 8(2)); nothing was recorded',
    );
  for (const p of people) {
    if (p.birth_date && ageOn(p.birth_date, decision.on) < MARRIAGE_AGE[p.sex])
      throw conflict(
        `${p.full_name} chưa đủ tuổi kết hôn (nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi: Luật Hôn nhân và gia đình 2014, Điều 8); chưa ghi gì`,
        `${p.full_name} is under the marriage age (a man from 20, a woman from 18: Law on Marriage and Family 2014, Art. 8); nothing was recorded`,
      );
  }
  const [married] = await queryRows<{ full_name: string; dossier_code: string }>(
    tx,
    sql`select p.full_name, m.dossier_code from ${marriages} m join ${persons} p on p.id in (m.person_id, m.spouse_person_id)
        where m.ended_on is null and p.id in (${sql.join(
          [...locked.keys()].map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) limit 1`,
  );
  if (married)
    throw conflict(
      `${married.full_name} đang có quan hệ hôn nhân đã đăng ký (hồ sơ ${married.dossier_code}): không được kết hôn với người khác (Luật Hôn nhân và gia đình 2014, Điều 5 khoản 2 điểm c); chưa ghi gì`,
      `${married.full_name} has a registered marriage in force (dossier ${married.dossier_code}) and cannot marry another person (Law on Marriage and Family 2014, Art. 5(2)(c)); nothing was recorded`,
    );
  const [row] = await tx
    .insert(marriages)
    .values({
      personId: input.personId,
      spousePersonId: spouseId,
      spouseName: input.partner.fullName,
      spouseNumber: number,
      registeredOn: decision.on,
      unitCode: input.unitCode,
      dossierCode: decision.dossierCode,
    })
    .returning({ id: marriages.id });
  const byId = new Map(people.map((p) => [p.id, p.full_name]));
  for (const person of locked.values()) {
    const other = person.id === input.personId ? input.partner.fullName : (byId.get(input.personId) ?? '');
    await recordChange(
      tx,
      person,
      'marriage_registered',
      decision,
      { married: false },
      { married: true, spouse: other },
    );
  }
  await logWrites(tx, decision.writer, [...locked.values()], decision.dossierCode);
  return { marriageId: row!.id, spousePersonId: spouseId };
}
