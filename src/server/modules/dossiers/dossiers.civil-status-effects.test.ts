import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { todayInVietnam } from '../../../contracts/common';
import type { DossierDetail } from '../../../contracts/dossiers';
import { makeHousehold } from '../../../../test/factories';
import { checkNationalId, copyRegistryBatch, ID_PROVINCE_CODES } from '../population';
import { citizen, command, mai, PDF, su, t, useDossierApp } from './dossiers.routes.test-support';
import { person, submitPrefilled } from './dossiers.registry-effects.test-support';

/*
 * Issue 13 §2: the approval of a birth registration (1.001193, version of 6/12/2026) creates the
 * newborn's record in the registry with a new personal ID number, in the decision's transaction,
 * and the parent who filed sees the number on the dossier; the approval of a death registration
 * (1.000656) records the person named as deceased, after checking name and birth date.
 */
useDossierApp();

const BIRTH = '1.001193';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);

async function fileBirth(answers: Record<string, unknown> = {}) {
  const res = await submitPrefilled(
    citizen,
    BIRTH,
    {
      declarantRelation: 'mother',
      childFullName: 'Lò Văn Bình',
      childBirthDate: daysAgo(10),
      childSex: 'male',
      childBirthPlace: 'Trạm y tế xã Mường Tè, tỉnh Lai Châu',
      childEthnicity: 'Thái',
      childNationality: 'Việt Nam',
      requestContent: undefined, // the birth form has none (dropped from the JSON)
      ...answers,
    },
    false,
    [{ field: 'file:birth_certificate', name: 'giay-chung-sinh.pdf', type: 'application/pdf', data: PDF }],
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DossierDetail>();
}

async function decide(id: string) {
  const officer = await t.staff('civil_status_officer', '03445');
  for (const c of ['receive', 'start_processing']) expect((await command(officer, id, c)).statusCode).toBe(200);
  return command(officer, id, 'approve');
}

describe('approving a birth registration', () => {
  it('gives the child a record and a valid personal ID number, shown to the parent on the dossier', async () => {
    const filed = await fileBirth();
    expect(filed.registryOutcome).toBeNull();
    const res = await decide(filed.id);
    expect(res.statusCode, res.body).toBe(200);
    const outcome = res.json<DossierDetail>().registryOutcome!;
    expect(outcome.childFullName).toBe('Lò Văn Bình');
    const id = outcome.childNationalId!;
    expect(id.slice(0, 3)).toBe('012');
    expect(
      checkNationalId({ id, birthYear: Number(daysAgo(10).slice(0, 4)), sex: 'male' }, ID_PROVINCE_CODES).problems,
    ).toEqual([]);
    const [child] = await t.database.rows<{
      full_name: string;
      birth_date: string;
      ethnicity_code: string;
      residence_unit_code: string;
    }>(
      sql`select full_name, birth_date::text, ethnicity_code, residence_unit_code from population.persons where national_id = ${id}`,
    );
    expect(child).toEqual({
      full_name: 'Lò Văn Bình',
      birth_date: daysAgo(10),
      ethnicity_code: '03',
      residence_unit_code: '03445',
    });
    const mine = (await citizen.inject(`/api/v1/dossiers/${filed.id}`)).json<DossierDetail>();
    expect(mine.registryOutcome).toMatchObject({ childNationalId: id });
    const [line] = await t.database.rows<{ kind: string; effective_on: string }>(
      sql`select kind, effective_on::text from population.registry_changes where dossier_code = ${filed.code}`,
    );
    expect(line).toEqual({ kind: 'birth_registered', effective_on: todayInVietnam() });
  });

  it('creates nothing for a child of another nationality: 409 naming the field, the dossier stays in processing', async () => {
    const filed = await fileBirth({ childFullName: 'Anna Lò', childNationality: 'Lào' });
    const res = await decide(filed.id);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<{ error: { fields: { field: string }[] } }>().error.fields[0]!.field).toBe('form.childNationality');
    const rows = await t.database.rows(sql`select 1 from population.persons where full_name = 'Anna Lò'`);
    expect(rows).toEqual([]);
    expect((await citizen.inject(`/api/v1/dossiers/${filed.id}`)).json<DossierDetail>().state).toBe('in_processing');
  });
});

describe('approving a death registration', () => {
  const DEATH = '1.000656';
  const upload = ['death_notice', 'identity'].map((d) => ({
    field: `file:${d}`,
    name: `${d}.pdf`,
    type: 'application/pdf',
    data: PDF,
  }));
  const fileDeath = async (answers: Record<string, unknown>) => {
    const res = await submitPrefilled(
      citizen,
      DEATH,
      {
        declarantRelation: 'spouse',
        deceasedFullName: su.fullName,
        deceasedNationalId: su.nationalId,
        deceasedBirthDate: su.birthDate,
        deathDate: daysAgo(3),
        deathPlace: 'Tại nhà, bản Mường, xã Mường Tè',
        deathCause: 'Bệnh già',
        requestContent: undefined,
        ...answers,
      },
      false,
      upload,
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json<DossierDetail>();
  };
  const statusOf = async () =>
    (
      await t.database.rows<{ status: string; death_date: string | null }>(
        sql`select status, death_date::text from population.persons where national_id = ${su.nationalId}`,
      )
    )[0];

  it('refuses a form whose name does not match the number’s owner in the registry: 409, nothing recorded', async () => {
    const filed = await fileDeath({ deceasedFullName: 'Giàng A Páo' });
    const res = await decide(filed.id);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<{ error: { messageVi: string } }>().error.messageVi).toContain('khác với tờ khai');
    expect(await statusOf()).toEqual({ status: 'alive', death_date: null });
  });

  it('records the person as deceased from the date of death, once: a second registration is refused', async () => {
    const first = await fileDeath({});
    const second = await fileDeath({});
    expect((await decide(first.id)).statusCode).toBe(200);
    expect(await statusOf()).toEqual({ status: 'deceased', death_date: daysAgo(3) });
    const again = await decide(second.id);
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json<{ error: { messageVi: string } }>().error.messageVi).toContain('đã mất');
  });
});

describe('approving a marriage registration', () => {
  const MARRIAGE = '1.000894';
  const fileMarriage = async (
    session: typeof citizen,
    partner: { fullName: string; nationalId: string | null; birthDate: string | null },
  ) => {
    const res = await submitPrefilled(
      session,
      MARRIAGE,
      {
        marriageCount: 'first',
        partnerFullName: partner.fullName,
        partnerBirthDate: partner.birthDate,
        partnerEthnicity: 'Thái',
        partnerNationality: 'Việt Nam',
        partnerNationalId: partner.nationalId,
        partnerResidence: 'Bản Mường, xã Mường Tè, tỉnh Lai Châu',
        partnerMarriageCount: 'first',
        requestContent: undefined,
      },
      false,
      [{ field: 'file:identity', name: 'giay-to-tuy-than.pdf', type: 'application/pdf', data: PDF }],
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json<DossierDetail>();
  };

  /** Decides the dossier: refused with 409 and a message naming `why`. */
  const expectRefused = async (id: string, why: string) => {
    const res = await decide(id);
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { messageVi: string } }>().error.messageVi).toContain(why);
  };

  it('records the marriage linking both spouses, then refuses a second marriage of either (409, nothing written)', async () => {
    const groom = person(61, 'Lường Văn Đôi', 'male', 1996);
    const other = person(62, 'Tòng Văn Ba', 'male', 1994);
    await copyRegistryBatch(t.database, makeHousehold('03445', [groom]));
    await copyRegistryBatch(t.database, makeHousehold('03445', [other]));
    const bride = citizen; // Lò Thị Mai
    const filed = await fileMarriage(bride, groom);
    const res = await decide(filed.id);
    expect(res.statusCode, res.body).toBe(200);
    const rows = await t.database.rows<{ spouse_name: string; linked: boolean; dossier_code: string }>(
      sql`select m.spouse_name, m.spouse_person_id = g.id as linked, m.dossier_code from population.marriages m
          join population.persons g on g.national_id = ${groom.nationalId} join population.persons b on b.id = m.person_id
          where b.national_id = ${mai.nationalId}`,
    );
    expect(rows).toEqual([{ spouse_name: groom.fullName, linked: true, dossier_code: filed.code }]);
    const lines = await t.database.rows<{ kind: string }>(
      sql`select kind from population.registry_changes where dossier_code = ${filed.code} order by id`,
    );
    expect(lines.map((l) => l.kind)).toEqual(['marriage_registered', 'marriage_registered']);

    const again = await fileMarriage(bride, other);
    await expectRefused(again.id, 'Điều 5 khoản 2 điểm c');
    const count = await t.database.rows<{ n: number }>(sql`select count(*)::int as n from population.marriages`);
    expect(count[0]!.n).toBe(1);
  });

  it('ends the marriage with a spouse’s death, so the widow may marry again; refuses two parties of the same sex', async () => {
    const late = person(64, 'Lò Văn Mất', 'male', 1990);
    const widow = person(65, 'Tòng Thị Góa', 'female', 1992);
    const next = person(66, 'Cà Văn Sau', 'male', 1991);
    const woman = person(67, 'Lò Thị Cùng', 'female', 1995);
    for (const p of [late, widow, next, woman]) await copyRegistryBatch(t.database, makeHousehold('03445', [p]));
    const widowSession = await t.citizen({ nationalId: widow.nationalId!, fullName: widow.fullName }, 2);
    const first = await fileMarriage(widowSession, late);
    expect((await decide(first.id)).statusCode).toBe(200);
    const death = await submitPrefilled(
      widowSession,
      '1.000656',
      {
        declarantRelation: 'spouse',
        deceasedFullName: late.fullName,
        deceasedNationalId: late.nationalId,
        deceasedBirthDate: late.birthDate,
        deathDate: daysAgo(1),
        deathPlace: 'Tại nhà, xã Mường Tè',
        deathCause: 'Tai nạn',
        requestContent: undefined,
      },
      false,
      ['death_notice', 'identity'].map((d) => ({
        field: `file:${d}`,
        name: `${d}.pdf`,
        type: 'application/pdf',
        data: PDF,
      })),
    );
    expect(death.statusCode, death.body).toBe(201);
    expect((await decide(death.json<DossierDetail>().id)).statusCode).toBe(200);
    const again = await fileMarriage(widowSession, next);
    const res = await decide(again.id);
    expect(res.statusCode, res.body).toBe(200);
    const same = await fileMarriage(widowSession, woman);
    await expectRefused(same.id, 'cùng giới tính');
  });

  it('refuses a party under the marriage age, and a number whose name differs from the registry', async () => {
    const young = person(63, 'Lò Văn Trẻ', 'male', new Date().getFullYear() - 19);
    await copyRegistryBatch(t.database, makeHousehold('03445', [young]));
    await expectRefused((await fileMarriage(citizen, young)).id, 'chưa đủ tuổi kết hôn');
    const wrong = await fileMarriage(citizen, { ...young, fullName: 'Người Khác Tên' });
    await expectRefused(wrong.id, 'họ tên hoặc ngày sinh khác');
  });
});
