import { beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { DEFAULT_ROLES, type Action } from '../identity';

/*
 * Role × action for the national-portal sync: every default role, granted province-wide, may call
 * exactly the routes its actions allow (403 AUTH.FORBIDDEN otherwise); an administrator of a commune
 * is refused (province only); a citizen 403; signed out 401.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: 'error' });
  return () => t.close();
});

type Call = { name: string; action: Action; request: InjectOptions; ok: number };
const calls: Call[] = [
  {
    name: 'list the pushes',
    action: 'portal_sync.manage',
    request: { method: 'GET', url: '/api/v1/portal-sync/pushes' },
    ok: 200,
  },
  {
    name: 'retry a push',
    action: 'portal_sync.manage',
    // Allowed: reaches the use case, which finds no such push.
    request: { method: 'POST', url: `/api/v1/portal-sync/pushes/${randomUUID()}/retry` },
    ok: 404,
  },
  {
    name: 'read the sandbox’s behaviour',
    action: 'portal_sync.manage',
    request: { method: 'GET', url: '/api/v1/portal-sync/sandbox' },
    ok: 200,
  },
  {
    name: 'set the sandbox’s behaviour',
    action: 'portal_sync.manage',
    request: { method: 'PUT', url: '/api/v1/portal-sync/sandbox', payload: { failing: false, delayMs: 0 } },
    ok: 200,
  },
];

const staffRoles = DEFAULT_ROLES.filter((r) => r.staff);

describe.each(staffRoles.map((r) => [r.code, r] as const))('%s with a province-wide grant', (code, role) => {
  let session: Session;
  beforeAll(async () => {
    session = await t.staff(code, '12', role.needsSector ? 'health_insurance' : undefined);
  });
  it.each(calls.map((c) => [role.actions.includes(c.action) ? 'may' : 'may not', c.name, c.action, c] as const))(
    '%s %s (%s)',
    async (verdict, _name, _action, call) => {
      const res = await session.inject(call.request);
      expect(res.headers['cache-control']).toBe('no-store');
      if (verdict === 'may') expect(res.statusCode, res.body).toBe(call.ok);
      else {
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json<{ error: { code: string } }>().error.code).toBe('AUTH.FORBIDDEN');
      }
    },
  );
});

describe('an administrator of a commune', () => {
  it.each(calls.map((c) => [c.name, c] as const))('may not %s (403, province only)', async (_name, call) => {
    const session = await t.staff('admin', '03445');
    const res = await session.inject(call.request);
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('PORTAL_SYNC.PROVINCE_FORBIDDEN');
  });
});

describe('a citizen and no one signed in', () => {
  it.each(calls.map((c) => [c.name, c] as const))('a citizen may not %s (403)', async (_name, call) => {
    const citizen = await t.citizen({ nationalId: '012190000401', fullName: 'Lò Văn Thử' }, 2);
    expect((await citizen.inject(call.request)).statusCode).toBe(403);
  });
  it.each(calls.map((c) => [c.name, c] as const))('no one signed out may %s (401)', async (_name, call) => {
    expect((await t.app.inject(call.request)).statusCode).toBe(401);
  });
});
