import { afterAll, beforeAll, expect } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { multipart, type FilePart } from '../../../../test/multipart';
import { copyRegistryBatch } from '../population';
import { seedProcedures } from '../procedures';
import { seedCalendar } from '../calendar';
import { seedFeeLists } from '../fees';
import { type DossierDetail } from '../../../contracts/dossiers';

/* Shared setup of dossiers.requirements*.test.ts: one app per test file, its sessions, filing helpers. */

export const TEMP = '1.004194'; // Đăng ký tạm trú (requires e-ID level 2, handled by the commune police)
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export interface ApiError {
  error: {
    code: string;
    messageVi: string;
    messageEn: string;
    fields?: Array<{ field: string; code: string; messageVi: string; messageEn: string }>;
  };
}
export type Part = FilePart;

export let t: TestApp;
export let dataDir: string;
export let hoa: Session; // citizen, e-ID level 2, Mường Tè (fee exempt: Thái in an extremely difficult commune)
export let police: Session;
export let policeElsewhere: Session;
export let oneStop: Session;

export const filer = makePerson({
  id: randomUUID(),
  nationalId: '012199000101',
  idCardNumber: '012199000101',
  fullName: 'Lò Thị Hoa',
  phone: '0912199101',
});
export const lowLevel = makePerson({
  id: randomUUID(),
  nationalId: '012199000201',
  idCardNumber: '012199000201',
  fullName: 'Giàng A Páo',
  sex: 'male',
  birthYear: 1988,
  birthDate: '1988-08-08',
  eIdLevel: 1,
});
export const queued = makePerson({
  id: randomUUID(),
  nationalId: '012199000301',
  idCardNumber: '012199000301',
  fullName: 'Lò Văn Quang',
  sex: 'male',
  birthYear: 1992,
  birthDate: '1992-02-02',
  phone: '0912199301',
});

/** One app and database per test file: the registry people and sessions above. */
export function useRequirementsApp(): void {
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
}

/** The id of the version of TEMP in force today (it changes in the stale-version tests). */
export async function versionInForce(): Promise<string> {
  const res = await t.app.inject(`/api/v1/procedures/${TEMP}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: string }>().id;
}

export async function prefilledForm(
  session: Session,
  content = 'Đăng ký tạm trú để làm việc tại xã Mường Tè',
): Promise<Record<string, unknown>> {
  const res = await session.inject(`/api/v1/procedures/${TEMP}/prefill`);
  expect(res.statusCode, res.body).toBe(200);
  const { values } = res.json<{ values: Record<string, unknown> }>();
  return { ...values, addressCommune: '03445', addressVillage: 'Tổ 5', requestContent: content };
}

/** A valid PDF whose bytes (and so SHA-256) no other file has. */
export const uniquePdf = (): Buffer =>
  Buffer.from(`%PDF-1.4\n% requirements ${randomUUID()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
export const inStore = (data: Buffer): boolean => {
  const h = sha256(data);
  return existsSync(join(dataDir, 'files', h.slice(0, 2), h.slice(2, 4), h));
};
export const pdfPart = (data: Buffer, name = 'hop-dong-thue-nha.pdf', field = 'file:lawful_dwelling'): Part => ({
  field,
  name,
  type: 'application/pdf',
  data,
});

export async function submit(
  session: Session,
  overrides: Record<string, unknown> = {},
  files: Part[] = [pdfPart(PDF)],
) {
  const body = {
    procedureCode: TEMP,
    procedureVersionId: await versionInForce(),
    form: await prefilledForm(session),
    channel: 'online',
    ...overrides,
  };
  return session.inject({ method: 'POST', url: '/api/v1/dossiers', ...multipart('dossier', body, files) });
}

export async function filed(
  session: Session,
  overrides: Record<string, unknown> = {},
  files?: Part[],
): Promise<DossierDetail> {
  const res = await submit(session, overrides, files);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DossierDetail>();
}

export const command = (session: Session, id: string, name: string, payload: Record<string, unknown> = {}) =>
  session.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/commands/${name}`, payload });

export async function run(
  session: Session,
  id: string,
  name: string,
  payload: Record<string, unknown> = {},
): Promise<DossierDetail> {
  const res = await command(session, id, name, payload);
  expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
  return res.json<DossierDetail>();
}

export const detail = async (session: Session, id: string): Promise<DossierDetail> => {
  const res = await session.inject(`/api/v1/dossiers/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DossierDetail>();
};

export const SUPPLEMENT = {
  items: [{ item: 'Hợp đồng thuê nhà có công chứng', reason: 'Bản đã nộp không có chữ ký bên cho thuê' }],
};

/** A dossier of `session` received at the desk and sent back to the citizen for a supplement. */
export async function waitingForSupplement(session: Session): Promise<DossierDetail> {
  const d = await filed(session);
  await run(oneStop, d.id, 'receive');
  return run(oneStop, d.id, 'request_supplement', SUPPLEMENT);
}

export async function counts() {
  const [d] = await t.database.rows<{ d: string; c: string; a: string }>(
    sql`select (select count(*) from dossiers.dossiers)::text as d, (select coalesce(sum(last_seq), 0) from dossiers.code_counters)::text as c, (select count(*) from dossiers.attachments)::text as a`,
  );
  const files = existsSync(join(dataDir, 'files'))
    ? readdirSync(join(dataDir, 'files'), { recursive: true }).filter((f) => String(f).length > 60).length
    : 0;
  return { dossiers: Number(d!.d), codes: Number(d!.c), attachments: Number(d!.a), files };
}

/** Makes the database refuse inserts into `table` for rows matching `when` (a trigger condition on NEW) while `body` runs. */
export async function refusingInserts<T>(
  table: 'dossiers' | 'attachments',
  when: string,
  body: () => Promise<T>,
): Promise<T> {
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

export const ids = (items: Array<{ id: string }>, among: readonly string[]) =>
  items
    .map((i) => i.id)
    .filter((id) => among.includes(id))
    .sort();
