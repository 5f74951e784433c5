import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { makeHousehold } from '../../../../test/factories';
import type { Session } from '../../../../test/app';
import { copyRegistryBatch, memberStanding } from '../population';
import { PDF, t, useDossierApp } from './dossiers.routes.test-support';
import {
  decide,
  DOAN_KET,
  fileAs,
  MUONG_TE,
  person,
  personRow,
  residencesOf,
  submitPrefilled,
} from './dossiers.registry-effects.test-support';

/*
 * A residence dossier changes its applicant and the applicant's own household members, never a
 * stranger whose ID number was typed into the members table (a new row): refused at filing with the
 * row named, and again at the decision under the registry's locks (a dossier stored before the rule,
 * or a household that changed since filing).
 */
useDossierApp();

const PERMANENT = '1.004222';
const DELETION = '1.003197';

const mai = person(41, 'Giàng Thị Mai', 'female', 1975);
const son = person(42, 'Giàng A Sử', 'male', 2000);
const dung = person(43, 'Lò Văn Dũng', 'male', 1970);
const vy = person(44, 'Lò Thị Vy', 'female', 2001);
const hai = person(45, 'Giàng A Hải', 'male', 1972);

let maiSession: Session;

const rowOf = (p: typeof mai, relationToHead = 'child') => ({
  fullName: p.fullName,
  birthDate: p.birthDate,
  sex: p.sex,
  nationalId: p.nationalId,
  relationToHead,
});

// Into her brother's household in Đoàn Kết, with whoever the members table names.
const newHousehold = (members: unknown[]) => ({
  addressCommune: DOAN_KET,
  addressVillage: 'Tổ 1',
  addressStreet: 'Số 5, đường Lê Lợi',
  headFullName: hai.fullName,
  headNationalId: hai.nationalId,
  relationToHead: 'sibling',
  members,
});

const proof = [{ field: 'file:lawful_dwelling', name: 'giay-to.pdf', type: 'application/pdf', data: PDF }];

type Refusal = { error: { fields: Array<{ field: string; messageVi: string; messageEn: string }> } };

beforeAll(async () => {
  await copyRegistryBatch(t.database, makeHousehold(MUONG_TE, [mai, son], 'Bản Nậm Củm'));
  await copyRegistryBatch(t.database, makeHousehold(MUONG_TE, [dung], 'Bản Pắc Ma'));
  await copyRegistryBatch(t.database, makeHousehold(DOAN_KET, [hai], 'Số 5, đường Lê Lợi, tổ 1'));
  // Vy is in the registry but registered nowhere: no household, no residence.
  await copyRegistryBatch(t.database, { households: [], persons: [vy], residences: [] });
  maiSession = await t.citizen({ nationalId: mai.nationalId!, fullName: mai.fullName }, 2);
});

describe('who a residence dossier may change besides its applicant', () => {
  it('stands each person to the applicant’s household (pure rule)', () => {
    expect(memberStanding({ householdId: 'h1' }, { householdId: 'h1' })).toBe('same_household');
    expect(memberStanding({ householdId: 'h1' }, { householdId: 'h2' })).toBe('other_household');
    expect(memberStanding({ householdId: null }, { householdId: null })).toBe('no_household');
    expect(memberStanding({ householdId: 'h1' }, undefined)).toBe('not_found');
  });

  it('refuses at filing a member of another household, naming the row; an unknown ID number gets the same words', async () => {
    const stranger = await submitPrefilled(maiSession, PERMANENT, newHousehold([rowOf(dung, 'other')]), false, proof);
    expect(stranger.statusCode, stranger.body).toBe(400);
    const [field] = stranger.json<Refusal>().error.fields;
    expect(field).toMatchObject({ field: 'form.members.0.nationalId' });
    expect(field!.messageVi).toContain('không cùng hộ với người nộp');
    expect(field!.messageEn).toContain("not of the applicant's household");

    const unknown = await submitPrefilled(
      maiSession,
      PERMANENT,
      newHousehold([rowOf(son), { ...rowOf(dung, 'other'), nationalId: '012070999999', fullName: 'Người Lạ' }]),
      false,
      proof,
    );
    expect(unknown.statusCode, unknown.body).toBe(400);
    const [second] = unknown.json<Refusal>().error.fields;
    expect(second!.field).toBe('form.members.1.nationalId'); // her son on row 1 is fine
    // No oracle: "not in the registry" and "of another household" read the same, bar the name typed.
    expect(second!.messageVi.replace('Người Lạ', dung.fullName).replace('dòng 2', 'dòng 1')).toBe(field!.messageVi);
    // Nothing was filed.
    const [count] = await t.database.rows<{ n: number }>(
      sql`select count(*)::int as n from dossiers.dossiers where applicant_person_id = ${mai.id}`,
    );
    expect(count?.n).toBe(0);
  });

  it('refuses a member of another household on a deletion of permanent residence', async () => {
    const res = await submitPrefilled(
      maiSession,
      DELETION,
      { deletionGround: 'art24_1_b', members: [rowOf(dung, 'other')] },
      false,
      [{ field: 'file:proof_of_reason', name: 'giay-to.pdf', type: 'application/pdf', data: PDF }],
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<Refusal>().error.fields[0]!.field).toBe('form.members.0.nationalId');
  });

  it('refuses at the decision a stranger in a dossier stored before the rule (409), and applies nothing', async () => {
    const filed = await fileAs(maiSession, PERMANENT, newHousehold([rowOf(son)]), false, proof);
    // As a dossier filed before the filing check existed: the stranger is in the stored form.
    await t.database.rows(
      sql`update dossiers.dossiers set form = jsonb_set(form, '{members}', ${JSON.stringify([
        rowOf(son),
        rowOf(dung, 'other'),
      ])}::jsonb) where id = ${filed.id}`,
    );
    const before = await Promise.all([mai, son, dung].map((p) => residencesOf(p.id)));
    const res = await decide(filed.id);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<{ error: { messageVi: string } }>().error.messageVi).toContain(
      `${dung.fullName} không cùng hộ với người nộp hồ sơ`,
    );
    expect(await Promise.all([mai, son, dung].map((p) => residencesOf(p.id)))).toEqual(before);
    expect((await personRow(dung.id)).registry_version).toBe(0);
  });

  it('lets a person registered nowhere register with the applicant, and the approval puts both in the household joined', async () => {
    const filed = await fileAs(maiSession, PERMANENT, newHousehold([rowOf(vy, 'other')]), false, proof);
    const res = await decide(filed.id);
    expect(res.statusCode, res.body).toBe(200);
    const [maiRow, vyRow] = [await personRow(mai.id), await personRow(vy.id)];
    expect(vyRow.household_id).toBe((await personRow(hai.id)).household_id);
    expect(maiRow).toMatchObject({
      household_id: vyRow.household_id,
      relation_to_head: 'sibling',
      residence_unit_code: DOAN_KET,
    });
    expect(vyRow).toMatchObject({ relation_to_head: 'other', residence_unit_code: DOAN_KET });
  });
});
