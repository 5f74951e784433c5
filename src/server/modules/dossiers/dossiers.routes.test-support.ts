import { afterAll, beforeAll, expect } from 'vitest';
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

/* Shared setup of the dossier HTTP tests (dossiers.routes*.test.ts): one app per test file, its sessions, filing helpers. */

export const TEMP = '1.004194'; // Đăng ký tạm trú
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1a6e90000000049454e44ae426082',
  'hex',
);

export let t: TestApp;
export let dataDir: string;
export let citizen: Session;
export let levelOne: Session;
export let police: Session;
export let policeElsewhere: Session;
export let oneStop: Session;
export const mai = makePerson({
  id: randomUUID(),
  nationalId: '012190000101',
  idCardNumber: '012190000101',
  fullName: 'Lò Thị Mai',
  phone: '0912345678',
});
export const su = makePerson({
  id: randomUUID(),
  nationalId: '012085000102',
  idCardNumber: '012085000102',
  fullName: 'Giàng A Sử',
  birthYear: 1985,
  birthDate: '1985-01-01',
  sex: 'male',
  eIdLevel: 1,
});
export let versionId: string;

/** One app and database per test file: the registry people, sessions and the procedure version above. */
export function useDossierApp(): void {
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
}

export async function prefilledForm(session: Session): Promise<Record<string, unknown>> {
  const res = await session.inject(`/api/v1/procedures/${TEMP}/prefill`);
  expect(res.statusCode, res.body).toBe(200);
  const { values } = res.json<{ values: Record<string, unknown> }>();
  return {
    ...values,
    addressCommune: '03445',
    addressVillage: 'Tổ 5',
    requestContent: 'Đăng ký tạm trú để làm việc tại xã Mường Tè',
  };
}

/**
 * The form for another version than today's: versions before 5/12/2026 ask the new address as one
 * line of text, later ones as commune + village (+ house).
 */
async function formFor(procedureVersionId: string, form: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (procedureVersionId === versionId) return form;
  const res = await t.app.inject(`/api/v1/procedures/versions/${procedureVersionId}`);
  if (res.statusCode !== 200) return form; // an unknown version: the filing is refused for it
  if ('addressCommune' in res.json<{ form: { fields: Record<string, unknown> } }>().form.fields) return form;
  const { addressCommune: _c, addressVillage: _v, addressStreet: _s, ...rest } = form;
  return { ...rest, address: 'Tổ 5, xã Mường Tè, tỉnh Lai Châu' };
}

export async function file(
  session: Session,
  overrides: Record<string, unknown> = {},
  files = [{ field: 'file:lawful_dwelling', name: 'hop-dong-thue-nha.pdf', type: 'application/pdf', data: PDF }],
) {
  const procedureVersionId = (overrides.procedureVersionId as string | undefined) ?? versionId;
  const body = {
    procedureCode: TEMP,
    procedureVersionId,
    form: await formFor(procedureVersionId, await prefilledForm(session)),
    channel: 'online',
    ...overrides,
  };
  const mp = multipart('dossier', body, files);
  return session.inject({ method: 'POST', url: '/api/v1/dossiers', ...mp });
}

export const command = (session: Session, id: string, name: string, payload: Record<string, unknown> = {}) =>
  session.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/commands/${name}`, payload });

export async function counts() {
  const [d] = await t.database.rows<{ d: string; c: string }>(
    sql`select (select count(*) from dossiers.dossiers)::text as d, (select coalesce(sum(last_seq), 0) from dossiers.code_counters)::text as c`,
  );
  const files = existsSync(join(dataDir, 'files'))
    ? readdirSync(join(dataDir, 'files'), { recursive: true }).filter((f) => String(f).length > 60).length
    : 0;
  return { dossiers: Number(d!.d), codes: Number(d!.c), files };
}
