import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type Session, type TestApp } from '../../../test/app';

/**
 * No API answer is kept by a browser or a shared cache: they carry personal data or the session's
 * CSRF token. Checked across the route table, for every kind of caller, answers and errors alike.
 */
let t: TestApp;
const callers = new Map<string, Session | null>();
/** API routes that declare public caching of their own (reference data, the same for everyone). */
const PUBLIC_CACHEABLE = new Set(['/api/v1/units/geojson']);

beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: 'fatal' });
  callers.set('anonymous', null);
  callers.set('citizen', await t.citizen({ nationalId: '012190099001', fullName: 'Lò Thị Thử' }));
  callers.set('admin', await t.staff('admin', '12'));
  callers.set('commune_police', await t.staff('commune_police', '03445'));
}, 120_000);
afterAll(async () => t?.close());

const noStore = (res: LightMyRequestResponse) =>
  String(res.headers['cache-control'] ?? '')
    .split(/,\s*/)
    .includes('no-store');

describe('Cache-Control: no-store on every API answer', () => {
  it('holds for every GET route of the API, every caller, whatever the status', async () => {
    const routes = t.app.routeActions.filter(
      (r) => r.method === 'GET' && r.url.startsWith('/api/v1/') && !r.url.includes('*'),
    );
    expect(routes.length).toBeGreaterThan(40);
    const stored: string[] = [];
    const statuses = new Set<number>();
    for (const [who, session] of callers) {
      for (const route of routes) {
        const url = route.url.replace(/:[A-Za-z]+/g, () => randomUUID());
        const res = session ? await session.inject(url) : await t.app.inject(url);
        statuses.add(res.statusCode);
        const ok = PUBLIC_CACHEABLE.has(route.url)
          ? String(res.headers['cache-control']).startsWith('public')
          : noStore(res);
        if (!ok)
          stored.push(
            `${who} GET ${route.url} → ${res.statusCode} cache-control: ${String(res.headers['cache-control'])}`,
          );
      }
    }
    expect(stored).toEqual([]);
    expect([...statuses]).toEqual(expect.arrayContaining([200, 400, 401, 403, 404]));
  }, 120_000);

  it('holds for the answers that carry the CSRF token and personal data, and for state changes and unknown paths', async () => {
    const citizen = callers.get('citizen')!;
    const me = await citizen.inject('/api/v1/auth/me');
    expect(me.json<{ csrfToken: string }>().csrfToken).toBe(citizen.csrfToken);
    expect(noStore(me)).toBe(true);
    expect(noStore(await citizen.inject('/api/v1/population/me'))).toBe(true);
    expect(noStore(await citizen.inject({ method: 'POST', url: '/api/v1/audit/me/consents', payload: {} }))).toBe(true);
    expect(
      noStore(
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'nobody', password: 'x' },
        }),
      ),
    ).toBe(true);
    expect(noStore(await citizen.inject('/%61pi/v1/auth/me'))).toBe(true);
    expect(noStore(await t.app.inject('/api/v1/no-such-thing'))).toBe(true);
  });
});
