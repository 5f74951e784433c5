import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { multipart } from '../../../../test/multipart';
import type { CounterDeviceState } from '../../../contracts/counter';
import type { AssistedFilings, DossierDetail } from '../../../contracts/dossiers';
import { copyRegistryBatch } from '../population';
import { seedProcedures } from '../procedures';
import { seedCalendar } from '../calendar';
import { seedFeeLists } from '../fees';

const MUONG_TE = '03445';
const DOAN_KET = '03388';
const TEMP = '1.004194'; // Đăng ký tạm trú
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const DEVICE = 'dvc06_counter_device';

let t: TestApp;
let officer: Session; // one-stop officer of Mường Tè
let doanKet: Session; // one-stop officer of Đoàn Kết
let leader: Session; // province-wide reader, records no visits
let citizen: Session;
let versionId: string;
const person = makePerson({
  id: randomUUID(),
  nationalId: '012192000201',
  idCardNumber: '012192000201',
  fullName: 'Lò Thị Phương',
  phone: '0912000201',
});

beforeAll(async () => {
  t = await createTestApp({
    DATA_DIR: join(process.cwd(), '.tmp', `counter-devices-${randomUUID()}`),
    LOG_LEVEL: 'error',
  });
  await seedProcedures(t.database.db);
  await seedCalendar(t.database.db);
  await seedFeeLists(t.database.db);
  await copyRegistryBatch(t.database, makeHousehold(MUONG_TE, [person]));
  officer = await t.staff('one_stop_officer', MUONG_TE);
  doanKet = await t.staff('one_stop_officer', DOAN_KET);
  leader = await t.staff('leader', '12');
  citizen = await t.citizen({ nationalId: person.nationalId!, fullName: person.fullName }, 2);
  versionId = (await t.app.inject(`/api/v1/procedures/${TEMP}`)).json<{ id: string }>().id;
});
afterAll(async () => t?.close());

/** The session's cookie plus the device cookie `device` (name=value), as one browser sends them. */
const withDevice = (s: Session, device: string | undefined) => ({
  cookie: device ? `${s.cookie}; ${device}` : s.cookie,
});

async function startDevice(s: Session, payload: object = { counterLabel: 'Quầy 2' }) {
  const res = await s.inject({ method: 'POST', url: '/api/v1/counter/device', payload });
  const set = res.cookies.find((c) => c.name === DEVICE);
  return { res, set, cookie: set ? `${DEVICE}=${set.value}` : undefined };
}

/** What the filing page asks: is the signed-in citizen's browser a counter device? */
const deviceOf = async (cookie: string | undefined) =>
  (
    await citizen.inject({ url: '/api/v1/counter/device', headers: withDevice(citizen, cookie) })
  ).json<CounterDeviceState>().device;

/** The citizen files a temporary residence registration from a browser holding `device` (or none). */
async function file(device: string | undefined, channel: 'online' | 'assisted' = 'online') {
  const prefill = await citizen.inject(`/api/v1/procedures/${TEMP}/prefill`);
  const form = {
    ...prefill.json<{ values: Record<string, unknown> }>().values,
    addressCommune: '03445',
    addressVillage: 'Tổ 5',
    requestContent: 'Đăng ký tạm trú để làm việc tại xã Mường Tè',
  };
  const mp = multipart('dossier', { procedureCode: TEMP, procedureVersionId: versionId, form, channel }, [
    { field: 'file:lawful_dwelling', name: 'hop-dong.pdf', type: 'application/pdf', data: PDF },
  ]);
  return citizen.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    payload: mp.payload,
    headers: { ...mp.headers, ...withDevice(citizen, device) },
  });
}

const dossierCount = async () =>
  Number((await t.database.rows<{ n: string }>(sql`select count(*)::text as n from dossiers.dossiers`))[0]!.n);

describe('counter devices: citizens file on a counter browser with an officer’s guidance (channel "assisted")', () => {
  it('an ordinary browser is no device; the question needs a signed-in account', async () => {
    expect(await deviceOf(undefined)).toBeNull();
    expect((await t.app.inject('/api/v1/counter/device')).statusCode).toBe(401);
  });

  it('only an officer who records counter visits in the unit may set a device up', async () => {
    expect((await startDevice(citizen)).res.statusCode).toBe(403);
    expect((await startDevice(leader)).res.statusCode).toBe(403);
    const elsewhere = await startDevice(doanKet, { unitCode: MUONG_TE, counterLabel: 'Quầy 1' });
    expect(elsewhere.res.statusCode).toBe(403);
    expect(elsewhere.set).toBeUndefined();
    const blank = await startDevice(officer, { counterLabel: '  ' });
    expect(blank.res.statusCode).toBe(400);
    expect(blank.res.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]?.field).toBe(
      'counterLabel',
    );
  });

  it('sets a signed, http-only cookie until the end of the day in Vietnam and names the counter and the officer', async () => {
    const { res, set, cookie } = await startDevice(officer);
    expect(res.statusCode, res.body).toBe(201);
    expect(set).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(set!.value).toMatch(/^[0-9a-f-]{36}\.\S{20,}$/); // the id and its signature
    const device = await deviceOf(cookie);
    expect(device).toMatchObject({
      unitCode: MUONG_TE,
      unitName: 'Xã Mường Tè',
      counterLabel: 'Quầy 2',
      officerName: 'Test one_stop_officer',
    });
    const endOfDay = new Date(`${new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)}T23:59:59.999+07:00`);
    expect(device!.expiresAt).toBe(endOfDay.toISOString());
    expect(set!.maxAge).toBeLessThanOrEqual(Math.ceil((endOfDay.getTime() - Date.now()) / 1000));
  });

  it('ignores a forged or edited cookie', async () => {
    const { set } = await startDevice(officer);
    const [id, signature] = set!.value.split('.');
    expect(await deviceOf(`${DEVICE}=${id}`)).toBeNull();
    expect(await deviceOf(`${DEVICE}=${randomUUID()}.${signature}`)).toBeNull();
    expect(await deviceOf(`${DEVICE}=${id}.${signature!.slice(1)}x`)).toBeNull();
  });

  it('records a filing on the device as assisted, with the counter and the guiding officer', async () => {
    const { cookie } = await startDevice(officer);
    const res = await file(cookie, 'online');
    expect(res.statusCode, res.body).toBe(201);
    const dossier = res.json<DossierDetail>();
    expect(dossier.channel).toBe('assisted');
    expect(dossier.assistedBy).toEqual({
      unitCode: MUONG_TE,
      counterLabel: 'Quầy 2',
      officerName: 'Test one_stop_officer',
    });
    const [row] = await t.database.rows<{ assisted_by: { officerAccountId: string } }>(
      sql`select assisted_by from dossiers.dossiers where id = ${dossier.id}`,
    );
    expect(row!.assisted_by.officerAccountId).toBe(officer.accountId);
  });

  it('lists the day’s filings on the unit’s counter devices for the counter log, to the unit’s officers only', async () => {
    const { cookie } = await startDevice(officer, { counterLabel: 'Quầy 5' });
    const filed = (await file(cookie)).json<DossierDetail>();
    const online = (await file(undefined)).json<DossierDetail>();
    const list = async (s: Session, query: string) => s.inject(`/api/v1/dossiers/assisted${query}`);
    const res = await list(officer, `?unitCode=${MUONG_TE}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<AssistedFilings>().items;
    expect(items[0]).toMatchObject({
      id: filed.id,
      code: filed.code,
      procedureCode: TEMP,
      applicantName: person.fullName,
      unitCode: MUONG_TE,
      counterLabel: 'Quầy 5',
      officerName: 'Test one_stop_officer',
    });
    expect(items.map((i) => i.id)).not.toContain(online.id);
    expect((await list(officer, '')).json<AssistedFilings>().items.map((i) => i.id)).toContain(filed.id);
    expect((await list(officer, '?date=2020-01-01')).json<AssistedFilings>().items).toEqual([]);
    const elsewhere = await list(doanKet, `?unitCode=${MUONG_TE}`);
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]?.field).toBe('unitCode');
    expect((await list(doanKet, '')).json<AssistedFilings>().items.map((i) => i.id)).not.toContain(filed.id);
    expect((await list(citizen, '')).statusCode).toBe(403);
    expect((await list(officer, '?date=27/11/2026')).statusCode).toBe(400);
  });

  it('refuses "assisted" from an ordinary browser and writes nothing; an online filing there stays online', async () => {
    const before = await dossierCount();
    const res = await file(undefined, 'assisted');
    expect(res.statusCode).toBe(400);
    const problem = res.json<{ error: { fields: Array<{ field: string; messageVi: string; messageEn: string }> } }>()
      .error.fields[0];
    expect(problem?.field).toBe('channel');
    expect(problem?.messageVi).toContain('thiết bị tại Bộ phận một cửa');
    expect(problem?.messageEn).toContain('counter device');
    expect(await dossierCount()).toBe(before);
    const online = await file(undefined, 'online');
    expect(online.statusCode, online.body).toBe(201);
    expect(online.json<DossierDetail>()).toMatchObject({ channel: 'online', assistedBy: null });
  });

  it('turned off by an officer, or past its day, the browser is no device again', async () => {
    const { cookie } = await startDevice(officer);
    const off = await officer.inject({
      method: 'DELETE',
      url: '/api/v1/counter/device',
      headers: withDevice(officer, cookie),
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.cookies.find((c) => c.name === DEVICE)?.value).toBe('');
    expect(await deviceOf(cookie)).toBeNull();
    expect((await file(cookie, 'online')).json<DossierDetail>().channel).toBe('online');

    const old = await startDevice(officer);
    const id = old.set!.value.split('.')[0]!;
    await t.database.rows(
      sql`update counter.devices set started_at = now() - interval '2 days', expires_at = now() - interval '1 day' where id = ${id}`,
    );
    expect(await deviceOf(old.cookie)).toBeNull();
  });
});
