import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../../test/app';
import { makeHousehold, makePerson } from '../../../../../test/factories';
import type { Batch } from '../../../../contracts/sector-data';
import type { ChangeRequest } from '../../../../contracts/sector-corrections';
import { copyRegistryBatch } from '../../population';
import { fileBody } from '../test-support';

/**
 * Change requests end to end over HTTP and the real database: a sector officer proposes from a
 * link, the commune police of the person's commune accept (the person is corrected, with its
 * history line and access-log entry) or reject (nothing changes), stale values are refused.
 */
let t: TestApp;
let officer: Session;
let police: Session;
let batchId: string;
const linkOf = new Map<number, string>();

const MAI = makePerson({
  nationalId: '012195000002',
  idCardNumber: null,
  fullName: 'Lò Thị Mai',
  birthDate: '1995-05-03',
  birthYear: 1995,
  sex: 'female',
});
const PAO = makePerson({
  nationalId: '012090000001',
  idCardNumber: null,
  fullName: 'Giàng A Páo',
  birthDate: '1990-03-25',
  birthYear: 1990,
  sex: 'male',
});
const VU = makePerson({
  nationalId: '012088000003',
  idCardNumber: null,
  fullName: 'Vừ A Dình',
  birthDate: '1988-01-10',
  birthYear: 1988,
  sex: 'male',
});
const SUNG = makePerson({
  nationalId: '012185000004',
  idCardNumber: null,
  fullName: 'Sùng Thị Dở',
  birthDate: '1985-07-07',
  birthYear: 1985,
  sex: 'female',
});
const LIST = [
  'STT,Mã thẻ BHYT,Họ và tên,Ngày sinh,Giới tính,Số CCCD',
  '1,CR1,Lò Thị Mai,04/05/1995,Nam,012195000002', // birth date and sex differ
  '2,CR2,GIANG VAN PAO,25/03/1990,Nam,012090000001', // the name differs (typed without marks)
  '3,CR3,Vừ A Dình,11/01/1988,Nam,012088000003', // the birth date differs
  '4,CR4,Sùng Thị Dở,08/07/1985,Nữ,012185000004', // the birth date differs
].join('\n');

const base = '/api/v1/sector-data';

beforeAll(async () => {
  t = await createTestApp();
  await copyRegistryBatch(t.database, makeHousehold('03388', [MAI, PAO, VU, SUNG]));
  officer = await t.staff('sector_officer', '03388', 'health_insurance');
  police = await t.staff('commune_police', '03388');
  const res = await officer.inject({
    method: 'POST',
    url: `${base}/batches?datasetType=health-insurance&wait=true`,
    ...fileBody(LIST),
  });
  const batch = res.json<{ batch: Batch }>().batch;
  batchId = batch.id;
  await officer.inject({ method: 'POST', url: `${base}/batches/${batch.id}/link?wait=true` });
  const page = (await officer.inject(`${base}/batches/${batch.id}/links`)).json<{
    items: Array<{ row: number; linkId: string; outcome: string; disagreements: string[] }>;
  }>();
  for (const i of page.items) linkOf.set(i.row, i.linkId);
  expect(
    page.items.map((i) => [i.row, i.outcome, i.disagreements.includes(i.row === 2 ? 'name' : 'birthDate')]),
  ).toEqual([
    [1, 'matched_with_discrepancies', true],
    [2, 'matched_with_discrepancies', true],
    [3, 'matched_with_discrepancies', true],
    [4, 'matched_with_discrepancies', true],
  ]);
});
afterAll(async () => t?.close());

const propose = (row: number, payload: object, session = officer) =>
  session.inject({ method: 'POST', url: `${base}/links/${linkOf.get(row)}/corrections`, payload });
const decide = (id: string, verb: 'accept' | 'reject' | 'withdraw', payload: object, session = police) =>
  session.inject({ method: 'POST', url: `${base}/change-requests/${id}/${verb}`, payload });

const personRow = async (id: string) =>
  (
    await t.database.rows<{ full_name: string; birth_date: string; sex: string; registry_version: number }>(
      sql`select full_name, birth_date::text as birth_date, sex, registry_version from population.persons where id = ${id}`,
    )
  )[0]!;
const changesOf = (id: string) =>
  t.database.rows<{ kind: string; dossier_code: string; before: unknown; after: Record<string, unknown> }>(
    sql`select kind, dossier_code, before, after from population.registry_changes where person_id = ${id} order by id`,
  );
const logged = async (action: 'person.update' | 'person.read') =>
  Number(
    (
      await t.database.rows<{ n: string }>(
        sql`select (select count(*) from audit.access_pending where action = ${action} and purpose = 'data_cleaning')
                 + (select count(*) from audit.access_log where action = ${action} and purpose = 'data_cleaning') as n`,
      )
    )[0]!.n,
  );
const updatesLogged = () => logged('person.update');

describe('proposing a correction from a link', () => {
  let birthDate: ChangeRequest;

  it('proposes the list’s birth date, naming the registry’s value, the row and who; no-store', async () => {
    const res = await propose(1, { field: 'birthDate', evidence: 'Thẻ BHYT cấp theo giấy khai sinh' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toContain('no-store');
    birthDate = res.json<ChangeRequest>();
    expect(birthDate).toMatchObject({
      state: 'proposed',
      field: 'birthDate',
      registryValue: '1995-05-03',
      proposedValue: '1995-05-04',
      currentValue: '1995-05-03',
      source: { rowNumber: 1, datasetType: 'health-insurance', sector: 'health_insurance', unitCode: '03388' },
      proposed: { accountId: officer.accountId, role: 'sector_officer' },
      decided: null,
      mayDecide: false,
      mayWithdraw: true,
    });
    expect(birthDate.reference).toMatch(/^YCDC-\d{6}$/);
    expect(birthDate.person).toMatchObject({ nationalId: '012195000002', unitCode: '03388' });
  });

  it('keeps one open request per person and field (409 naming it)', async () => {
    const res = await propose(1, { field: 'birthDate', evidence: 'lần hai' });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { messageVi: string } }>().error.messageVi).toContain(birthDate.reference);
    const count = await t.database.rows<{ n: string }>(
      sql`select count(*) as n from sector_data.change_requests where person_id = ${MAI.id}`,
    );
    expect(Number(count[0]!.n)).toBe(1);
  });

  it('refuses a sex the person’s ID number contradicts, a field that does not differ, and a value not the list’s', async () => {
    const sex = await propose(1, { field: 'sex', evidence: 'danh sách ghi Nam' });
    expect(sex.statusCode).toBe(400);
    expect(sex.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]!.field).toBe('value');
    const same = await propose(1, { field: 'fullName', evidence: 'x' });
    expect(same.statusCode).toBe(400);
    expect(same.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]!.field).toBe('field');
    const other = await propose(2, { field: 'fullName', value: 'Giàng Văn Pạo Khác', evidence: 'x' });
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain("The proposed full name must be the list's");
  });

  it('answers bad input bilingually, naming the field, never a 500', async () => {
    const field = await propose(1, { field: 'nationalId', evidence: 'x' });
    expect(field.statusCode).toBe(400);
    expect(field.body).toContain('Only the full name, birth date or sex can be corrected');
    expect(field.body).toContain('Chỉ điều chỉnh được họ và tên');
    const evidence = await propose(1, { field: 'birthDate', evidence: '   ' });
    expect(evidence.statusCode).toBe(400);
    expect(evidence.body).toContain('evidence');
    const version = await decide(birthDate.id, 'accept', { version: 'one' });
    expect(version.statusCode).toBe(400);
    expect(version.body).toContain('version');
    expect(
      (await officer.inject({ method: 'POST', url: `${base}/links/abc/corrections`, payload: {} })).statusCode,
    ).toBe(400);
    const unknown = await officer.inject({
      method: 'POST',
      url: `${base}/links/00000000-0000-4000-8000-000000000000/corrections`,
      payload: { field: 'birthDate', evidence: 'x' },
    });
    expect(unknown.statusCode).toBe(404);
    expect((await police.inject(`${base}/change-requests?state=maybe`)).statusCode).toBe(400);
  });

  it('does not let the sector officer accept (403), nor the police of another commune (404)', async () => {
    const byOfficer = await decide(birthDate.id, 'accept', { version: 0 }, officer);
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json<{ error: { code: string } }>().error.code).toBe('AUTH.FORBIDDEN');
    const elsewhere = await t.staff('commune_police', '03445');
    expect((await decide(birthDate.id, 'accept', { version: 0 }, elsewhere)).statusCode).toBe(404);
    expect((await decide(birthDate.id, 'reject', { reason: 'không' }, elsewhere)).statusCode).toBe(404);
    expect((await elsewhere.inject(`${base}/change-requests/${birthDate.id}`)).statusCode).toBe(404);
    expect((await elsewhere.inject(`${base}/change-requests`)).json<{ total: number }>().total).toBe(0);
    expect((await personRow(MAI.id)).birth_date).toBe('1995-05-03');
  });

  it('lets the commune police accept: the person is corrected, with history, access log and the person’s page', async () => {
    const list = (await police.inject(`${base}/change-requests?state=proposed&unitCode=03388`)).json<{
      items: ChangeRequest[];
      total: number;
    }>();
    expect(list.total).toBe(1);
    const shown = list.items[0]!;
    expect(shown).toMatchObject({ id: birthDate.id, mayDecide: true, mayWithdraw: false });
    const logged = await updatesLogged();
    const res = await decide(birthDate.id, 'accept', { version: shown.person.registryVersion });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ChangeRequest>()).toMatchObject({
      state: 'accepted',
      currentValue: '1995-05-04',
      decided: { accountId: police.accountId, role: 'commune_police', reason: null },
    });
    const person = await personRow(MAI.id);
    expect(person).toMatchObject({ birth_date: '1995-05-04', registry_version: shown.person.registryVersion + 1 });
    expect(await changesOf(MAI.id)).toEqual([
      {
        kind: 'person_data_corrected',
        dossier_code: birthDate.reference,
        before: { birthDate: '1995-05-03' },
        after: { birthDate: '1995-05-04', changeRequestId: birthDate.id },
      },
    ]);
    expect(await updatesLogged()).toBe(logged + 1);
    const queued = await t.database.rows<{ n: string }>(
      sql`select count(*) as n from population.quality_refresh_queue where person_id = ${MAI.id}`,
    );
    expect(Number(queued[0]!.n)).toBe(1);
    const page = await police.inject(`/api/v1/population/persons/${MAI.id}?purpose=data_cleaning`);
    expect(page.json<{ birthDate: string; changes: Array<{ kind: string; dossierCode: string }> }>()).toMatchObject({
      birthDate: '1995-05-04',
      changes: [{ kind: 'person_data_corrected', dossierCode: birthDate.reference }],
    });
    const again = await decide(birthDate.id, 'reject', { reason: 'muộn' });
    expect(again.statusCode).toBe(409);
  });
});

describe('stale values, rejection and withdrawal', () => {
  let name: ChangeRequest;

  it('proposes the name with its marks restored from a list typed without them', async () => {
    const res = await propose(2, { field: 'fullName', value: 'Giàng Văn Páo', evidence: 'Thẻ BHYT' });
    expect(res.statusCode, res.body).toBe(201);
    name = res.json<ChangeRequest>();
    expect(name).toMatchObject({ registryValue: 'Giàng A Páo', proposedValue: 'Giàng Văn Páo' });
  });

  it('refuses (409, nothing written) a record changed since the officer saw it, or a value changed meanwhile', async () => {
    const version = name.person.registryVersion;
    // Someone changes the name meanwhile (another procedure), bumping the version.
    await t.database.db.execute(
      sql`update population.persons set full_name = 'Giàng A Pảo', registry_version = registry_version + 1 where id = ${PAO.id}`,
    );
    const old = await decide(name.id, 'accept', { version });
    expect(old.statusCode).toBe(409);
    expect(old.json<{ error: { code: string } }>().error.code).toBe('POPULATION.REGISTRY_CONFLICT');
    const fresh = await decide(name.id, 'accept', { version: version + 1 });
    expect(fresh.statusCode).toBe(409);
    expect(fresh.json<{ error: { messageEn: string } }>().error.messageEn).toContain(
      'no longer the value the request saw',
    );
    expect(await personRow(PAO.id)).toMatchObject({ full_name: 'Giàng A Pảo', registry_version: version + 1 });
    expect(await changesOf(PAO.id)).toEqual([]);
    const shown = (await police.inject(`${base}/change-requests/${name.id}`)).json<ChangeRequest>();
    expect(shown).toMatchObject({ state: 'proposed', registryValue: 'Giàng A Páo', currentValue: 'Giàng A Pảo' });
  });

  it('needs a reason to reject, and a rejection changes nothing in the registry', async () => {
    const none = await decide(name.id, 'reject', {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('reason');
    const blank = await decide(name.id, 'reject', { reason: '  ' });
    expect(blank.statusCode).toBe(400);
    const before = await personRow(PAO.id);
    const reads = await logged('person.read');
    const res = await decide(name.id, 'reject', { reason: 'Tên đã được điều chỉnh theo giấy khai sinh' });
    expect(res.statusCode, res.body).toBe(200);
    // The answer shows the person's registry data: written in the access log.
    expect(await logged('person.read')).toBe(reads + 1);
    expect(res.json<ChangeRequest>()).toMatchObject({
      state: 'rejected',
      decided: { role: 'commune_police', reason: 'Tên đã được điều chỉnh theo giấy khai sinh' },
    });
    expect(await personRow(PAO.id)).toEqual(before);
    expect(await changesOf(PAO.id)).toEqual([]);
  });

  it('lets the proposing side withdraw an open request, once; the police cannot', async () => {
    const res = await propose(2, { field: 'fullName', value: 'Giàng Văn Páo', evidence: 'lần hai' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<ChangeRequest>().id;
    expect((await decide(id, 'withdraw', {}, police)).statusCode).toBe(403);
    const reads = await logged('person.read');
    const withdrawn = await decide(id, 'withdraw', { reason: 'nhầm' }, officer);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(await logged('person.read')).toBe(reads + 1);
    expect(withdrawn.json<ChangeRequest>()).toMatchObject({ state: 'withdrawn', decided: { reason: 'nhầm' } });
    expect((await decide(id, 'withdraw', {}, officer)).statusCode).toBe(409);
    const mine = (await officer.inject(`${base}/change-requests`)).json<{ items: ChangeRequest[] }>();
    expect(mine.items.map((i) => i.state).sort()).toEqual(['accepted', 'rejected', 'withdrawn']);
  });

  it('refuses a name typed all in capitals (400 naming the value)', async () => {
    const res = await propose(2, { field: 'fullName', value: 'GIÀNG VĂN PÁO', evidence: 'x' });
    expect(res.statusCode).toBe(400);
    const [refusal] = res.json<{ error: { fields: Array<{ field: string; messageVi: string; messageEn: string }> } }>()
      .error.fields;
    expect(refusal!.field).toBe('value');
    expect(refusal!.messageVi).toContain('toàn chữ hoa');
    expect(refusal!.messageEn).toContain('all in capitals');
  });

  it('refuses the list’s name typed without marks over a registry name with marks', async () => {
    const res = await propose(2, { field: 'fullName', evidence: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('has no marks');
    expect(res.body).toContain('không có dấu');
  });
});

describe('what is checked again, and who may decide', () => {
  const requestsOf = async (personId: string) =>
    Number(
      (
        await t.database.rows<{ n: string }>(
          sql`select count(*) as n from sector_data.change_requests where person_id = ${personId}`,
        )
      )[0]!.n,
    );

  it('refuses (409) a person with no commune of residence: nobody could decide it', async () => {
    await t.database.db.execute(sql`update population.persons set residence_unit_code = null where id = ${VU.id}`);
    const res = await propose(3, { field: 'birthDate', evidence: 'x' });
    await t.database.db.execute(sql`update population.persons set residence_unit_code = '03388' where id = ${VU.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('no commune of residence');
    expect(res.body).toContain('không ghi xã nơi cư trú');
    expect(await requestsOf(VU.id)).toBe(0);
  });

  it('refuses (409) a proposal from a list since replaced by a later one', async () => {
    await t.database.db.execute(sql`update sector_data.batches set superseded_by = id where id = ${batchId}`);
    const res = await propose(3, { field: 'birthDate', evidence: 'x' });
    await t.database.db.execute(sql`update sector_data.batches set superseded_by = null where id = ${batchId}`);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('replaced by a later one');
    expect(res.body).toContain('đã được thay');
    expect(await requestsOf(VU.id)).toBe(0);
  });

  it('checks the ID number again on accept: one recorded since that contradicts the value is refused (409), nothing written', async () => {
    const res = await propose(3, { field: 'birthDate', evidence: 'Thẻ BHYT' });
    expect(res.statusCode, res.body).toBe(201);
    const request = res.json<ChangeRequest>();
    expect(request.proposedValue).toBe('1988-01-11');
    // The ID number is corrected meanwhile (its own procedure): it now says 1989.
    await t.database.db.execute(sql`update population.persons set national_id = '012089000003' where id = ${VU.id}`);
    const before = await personRow(VU.id);
    const accepted = await decide(request.id, 'accept', { version: before.registry_version });
    await t.database.db.execute(sql`update population.persons set national_id = '012088000003' where id = ${VU.id}`);
    expect(accepted.statusCode, accepted.body).toBe(409);
    const refusal = accepted.json<{ error: { messageEn: string; messageVi: string } }>().error;
    expect(refusal.messageEn).toContain('encodes birth year 1989');
    expect(refusal.messageVi).toContain('chưa điều chỉnh gì');
    expect(await personRow(VU.id)).toEqual(before);
    expect(await changesOf(VU.id)).toEqual([]);
    expect((await police.inject(`${base}/change-requests/${request.id}`)).json<ChangeRequest>().state).toBe('proposed');
  });

  it('refuses (400, naming the value) a value not of the field’s shape on accept, never a 500', async () => {
    const [open] = await t.database.rows<{ id: string }>(
      sql`select id from sector_data.change_requests where person_id = ${VU.id} and state = 'proposed'`,
    );
    const before = await personRow(VU.id);
    for (const bad of ['1988-02-30', 'yesterday']) {
      await t.database.db.execute(
        sql`update sector_data.change_requests set proposed_value = ${bad} where id = ${open!.id}`,
      );
      const res = await decide(open!.id, 'accept', { version: before.registry_version });
      expect(res.statusCode, res.body).toBe(400);
      const [refusal] = res.json<{ error: { fields: Array<{ field: string; messageVi: string }> } }>().error.fields;
      expect(refusal!.field).toBe('value');
      expect(refusal!.messageVi).toContain('ngày sinh');
    }
    expect(await personRow(VU.id)).toEqual(before);
    expect(await changesOf(VU.id)).toEqual([]);
  });

  it('does not let the account that proposed a request accept or reject it (403)', async () => {
    const both = await t.staff('sector_officer', '03388', 'health_insurance', [
      { role: 'commune_police', unitCode: '03388' },
    ]);
    const res = await propose(4, { field: 'birthDate', evidence: 'Thẻ BHYT' }, both);
    expect(res.statusCode, res.body).toBe(201);
    const request = res.json<ChangeRequest>();
    const accept = await decide(request.id, 'accept', { version: request.person.registryVersion }, both);
    expect(accept.statusCode).toBe(403);
    const refusal = accept.json<{ error: { code: string; messageEn: string } }>().error;
    expect(refusal.code).toBe('SECTOR.CHANGE_REQUEST_SELF_DECISION_FORBIDDEN');
    expect(refusal.messageEn).toContain(request.reference);
    expect((await decide(request.id, 'reject', { reason: 'tự từ chối' }, both)).statusCode).toBe(403);
    expect((await personRow(SUNG.id)).birth_date).toBe('1985-07-07');
    expect((await police.inject(`${base}/change-requests/${request.id}`)).json<ChangeRequest>().state).toBe('proposed');
  });

  it('records the grant that covers the person’s commune, not the account’s first one', async () => {
    const twoCommunes = await t.staff('commune_police', '03445', undefined, [
      { role: 'commune_police', unitCode: '03388' },
    ]);
    const [open] = await t.database.rows<{ id: string }>(
      sql`select id from sector_data.change_requests where person_id = ${SUNG.id} and state = 'proposed'`,
    );
    const version = (await personRow(SUNG.id)).registry_version;
    const res = await decide(open!.id, 'accept', { version }, twoCommunes);
    expect(res.statusCode, res.body).toBe(200);
    const units = await t.database.rows<{ actor_unit: string }>(
      sql`select actor_unit from audit.access_pending where actor_account_id = ${twoCommunes.accountId}
          union all select actor_unit from audit.access_log where actor_account_id = ${twoCommunes.accountId}`,
    );
    expect(units.map((u) => u.actor_unit)).toEqual(['03388']);
  });
});
