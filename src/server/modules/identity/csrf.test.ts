import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';

/**
 * The anti-forgery check holds on the route the router matched, whatever spelling of the path
 * reached it: every state-changing route of the route table, with the session cookie and no
 * token, is refused under encoded, double-encoded, mixed-case and trailing-slash paths; and a
 * cookie-authenticated request that the browser marks as cross-site is refused even with a token.
 */
const PUBLIC_URL = 'http://127.0.0.1:3999'; // loopback: the development secrets are refused elsewhere
let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: 'fatal', PUBLIC_URL });
  admin = await t.staff('admin', '12');
}, 120_000);
afterAll(async () => t?.close());

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const hex = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;
/** Spellings of one path that a router may or may not take for it (the first segment changed, or a slash added). */
const VARIANTS: Array<[string, (path: string) => string]> = [
  ['plain', (p) => p],
  ['encoded', (p) => p.replace(/^\/(\w)/, (_, c: string) => `/${hex(c)}`)],
  ['encoded lower-case', (p) => p.replace(/^\/(\w)/, (_, c: string) => `/${hex(c).toLowerCase()}`)],
  ['encoded second segment', (p) => p.replace(/^(\/[^/]+\/)(\w)/, (_, a: string, c: string) => `${a}${hex(c)}`)],
  ['double-encoded', (p) => p.replace(/^\/(\w)/, (_, c: string) => `/%25${hex(c).slice(1)}`)],
  ['mixed-case', (p) => p.replace(/^\/(\w+)/, (s) => s.toUpperCase())],
  [
    'mixed-case second segment',
    (p) => p.replace(/^(\/[^/]+\/)(\w)/, (_, a: string, c: string) => `${a}${c.toUpperCase()}`),
  ],
  ['trailing slash', (p) => `${p}/`],
  ['double slash', (p) => p.replace(/^\/([^/]+)\//, '/$1//')],
];
const fill = (url: string) => url.replace(/:[A-Za-z]+/g, () => randomUUID()).replace('*', 'x');
const code = (res: LightMyRequestResponse) =>
  String(res.headers['content-type']).includes('json')
    ? res.json<{ error?: { code?: string } }>().error?.code
    : undefined;
const isCsrfRefusal = (res: LightMyRequestResponse) => res.statusCode === 403 && code(res) === 'AUTH.CSRF_FORBIDDEN';

/** The unsafe routes checked by the session's token (all but those that declare their own form token). */
function stateChangingRoutes() {
  const routes = t.app.routeActions.filter((r) => UNSAFE.has(r.method) && r.csrf === 'session');
  // Signing out last: a variant that got through would end the session for the rest.
  return routes.sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
}

describe('the anti-forgery token on every spelling of every state-changing route', () => {
  it('refuses the session cookie without the token, whatever the path looks like', async () => {
    const routes = stateChangingRoutes();
    expect(routes.length).toBeGreaterThan(45);
    const reached: string[] = [];
    for (const route of routes) {
      for (const [name, variant] of VARIANTS) {
        const url = variant(fill(route.url));
        const res = await t.app.inject({
          method: route.method as 'POST',
          url,
          payload: '{}',
          headers: { cookie: admin.cookie, 'content-type': 'application/json' },
        });
        // Refused by the check, or matched no route at all: never a handler's answer.
        const refused = isCsrfRefusal(res) || (res.statusCode === 404 && code(res) === 'ROUTE.NOT_FOUND');
        const mustRefuse = name === 'plain' || name.startsWith('encoded');
        if (!refused || (mustRefuse && !isCsrfRefusal(res)))
          reached.push(`${name}: ${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 100)}`);
      }
    }
    expect(reached).toEqual([]);
    // The session is still open: none of the requests above signed it out.
    expect((await admin.inject('/api/v1/auth/me')).json<{ account: { id: string } | null }>().account?.id).toBe(
      admin.accountId,
    );
  }, 300_000);

  it('leaves only the sandbox pages that check their own form token out of the session check', () => {
    const own = t.app.routeActions.filter((r) => UNSAFE.has(r.method) && r.csrf === 'own').map((r) => r.url);
    expect(own.length).toBeGreaterThan(0);
    // Beside the sandbox pages: the development stand-ins of two outside services (the SMS gateway, the
    // national portal's sync), called server to server with a bearer key and no cookie — no session to forge.
    const BEARER_ONLY = ['/sms-sandbox/messages', '/portal-sandbox/api/dossier-sync'];
    expect(
      own.filter((u) => !u.startsWith('/eid/') && !u.startsWith('/pay-sandbox/') && !BEARER_ONLY.includes(u)),
    ).toEqual([]);
    // The sandbox's test API has no token of its own: the session check applies there.
    expect(t.app.routeActions.find((r) => r.url === '/pay-sandbox/api/transactions/:txnRef/ipn')?.csrf).toBe('session');
  });

  it('refuses a signed-in browser at the bearer-key stand-ins: the cookie is no credential there', async () => {
    for (const url of ['/sms-sandbox/messages', '/portal-sandbox/api/dossier-sync']) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        payload: { to: '84912345678', text: 'x', reference: 'x', MaHoSo: 'x', SoThuTuDongBo: 1, TrangThaiHoSo: '1' },
        headers: { cookie: admin.cookie, 'idempotency-key': 'k' },
      });
      expect(res.statusCode, url).toBe(401);
    }
  });

  it('lets the sandbox pages answer a signed-in browser themselves (their own token, not the session one)', async () => {
    const pay = await t.app.inject({
      method: 'POST',
      url: '/pay-sandbox/paymentv2/1/complete',
      payload: 'token=wrong&choice=pay',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(pay.statusCode).toBe(403);
    expect(pay.headers['content-type']).toContain('text/html');
    const eid = await t.app.inject({
      method: 'POST',
      url: '/eid/interaction/nope/login',
      payload: 'username=x',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(eid.headers['content-type']).toContain('text/html');
    expect(eid.body).not.toContain('AUTH.CSRF_FORBIDDEN');
  });
});

describe('Origin and Sec-Fetch-Site of cookie-authenticated state-changing requests', () => {
  const CROSS_SITE: Array<Record<string, string>> = [
    { origin: 'https://evil.example' },
    { origin: 'null' },
    { origin: 'http://127.0.0.1:4000' },
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
    { origin: PUBLIC_URL, 'sec-fetch-site': 'cross-site' },
  ];

  it('refuses a request the browser marks as coming from another site, even with the token', async () => {
    const passed: string[] = [];
    for (const route of stateChangingRoutes()) {
      for (const headers of CROSS_SITE) {
        const url = fill(route.url);
        const res = await admin.inject({
          method: route.method as 'POST',
          url,
          payload: '{}',
          headers: { 'content-type': 'application/json', ...headers },
        });
        if (!isCsrfRefusal(res)) passed.push(`${JSON.stringify(headers)} ${route.method} ${url} → ${res.statusCode}`);
      }
    }
    expect(passed).toEqual([]);
  }, 120_000);

  it('accepts the same origin (PUBLIC_URL, or the Host the browser addressed) and clients that send neither header', async () => {
    const search = (headers: Record<string, string>) =>
      admin.inject({ method: 'POST', url: '/api/v1/identity/roles', payload: {}, headers });
    const sameOrigin: Array<Record<string, string>> = [
      {},
      { origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' },
      { origin: 'http://localhost:5173', host: 'localhost:5173' },
      { 'sec-fetch-site': 'none' },
    ];
    for (const headers of sameOrigin) {
      const res = await search(headers);
      expect(isCsrfRefusal(res), JSON.stringify(headers)).toBe(false);
      expect(res.statusCode).toBe(400); // reached the route's own validation
    }
  });

  it('does not apply to requests without a session: the gateway IPN (server to server) is answered', async () => {
    const ipn = await t.app.inject({
      method: 'GET',
      url: '/api/v1/payments/gateway/ipn?vnp_TxnRef=x&vnp_SecureHash=00',
      headers: { origin: 'https://gateway.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(ipn.statusCode).toBe(200);
    expect(ipn.json<{ RspCode: string }>().RspCode).toMatch(/^\d\d$/);
    const lookup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers/status-lookup',
      payload: { code: 'x', nationalId: '1' },
      headers: { origin: 'https://evil.example' },
    });
    expect(lookup.statusCode).toBe(400);
  });
});
