import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DossierDetail } from '../../../contracts/dossiers';
import { todayInVietnam } from '../../../contracts/common';
import { makeHousehold } from '../../../../test/factories';
import type { Session } from '../../../../test/app';
import { copyRegistryBatch } from '../population';
import { PDF, police, t, useDossierApp } from './dossiers.routes.test-support';
import {
  decide,
  DOAN_KET,
  fileAs,
  MUONG_TE,
  person,
  personRow,
  residencesOf,
  loadWithTemporaryResidence,
  submitPrefilled,
} from './dossiers.registry-effects.test-support';
import { lastDayOfYears } from './registry-effects';

/*
 * Issue 13 §2: deletion of permanent and temporary residence, temporary absence, household split and
 * adjustment of residence data change the registry when approved, in the decision's transaction.
 */
useDossierApp();

const today = todayInVietnam();
const upload = (field: string) => [{ field: `file:${field}`, name: 'giay-to.pdf', type: 'application/pdf', data: PDF }];
const sessionOf = (p: { nationalId: string | null; fullName: string }) =>
  t.citizen({ nationalId: p.nationalId!, fullName: p.fullName }, 2);

async function changesOf(code: string) {
  return t.database.rows<{
    person_id: string;
    kind: string;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
  }>(
    sql`select person_id, kind, before, after from population.registry_changes where dossier_code = ${code} order by id`,
  );
}

async function household(id: string) {
  const [row] = await t.database.rows<{ head_person_id: string; unit_code: string; address_line: string }>(
    sql`select head_person_id, unit_code, address_line from population.households where id = ${id}`,
  );
  return row;
}

const approved = (res: { statusCode: number; body: string; json: <T>() => T }) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DossierDetail>();
};

describe('deletion of temporary residence (1.010028)', () => {
  it('is received where the temporary residence is, and its approval ends it on the decision date with the ground', async () => {
    const worker = person(20, 'Lò Văn Chiến', 'male', 1993);
    await loadWithTemporaryResidence(worker, {
      addressLine: 'Phòng trọ số 2, tổ 5',
      validFrom: '2025-10-01',
      validTo: lastDayOfYears(today, 1),
    });
    const filed = await fileAs(
      await sessionOf(worker),
      '1.010028',
      { deletionGround: 'art29_1_e', requestContent: 'Đã trả phòng trọ' },
      false,
      upload('proof_of_reason'),
    );
    expect(filed.unitCode).toBe(DOAN_KET);
    const done = approved(await decide(filed.id));
    const [temporary] = (await residencesOf(worker.id)).filter((r) => r.kind === 'temporary');
    expect(temporary).toMatchObject({ valid_to: today, ended_by_dossier_code: done.code });
    const [row] = await t.database.rows<{ end_ground: string }>(
      sql`select end_ground from population.residences where person_id = ${worker.id} and kind = 'temporary'`,
    );
    expect(row!.end_ground).toContain('điểm e');
    const changes = await changesOf(done.code!);
    expect(changes.map((c) => [c.kind, c.after.ground])).toEqual([['residence_ended', row!.end_ground]]);
    // The permanent residence is untouched.
    expect((await residencesOf(worker.id)).find((r) => r.kind === 'permanent')).toMatchObject({ valid_to: null });
  });
});

describe('deletion of permanent residence (1.003197)', () => {
  const head = person(21, 'Vàng A Chứ', 'male', 1965);
  const son = person(22, 'Vàng A Dình', 'male', 1995);
  let headSession: Session;
  let householdId: string;

  beforeAll(async () => {
    const batch = makeHousehold(MUONG_TE, [head, { ...son, relationToHead: 'child' }], 'Bản Nậm Củm');
    householdId = batch.households[0]!.id;
    await copyRegistryBatch(t.database, batch);
    headSession = await sessionOf(head);
  });

  it('refuses to delete the head while other members stay (409 naming 1.010039), nothing applied', async () => {
    const filed = await fileAs(
      headSession,
      '1.003197',
      { deletionGround: 'art24_1_b' },
      false,
      upload('proof_of_reason'),
    );
    const before = await residencesOf(head.id);
    const res = await decide(filed.id, police);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<{ error: { messageVi: string } }>().error.messageVi).toContain('1.010039');
    expect(await residencesOf(head.id)).toEqual(before);
  });

  it('ends a member’s permanent residence on the decision date and takes him out of the household', async () => {
    const filed = await fileAs(
      await sessionOf(son),
      '1.003197',
      { deletionGround: 'art24_1_b' },
      false,
      upload('proof_of_reason'),
    );
    const done = approved(await decide(filed.id, police));
    const [permanent] = (await residencesOf(son.id)).filter((r) => r.kind === 'permanent');
    expect(permanent).toMatchObject({ valid_to: today, ended_by_dossier_code: done.code });
    expect(await personRow(son.id)).toMatchObject({ household_id: null, relation_to_head: null, registry_version: 1 });
    expect((await personRow(head.id)).household_id).toBe(householdId);
  });

  it('refuses at filing a ground that is not one of the options, naming the field', async () => {
    const res = await submitPrefilled(
      headSession,
      '1.003197',
      { deletionGround: 'moved' },
      false,
      upload('proof_of_reason'),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field)).toEqual([
      'form.deletionGround',
    ]);
  });
});

describe('temporary absence (1.003677)', () => {
  it('records the period, the destination and the case on the person, residences unchanged', async () => {
    const traveller = person(23, 'Sùng Thị Mỷ', 'female', 1998);
    await copyRegistryBatch(t.database, makeHousehold(MUONG_TE, [traveller], 'Bản Pắc Ma'));
    const until = lastDayOfYears(today, 1);
    const filed = await fileAs(
      await sessionOf(traveller),
      '1.003677',
      {
        supervisionStatus: 'long_absence',
        absenceFrom: today,
        absenceTo: until,
        destination: 'Khu công nghiệp Quế Võ, Bắc Ninh',
      },
      false,
      [],
    );
    const residences = await residencesOf(traveller.id);
    const done = approved(await decide(filed.id, police));
    const rows = await t.database.rows<{
      from_date: string;
      until_date: string;
      destination: string;
      reason: string;
      dossier_code: string;
    }>(
      sql`select from_date::text, until_date::text, destination, reason, dossier_code from population.temporary_absences where person_id = ${traveller.id}`,
    );
    expect(rows).toEqual([
      {
        from_date: today,
        until_date: until,
        destination: 'Khu công nghiệp Quế Võ, Bắc Ninh',
        reason: 'Người đi khỏi xã, phường nơi thường trú từ 12 tháng liên tục trở lên (điểm d)',
        dossier_code: done.code,
      },
    ]);
    expect(await residencesOf(traveller.id)).toEqual(residences);
    expect(await changesOf(done.code!)).toEqual([expect.objectContaining({ kind: 'temporary_absence' })]);
  });
});

describe('household split (1.010038)', () => {
  const father = person(24, 'Lò Văn Pánh', 'male', 1960);
  const son = person(25, 'Lò Văn Thanh', 'male', 1990);
  const wife = person(26, 'Lò Thị Hiền', 'female', 1992);
  let oldHousehold: string;

  beforeAll(async () => {
    const batch = makeHousehold(
      MUONG_TE,
      [father, { ...son, relationToHead: 'child' }, { ...wife, relationToHead: 'child_in_law' }],
      'Bản Mường, nhà số 7',
    );
    oldHousehold = batch.households[0]!.id;
    await copyRegistryBatch(t.database, batch);
  });

  it('makes a new household at the same dwelling with the son as head and his wife; the father keeps his', async () => {
    const session = await sessionOf(son);
    const { choices } = (await session.inject('/api/v1/procedures/1.010038/prefill')).json<{
      choices: { members: Array<Record<string, unknown>> };
    }>();
    const wifeRow = choices.members.find((m) => m.nationalId === wife.nationalId)!;
    const filed = await fileAs(
      session,
      '1.010038',
      {
        headFullName: son.fullName,
        headNationalId: son.nationalId,
        relationToHead: 'head',
        members: [{ ...wifeRow, relationToHead: 'spouse' }],
      },
      false,
      [],
    );
    const done = approved(await decide(filed.id, police));
    const [sonRow, wifeAfter, fatherAfter] = [
      await personRow(son.id),
      await personRow(wife.id),
      await personRow(father.id),
    ];
    expect(sonRow.household_id).not.toBe(oldHousehold);
    expect(sonRow).toMatchObject({ relation_to_head: 'head', residence_unit_code: MUONG_TE });
    expect(wifeAfter).toMatchObject({ household_id: sonRow.household_id, relation_to_head: 'spouse' });
    expect(fatherAfter).toMatchObject({ household_id: oldHousehold, relation_to_head: 'head', registry_version: 0 });
    expect(await household(sonRow.household_id!)).toEqual({
      head_person_id: son.id,
      unit_code: MUONG_TE,
      address_line: 'Bản Mường, nhà số 7',
    });
    expect((await changesOf(done.code!)).map((c) => c.kind)).toEqual(['household_split', 'household_split']);
  });
});

describe('adjustment of residence data (1.010039)', () => {
  const mother = person(27, 'Giàng Thị Sua', 'female', 1950);
  const daughter = person(28, 'Giàng Thị Pà', 'female', 1980);
  let householdId: string;

  beforeAll(async () => {
    const batch = makeHousehold(MUONG_TE, [mother, { ...daughter, relationToHead: 'child' }], 'Bản Nà Hừ, nhà số 3');
    householdId = batch.households[0]!.id;
    await copyRegistryBatch(t.database, batch);
  });

  it('requires the new head’s number when the head changes, naming the field', async () => {
    const res = await submitPrefilled(
      await sessionOf(daughter),
      '1.010039',
      { requestContent: 'Đổi chủ hộ', adjustWhat: 'household_head', newHeadFullName: daughter.fullName },
      false,
      upload('proof_of_change'),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field)).toContain(
      'form.newHeadNationalId',
    );
  });

  it('makes the daughter head, with the mother’s relation to her; before and after are kept', async () => {
    const session = await sessionOf(daughter);
    const { choices } = (await session.inject('/api/v1/procedures/1.010039/prefill')).json<{
      choices: { members: Array<Record<string, unknown>> };
    }>();
    const motherRow = choices.members.find((m) => m.nationalId === mother.nationalId)!;
    const filed = await fileAs(
      session,
      '1.010039',
      {
        requestContent: 'Mẹ già yếu, đề nghị đổi chủ hộ',
        adjustWhat: 'household_head',
        newHeadFullName: daughter.fullName,
        newHeadNationalId: daughter.nationalId,
        members: [{ ...motherRow, relationToHead: 'parent' }],
      },
      false,
      upload('proof_of_change'),
    );
    const done = approved(await decide(filed.id, police));
    expect((await household(householdId))!.head_person_id).toBe(daughter.id);
    expect(await personRow(daughter.id)).toMatchObject({ relation_to_head: 'head', household_id: householdId });
    expect(await personRow(mother.id)).toMatchObject({ relation_to_head: 'parent', household_id: householdId });
    const changes = await changesOf(done.code!);
    const relation = (id: string) => {
      const c = changes.find((x) => x.person_id === id)!;
      return [c.before.relationToHead, c.after.relationToHead];
    };
    expect(relation(mother.id)).toEqual(['head', 'parent']);
    expect(relation(daughter.id)).toEqual(['child', 'head']);
  });

  it('gives every member the renumbered address from the decision date, the old line kept in history', async () => {
    const filed = await fileAs(
      await sessionOf(mother),
      '1.010039',
      {
        requestContent: 'Nhà được đánh lại số',
        adjustWhat: 'address_line',
        newAddressLine: 'Bản Nà Hừ, nhà số 15',
      },
      false,
      upload('proof_of_change'),
    );
    const done = approved(await decide(filed.id, police));
    expect((await household(householdId))!.address_line).toBe('Bản Nà Hừ, nhà số 15');
    for (const p of [mother, daughter]) {
      const permanent = (await residencesOf(p.id)).filter((r) => r.kind === 'permanent');
      expect(permanent.find((r) => r.valid_to === null)).toMatchObject({
        address_line: 'Bản Nà Hừ, nhà số 15',
        valid_from: today,
        dossier_code: done.code,
      });
      expect(
        permanent.some((r) => r.address_line === 'Bản Nà Hừ, nhà số 3' && r.ended_by_dossier_code === done.code),
      ).toBe(true);
    }
  });
});
