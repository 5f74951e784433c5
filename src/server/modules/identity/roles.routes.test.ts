import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import type { RoleEvent, RoleList, RoleView } from '../../../contracts/identity';
import { DEFAULT_ROLES } from './permissions';
import { ensureDefaultRoles } from './identity.repository';

type ErrorBody = { error: { code: string; messageVi: string; messageEn: string; fields?: Array<{ field: string }> } };

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.staff('admin', '12');
});
afterAll(async () => t?.close());

const roleActions = async (code: string) =>
  (
    await t.database.rows<{ action: string }>(
      sql`select action from identity.role_permissions where role_code = ${code} order by action`,
    )
  ).map((r) => r.action);
const setActions = (s: Session, code: string, actions: string[]) =>
  s.inject({ method: 'POST', url: `/api/v1/identity/roles/${code}/actions`, payload: { actions } });
const defaults = (code: string) => [...DEFAULT_ROLES.find((r) => r.code === code)!.actions].sort();

describe('who may read and change roles', () => {
  const staffRoles = DEFAULT_ROLES.filter((r) => r.staff);
  const sessions = new Map<string, Session>();
  beforeAll(async () => {
    for (const r of staffRoles)
      sessions.set(r.code, await t.staff(r.code, '12', r.needsSector ? 'health_insurance' : undefined));
  });

  it.each(staffRoles.map((r) => [r.code, r.actions.includes('identity.users.read')] as const))(
    '%s reads the matrix: %s',
    async (role, allowed) => {
      const res = await sessions.get(role)!.inject('/api/v1/identity/roles');
      expect(res.statusCode, res.body).toBe(allowed ? 200 : 403);
      expect((await sessions.get(role)!.inject('/api/v1/identity/roles/events')).statusCode).toBe(allowed ? 200 : 403);
    },
  );

  it.each(staffRoles.map((r) => [r.code, r.actions.includes('identity.users.manage')] as const))(
    '%s creates a role and changes actions: %s',
    async (role, allowed) => {
      const s = sessions.get(role)!;
      const created = await s.inject({
        method: 'POST',
        url: '/api/v1/identity/roles',
        payload: { code: `probe_${role}`, nameVi: 'Vai trò thử', nameEn: 'Probe role', actions: ['units.read'] },
      });
      expect(created.statusCode, created.body).toBe(allowed ? 200 : 403);
      const changed = await setActions(s, 'leader', defaults('leader'));
      expect(changed.statusCode, changed.body).toBe(allowed ? 200 : 403);
      if (!allowed) expect(created.json<ErrorBody>().error.code).toBe('AUTH.FORBIDDEN');
    },
  );

  it('answers the anonymous with 401 and changes nothing', async () => {
    expect((await t.app.inject('/api/v1/identity/roles')).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/identity/roles/leader/actions', payload: { actions: [] } }))
        .statusCode,
    ).toBe(401);
    expect(await roleActions('leader')).toEqual(defaults('leader'));
  });

  it('keeps an administrator of one commune from changing the province-wide matrix', async () => {
    const communeAdmin = await t.staff('admin', '03445');
    const res = await setActions(communeAdmin, 'leader', [...defaults('leader'), 'population.person.read']);
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error.code).toBe('ROLE.SCOPE_FORBIDDEN');
    expect(await roleActions('leader')).toEqual(defaults('leader'));
  });
});

describe('the matrix as the administrator sees it', () => {
  it('lists every role with its actions and every action a role may be given', async () => {
    const list = (await admin.inject('/api/v1/identity/roles')).json<RoleList>();
    expect(list.items.find((r) => r.code === 'commune_police')!.actions).toEqual(defaults('commune_police'));
    expect(list.items.find((r) => r.code === 'citizen')).toMatchObject({ staff: false, nameVi: 'Công dân' });
    expect(list.actions).toContain('identity.users.manage');
    expect(list.actions).not.toContain('public');
    expect(list.actions).not.toContain('authenticated');
  });
});

describe('bad changes are refused with a bilingual 4xx and change nothing', () => {
  it.each([
    ['an unknown action', 'leader', ['units.read', 'population.person.delete'], 400, 'ROLE.ACTION_INVALID'],
    ['a pseudo-action', 'leader', ['public'], 400, 'ROLE.ACTION_INVALID'],
    [
      'a staff action for the citizen role',
      'citizen',
      ['citizen.self.read', 'population.person.read'],
      400,
      'ROLE.CITIZEN_ACTION_INVALID',
    ],
    [
      'a citizen self-service action for a staff role',
      'leader',
      ['units.read', 'citizen.self.read'],
      400,
      'ROLE.STAFF_ACTION_INVALID',
    ],
    ['an unknown role', 'no_such_role', ['units.read'], 404, 'ROLE.NOT_FOUND'],
  ] as const)('refuses %s', async (_what, role, actions, status, code) => {
    const before = await roleActions(role);
    const res = await setActions(admin, role, [...actions]);
    expect(res.statusCode, res.body).toBe(status);
    const { error } = res.json<ErrorBody>();
    expect(error.code).toBe(code);
    expect(error.messageVi).not.toBe(error.messageEn);
    if (status === 400) expect(error.fields?.[0]?.field).toBe('actions');
    expect(await roleActions(role)).toEqual(before);
  });

  it('refuses a duplicate role code, a malformed one, and over-long input', async () => {
    const dup = await admin.inject({
      method: 'POST',
      url: '/api/v1/identity/roles',
      payload: { code: 'leader', nameVi: 'Trùng', nameEn: 'Dup' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json<ErrorBody>().error.code).toBe('ROLE.ALREADY_EXISTS');
    for (const code of ["x'; drop table identity.roles; --", 'Có dấu', 'ab', 'citizen']) {
      const res = await admin.inject({
        method: 'POST',
        url: '/api/v1/identity/roles',
        payload: { code, nameVi: 'Tên', nameEn: 'Name' },
      });
      expect([400, 409]).toContain(res.statusCode);
    }
    expect(
      (
        await setActions(
          admin,
          'leader',
          Array.from({ length: 500 }, () => 'units.read'),
        )
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await admin.inject({
          method: 'POST',
          url: `/api/v1/identity/roles/${'x'.repeat(60)}/actions`,
          payload: { actions: [] },
        })
      ).statusCode,
    ).toBe(400);
    expect(await t.database.rows(sql`select 1 from identity.roles where code like '%drop%'`)).toEqual([]);
  });
});

describe('changes take effect and are recorded', () => {
  it('takes a removed permission away on the very next request of an affected user, and gives it back', async () => {
    const leader = await t.staff('leader', '12');
    expect((await leader.inject('/api/v1/units/12/tree')).statusCode).not.toBe(403);
    expect((await leader.inject('/api/v1/population/quality/report')).statusCode).not.toBe(403);
    const without = defaults('leader').filter((a) => a !== 'population.quality.read');
    const res = await setActions(admin, 'leader', without);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<RoleView>().actions).toEqual(without);
    expect((await leader.inject('/api/v1/population/quality/report')).statusCode).toBe(403);
    expect((await leader.inject('/api/v1/auth/me')).json<{ actions: string[] }>().actions).not.toContain(
      'population.quality.read',
    );
    expect((await setActions(admin, 'leader', defaults('leader'))).statusCode).toBe(200);
    expect((await leader.inject('/api/v1/population/quality/report')).statusCode).not.toBe(403);
  });

  it('records who changed what in the administration log, in the same transaction', async () => {
    const res = await setActions(admin, 'auditor', [...defaults('auditor'), 'population.person.search']);
    expect(res.statusCode).toBe(200);
    const events = (await admin.inject('/api/v1/identity/roles/events')).json<{ items: RoleEvent[] }>().items;
    expect(events[0]).toMatchObject({
      action: 'role.actions.update',
      target: 'auditor',
      added: ['population.person.search'],
      removed: [],
      actorName: 'Test admin',
    });
    const rows = await t.database.rows<{ actor_account_id: string; request_id: string }>(
      sql`select actor_account_id, request_id from identity.admin_events where target = 'auditor'`,
    );
    expect(rows.at(-1)!.actor_account_id).toBe(admin.accountId);
    expect(rows.at(-1)!.request_id).toMatch(/^[0-9a-f-]{36}$/);
    // A refused change leaves no trace, an unchanged list no event.
    const count = async () =>
      Number(
        (await t.database.rows<{ n: string | number }>(sql`select count(*) as n from identity.admin_events`))[0]!.n,
      );
    const before = await count();
    await setActions(admin, 'auditor', ['nope.nope']);
    await setActions(admin, 'auditor', [...defaults('auditor'), 'population.person.search']);
    expect(await count()).toBe(before);
  });

  it('creates a role that can be given to an account in a unit and works at once', async () => {
    const created = await admin.inject({
      method: 'POST',
      url: '/api/v1/identity/roles',
      payload: {
        code: 'statistics_officer',
        nameVi: 'Cán bộ thống kê',
        nameEn: 'Statistics officer',
        actions: ['population.quality.read', 'units.read', 'units.read'],
      },
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json<RoleView>()).toMatchObject({
      code: 'statistics_officer',
      staff: true,
      scoped: true,
      needsSector: false,
      actions: ['population.quality.read', 'units.read'],
    });
    const officer = await t.staff('statistics_officer', '03388');
    expect((await officer.inject('/api/v1/population/quality/report')).statusCode).not.toBe(403);
    expect((await officer.inject('/api/v1/identity/users')).statusCode).toBe(403);
    const events = (await admin.inject('/api/v1/identity/roles/events')).json<{ items: RoleEvent[] }>().items;
    expect(events[0]).toMatchObject({ action: 'role.create', target: 'statistics_officer' });
  });

  it('keeps a removed default removed when the defaults are applied again at the next start', async () => {
    const without = defaults('one_stop_officer').filter((a) => a !== 'counter.visit.read');
    expect((await setActions(admin, 'one_stop_officer', without)).statusCode).toBe(200);
    await ensureDefaultRoles(t.database.db);
    expect(await roleActions('one_stop_officer')).toEqual(without);
    // A default this database has never seen (a new release's action) is still applied once.
    await t.database.db.execute(
      sql`delete from identity.applied_default_permissions where role_code = 'one_stop_officer' and action = 'counter.visit.read'`,
    );
    await ensureDefaultRoles(t.database.db);
    expect(await roleActions('one_stop_officer')).toEqual(defaults('one_stop_officer'));
  });
});

describe('the last administrator', () => {
  let own: TestApp;
  beforeAll(async () => {
    own = await createTestApp();
  });
  afterAll(async () => own?.close());

  const manageless = defaults('admin').filter((a) => a !== 'identity.users.manage');

  it('cannot remove the ability to administer users when no other province-wide administrator would keep it', async () => {
    const only = await own.staff('admin', '12');
    await own.staff('admin', '03445'); // a commune administrator does not count
    const res = await setActions(only, 'admin', manageless);
    expect(res.statusCode).toBe(409);
    const { error } = res.json<ErrorBody>();
    expect(error.code).toBe('ROLE.LAST_ADMIN_CONFLICT');
    expect(error.messageVi).toContain('quản trị');
    expect(error.messageEn).toContain('administer');
    expect(
      (
        await own.database.rows(
          sql`select 1 from identity.role_permissions where role_code = 'admin' and action = 'identity.users.manage'`,
        )
      ).length,
    ).toBe(1);
  });

  it('allows it once another enabled province-wide account keeps the ability through another role', async () => {
    const first = await own.staff('admin', '12');
    const created = await first.inject({
      method: 'POST',
      url: '/api/v1/identity/roles',
      payload: {
        code: 'user_admin',
        nameVi: 'Quản trị người dùng',
        nameEn: 'User administrator',
        actions: ['identity.users.read', 'identity.users.manage'],
      },
    });
    expect(created.statusCode, created.body).toBe(200);
    const keeper = await own.staff('user_admin', '12');
    // Disabled, the keeper does not count.
    expect(
      (await first.inject({ method: 'POST', url: `/api/v1/identity/users/${keeper.accountId}/disable` })).statusCode,
    ).toBe(200);
    expect((await setActions(first, 'admin', manageless)).statusCode).toBe(409);
    expect(
      (await first.inject({ method: 'POST', url: `/api/v1/identity/users/${keeper.accountId}/enable` })).statusCode,
    ).toBe(200);
    expect((await setActions(first, 'admin', manageless)).statusCode).toBe(200);
    expect((await first.inject('/api/v1/identity/roles/events')).statusCode).toBe(200); // still reads
    expect((await setActions(first, 'admin', defaults('admin'))).statusCode).toBe(403); // no longer manages
  });
});
