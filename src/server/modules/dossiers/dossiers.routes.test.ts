import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { multipart } from '../../../../test/multipart';
import { copyRegistryBatch } from '../population';
import { seedProcedures } from '../procedures';
import { seedCalendar } from '../calendar';
import { seedFeeLists } from '../fees';
import type { DossierDetail, DossierSummary, StatusLookupResult } from '../../../contracts/dossiers';

const TEMP = '1.004194'; // Đăng ký tạm trú
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1a6e90000000049454e44ae426082',
  'hex',
);

let t: TestApp;
let dataDir: string;
let citizen: Session;
let levelOne: Session;
let police: Session;
let policeElsewhere: Session;
let oneStop: Session;
const mai = makePerson({
  id: randomUUID(),
  nationalId: '012190000101',
  idCardNumber: '012190000101',
  fullName: 'Lò Thị Mai',
  phone: '0912345678',
});
const su = makePerson({
  id: randomUUID(),
  nationalId: '012085000102',
  idCardNumber: '012085000102',
  fullName: 'Giàng A Sử',
  birthYear: 1985,
  birthDate: '1985-01-01',
  sex: 'male',
  eIdLevel: 1,
});
let versionId: string;

beforeAll(async () => {
  dataDir = join(process.cwd(), '.tmp', `dossier-files-${randomUUID()}`);
  t = await createTestApp({ DATA_DIR: dataDir, LOG_LEVEL: 'error' });
  await seedProcedures(t.database.db);
  await seedCalendar(t.database.db);
  await seedFeeLists(t.database.db); // Thái residents of Mường Tè (an extremely difficult commune) pay no residence fee
  await copyRegistryBatch(t.database, makeHousehold('03445', [mai, su]));
  citizen = await t.citizen({ nationalId: mai.nationalId!, fullName: mai.fullName }, 2);
  levelOne = await t.citizen({ nationalId: su.nationalId!, fullName: su.fullName }, 1);
  police = await t.staff('commune_police', '03445');
  policeElsewhere = await t.staff('commune_police', '03388');
  oneStop = await t.staff('one_stop_officer', '03445');
  const detail = await t.app.inject(`/api/v1/procedures/${TEMP}`);
  versionId = detail.json<{ id: string }>().id;
});
afterAll(async () => t?.close());

async function prefilledForm(session: Session): Promise<Record<string, unknown>> {
  const res = await session.inject(`/api/v1/procedures/${TEMP}/prefill`);
  expect(res.statusCode, res.body).toBe(200);
  const { values } = res.json<{ values: Record<string, unknown> }>();
  return {
    ...values,
    address: 'Tổ 5, xã Mường Tè, tỉnh Lai Châu',
    requestContent: 'Đăng ký tạm trú để làm việc tại xã Mường Tè',
  };
}

async function file(
  session: Session,
  overrides: Record<string, unknown> = {},
  files = [{ field: 'file:lawful_dwelling', name: 'hop-dong-thue-nha.pdf', type: 'application/pdf', data: PDF }],
) {
  const body = {
    procedureCode: TEMP,
    procedureVersionId: versionId,
    form: await prefilledForm(session),
    channel: 'online',
    ...overrides,
  };
  const mp = multipart('dossier', body, files);
  return session.inject({ method: 'POST', url: '/api/v1/dossiers', ...mp });
}

const command = (session: Session, id: string, name: string, payload: Record<string, unknown> = {}) =>
  session.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/commands/${name}`, payload });

async function counts() {
  const [d] = await t.database.rows<{ d: string; c: string }>(
    sql`select (select count(*) from dossiers.dossiers)::text as d, (select coalesce(sum(last_seq), 0) from dossiers.code_counters)::text as c`,
  );
  const files = existsSync(join(dataDir, 'files'))
    ? readdirSync(join(dataDir, 'files'), { recursive: true }).filter((f) => String(f).length > 60).length
    : 0;
  return { dossiers: Number(d!.d), codes: Number(d!.c), files };
}

describe('a citizen files a temporary residence registration online', () => {
  let dossier: DossierDetail;

  it('submits with the prefilled form and an attachment; gets a code <agency>-YYMMDD-XXXX', async () => {
    const res = await file(citizen);
    expect(res.statusCode, res.body).toBe(201);
    dossier = res.json<DossierDetail>();
    expect(dossier).toMatchObject({
      state: 'submitted',
      channel: 'online',
      procedureCode: TEMP,
      unitCode: '03445',
      applicantName: 'Lò Thị Mai',
    });
    expect(dossier.code).toMatch(/^03445\.H\d{2}-\d{6}-0001$/);
    expect(dossier.attachments).toHaveLength(1);
    expect(dossier.attachments[0]).toMatchObject({ documentKey: 'lawful_dwelling', mediaType: 'application/pdf' });
    expect(dossier.sources.fullName).toBe('registry.person');
    expect(dossier).toMatchObject({ feeStatus: 'exempt', feeAmount: 0 }); // ethnic minority in an extremely difficult commune
    expect(dossier.allowedCommands).toEqual(['withdraw']);
  });

  it('shows it in "my dossiers" and to the commune police, not to another commune (404)', async () => {
    const mine = (await citizen.inject('/api/v1/dossiers/mine')).json<{ items: DossierSummary[] }>();
    expect(mine.items.map((d) => d.id)).toContain(dossier.id);
    const queue = (await police.inject('/api/v1/dossiers?queue=new')).json<{ items: DossierSummary[] }>();
    expect(queue.items.map((d) => d.id)).toContain(dossier.id);
    expect((await policeElsewhere.inject(`/api/v1/dossiers/${dossier.id}`)).statusCode).toBe(404);
    expect((await command(policeElsewhere, dossier.id, 'receive')).statusCode).toBe(404);
    expect((await levelOne.inject(`/api/v1/dossiers/${dossier.id}`)).statusCode).toBe(404);
    const other = (await policeElsewhere.inject('/api/v1/dossiers?queue=all')).json<{ items: DossierSummary[] }>();
    expect(other.items.map((d) => d.id)).not.toContain(dossier.id);
  });

  it('is received with a due time from the working-day calendar, then supplemented (clock stops) and resubmitted', async () => {
    let res = await command(police, dossier.id, 'receive', { expectedVersion: dossier.version });
    expect(res.statusCode, res.body).toBe(200);
    dossier = res.json<DossierDetail>();
    expect(dossier.state).toBe('received');
    expect(dossier.dueAt).not.toBeNull();
    expect(new Date(dossier.dueAt!).getTime()).toBeGreaterThan(new Date(dossier.receivedAt!).getTime());
    expect(dossier.slips).toContain('receipt');

    res = await command(police, dossier.id, 'request_supplement', {
      items: [{ item: 'Hợp đồng thuê nhà có công chứng', reason: 'Bản đã nộp không có chữ ký bên cho thuê' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    dossier = res.json<DossierDetail>();
    expect(dossier).toMatchObject({ state: 'supplement_requested', flag: 'paused' });
    expect(dossier.pausedRemainingMinutes).toBeGreaterThan(0);
    expect(dossier.supplement?.items[0]?.item).toBe('Hợp đồng thuê nhà có công chứng');

    const citizenView = (await citizen.inject(`/api/v1/dossiers/${dossier.id}`)).json<DossierDetail>();
    expect(citizenView.allowedCommands).toEqual(['resubmit', 'withdraw']);
    expect(JSON.stringify(citizenView.timeline)).not.toContain(police.accountId);

    const mp = multipart('command', { note: 'Đã bổ sung hợp đồng có chữ ký' }, [
      { field: 'file:lawful_dwelling', name: 'hop-dong-moi.png', type: 'image/png', data: PNG },
    ]);
    res = await citizen.inject({ method: 'POST', url: `/api/v1/dossiers/${dossier.id}/commands/resubmit`, ...mp });
    expect(res.statusCode, res.body).toBe(200);
    dossier = res.json<DossierDetail>();
    expect(dossier.state).toBe('in_processing');
    expect(dossier.pausedRemainingMinutes).toBeNull();
    expect(dossier.attachments.map((a) => a.round)).toEqual([0, 1]);
  });

  it('is approved, its result issued and returned; the citizen sees every step', async () => {
    for (const name of ['approve', 'issue_result', 'return_result']) {
      const res = await command(police, dossier.id, name);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
      dossier = res.json<DossierDetail>();
    }
    expect(dossier.state).toBe('returned');
    expect(dossier.flag).toBe('done_on_time');
    const seen = (await citizen.inject(`/api/v1/dossiers/${dossier.id}`)).json<DossierDetail>();
    expect(seen.timeline.map((s) => s.toState)).toEqual([
      'submitted',
      'received',
      'supplement_requested',
      'in_processing',
      'approved',
      'result_issued',
      'returned',
    ]);
  });

  it('answers the public status lookup only with the right ID number', async () => {
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers/status-lookup',
      payload: { code: dossier.code, nationalId: mai.nationalId },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<StatusLookupResult>()).toMatchObject({ code: dossier.code, state: 'returned' });
    expect(ok.body).not.toContain('Lò Thị Mai');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers/status-lookup',
      payload: { code: dossier.code, nationalId: su.nationalId },
    });
    expect(wrong.statusCode).toBe(404);
  });

  it('logs the officer’s reading of the dossier and of the applicant’s record in the citizen’s access history', async () => {
    expect((await police.inject(`/api/v1/dossiers/${dossier.id}/applicant`)).statusCode).toBe(200);
    const log = (await citizen.inject('/api/v1/audit/me/access-log?pageSize=50')).json<{
      items: Array<{ action: string; purposeCode: string }>;
    }>();
    expect(log.items.map((i) => i.action)).toEqual(expect.arrayContaining(['dossier.read', 'person.read']));
    expect(log.items.every((i) => i.purposeCode === 'dossier_processing')).toBe(true);
  });

  it('prints the receipt and the supplement request as PDF', async () => {
    for (const kind of ['receipt', 'supplement']) {
      const res = await police.inject(`/api/v1/dossiers/${dossier.id}/slips/${kind}`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect((await police.inject(`/api/v1/dossiers/${dossier.id}/slips/refusal`)).statusCode).toBe(404);
    const own = await citizen.inject(`/api/v1/dossiers/${dossier.id}/slips/receipt`); // the citizen prints their own receipt
    expect(own.statusCode).toBe(200);
    expect((await levelOne.inject(`/api/v1/dossiers/${dossier.id}/slips/receipt`)).statusCode).toBe(404); // someone else's
  });
});

describe('the lifecycle refuses what the law does not allow', () => {
  it('rejects a transition from the wrong state (409) and a missing legal basis (400)', async () => {
    const d = (await file(citizen)).json<DossierDetail>();
    const approve = await command(police, d.id, 'approve');
    expect(approve.statusCode).toBe(409);
    expect(approve.json<{ error: { code: string; messageVi: string } }>().error.code).toBe('DOSSIER.STATE_CONFLICT');
    const refuse = await command(oneStop, d.id, 'refuse_intake', { reason: 'Hồ sơ không thuộc thẩm quyền' });
    expect(refuse.statusCode).toBe(400);
    expect(refuse.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]?.field).toBe('legalBasis');
    const ok = await command(oneStop, d.id, 'refuse_intake', {
      reason: 'Hồ sơ không thuộc thẩm quyền',
      legalBasis: 'khoản 1 Điều 22 Luật Cư trú 2020',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await oneStop.inject(`/api/v1/dossiers/${d.id}/slips/refusal`)).statusCode).toBe(200);
  });

  it('lets the one-stop officer receive but not approve (a commune-police decision): 403', async () => {
    const d = (await file(citizen)).json<DossierDetail>();
    expect((await command(oneStop, d.id, 'receive')).statusCode).toBe(200);
    await command(police, d.id, 'start_processing');
    const res = await command(oneStop, d.id, 'approve');
    expect(res.statusCode).toBe(403);
  });

  it('lets exactly one of two concurrent commands win; the other gets 409', async () => {
    const d = (await file(citizen)).json<DossierDetail>();
    await command(police, d.id, 'receive');
    await command(police, d.id, 'start_processing');
    const current = (await police.inject(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    const results = await Promise.all([
      command(police, d.id, 'approve', { expectedVersion: current.version }),
      command(police, d.id, 'refuse', {
        expectedVersion: current.version,
        reason: 'Không đủ điều kiện',
        legalBasis: 'Điều 27 Luật Cư trú 2020',
      }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const final = (await police.inject(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    expect(final.timeline.filter((s) => ['approve', 'refuse'].includes(s.command))).toHaveLength(1);
  });

  it('extends a deadline only with a reason and a later time (apology slip), marking it late', async () => {
    const d = (await file(citizen)).json<DossierDetail>();
    const received = (await command(police, d.id, 'receive')).json<DossierDetail>();
    const earlier = await command(police, d.id, 'extend', {
      reason: 'Cần xác minh thêm tại nơi ở',
      newDueAt: received.submittedAt,
    });
    expect(earlier.statusCode).toBe(400);
    const later = new Date(new Date(received.dueAt!).getTime() + 3 * 86_400_000).toISOString();
    const res = await command(police, d.id, 'extend', { reason: 'Cần xác minh thêm tại nơi ở', newDueAt: later });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<DossierDetail>()).toMatchObject({ state: 'received', late: true, dueAt: later });
    expect((await police.inject(`/api/v1/dossiers/${d.id}/slips/apology`)).statusCode).toBe(200);
  });

  it('lets the citizen withdraw before a decision', async () => {
    const d = (await file(citizen)).json<DossierDetail>();
    expect((await command(citizen, d.id, 'withdraw')).json<DossierDetail>().state).toBe('withdrawn');
    expect((await command(citizen, d.id, 'withdraw')).statusCode).toBe(409);
  });
});

describe('bad input leaves nothing behind', () => {
  it('tells a level-1 e-ID citizen why they cannot file a level-2 procedure', async () => {
    const before = await counts();
    const res = await levelOne.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: { procedureCode: 'LT.01', procedureVersionId: randomUUID(), form: {} },
    });
    expect([403, 404, 409, 400]).toContain(res.statusCode);
    const interlinked = await t.app.inject('/api/v1/procedures?field=interlinked');
    const group = interlinked
      .json<{ items: Array<{ code: string; id: string; requiredEidLevel: number }> }>()
      .items.find((p) => p.requiredEidLevel === 2);
    if (group) {
      const r = await levelOne.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        payload: { procedureCode: group.code, procedureVersionId: group.id, form: {} },
      });
      expect(r.statusCode).toBe(403);
      expect(r.json<{ error: { code: string; messageVi: string } }>().error).toMatchObject({
        code: 'DOSSIER.EID_LEVEL_FORBIDDEN',
      });
      expect(r.json<{ error: { messageVi: string } }>().error.messageVi).toContain('mức độ 2');
    }
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an unknown field', { form: { extra: 'x' } }, 'form.extra'],
    ['a wrong type', { form: { phone: 912345678 } }, 'form.phone'],
    ['a changed registry value', { form: { fullName: 'Người Khác' } }, 'form.fullName'],
  ])('refuses %s (400 naming the field): no dossier, no code, no file', async (_name, change, field) => {
    const before = await counts();
    const base = await prefilledForm(citizen);
    const res = await file(citizen, { form: { ...base, ...change.form } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<{ error: { fields: Array<{ field: string }> } }>().error.fields.map((f) => f.field)).toContain(
      field,
    );
    expect(await counts()).toEqual(before);
  });

  it.each([
    [
      'a file of the wrong type (text renamed .pdf)',
      [
        {
          field: 'file:lawful_dwelling',
          name: 'a.pdf',
          type: 'application/pdf',
          data: Buffer.from('not a pdf at all'),
        },
      ],
      400,
      'file:lawful_dwelling',
    ],
    [
      'a file for no document of the procedure',
      [{ field: 'file:passport', name: 'a.pdf', type: 'application/pdf', data: PDF }],
      400,
      'file:passport',
    ],
    [
      'an oversize file',
      [
        {
          field: 'file:lawful_dwelling',
          name: 'big.pdf',
          type: 'application/pdf',
          data: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024 + 10)]),
        },
      ],
      413,
      'file:lawful_dwelling',
    ],
    ['a missing required document', [], 400, 'file:lawful_dwelling'],
  ])('refuses %s: no dossier, no code, no file', async (_name, files, status, field) => {
    const before = await counts();
    const res = await file(citizen, {}, files);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]?.field).toBe(field);
    expect(await counts()).toEqual(before);
  });

  it('refuses a stale procedure version with 409 and an unknown one with 400', async () => {
    const stale = await file(citizen, { procedureVersionId: randomUUID() });
    expect(stale.statusCode).toBe(400);
    expect(stale.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]?.field).toBe(
      'procedureVersionId',
    );
  });

  it('refuses a stale dossier version with 409', async () => {
    const d = (await file(citizen)).json<DossierDetail>();
    const res = await command(police, d.id, 'receive', { expectedVersion: d.version + 5 });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('DOSSIER.VERSION_CONFLICT');
  });

  it('refuses malformed JSON inside multipart and unknown command fields (400)', async () => {
    const d = (await file(citizen)).json<DossierDetail>();
    const res = await command(police, d.id, 'receive', { hack: true });
    expect(res.statusCode).toBe(400);
    const boundary = 'xyz';
    const bad = await citizen.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="dossier"\r\n\r\n{not json\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('dossier codes', () => {
  it('are unique and gap-free under 20 parallel submissions', async () => {
    const before = (
      await t.database.rows<{ n: string }>(
        sql`select coalesce(max(last_seq), 0)::text as n from dossiers.code_counters where agency_code like '03445.%'`,
      )
    )[0]!.n;
    const results = await Promise.all(Array.from({ length: 20 }, () => file(citizen)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const seqs = results.map((r) => Number(r.json<DossierDetail>().code!.slice(-4))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => Number(before) + i + 1));
  });
});

describe('an officer enters a paper filing at the counter', () => {
  it('records the channel as paper, finds the applicant by ID number, and logs that lookup', async () => {
    const form = { ...(await prefilledForm(citizen)) };
    const mp = multipart(
      'dossier',
      {
        procedureCode: TEMP,
        procedureVersionId: versionId,
        form,
        channel: 'paper',
        unitCode: '03445',
        applicantNationalId: mai.nationalId,
      },
      [{ field: 'file:lawful_dwelling', name: 'scan.pdf', type: 'application/pdf', data: PDF }],
    );
    const res = await police.inject({ method: 'POST', url: '/api/v1/dossiers', ...mp });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<DossierDetail>()).toMatchObject({
      channel: 'paper',
      applicantName: 'Lò Thị Mai',
      state: 'submitted',
    });
    const elsewhere = await policeElsewhere.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      ...multipart(
        'dossier',
        {
          procedureCode: TEMP,
          procedureVersionId: versionId,
          form,
          channel: 'paper',
          unitCode: '03445',
          applicantNationalId: mai.nationalId,
        },
        [],
      ),
    });
    expect(elsewhere.statusCode).toBe(403);
  });

  it('refuses a deceased applicant (the declarant is who stands at the counter) and writes nothing', async () => {
    const late = makePerson({
      id: randomUUID(),
      nationalId: '012050000103',
      idCardNumber: '012050000103',
      fullName: 'Lò Văn Khằm',
      sex: 'male',
      birthYear: 1950,
      birthDate: '1950-02-02',
      status: 'deceased',
      deathDate: '2026-01-10',
    });
    await copyRegistryBatch(t.database, makeHousehold('03445', [late]));
    const before = await counts();
    const form = { ...(await prefilledForm(citizen)) };
    const res = await police.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      ...multipart(
        'dossier',
        {
          procedureCode: TEMP,
          procedureVersionId: versionId,
          form,
          channel: 'paper',
          unitCode: '03445',
          applicantNationalId: late.nationalId,
        },
        [{ field: 'file:lawful_dwelling', name: 'scan.pdf', type: 'application/pdf', data: PDF }],
      ),
    });
    expect(res.statusCode, res.body).toBe(400);
    const fields = res.json<{ error: { fields: Array<{ field: string; messageVi: string }> } }>().error.fields;
    expect(fields.map((f) => f.field)).toEqual(['applicantNationalId']);
    expect(fields[0]!.messageVi).toContain('người đã mất');
    expect(await counts()).toEqual(before);
  });
});

describe('the fee of a dossier (issue #5)', () => {
  const kinh = makePerson({
    id: randomUUID(),
    nationalId: '001090000301',
    idCardNumber: '001090000301',
    fullName: 'Nguyễn Văn Bình',
    sex: 'male',
    ethnicityCode: '01',
    birthDate: '1990-05-05',
  });
  const border = makePerson({
    id: randomUUID(),
    nationalId: '001090000302',
    idCardNumber: '001090000302',
    fullName: 'Trần Văn Cường',
    sex: 'male',
    ethnicityCode: '01',
    birthDate: '1991-06-06',
  });
  let kinhSession: Session;
  beforeAll(async () => {
    await copyRegistryBatch(t.database, makeHousehold('03445', [kinh]));
    await copyRegistryBatch(t.database, makeHousehold('03451', [border])); // Mù Cả, a border commune
    kinhSession = await t.citizen({ nationalId: kinh.nationalId!, fullName: kinh.fullName }, 2);
  });

  it('is charged at the online rate and waits for payment before the desk sees it; a paid fee moves it on once', async () => {
    const d = (await file(kinhSession)).json<DossierDetail>();
    expect(d).toMatchObject({ state: 'awaiting_payment', feeStatus: 'unpaid', feeAmount: 7_000 });
    expect(d.fee).toMatchObject({ amount: 7_000 });
    expect(d.allowedCommands).toEqual(['withdraw']);
    const queue = (await police.inject('/api/v1/dossiers?queue=new&pageSize=100')).json<{ items: DossierSummary[] }>();
    expect(queue.items.map((i) => i.id)).not.toContain(d.id);
    const { settleDossierFee } = await import('./dossiers.payments');
    const pay = (amount: number) =>
      t.database.db.transaction((tx) =>
        settleDossierFee(tx, d.id, { paymentId: randomUUID(), amount, method: 'gateway', at: new Date() }),
      );
    await expect(pay(6_000)).rejects.toMatchObject({ code: 'DOSSIER.FEE_CONFLICT' });
    await pay(7_000);
    await expect(pay(7_000)).rejects.toMatchObject({ code: 'DOSSIER.FEE_CONFLICT' });
    const paid = (await kinhSession.inject(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    expect(paid).toMatchObject({ state: 'submitted', feeStatus: 'paid', feePaidAmount: 7_000 });
    expect(paid.timeline.map((s) => s.command)).toEqual(['submit', 'pay']);
  });

  it('is nothing for a resident of a border commune, checked against the registry without asking', async () => {
    const s = await t.citizen({ nationalId: border.nationalId!, fullName: border.fullName }, 2);
    const d = (await file(s, { unitCode: '03445' })).json<DossierDetail>();
    expect(d).toMatchObject({ state: 'submitted', feeStatus: 'exempt', feeAmount: 0 });
    // The registry proved it: the desk has no exemption to decide, only the dossier to receive.
    const seen = (await oneStop.inject(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    expect(seen.allowedCommands).toContain('receive');
    expect(seen.allowedCommands).not.toContain('confirm_exemption');
    expect(seen.allowedCommands).not.toContain('reject_exemption');
  });

  it('needs a proof for a claimed disability, and an officer confirms or rejects it', async () => {
    const missing = await file(kinhSession, { exemptionClaim: 'disability' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]?.field).toBe(
      'file:exemption_proof',
    );
    const withProof = [
      { field: 'file:lawful_dwelling', name: 'a.pdf', type: 'application/pdf', data: PDF },
      { field: 'file:exemption_proof', name: 'giay-xac-nhan.png', type: 'image/png', data: PNG },
    ];
    const a = (await file(kinhSession, { exemptionClaim: 'disability' }, withProof)).json<DossierDetail>();
    expect(a).toMatchObject({ state: 'submitted', feeStatus: 'exemption_pending', feeAmount: 0 });
    expect((await oneStop.inject(`/api/v1/dossiers/${a.id}`)).json<DossierDetail>().allowedCommands).toEqual(
      expect.arrayContaining(['confirm_exemption', 'reject_exemption']),
    );
    const confirmed = await command(oneStop, a.id, 'confirm_exemption', {
      note: 'Đã đối chiếu giấy xác nhận khuyết tật bản gốc',
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json<DossierDetail>()).toMatchObject({ state: 'submitted', feeStatus: 'exempt', feeAmount: 0 });
    expect(confirmed.json<DossierDetail>().allowedCommands).not.toContain('confirm_exemption');
    expect((await command(oneStop, a.id, 'confirm_exemption')).statusCode).toBe(409);

    const b = (await file(kinhSession, { exemptionClaim: 'disability' }, withProof)).json<DossierDetail>();
    const noReason = await command(oneStop, b.id, 'reject_exemption', {});
    expect(noReason.statusCode).toBe(400);
    const rejected = await command(oneStop, b.id, 'reject_exemption', { reason: 'Giấy xác nhận đã hết hạn' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json<DossierDetail>()).toMatchObject({
      state: 'awaiting_payment',
      feeStatus: 'unpaid',
      feeAmount: 7_000,
    });
  });

  it('is collected in cash at the counter for a paper filing at the direct rate', async () => {
    const form = { ...(await prefilledForm(kinhSession)) };
    const mp = multipart(
      'dossier',
      {
        procedureCode: TEMP,
        procedureVersionId: versionId,
        form,
        channel: 'paper',
        unitCode: '03445',
        applicantNationalId: kinh.nationalId,
      },
      [{ field: 'file:lawful_dwelling', name: 'scan.pdf', type: 'application/pdf', data: PDF }],
    );
    const res = await police.inject({ method: 'POST', url: '/api/v1/dossiers', ...mp });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<DossierDetail>()).toMatchObject({ state: 'submitted', feeStatus: 'cash', feeAmount: 15_000 });
  });
});
