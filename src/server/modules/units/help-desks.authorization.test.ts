import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { DEFAULT_ROLES } from '../identity';
import type { HelpDeskRecord } from '../../../contracts/help-desks';

// Role × action over HTTP for the help desks' administrator actions: every default role, given in
// the province, and a signed-in citizen and an anonymous caller. Only `units.manage` passes.

let t: TestApp;
const sessions = new Map<string, Session>();
let deskId: string;
const STAFF = DEFAULT_ROLES.filter((r) => r.staff);

beforeAll(async () => {
  t = await createTestApp();
  for (const r of STAFF)
    sessions.set(r.code, await t.staff(r.code, '12', r.needsSector ? 'health_insurance' : undefined));
  sessions.set('citizen', await t.citizen({ nationalId: '012190000001', fullName: 'Lò Thị Thuỷ' }));
  const res = await sessions.get('admin')!.inject({
    method: 'POST',
    url: '/api/v1/units/help-desks',
    payload: {
      unitCode: '12',
      kind: 'police',
      name: 'Công an tỉnh (thử nghiệm)',
      address: 'Địa chỉ thử nghiệm',
      phone: '0213 0000 000',
      source: 'Thử nghiệm',
      validFrom: '2026-01-01',
    },
  });
  deskId = res.json<HelpDeskRecord>().id;
});
afterAll(async () => t?.close());

const contact = {
  name: 'Bộ phận Một cửa (thử nghiệm)',
  address: 'Địa chỉ thử nghiệm',
  phone: '0213 0000 002',
  source: 'Thử nghiệm',
};
/** One request per administrator action (only the administrator's get past authorization). */
const actions = {
  history: () => ({ method: 'GET' as const, url: '/api/v1/units/help-desks/history?unit=03445' }),
  record: () => ({
    method: 'POST' as const,
    url: '/api/v1/units/help-desks',
    payload: { ...contact, unitCode: '03445', kind: 'one_stop_counter', validFrom: '2030-01-01' },
  }),
  close: () => ({
    method: 'POST' as const,
    url: `/api/v1/units/help-desks/${deskId}/close`,
    payload: { lastDay: '2026-02-01' },
  }),
  replace: () => ({
    method: 'POST' as const,
    url: `/api/v1/units/help-desks/${deskId}/replace`,
    payload: { ...contact, validFrom: '2026-03-01' },
  }),
};
type ActionName = keyof typeof actions;
const NAMES = Object.keys(actions) as ActionName[];

describe('help desks: role × administrator action over HTTP', () => {
  const cases = [...STAFF.map((r) => r.code), 'citizen'].flatMap((role) =>
    NAMES.map(
      (a) => [role, a, DEFAULT_ROLES.find((r) => r.code === role)?.actions.includes('units.manage') ?? false] as const,
    ),
  );

  it.each(cases)('%s → %s allowed: %s', async (role, action, allowed) => {
    const res = await sessions.get(role)!.inject(actions[action]());
    if (allowed) expect([401, 403], res.body).not.toContain(res.statusCode);
    else {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('AUTH.FORBIDDEN');
    }
  });

  it.each(NAMES)('answers %s with 401 when not signed in', async (action) => {
    const res = await t.app.inject(actions[action]());
    expect(res.statusCode).toBe(401);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('lets everyone, signed in or not, read the desks in force', async () => {
    for (const session of [...sessions.values()]) {
      const res = await session.inject('/api/v1/units/help-desks?unit=03445');
      expect(res.statusCode).toBe(200);
    }
    expect((await t.app.inject('/api/v1/units/help-desks?unit=03445')).statusCode).toBe(200);
  });
});
