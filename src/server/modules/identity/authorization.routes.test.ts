import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { copyRegistryBatch } from '../population';
import { DEFAULT_ROLES, type Action } from './permissions';

let t: TestApp;
const sessions = new Map<string, Session>();
const inDoanKet = makePerson({
  id: randomUUID(),
  nationalId: '012085000123',
  idCardNumber: '012085000123',
  fullName: 'Giàng A Páo',
  birthDate: '1985-07-02',
  birthYear: 1985,
  sex: 'male',
});
const inMuongTe = makePerson({ id: randomUUID(), nationalId: '012190000001', fullName: 'Lò Thị Thuỷ' });

beforeAll(async () => {
  t = await createTestApp();
  await copyRegistryBatch(t.database, makeHousehold('03388', [inDoanKet]));
  await copyRegistryBatch(t.database, makeHousehold('03445', [inMuongTe]));
  for (const r of DEFAULT_ROLES.filter((x) => x.staff))
    sessions.set(r.code, await t.staff(r.code, '12', r.needsSector ? 'health_insurance' : undefined));
});
afterAll(async () => t?.close());

/** One representative request per protected action. */
const probes: Array<{ action: Action; method: 'GET' | 'POST'; url: () => string; payload?: object }> = [
  {
    action: 'population.person.search',
    method: 'POST',
    url: () => '/api/v1/population/persons/search',
    payload: { name: 'giang' },
  },
  {
    action: 'population.person.read',
    method: 'GET',
    url: () => `/api/v1/population/persons/${inDoanKet.id}?purpose=data_cleaning`,
  },
  { action: 'population.quality.read', method: 'GET', url: () => '/api/v1/population/quality/report' },
  { action: 'population.quality.run', method: 'POST', url: () => '/api/v1/population/quality/runs', payload: {} },
  { action: 'identity.users.read', method: 'GET', url: () => '/api/v1/identity/users' },
  {
    action: 'identity.users.manage',
    method: 'POST',
    url: () => '/api/v1/identity/users',
    payload: { username: `u${Math.random().toString(36).slice(2, 8)}`, displayName: 'Người thử' },
  },
  { action: 'audit.chain.verify', method: 'POST', url: () => '/api/v1/audit/chain/verify', payload: {} },
  { action: 'citizen.self.read', method: 'GET', url: () => '/api/v1/audit/me/access-log' },
  { action: 'overview.read', method: 'GET', url: () => '/api/v1/overview' },
];

describe('every route declares an action', () => {
  it('has no route without one, and all API routes but a few public ones are protected', () => {
    expect(t.app.routeActions.length).toBeGreaterThan(20);
    expect(t.app.routeActions.every((r) => typeof r.action === 'string')).toBe(true);
    const publicApi = t.app.routeActions
      .filter((r) => r.url.startsWith('/api/v1/') && r.action === 'public')
      .map((r) => `${r.method} ${r.url}`);
    // Public by design: reference data (units, the help desks in force, the procedure catalog, working-day calculations),
    // sign-in, the ID-number check,
    // the dossier status lookup (code + ID number, rate-limited), the payment gateway's IPN (signed) and browser return,
    // the check of an electronic fee receipt by the unguessable token its QR code carries (no payer data), and the
    // check of a result document by its QR code's unguessable token (what it certified, the ID number masked), and the
    // portal's counts of dossiers filed per procedure (numbers only, no one's data).
    // Anything else public is a mistake.
    const allowed =
      /\/units(\/|\/tree|\/geojson|\/help-desks|\/:code|\/:code\/(successors|predecessors))?$|\/auth\/(me|login|eid)|validate-id|\/calendar\/(deadline|working-days)$|\/procedures(\/$|$|\/versions\/:id$|\/:code$|\/:code\/(form|prefill-stats)$)|\/dossiers\/(status-lookup|results\/:token|popular)$|\/payments\/gateway\/(ipn|return)$|\/payments\/receipts\/:token$/;
    expect(publicApi.filter((r) => !allowed.test(r))).toEqual([]);
  });

  it('refuses to build an app with a route that declares none', async () => {
    const { default: Fastify } = await import('fastify');
    const { registerAuthHooks } = await import('./auth-hooks');
    const app = Fastify();
    await registerAuthHooks(app, { config: (await import('../../../../test/db')).testConfig(), database: t.database });
    expect(() => app.get('/api/v1/forgotten', async () => 'x')).toThrow(/declares no action/);
    await app.close();
  });
});

describe('role × action over HTTP', () => {
  const cases = DEFAULT_ROLES.filter((r) => r.staff).flatMap((r) =>
    probes.map((p) => [r.code, p.action, r.actions.includes(p.action)] as const),
  );
  it.each(cases)('%s → %s allowed: %s', async (role, action, allowed) => {
    const probe = probes.find((p) => p.action === action)!;
    const res = await sessions.get(role)!.inject({ method: probe.method, url: probe.url(), payload: probe.payload });
    if (allowed)
      expect([401, 403], res.body).not.toContain(res.statusCode); // allowed: past authorization (e.g. a 404 of a missing record)
    else expect(res.statusCode, res.body).toBe(403);
  });

  it.each(probes.map((p) => [p.action, p] as const))('answers %s with 401 when not signed in', async (_a, probe) => {
    const res = await t.app.inject({ method: probe.method, url: probe.url(), payload: probe.payload });
    expect(res.statusCode).toBe(401);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('AUTH.UNAUTHENTICATED');
  });
});

describe('unit scope over HTTP', () => {
  let muongTe: Session;
  beforeAll(async () => {
    muongTe = await t.staff('commune_police', '03445');
  });

  it('lets a Mường Tè officer find people of Mường Tè but not of Đoàn Kết, by name or by ID number', async () => {
    const byName = await muongTe.inject({
      method: 'POST',
      url: '/api/v1/population/persons/search',
      payload: { name: 'giang a pao' },
    });
    expect(byName.json<{ total: number }>().total).toBe(0);
    const byId = await muongTe.inject({
      method: 'POST',
      url: '/api/v1/population/persons/search',
      payload: { nationalId: '012085000123' },
    });
    expect(byId.json<{ total: number }>().total).toBe(0);
    const own = await muongTe.inject({
      method: 'POST',
      url: '/api/v1/population/persons/search',
      payload: { nationalId: '012190000001' },
    });
    expect(own.json<{ total: number }>().total).toBe(1);
  });

  it('answers a guessed record id of another commune exactly like a missing one (404)', async () => {
    const other = await muongTe.inject(`/api/v1/population/persons/${inDoanKet.id}?purpose=data_cleaning`);
    const missing = await muongTe.inject(`/api/v1/population/persons/${randomUUID()}?purpose=data_cleaning`);
    expect(other.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(other.json<{ error: { code: string } }>().error.code).toBe(
      missing.json<{ error: { code: string } }>().error.code,
    );
    expect((await muongTe.inject(`/api/v1/population/persons/${inMuongTe.id}?purpose=data_cleaning`)).statusCode).toBe(
      200,
    );
  });

  it('requires a known purpose to open a record', async () => {
    expect((await muongTe.inject(`/api/v1/population/persons/${inMuongTe.id}`)).statusCode).toBe(400);
    const unknown = await muongTe.inject(`/api/v1/population/persons/${inMuongTe.id}?purpose=curiosity`);
    expect(unknown.statusCode).toBe(400);
    expect((await muongTe.inject(`/api/v1/population/persons/${inMuongTe.id}?purpose=self_service`)).statusCode).toBe(
      400,
    );
  });

  it('keeps an administrator of a commune from granting roles outside it', async () => {
    const admin = await t.staff('admin', '03445');
    const created = await admin.inject({
      method: 'POST',
      url: '/api/v1/identity/users',
      payload: { username: 'nv.moi', displayName: 'Nhân viên mới' },
    });
    const id = created.json<{ user: { id: string } }>().user.id;
    const outside = await admin.inject({
      method: 'POST',
      url: `/api/v1/identity/users/${id}/assignments`,
      payload: { role: 'commune_police', unitCode: '03388' },
    });
    expect(outside.statusCode).toBe(403);
    const inside = await admin.inject({
      method: 'POST',
      url: `/api/v1/identity/users/${id}/assignments`,
      payload: { role: 'commune_police', unitCode: '03445' },
    });
    expect(inside.statusCode).toBe(200);
  });

  it('keeps an administrator of a commune from resetting, locking or removing the roles of staff of another commune', async () => {
    const admin = await t.staff('admin', '03445');
    const elsewhere = await t.staff('commune_police', '03388');
    const outside = `/api/v1/identity/users/${elsewhere.accountId}`;
    for (const url of [`${outside}/reset-password`, `${outside}/disable`, `${outside}/enable`]) {
      const res = await admin.inject({ method: 'POST', url });
      expect(res.statusCode, url).toBe(403);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('USER.SCOPE_FORBIDDEN');
    }
    const list = await t.staff('admin', '12');
    const rolesOf = async (accountId: string) => {
      const staffList = await list.inject('/api/v1/identity/users');
      const { items } = staffList.json<{ items: Array<{ id: string; assignments: Array<{ id: string }> }> }>();
      return items.find((u) => u.id === accountId)!.assignments.map((a) => a.id);
    };
    const [assignment] = await rolesOf(elsewhere.accountId);
    const remove = await admin.inject({ method: 'DELETE', url: `${outside}/assignments/${assignment}` });
    expect(remove.statusCode).toBe(403);
    expect((await elsewhere.inject('/api/v1/auth/me')).statusCode).toBe(200); // still signed in
    expect(await rolesOf(elsewhere.accountId)).toContain(assignment);
    const byProvince = await list.inject({ method: 'POST', url: `${outside}/disable` });
    expect(byProvince.statusCode).toBe(200);
  });
});
