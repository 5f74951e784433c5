import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../../test/app';
import { ownSecrets } from '../../../../test/db';
import { createStaffUser } from './users.service';
import { currentTotp } from './totp';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const login = (payload: object, remoteAddress = '10.1.1.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress });
const code = (res: { json: <T>() => T }) => res.json<{ error: { code: string } }>().error.code;

describe('staff login', () => {
  it('signs in with the right password and sets a secure, HttpOnly, SameSite session cookie', async () => {
    await createStaffUser(t.database.db, { username: 'nv.a', displayName: 'A', password: TEST_PASSWORD });
    const res = await login({ username: 'nv.a', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'dvc06_sid')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.json<{ csrfToken: string }>().csrfToken).toMatch(/^[\w-]{20,}$/);
    const stored = await t.database.rows<{ token_hash: string }>(sql`select token_hash from identity.sessions`);
    expect(stored.map((r) => r.token_hash)).not.toContain(cookie.value); // only the hash is stored
  });

  it('asks for the TOTP code once the second factor is on, and accepts the right one', async () => {
    const s = await t.staff('leader', '12');
    const setup = await s.inject({ method: 'POST', url: '/api/v1/auth/totp/setup' });
    const { secret, uri } = setup.json<{ secret: string; uri: string }>();
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(
      (await s.inject({ method: 'POST', url: '/api/v1/auth/totp/enable', payload: { code: '000000' } })).statusCode,
    ).toBe(400);
    expect(
      (await s.inject({ method: 'POST', url: '/api/v1/auth/totp/enable', payload: { code: currentTotp(secret) } }))
        .statusCode,
    ).toBe(200);
    expect((await s.inject({ method: 'POST', url: '/api/v1/auth/totp/setup' })).statusCode).toBe(409); // cannot silently turn it off
    const username = (
      await t.database.rows<{ username: string }>(sql`select username from identity.accounts where id = ${s.accountId}`)
    )[0]!.username;
    const without = await login({ username, password: TEST_PASSWORD }, '10.4.0.1');
    expect(without.statusCode).toBe(401);
    expect(code(without)).toBe('AUTH.TOTP_UNAUTHENTICATED');
    // The code that confirmed the setup is used up; the next one signs in.
    expect(
      (await login({ username, password: TEST_PASSWORD, totp: currentTotp(secret, Date.now() + 30_000) }, '10.4.0.2'))
        .statusCode,
    ).toBe(200);
    const stored = await t.database.rows<{ totp_secret: string }>(
      sql`select totp_secret from identity.accounts where id = ${s.accountId}`,
    );
    expect(stored[0]!.totp_secret).not.toContain(secret); // sealed at rest
  });
});

describe('sessions', () => {
  it('ends after 15 minutes idle and after 8 hours in all', async () => {
    const idle = await t.staff('leader', '12');
    await t.database.db.execute(
      sql`update identity.sessions set last_seen_at = now() - interval '16 minutes' where account_id = ${idle.accountId}`,
    );
    expect((await idle.inject('/api/v1/population/quality/report')).statusCode).toBe(401);
    const old = await t.staff('leader', '12');
    await t.database.db.execute(
      sql`update identity.sessions set expires_at = now() - interval '1 second' where account_id = ${old.accountId}`,
    );
    expect((await old.inject('/api/v1/population/quality/report')).statusCode).toBe(401);
  });

  it('treats a tampered or unknown cookie as not signed in', async () => {
    const s = await t.staff('leader', '12');
    const tampered = s.cookie.replace(/=(.)/, (_m, c: string) => `=${c === 'A' ? 'B' : 'A'}`);
    const res = await t.app.inject({ url: '/api/v1/population/quality/report', headers: { cookie: tampered } });
    expect(res.statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token, and changes nothing', async () => {
    const admin = await t.staff('admin', '12');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/identity/users',
      headers: { cookie: admin.cookie },
      payload: { username: 'csrf.victim', displayName: 'X' },
    });
    expect(res.statusCode).toBe(403);
    expect(code(res)).toBe('AUTH.CSRF_FORBIDDEN');
    expect(await t.database.rows(sql`select 1 from identity.accounts where username = 'csrf.victim'`)).toEqual([]);
  });

  it('ends the session at logout: the old cookie no longer works', async () => {
    const s = await t.staff('leader', '12');
    expect((await s.inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(200);
    expect((await s.inject('/api/v1/population/quality/report')).statusCode).toBe(401);
  });

  it('ends every session when an administrator disables the account', async () => {
    const admin = await t.staff('admin', '12');
    const victim = await t.staff('leader', '12');
    expect(
      (await admin.inject({ method: 'POST', url: `/api/v1/identity/users/${victim.accountId}/disable` })).statusCode,
    ).toBe(200);
    expect((await victim.inject('/api/v1/population/quality/report')).statusCode).toBe(401);
  });
});

describe('hostile input', () => {
  const strings = [
    "' OR '1'='1",
    '"; DROP TABLE identity.accounts; --',
    '<script>alert(1)</script>',
    '${7*7}',
    '\u0000',
  ];
  it.each(strings)('answers the login string %j with a 4xx and leaves the accounts table intact', async (s) => {
    const count = async () =>
      Number((await t.database.rows<{ n: string | number }>(sql`select count(*) as n from identity.accounts`))[0]!.n);
    const before = await count();
    const res = await login({ username: s, password: s }, '10.9.9.9');
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(await count()).toBe(before);
  });

  it.each(strings)('refuses %j as a username to create and as a display name stores it as text', async (s) => {
    const admin = await t.staff('admin', '12');
    const bad = await admin.inject({
      method: 'POST',
      url: '/api/v1/identity/users',
      payload: { username: s, displayName: 'X' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps a staff member’s title for the slips they sign, and refuses an over-long one naming it', async () => {
    const admin = await t.staff('admin', '12');
    const made = await admin.inject({
      method: 'POST',
      url: '/api/v1/identity/users',
      payload: { username: 'ky.phieu', displayName: 'Lò Văn Ký', jobTitle: '  Cán bộ tiếp nhận  ' },
    });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json<{ user: { jobTitle: string | null } }>().user.jobTitle).toBe('Cán bộ tiếp nhận');
    const long = await admin.inject({
      method: 'POST',
      url: '/api/v1/identity/users',
      payload: { username: 'ky.phieu2', displayName: 'Lò Văn Ký', jobTitle: 'x'.repeat(121) },
    });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('jobTitle');
  });

  it('answers over-long fields with 400', async () => {
    expect((await login({ username: 'a'.repeat(10_000), password: 'b' })).statusCode).toBe(400);
    expect((await login({ username: 'a', password: 'b'.repeat(10_000) })).statusCode).toBe(400);
  });
});

describe('an unreachable e-ID provider', () => {
  it('sends the browser back to the login page with a clear message instead of an error body', async () => {
    const other = await createTestApp({
      OIDC_ISSUER: 'http://127.0.0.1:9/unreachable',
      EID_SANDBOX: 'off',
      ...ownSecrets(),
    });
    try {
      const res = await other.app.inject('/api/v1/auth/eid/login?returnTo=/me');
      expect(res.statusCode, res.body).toBe(302);
      expect(res.headers.location).toBe('/login?error=eid_unavailable');
    } finally {
      await other.close();
    }
  });
});
