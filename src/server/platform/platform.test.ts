import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createTestApp, type TestApp } from '../../../test/app';
import { configProblems, ownSecrets } from '../../../test/db';
import { ConfigError, isLoopbackUrl, loadConfig } from './config';
import { loggerOptions } from './logger';
import { csvValue } from './db';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT_BYTES: '2048' });
});
afterAll(async () => t?.close());

describe('health, readiness and API documentation', () => {
  it('answers /healthz and /readyz when the database is migrated', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready' });
  });

  it('publishes an OpenAPI document listing the module routes, and a docs UI', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/units/tree',
        '/api/v1/population/validate-id',
        '/api/v1/population/persons/search',
      ]),
    );
    const ui = await t.app.inject('/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('sends a Content-Security-Policy without inline scripts', async () => {
    const csp = (await t.app.inject('/healthz')).headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

describe('bad requests', () => {
  const post = (payload: string, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/population/validate-id',
      payload,
      headers: { 'content-type': contentType },
    });

  it.each([
    ['malformed JSON', '{"id": ', 'application/json', 400, 'REQUEST.MALFORMED'],
    ['an oversize body', JSON.stringify({ id: 'x'.repeat(5000) }), 'application/json', 413, 'REQUEST.TOO_LARGE'],
    ['an unsupported content type', 'id=1', 'text/csv', 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE'],
  ])('answers %s with a bilingual %i, never a 500', async (_what, payload, contentType, status, code) => {
    const res = await post(payload, contentType);
    expect(res.statusCode).toBe(status);
    const { error } = res.json<{ error: { code: string; messageVi: string; messageEn: string; requestId: string } }>();
    expect(error.code).toBe(code);
    expect(error.messageVi).not.toBe(error.messageEn);
    expect(error.requestId).toBeTruthy();
  });

  it('answers an unknown API route with a bilingual 404', async () => {
    const res = await t.app.inject('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('ROUTE.NOT_FOUND');
  });
});

describe('configuration', () => {
  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', PROVINCE_CODE: '123', NODE_ENV: 'production' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const fields = (error as ConfigError).problems.map((p) => p.split(':')[0]);
      expect(fields).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'PROVINCE_CODE']));
    }
  });

  it("requires the province's agency code (QCVN 102:2016) in production, never the demo's or another form", () => {
    expect(configProblems({ NODE_ENV: 'production' })).toContain('PROVINCE_AGENCY_CODE: is required in production');
    expect(configProblems({ NODE_ENV: 'production', PROVINCE_AGENCY_CODE: '000.00.00.X99' })).toContain(
      "PROVINCE_AGENCY_CODE: is the demo's code, which no province has: set the province's own",
    );
    for (const code of ['03388.H29', '000.00.01.H29', 'H29', '000.00.00.h29'])
      expect(configProblems({ PROVINCE_AGENCY_CODE: code })).toEqual([
        "PROVINCE_AGENCY_CODE: must be a province's agency code of the QCVN 102:2016 form 000.00.00.Hnn",
      ]);
    // outside production, the demo's code that no province has: never another province's (000.00.00.H29 is Hồ Chí Minh City's)
    expect(loadConfig({}).PROVINCE_AGENCY_CODE).toBe('000.00.00.X99');
    expect(loadConfig({ PROVINCE_AGENCY_CODE: '000.00.00.Z01' }).PROVINCE_AGENCY_CODE).toBe('000.00.00.Z01');
  });

  it('requires a session secret in production but not in development', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    expect(loadConfig({}).SESSION_SECRET).toBeTruthy();
  });

  it('defaults to port 3000, ./data and the Lai Châu province', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 3000,
      DATA_DIR: './data',
      PROVINCE_CODE: '12',
      PUBLIC_URL: 'http://localhost:3000',
    });
  });

  describe('the published development secrets', () => {
    const DEV_SECRET_KEYS = [
      'SESSION_SECRET',
      'AUDIT_PSEUDONYM_KEY',
      'AUDIT_CHECKPOINT_KEY',
      'OIDC_CLIENT_SECRET',
      'PAYMENT_HASH_SECRET',
    ];
    const refusedKeys = (env: Record<string, string>) =>
      configProblems(env)
        .filter((p) => p.includes('published development default'))
        .map((p) => p.split(':')[0]);
    const defaults = loadConfig({});

    it.each([
      ['NODE_ENV unset, a public address', { PUBLIC_URL: 'https://dichvucong.laichau.gov.vn' }],
      ['NODE_ENV=development, a LAN address', { NODE_ENV: 'development', PUBLIC_URL: 'http://192.168.1.20:3000' }],
      ['NODE_ENV=test, a public host name', { NODE_ENV: 'test', PUBLIC_URL: 'http://dvc.example.vn' }],
      ['a host name that only starts like localhost', { PUBLIC_URL: 'http://localhost.example.vn:3000' }],
      [
        'loopback, the payment sandbox off',
        {
          PAYMENT_SANDBOX: 'off',
          PAYMENT_GATEWAY_URL: 'https://pay.example.vn/pay',
          PAYMENT_GATEWAY_API_URL: 'https://pay.example.vn/api',
        },
      ],
      ['loopback, the e-ID sandbox off', { EID_SANDBOX: 'off', OIDC_ISSUER: 'https://eid.example.vn' }],
    ])('refuses to start with every one of them: %s', (_name, env) => {
      expect(refusedKeys(env)).toEqual(DEV_SECRET_KEYS);
      expect(configProblems(env)).toContain(
        '(root): the published development secrets are accepted only with EID_SANDBOX=on, PAYMENT_SANDBOX=on and a loopback PUBLIC_URL (e.g. http://localhost:3000), whatever NODE_ENV says',
      );
    });

    it('refuses a development secret typed in by hand, naming only that one', () => {
      const own = {
        SESSION_SECRET: 's'.repeat(32),
        AUDIT_PSEUDONYM_KEY: 'a'.repeat(32),
        AUDIT_CHECKPOINT_KEY: ownSecrets().AUDIT_CHECKPOINT_KEY,
        OIDC_CLIENT_SECRET: 'o'.repeat(16),
      };
      const env = {
        ...own,
        PUBLIC_URL: 'https://dichvucong.laichau.gov.vn',
        PAYMENT_HASH_SECRET: defaults.PAYMENT_HASH_SECRET!,
      };
      expect(refusedKeys(env)).toEqual(['PAYMENT_HASH_SECRET']);
      expect(refusedKeys({ ...env, PAYMENT_HASH_SECRET: 'p'.repeat(32) })).toEqual([]);
      expect(
        refusedKeys({
          ...own,
          NODE_ENV: 'production',
          PROVINCE_AGENCY_CODE: '000.00.00.Z01',
          PAYMENT_HASH_SECRET: defaults.PAYMENT_HASH_SECRET!,
          PAYMENT_TMN_CODE: 'LAICHAU01',
          OIDC_ISSUER: 'https://eid.example.vn',
          PAYMENT_GATEWAY_URL: 'https://pay.example.vn/pay',
          PAYMENT_GATEWAY_API_URL: 'https://pay.example.vn/api',
        }),
      ).toEqual(['PAYMENT_HASH_SECRET']);
    });

    it.each([
      'http://localhost:3000',
      'http://127.0.0.1:41234',
      'http://127.8.9.10',
      'http://[::1]:3000',
      'http://dvc.localhost:3000',
    ])('accepts them on this machine with both sandboxes on: %s', (url) => {
      for (const env of [
        { PUBLIC_URL: url },
        { PUBLIC_URL: url, NODE_ENV: 'test' },
        { PUBLIC_URL: url, NODE_ENV: 'development' },
      ] as Array<Record<string, string>>)
        expect(configProblems(env)).toEqual([]);
    });

    it('knows loopback addresses', () => {
      expect(['http://localhost', 'http://127.0.0.1:1', 'http://[::1]/'].every(isLoopbackUrl)).toBe(true);
      expect(
        ['http://10.0.0.1', 'http://localhost.evil.vn', 'http://127.0.0.1.nip.io', 'http://[::2]', 'not a url'].some(
          isLoopbackUrl,
        ),
      ).toBe(false);
    });
  });
});

describe('logs', () => {
  it('redact personal data and log the route pattern instead of the URL', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(String(chunk)), cb()) });
    const log = pino(loggerOptions('info'), sink);
    log.info(
      {
        person: { nationalId: '012190000001', fullName: 'Lò Thị Thuỷ', phone: '0912000001' },
        req: { method: 'GET', url: '/x?id=012190000001', id: 'r1', routeOptions: { url: '/x' } },
      },
      'read',
    );
    const text = lines.join('');
    expect(text).not.toContain('012190000001');
    expect(text).not.toContain('Thuỷ');
    expect(text).not.toContain('0912000001');
    expect(text).toContain('"route":"/x"');
  });
});

describe('CSV values for COPY', () => {
  it.each([
    [null, ''],
    ['', '""'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    [42, '42'],
  ])('encodes %j as %j', (value, expected) => {
    expect(csvValue(value)).toBe(expected);
  });
});

describe('error codes', () => {
  it.each([
    ['UNIT.NOT_FOUND', 404],
    ['AUTH.CSRF_FORBIDDEN', 403],
    ['AUTH.LOGIN_UNAUTHENTICATED', 401],
    ['AUTH.ACCOUNT_LOCKED', 423],
    ['EID.STATE_INVALID', 400],
    ['USER.ALREADY_EXISTS', 409],
    ['EID.PROVIDER_UNAVAILABLE', 503],
    ['SOMETHING.ELSE', 500],
  ])('maps %s to HTTP %i', async (code, status) => {
    const { statusForCode } = await import('./errors');
    expect(statusForCode(code)).toBe(status);
  });
});
