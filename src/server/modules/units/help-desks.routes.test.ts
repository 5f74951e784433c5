import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import type { HelpDeskHistory, HelpDeskList, HelpDeskRecord } from '../../../contracts/help-desks';

// Help desks through HTTP on the real database: the public reads what holds on a day, a
// province administrator records, replaces and closes rows, and no row is ever overwritten.
// Numbers here are synthetic: subscriber numbers beginning with 0 are never assigned.

let t: TestApp;
let admin: Session;
let muongTeAdmin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.staff('admin', '12');
  muongTeAdmin = await t.staff('admin', '03445');
});
afterAll(async () => t?.close());

const desks = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/units/help-desks?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  return res.json<HelpDeskList>().items;
};
const post = (session: Session, url: string, payload: object) =>
  session.inject({ method: 'POST', url: `/api/v1/units/help-desks${url}`, payload });
const fieldOf = (body: string) =>
  (JSON.parse(body) as { error: { fields?: Array<{ field: string; messageVi: string; messageEn: string }> } }).error
    .fields?.[0];

const centre = {
  unitCode: '12',
  kind: 'service_centre',
  name: 'Trung tâm Phục vụ hành chính công tỉnh Lai Châu (thử nghiệm)',
  address: 'Tầng 1, tòa nhà thử nghiệm, phường Tân Phong, tỉnh Lai Châu',
  phone: '1800 0000',
  email: 'trungtam@example.org',
  openingHours: 'Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00',
  source: 'Dữ liệu thử nghiệm',
  validFrom: '2026-01-01',
};
const counter = {
  ...centre,
  unitCode: '03388',
  kind: 'one_stop_counter',
  name: 'Bộ phận Một cửa phường Đoàn Kết (thử nghiệm)',
  phone: '0213 0000 001',
  email: null,
};

describe('help desks: the public read', () => {
  it('answers a commune with no desk recorded with an empty list, never an invented number', async () => {
    expect(await desks('unit=03445')).toEqual([]);
  });

  it("gives a commune's desk first, then the province's centre, as recorded", async () => {
    expect((await post(admin, '', centre)).statusCode).toBe(201);
    const res = await post(admin, '', counter);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<HelpDeskRecord>()).toMatchObject({ phone: '02130000001', recordedByName: 'Test admin' });
    const items = await desks('unit=03388&asOf=2026-06-01');
    expect(items.map((d) => [d.unitCode, d.kind, d.unitLevel])).toEqual([
      ['03388', 'one_stop_counter', 'commune'],
      ['12', 'service_centre', 'province'],
    ]);
    expect(items[0]).toMatchObject({ unitName: 'Phường Đoàn Kết', phone: '02130000001', email: null });
    expect(items[1]).toMatchObject({ phone: '18000000', email: 'trungtam@example.org' });
    expect(items[0]).not.toHaveProperty('recordedByName'); // who recorded a row is for administrators
    // Without a unit: the province's own; before the rows start: nothing.
    expect((await desks('')).map((d) => d.unitCode)).toEqual(['12']);
    expect(await desks('unit=03388&asOf=2025-12-31')).toEqual([]);
  });

  it.each([
    ['unit=99999', 404],
    ['unit=abc', 400],
    ['unit=03388&asOf=2026-02-30', 400],
  ])('answers %s with %i, not a 500', async (query, status) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/units/help-desks?${query}` });
    expect(res.statusCode).toBe(status);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('help desks: validation, bilingual and naming the field', () => {
  it.each([
    [{ phone: '0213 333' }, 'phone'],
    [{ phone: '+1 212 555 0100' }, 'phone'],
    [{ phone: '0213-abc-4567' }, 'phone'],
    [{ email: 'mot cua@example.org' }, 'email'],
    [{ email: 'motcua@' }, 'email'],
    [{ name: '  ' }, 'name'],
    [{ source: '' }, 'source'],
    [{ validFrom: '2026-13-01' }, 'validFrom'],
    [{ unitCode: '99999' }, 'unitCode'],
    [{ unitCode: '105' }, 'unitCode'], // Thành phố Lai Châu, abolished on 30/06/2025
    [{ unitCode: '12', kind: 'one_stop_counter' }, 'kind'],
    [{ kind: 'hotline' }, 'kind'],
  ])('refuses %j with a 400 naming %s', async (change, field) => {
    const res = await post(admin, '', { ...counter, unitCode: '03445', ...change });
    expect(res.statusCode, res.body).toBe(400);
    const problem = fieldOf(res.body);
    expect(problem?.field).toContain(field);
    expect(problem?.messageVi).toBeTruthy();
    expect(problem?.messageEn).toBeTruthy();
    expect(problem?.messageVi).not.toBe(problem?.messageEn);
  });

  it('refuses a second desk of the same kind over the same days with a 409 naming the one that holds', async () => {
    const res = await post(admin, '', { ...counter, validFrom: '2026-03-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { messageVi: string } }>().error.messageVi).toContain('Bộ phận Một cửa phường Đoàn Kết');
  });
});

describe('help desks: history kept, never overwritten', () => {
  let police: HelpDeskRecord;
  beforeAll(async () => {
    const res = await post(admin, '', {
      ...counter,
      kind: 'police',
      name: 'Công an phường Đoàn Kết (thử nghiệm)',
      phone: '0213 0000 113',
    });
    police = res.json<HelpDeskRecord>();
  });

  it('replaces a desk from a day: the old row closes the day before and stays in the history', async () => {
    const res = await post(admin, `/${police.id}/replace`, {
      ...counter,
      name: 'Công an phường Đoàn Kết (thử nghiệm, trụ sở mới)',
      phone: '0213 0000 114',
      validFrom: '2026-09-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { closed, desk } = res.json<{ closed: HelpDeskRecord; desk: HelpDeskRecord }>();
    expect(closed).toMatchObject({ id: police.id, validTo: '2026-08-31', replacedById: desk.id, phone: '02130000113' });
    expect(desk).toMatchObject({ kind: 'police', unitCode: '03388', validFrom: '2026-09-01', validTo: null });
    const phoneOn = async (day: string) =>
      (await desks(`unit=03388&asOf=${day}`)).find((d) => d.kind === 'police')?.phone;
    expect(await phoneOn('2026-08-31')).toBe('02130000113');
    expect(await phoneOn('2026-09-01')).toBe('02130000114');

    const history = await admin.inject(`/api/v1/units/help-desks/history?unit=03388`);
    expect(history.statusCode).toBe(200);
    expect(history.headers['cache-control']).toBe('no-store');
    const rows = history.json<HelpDeskHistory>().items.filter((r) => r.kind === 'police');
    expect(rows.map((r) => [r.validFrom, r.validTo, r.closedByName])).toEqual([
      ['2026-09-01', null, null],
      ['2026-01-01', '2026-08-31', 'Test admin'],
    ]);
    // A closed row is closed for good.
    expect((await post(admin, `/${police.id}/replace`, { ...counter, validFrom: '2026-10-01' })).statusCode).toBe(409);
    expect((await post(admin, `/${police.id}/close`, { lastDay: '2026-10-01' })).statusCode).toBe(409);
  });

  it('closes a desk on its last day; the day after, the public sees none of its kind', async () => {
    const open = (await desks('unit=03388&asOf=2026-09-01')).find((d) => d.kind === 'police')!;
    expect((await post(admin, `/${open.id}/close`, { lastDay: '2026-12-31' })).statusCode).toBe(200);
    expect((await desks('unit=03388&asOf=2026-12-31')).some((d) => d.kind === 'police')).toBe(true);
    expect((await desks('unit=03388&asOf=2027-01-01')).some((d) => d.kind === 'police')).toBe(false);
  });

  it('withdraws a row recorded by mistake by closing it the day before it starts, and no earlier', async () => {
    const res = await post(muongTeAdmin, '', {
      ...counter,
      unitCode: '03445',
      name: 'Bộ phận Một cửa xã Mường Tè (sai)',
    });
    const wrong = res.json<HelpDeskRecord>();
    const tooEarly = await post(muongTeAdmin, `/${wrong.id}/close`, { lastDay: '2025-12-30' });
    expect(tooEarly.statusCode).toBe(400);
    expect(fieldOf(tooEarly.body)?.field).toBe('lastDay');
    expect((await post(muongTeAdmin, `/${wrong.id}/close`, { lastDay: '2025-12-31' })).statusCode).toBe(200);
    expect(await desks('unit=03445&asOf=2026-01-01')).toHaveLength(1); // the province's centre only
    // The same days are free again for the right row.
    const right = await post(muongTeAdmin, '', { ...counter, unitCode: '03445', name: 'Bộ phận Một cửa xã Mường Tè' });
    expect(right.statusCode, right.body).toBe(201);
  });

  it('refuses, in the database itself, to edit or delete a recorded row', async () => {
    const [row] = (await desks('unit=03388&asOf=2026-06-01')).filter((d) => d.kind === 'one_stop_counter');
    await expect(
      t.database.db.execute(sql`update units.help_desks set phone = '0912345678' where id = ${row!.id}`),
    ).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from units.help_desks where id = ${row!.id}`)).rejects.toThrow();
  });
});

describe("help desks: an administrator's units", () => {
  it("lets a commune's administrator manage their commune only: 403 for another's, 404 for its rows", async () => {
    const other = await post(muongTeAdmin, '', { ...counter, kind: 'police', validFrom: '2027-06-01' });
    expect(other.statusCode).toBe(403);
    expect(other.json<{ error: { code: string } }>().error.code).toBe('HELP_DESK.FORBIDDEN');
    const doanKet = (await desks('unit=03388&asOf=2026-06-01')).find((d) => d.kind === 'one_stop_counter')!;
    expect((await post(muongTeAdmin, `/${doanKet.id}/close`, { lastDay: '2027-01-01' })).statusCode).toBe(404);
    expect((await muongTeAdmin.inject('/api/v1/units/help-desks/history?unit=03388')).statusCode).toBe(403);
    expect((await muongTeAdmin.inject('/api/v1/units/help-desks/history?unit=03445')).statusCode).toBe(200);
  });

  it('answers an unknown row with a 404', async () => {
    const res = await post(admin, '/8f14e45f-ceea-467f-a0e6-0123456789ab/close', { lastDay: '2027-01-01' });
    expect(res.statusCode).toBe(404);
  });
});
