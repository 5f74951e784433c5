import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { multipart, type FilePart } from '../../../../test/multipart';
import { copyRegistryBatch } from '../population';
import { createVersion, loadReferenceProcedures, seedProcedures } from '../procedures';
import { seedCalendar } from '../calendar';
import { seedFeeLists } from '../fees';
import { DEFAULT_ROLES } from '../identity';
import { todayInVietnam } from '../../../contracts/common';
import { ATTACHMENT_MAX_BYTES, type DossierDetail, type DossierSummary } from '../../../contracts/dossiers';

/**
 * Gaps left by dossiers.routes.test.ts: a stale procedure version, files left behind by a failed
 * write, bad attachments on resubmission, top-level body validation, the e-ID level, the
 * transition record of a refusal at intake, and the back-office workqueues.
 */

const TEMP = '1.004194'; // Đăng ký tạm trú (requires e-ID level 2, handled by the commune police)
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

interface ApiError {
  error: {
    code: string;
    messageVi: string;
    messageEn: string;
    fields?: Array<{ field: string; code: string; messageVi: string; messageEn: string }>;
  };
}
type Part = FilePart;

let t: TestApp;
let dataDir: string;
let hoa: Session; // citizen, e-ID level 2, Mường Tè (fee exempt: Thái in an extremely difficult commune)
let police: Session;
let policeElsewhere: Session;
let oneStop: Session;

const filer = makePerson({
  id: randomUUID(),
  nationalId: '012199000101',
  idCardNumber: '012199000101',
  fullName: 'Lò Thị Hoa',
  phone: '0912199101',
});
const lowLevel = makePerson({
  id: randomUUID(),
  nationalId: '012199000201',
  idCardNumber: '012199000201',
  fullName: 'Giàng A Páo',
  sex: 'male',
  birthYear: 1988,
  birthDate: '1988-08-08',
  eIdLevel: 1,
});
const queued = makePerson({
  id: randomUUID(),
  nationalId: '012199000301',
  idCardNumber: '012199000301',
  fullName: 'Lò Văn Quang',
  sex: 'male',
  birthYear: 1992,
  birthDate: '1992-02-02',
  phone: '0912199301',
});

beforeAll(async () => {
  dataDir = join(process.cwd(), '.tmp', `dossier-requirements-${randomUUID()}`);
  t = await createTestApp({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  await seedProcedures(t.database.db);
  await seedCalendar(t.database.db);
  await seedFeeLists(t.database.db);
  await copyRegistryBatch(t.database, makeHousehold('03445', [filer, lowLevel]));
  await copyRegistryBatch(t.database, makeHousehold('03445', [queued]));
  hoa = await t.citizen({ nationalId: filer.nationalId!, fullName: filer.fullName }, 2);
  police = await t.staff('commune_police', '03445');
  policeElsewhere = await t.staff('commune_police', '03388');
  oneStop = await t.staff('one_stop_officer', '03445');
});
afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The id of the version of TEMP in force today (it changes in the stale-version tests). */
async function versionInForce(): Promise<string> {
  const res = await t.app.inject(`/api/v1/procedures/${TEMP}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: string }>().id;
}

async function prefilledForm(
  session: Session,
  content = 'Đăng ký tạm trú để làm việc tại xã Mường Tè',
): Promise<Record<string, unknown>> {
  const res = await session.inject(`/api/v1/procedures/${TEMP}/prefill`);
  expect(res.statusCode, res.body).toBe(200);
  const { values } = res.json<{ values: Record<string, unknown> }>();
  return { ...values, address: 'Tổ 5, xã Mường Tè, tỉnh Lai Châu', requestContent: content };
}

/** A valid PDF whose bytes (and so SHA-256) no other file has. */
const uniquePdf = (): Buffer =>
  Buffer.from(`%PDF-1.4\n% requirements ${randomUUID()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
const inStore = (data: Buffer): boolean => {
  const h = sha256(data);
  return existsSync(join(dataDir, 'files', h.slice(0, 2), h.slice(2, 4), h));
};
const pdfPart = (data: Buffer, name = 'hop-dong-thue-nha.pdf', field = 'file:lawful_dwelling'): Part => ({
  field,
  name,
  type: 'application/pdf',
  data,
});

async function submit(session: Session, overrides: Record<string, unknown> = {}, files: Part[] = [pdfPart(PDF)]) {
  const body = {
    procedureCode: TEMP,
    procedureVersionId: await versionInForce(),
    form: await prefilledForm(session),
    channel: 'online',
    ...overrides,
  };
  return session.inject({ method: 'POST', url: '/api/v1/dossiers', ...multipart('dossier', body, files) });
}

async function filed(
  session: Session,
  overrides: Record<string, unknown> = {},
  files?: Part[],
): Promise<DossierDetail> {
  const res = await submit(session, overrides, files);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DossierDetail>();
}

const command = (session: Session, id: string, name: string, payload: Record<string, unknown> = {}) =>
  session.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/commands/${name}`, payload });

async function run(
  session: Session,
  id: string,
  name: string,
  payload: Record<string, unknown> = {},
): Promise<DossierDetail> {
  const res = await command(session, id, name, payload);
  expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
  return res.json<DossierDetail>();
}

const detail = async (session: Session, id: string): Promise<DossierDetail> => {
  const res = await session.inject(`/api/v1/dossiers/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DossierDetail>();
};

const SUPPLEMENT = {
  items: [{ item: 'Hợp đồng thuê nhà có công chứng', reason: 'Bản đã nộp không có chữ ký bên cho thuê' }],
};

/** A dossier of `session` received at the desk and sent back to the citizen for a supplement. */
async function waitingForSupplement(session: Session): Promise<DossierDetail> {
  const d = await filed(session);
  await run(oneStop, d.id, 'receive');
  return run(oneStop, d.id, 'request_supplement', SUPPLEMENT);
}

async function counts() {
  const [d] = await t.database.rows<{ d: string; c: string; a: string }>(
    sql`select (select count(*) from dossiers.dossiers)::text as d, (select coalesce(sum(last_seq), 0) from dossiers.code_counters)::text as c, (select count(*) from dossiers.attachments)::text as a`,
  );
  const files = existsSync(join(dataDir, 'files'))
    ? readdirSync(join(dataDir, 'files'), { recursive: true }).filter((f) => String(f).length > 60).length
    : 0;
  return { dossiers: Number(d!.d), codes: Number(d!.c), attachments: Number(d!.a), files };
}

/** Makes the database refuse inserts into `table` for rows matching `when` (a trigger condition on NEW) while `body` runs. */
async function refusingInserts<T>(table: 'dossiers' | 'attachments', when: string, body: () => Promise<T>): Promise<T> {
  const name = `test_refuse_${table}`;
  await t.database.rows(
    sql.raw(
      `create or replace function dossiers.${name}() returns trigger language plpgsql as $$ begin raise exception 'refused by the test trigger'; end $$`,
    ),
  );
  await t.database.rows(
    sql.raw(
      `create trigger ${name} before insert on dossiers.${table} for each row when (${when}) execute function dossiers.${name}()`,
    ),
  );
  try {
    return await body();
  } finally {
    await t.database.rows(sql.raw(`drop trigger if exists ${name} on dossiers.${table}`));
    await t.database.rows(sql.raw(`drop function if exists dossiers.${name}()`));
  }
}

const ids = (items: Array<{ id: string }>, among: readonly string[]) =>
  items
    .map((i) => i.id)
    .filter((id) => among.includes(id))
    .sort();

describe('a submission that fails after its files were stored leaves no file behind', () => {
  it('removes the new file of a filing whose insert the database refuses, keeps a file an earlier dossier holds', async () => {
    const shared = uniquePdf();
    const earlier = await filed(hoa, {}, [pdfPart(shared)]);
    expect(inStore(shared)).toBe(true);

    const fresh = uniquePdf();
    const before = await counts();
    const marker = `GAPS-REFUSE-${randomUUID()}`;
    const res = await refusingInserts('dossiers', `new.form->>'requestContent' = '${marker}'`, async () => {
      const form = await prefilledForm(hoa, marker);
      return submit(hoa, { form }, [pdfPart(fresh, 'moi.pdf'), pdfPart(shared, 'da-nop.pdf', 'file:written_consent')]);
    });

    expect(res.statusCode, res.body).toBe(500);
    expect(res.json<ApiError>().error.code).toBe('INTERNAL');
    expect(await counts()).toEqual(before); // no dossier, no code consumed, no attachment row, no file
    expect(inStore(fresh)).toBe(false);
    expect(inStore(shared)).toBe(true);
    const kept = await hoa.inject(`/api/v1/dossiers/${earlier.id}/attachments/${earlier.attachments[0]!.id}`);
    expect(kept.statusCode).toBe(200);
    expect(kept.rawPayload.equals(shared)).toBe(true);
  });

  it('removes the new file of a resubmission whose attachment insert fails, and leaves the dossier waiting', async () => {
    const shared = uniquePdf();
    const earlier = await filed(hoa, {}, [pdfPart(shared)]);
    const d = await waitingForSupplement(hoa);
    const fresh = uniquePdf();
    const before = await counts();
    const marker = `test-refuse-${randomUUID()}.pdf`;
    const res = await refusingInserts('attachments', `new.file_name = '${marker}'`, () =>
      hoa.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${d.id}/commands/resubmit`,
        ...multipart('command', { note: 'Đã bổ sung' }, [
          pdfPart(fresh, marker),
          pdfPart(shared, 'da-nop.pdf', 'file:written_consent'),
        ]),
      }),
    );

    expect(res.statusCode, res.body).toBe(500);
    expect(res.json<ApiError>().error.code).toBe('INTERNAL');
    expect(await counts()).toEqual(before);
    expect(inStore(fresh)).toBe(false);
    expect(inStore(shared)).toBe(true);
    const after = await detail(hoa, d.id);
    expect(after).toMatchObject({ state: 'supplement_requested', version: d.version, flag: 'paused' });
    expect(after.timeline).toEqual(d.timeline);
    expect(after.attachments).toEqual(d.attachments);
    expect(
      (await hoa.inject(`/api/v1/dossiers/${earlier.id}/attachments/${earlier.attachments[0]!.id}`)).statusCode,
    ).toBe(200);
  });
});

describe('a resubmission with bad attachments is refused and changes nothing', () => {
  it.each([
    [
      'a file of the wrong type (text renamed .pdf)',
      pdfPart(Buffer.from('chỉ là văn bản, không phải PDF'), 'hop-dong.pdf'),
      400,
      'DOSSIER.ATTACHMENT_INVALID',
    ],
    [
      'an oversize file',
      pdfPart(Buffer.concat([uniquePdf(), Buffer.alloc(ATTACHMENT_MAX_BYTES + 10)]), 'to-qua.pdf'),
      413,
      'DOSSIER.ATTACHMENT_TOO_LARGE',
    ],
  ] as const)(
    'refuses %s naming the file field; the dossier still waits for the citizen',
    async (_name, part, status, code) => {
      const d = await waitingForSupplement(hoa);
      const before = await counts();
      const res = await hoa.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${d.id}/commands/resubmit`,
        ...multipart('command', { note: 'Đã bổ sung hợp đồng' }, [part]),
      });
      expect(res.statusCode, res.body).toBe(status);
      const error = res.json<ApiError>().error;
      expect(error.code).toBe(code);
      expect(error.fields?.map((f) => f.field)).toEqual(['file:lawful_dwelling']);
      expect(await counts()).toEqual(before);
      const after = await detail(hoa, d.id);
      expect(after).toMatchObject({
        state: 'supplement_requested',
        version: d.version,
        pausedRemainingMinutes: d.pausedRemainingMinutes,
      });
      expect(after.attachments).toEqual(d.attachments);
      expect(after.allowedCommands).toEqual(['resubmit', 'withdraw']);
    },
  );
});

describe('the submission body is checked at the top level', () => {
  it('refuses an unknown top-level field with 400 naming it: no dossier, no code, no file', async () => {
    const before = await counts();
    const res = await submit(hoa, { hacker: true }, [pdfPart(uniquePdf())]);
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json<ApiError>().error;
    expect(error.code).toBe('VALIDATION.INVALID');
    expect(error.fields).toHaveLength(1);
    // The field is the unknown key; the message names it too, in both languages.
    const [problem] = error.fields ?? [];
    expect(problem?.field).toBe('hacker');
    expect(problem?.code).toBe('unrecognized_keys');
    expect(problem?.messageVi).toContain('"hacker"');
    expect(problem?.messageEn).toContain('"hacker"');
    expect(await counts()).toEqual(before);
  });

  it('refuses a wrong type at the top level (channel: 5) with 400 naming "channel"', async () => {
    const before = await counts();
    const res = await submit(hoa, { channel: 5 }, [pdfPart(uniquePdf())]);
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json<ApiError>().error;
    expect(error.code).toBe('VALIDATION.INVALID');
    expect(error.fields?.map((f) => f.field)).toEqual(['channel']);
    expect(await counts()).toEqual(before);
  });
});

describe('the e-ID level of the citizen', () => {
  it('refuses a level-1 citizen filing a level-2 procedure with exactly 403 DOSSIER.EID_LEVEL_FORBIDDEN', async () => {
    const level1 = await t.citizen({ nationalId: lowLevel.nationalId!, fullName: lowLevel.fullName }, 1);
    const before = await counts();
    const res = await submit(level1, {}, [pdfPart(uniquePdf())]);
    expect(res.statusCode, res.body).toBe(403);
    const error = res.json<ApiError>().error;
    expect(error.code).toBe('DOSSIER.EID_LEVEL_FORBIDDEN');
    expect(error.messageVi).toContain('mức độ 2');
    expect(error.messageEn).toContain('level 2');
    expect(await counts()).toEqual(before);
    expect((await level1.inject('/api/v1/dossiers/mine')).json<{ items: DossierSummary[] }>().items).toEqual([]);
  });
});

describe('the record of a refusal at intake', () => {
  it('keeps the actor role, unit, note, reason and legal basis in the timeline', async () => {
    const d = await filed(hoa);
    const refusal = {
      note: 'Đã hướng dẫn công dân nộp tại nơi cư trú',
      reason: 'Hồ sơ không thuộc thẩm quyền tiếp nhận',
      legalBasis: 'khoản 1 Điều 22 Luật Cư trú 2020',
    };
    const refused = await run(oneStop, d.id, 'refuse_intake', refusal);
    expect(refused.state).toBe('not_accepted');
    expect(refused.decidedAt).not.toBeNull();
    expect(refused.slips).toContain('refusal');

    const role = DEFAULT_ROLES.find((r) => r.code === 'one_stop_officer')!;
    const entry = {
      command: 'refuse_intake',
      fromState: 'submitted',
      toState: 'not_accepted',
      actorRole: 'one_stop_officer',
      actorRoleNameVi: role.nameVi,
      actorRoleNameEn: role.nameEn,
      actorUnitCode: '03445',
      ...refusal,
      items: null,
      dueAt: null,
    };
    const staffView = await detail(police, d.id);
    expect(staffView.timeline).toHaveLength(2);
    expect(staffView.timeline[0]).toMatchObject({
      command: 'submit',
      fromState: null,
      toState: 'submitted',
      actorRole: 'citizen',
      actorUnitCode: null,
    });
    expect(staffView.timeline[1]).toMatchObject(entry);
    // The citizen sees the same step (role and unit, no officer identity).
    const citizenView = await detail(hoa, d.id);
    expect(citizenView.timeline[1]).toMatchObject(entry);
    expect(JSON.stringify(citizenView.timeline)).not.toContain(oneStop.accountId);
    expect(citizenView.allowedCommands).toEqual([]);
  });
});

describe('the workqueues of the back office', () => {
  let queuedCitizen: Session;
  const d: Record<'fresh' | 'mine' | 'dueSoon' | 'overdue' | 'waiting', DossierDetail> = {} as never;
  let all: string[];

  const queue = async (session: Session, query: string): Promise<DossierSummary[]> => {
    const res = await session.inject(`/api/v1/dossiers?${query}&pageSize=100`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<{ items: DossierSummary[]; total: number }>();
    expect(page.total).toBeLessThanOrEqual(100); // every match is on the page
    return page.items;
  };
  const setDue = (id: string, due: string) =>
    t.database.rows(sql`update dossiers.dossiers set due_at = now() + ${due}::interval where id = ${id}`);

  beforeAll(async () => {
    queuedCitizen = await t.citizen({ nationalId: queued.nationalId!, fullName: queued.fullName }, 2);
    d.fresh = await filed(queuedCitizen);
    d.mine = await filed(queuedCitizen);
    d.dueSoon = await filed(queuedCitizen);
    d.overdue = await filed(queuedCitizen);
    d.waiting = await filed(queuedCitizen);
    // The commune police receives one (it becomes theirs); the one-stop desk receives the others (no assignee).
    d.mine = await run(police, d.mine.id, 'receive');
    expect(d.mine.assignedToMe).toBe(true);
    for (const k of ['dueSoon', 'overdue', 'waiting'] as const) d[k] = await run(oneStop, d[k].id, 'receive');
    d.waiting = await run(oneStop, d.waiting.id, 'request_supplement', SUPPLEMENT);
    await setDue(d.mine.id, '60 days'); // far from due even across Tết
    await setDue(d.dueSoon.id, '10 minutes');
    await setDue(d.overdue.id, '-1 day');
    await setDue(d.waiting.id, '-2 days'); // the clock is stopped while the citizen supplements: never overdue
    all = Object.values(d).map((x) => x.id);
  });

  it.each([
    ['new', ['fresh']],
    ['mine', ['mine']],
    ['due_soon', ['dueSoon']],
    ['overdue', ['overdue']],
    ['waiting_citizen', ['waiting']],
    ['all', ['fresh', 'mine', 'dueSoon', 'overdue', 'waiting']],
  ] as const)('queue=%s holds exactly the expected dossiers', async (name, expected) => {
    const items = await queue(police, `queue=${name}`);
    expect(ids(items, all)).toEqual(expected.map((k) => d[k].id).sort());
  });

  it('colours the dossiers by deadline', async () => {
    const items = await queue(police, 'queue=all');
    const flag = (k: keyof typeof d) => items.find((i) => i.id === d[k].id)?.flag;
    expect({
      dueSoon: flag('dueSoon'),
      overdue: flag('overdue'),
      waiting: flag('waiting'),
      mine: flag('mine'),
    }).toEqual({ dueSoon: 'due_soon', overdue: 'overdue', waiting: 'paused', mine: 'on_time' });
  });

  it('shows "mine" only to the officer the dossier is assigned to', async () => {
    expect(ids(await queue(oneStop, 'queue=mine'), all)).toEqual([]);
    const other = await t.staff('commune_police', '03445');
    expect(ids(await queue(other, 'queue=mine'), all)).toEqual([]);
  });

  it('filters by state, procedure code and dossier code', async () => {
    expect(ids(await queue(police, 'queue=all&state=received'), all)).toEqual(
      [d.mine.id, d.dueSoon.id, d.overdue.id].sort(),
    );
    expect(ids(await queue(police, 'queue=all&state=supplement_requested'), all)).toEqual([d.waiting.id]);
    expect(ids(await queue(police, `queue=all&procedureCode=${TEMP}`), all)).toEqual([...all].sort());
    expect(ids(await queue(police, 'queue=all&procedureCode=1.004222'), all)).toEqual([]);
    expect(ids(await queue(police, `queue=all&code=${encodeURIComponent(d.overdue.code!)}`), all)).toEqual([
      d.overdue.id,
    ]);
    const prefix = d.overdue.code!.slice(0, d.overdue.code!.lastIndexOf('-') + 1); // <agency>-YYMMDD-
    expect(ids(await queue(police, `queue=all&code=${encodeURIComponent(prefix)}`), all)).toEqual([...all].sort());
    expect(ids(await queue(police, 'queue=overdue&state=received'), all)).toEqual([d.overdue.id]);
    expect(ids(await queue(police, 'queue=all&code=03445.X'), all)).toEqual([]);
  });

  it('finds the dossiers of a person by ID number (in the body), in the officer’s commune only', async () => {
    const search = (session: Session, nationalId: string) =>
      session.inject({ method: 'POST', url: '/api/v1/dossiers/search', payload: { nationalId } });
    const res = await search(police, queued.nationalId!);
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json<{ items: DossierSummary[] }>()
        .items.map((i) => i.id)
        .sort(),
    ).toEqual([...all].sort());
    const elsewhere = await search(policeElsewhere, queued.nationalId!);
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.json<{ items: DossierSummary[] }>().items).toEqual([]);
    expect((await search(police, '012199999999')).json<{ items: DossierSummary[] }>().items).toEqual([]);
    const bad = await search(police, '1234');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ApiError>().error.fields?.[0]?.field).toBe('nationalId');
  });

  it('finds them by the applicant’s name typed without tone marks, words in order, in the officer’s commune only', async () => {
    const search = (session: Session, payload: object) =>
      session.inject({ method: 'POST', url: '/api/v1/dossiers/search', payload });
    const plain = queued.fullName.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    for (const typed of [
      queued.fullName,
      plain.toLowerCase(),
      plain.toUpperCase(),
      plain
        .split(' ')
        .filter((_, i, w) => i === 0 || i === w.length - 1)
        .join(' '),
    ]) {
      const res = await search(police, { name: typed });
      expect(res.statusCode, res.body).toBe(200);
      expect(ids(res.json<{ items: DossierSummary[] }>().items, all), typed).toEqual([...all].sort());
    }
    const reversed = plain.split(' ').reverse().join(' ');
    expect(ids((await search(police, { name: reversed })).json<{ items: DossierSummary[] }>().items, all)).toEqual([]);
    expect((await search(policeElsewhere, { name: plain })).json<{ items: DossierSummary[] }>().items).toEqual([]);
    const short = await search(police, { name: 'a' });
    expect(short.statusCode).toBe(400);
    expect(short.json<ApiError>().error.fields?.[0]?.field).toBe('name');
    const both = await search(police, { name: plain, nationalId: queued.nationalId });
    expect(both.statusCode).toBe(400);
    expect(both.json<ApiError>().error.fields?.[0]?.field).toBe('nationalId');
  });

  it('hides them from an officer of another commune, in every queue and by id (404)', async () => {
    for (const name of ['new', 'mine', 'due_soon', 'overdue', 'waiting_citizen', 'all']) {
      expect(ids(await queue(policeElsewhere, `queue=${name}`), all), name).toEqual([]);
    }
    expect(ids(await queue(policeElsewhere, 'queue=all&unitCode=03445'), all)).toEqual([]);
    expect((await policeElsewhere.inject(`/api/v1/dossiers/${d.overdue.id}`)).statusCode).toBe(404);
  });
});

describe('a new procedure version never changes filed dossiers (runs last: it replaces the version in force)', () => {
  let old: DossierDetail;
  let oldVersionId: string;
  let draft: DossierDetail;
  const newName = 'Đăng ký tạm trú (sửa đổi để kiểm thử)';

  beforeAll(async () => {
    oldVersionId = await versionInForce();
    old = await filed(hoa);
    expect(old.procedureVersionId).toBe(oldVersionId);
    // A draft saved under the old version, through the API (no files yet, no code, not submitted).
    const saved = await submit(hoa, { draft: true }, []);
    expect(saved.statusCode, saved.body).toBe(201);
    draft = await detail(hoa, saved.json<DossierDetail>().id);
    expect(draft).toMatchObject({
      state: 'draft',
      code: null,
      submittedAt: null,
      procedureVersionId: oldVersionId,
      allowedCommands: ['submit'],
    });
    const [row] = await t.database.rows<{ fee_is_sql_null: boolean }>(
      sql`select fee is null as fee_is_sql_null from dossiers.dossiers where id = ${draft.id}`,
    );
    expect(row!.fee_is_sql_null).toBe(draft.fee === null);
    const ref = (await loadReferenceProcedures()).find((p) => p.code === TEMP)!;
    const { code: _code, ...body } = ref;
    const { version, closed } = await createVersion(
      t.database.db,
      TEMP,
      {
        ...body,
        effectiveFrom: todayInVietnam(),
        effectiveTo: null,
        nameVi: newName,
        changeNote: 'Phiên bản mới để kiểm thử',
      },
      { createdBy: null },
    );
    expect(closed).toBe(oldVersionId);
    expect(await versionInForce()).toBe(version.id);
  });

  it('refuses a submission under the old version with 409 DOSSIER.PROCEDURE_VERSION_CONFLICT and writes nothing', async () => {
    const before = await counts();
    const res = await submit(hoa, { procedureVersionId: oldVersionId }, [pdfPart(uniquePdf())]);
    expect(res.statusCode, res.body).toBe(409);
    const error = res.json<ApiError>().error;
    expect(error.code).toBe('DOSSIER.PROCEDURE_VERSION_CONFLICT');
    expect(error.fields?.map((f) => f.field)).toEqual(['procedureVersionId']);
    expect(await counts()).toEqual(before);
  });

  it('refuses to submit a draft saved under the old version (409), leaving it a draft without a code', async () => {
    const before = await counts();
    const res = await hoa.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${draft.id}/commands/submit`,
      ...multipart('command', {}, [pdfPart(uniquePdf())]),
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<ApiError>().error.code).toBe('DOSSIER.PROCEDURE_VERSION_CONFLICT');
    expect(await counts()).toEqual(before);
    expect(await detail(hoa, draft.id)).toMatchObject({
      state: 'draft',
      code: null,
      version: draft.version,
      procedureVersionId: oldVersionId,
    });
  });

  it('keeps the filed dossier on its version, with its form and name, and lets it move on', async () => {
    const now = await detail(hoa, old.id);
    expect(now).toMatchObject({
      procedureVersionId: oldVersionId,
      procedureNameVi: old.procedureNameVi,
      state: 'submitted',
      version: old.version,
    });
    expect(now.procedureNameVi).not.toBe(newName);
    expect(now.form).toEqual(old.form);
    expect((await run(police, old.id, 'receive')).procedureVersionId).toBe(oldVersionId);
  });

  it('files under the new version once the form is reloaded', async () => {
    const d = await filed(hoa);
    expect(d.procedureVersionId).not.toBe(oldVersionId);
    expect(d.procedureNameVi).toBe(newName);
  });
});
