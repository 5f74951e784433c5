import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app';
import { openDatabase, type Database } from '../../platform/db';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../../test/app';
import { testConfig } from '../../../../test/db';
import type { Me } from '../../../contracts/identity';
import { createStaffUser } from './users.service';
import { LOGIN_POLICIES } from './login-throttle';
import { pruneRateLimits } from './rate-limits';

/**
 * Issue #10 point 6: sign-in throttling with growing delays kept in the database (shared by
 * every process), no lock an outsider can trigger, the same answer for unknown usernames, and
 * a notice to the owner.
 */
let t: TestApp;
/** A second application process on the same database (its own pool on PostgreSQL). */
let other: FastifyInstance;
let otherDatabase: Database | undefined;

beforeAll(async () => {
  t = await createTestApp();
  otherDatabase = t.database.url
    ? await openDatabase({ kind: 'postgres', url: t.database.url, poolSize: 2 })
    : undefined;
  other = await buildApp({ config: testConfig(), database: otherDatabase ?? t.database });
  await other.ready();
});
afterAll(async () => {
  await other?.close();
  await otherDatabase?.close();
  await t?.close();
});

const login = (payload: object, remoteAddress: string, app: FastifyInstance = t.app) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress });
const errorOf = (res: LightMyRequestResponse) =>
  res.json<{ error: { code: string; messageVi: string; messageEn: string; requestId?: string } }>().error;
/** The answer without what differs between any two requests (the request id). */
const shape = (res: LightMyRequestResponse) => {
  const { requestId: _ignored, ...error } = errorOf(res) as Record<string, unknown>;
  return { status: res.statusCode, error, retryAfter: res.headers['retry-after'] ?? null };
};
/** Lets every running delay end, as if its time had passed (the tests cannot wait minutes). */
const waitOut = () =>
  t.database.db.execute(
    sql`update identity.rate_limits set blocked_until = now() - interval '1 millisecond' where blocked_until > now()`,
  );
const staff = (username: string) =>
  createStaffUser(t.database.db, { username, displayName: username, password: TEST_PASSWORD });
const free = LOGIN_POLICIES.accountAddress.free;

describe('staff sign-in throttling', () => {
  it('answers an unknown username exactly as a wrong password: status, body, and the delays that follow', async () => {
    await staff('nv.real');
    const known: ReturnType<typeof shape>[] = [];
    const unknown: ReturnType<typeof shape>[] = [];
    for (let i = 0; i <= free; i++) {
      known.push(shape(await login({ username: 'nv.real', password: `wrong-${i}` }, '10.20.0.1')));
      unknown.push(shape(await login({ username: 'nv.unreal', password: `wrong-${i}` }, '10.20.0.2')));
    }
    expect(unknown).toEqual(known);
    expect(known[0]).toMatchObject({ status: 401, error: { code: 'AUTH.LOGIN_UNAUTHENTICATED' }, retryAfter: null });
    expect(known.at(-1)).toMatchObject({ status: 429, error: { code: 'AUTH.RATE_LIMITED' }, retryAfter: '1' });
  });

  it('takes about the same time for an unknown username as for a wrong password (a hash either way)', async () => {
    await staff('nv.timed');
    const time = async (username: string, i: number) => {
      const started = performance.now();
      await login({ username, password: 'wrong' }, `10.21.${i}.1`);
      return performance.now() - started;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 9; i++) {
      known.push(await time('nv.timed', i));
      unknown.push(await time(`nv.nobody${i}`, i));
    }
    // The decoy hash makes the unknown username cost what a real check costs (argon2id, ~15 ms).
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    expect(median(unknown)).toBeLessThan(median(known) * 2);
  });

  it('doubles the delay with each further failure, never answering 423, and a success clears it', async () => {
    await staff('nv.slow');
    for (let i = 0; i < free; i++)
      expect((await login({ username: 'nv.slow', password: 'wrong' }, '10.22.0.1')).statusCode).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const refused = await login({ username: 'nv.slow', password: TEST_PASSWORD }, '10.22.0.1'); // even the right password waits
      expect(refused.statusCode).toBe(429);
      expect(errorOf(refused).messageVi).toMatch(/thử lại sau \d+ giây/);
      waits.push(Number(refused.headers['retry-after']));
      await waitOut();
      expect((await login({ username: 'nv.slow', password: 'wrong' }, '10.22.0.1')).statusCode).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    await waitOut();
    expect((await login({ username: 'nv.slow', password: TEST_PASSWORD }, '10.22.0.1')).statusCode).toBe(200);
    expect((await login({ username: 'nv.slow', password: 'wrong' }, '10.22.0.1')).statusCode).toBe(401); // back to the free failures
  });

  it('counts parallel guesses too: no more than the free failures get a password check', async () => {
    await staff('nv.burst');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login({ username: 'nv.burst', password: `guess-${i}` }, '10.23.0.1')),
    );
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(free);
    expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(20 - free);
  });

  it('does not let an outsider lock the owner out: the owner signs in from a known address while the account is slowed elsewhere', async () => {
    await staff('nv.owner');
    expect((await login({ username: 'nv.owner', password: TEST_PASSWORD }, '10.24.0.1')).statusCode).toBe(200); // the owner's office
    // An outsider spread over many addresses, waiting out every delay.
    for (let i = 0; i < 30; i++) {
      await waitOut();
      await login({ username: 'nv.owner', password: `guess-${i}` }, `10.99.${i}.9`);
    }
    const fromNewAddress = await login({ username: 'nv.owner', password: 'guess-x' }, '10.99.200.9');
    expect(fromNewAddress.statusCode).toBe(429); // the account is slowed for addresses it never signed in from
    const owner = await login({ username: 'nv.owner', password: TEST_PASSWORD }, '10.24.0.1');
    expect(owner.statusCode, owner.body).toBe(200);
    expect(owner.statusCode).not.toBe(423);
  });

  it('tells the owner of the failed sign-ins since the previous sign-in, with their addresses, on GET /auth/me', async () => {
    await staff('nv.notice');
    expect((await login({ username: 'nv.notice', password: TEST_PASSWORD }, '10.25.0.1')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await login({ username: 'nv.notice', password: `guess-${i}` }, `10.25.1.${i}`);
    const signedIn = await t.login('nv.notice', TEST_PASSWORD);
    const me = (await signedIn.inject('/api/v1/auth/me')).json<Me>();
    expect(me.account?.securityNotice?.failedSignIns).toBe(4);
    expect(Date.parse(me.account?.securityNotice?.since ?? '')).toBeLessThan(Date.now());
    expect(me.account?.securityNotice?.addresses.sort()).toEqual(['10.25.1.0', '10.25.1.1', '10.25.1.2', '10.25.1.3']);
    // The next sign-in (no failures since this one) shows nothing.
    const again = await t.login('nv.notice', TEST_PASSWORD);
    expect((await again.inject('/api/v1/auth/me')).json<Me>().account?.securityNotice).toBeNull();
  });

  it('shares the delays between two application processes on the same database', async () => {
    await staff('nv.shared');
    const statuses: number[] = [];
    for (let i = 0; i <= free; i++)
      statuses.push(
        (await login({ username: 'nv.shared', password: `wrong-${i}` }, '10.26.0.1', i % 2 ? other : t.app)).statusCode,
      );
    expect(statuses).toEqual([...Array<number>(free).fill(401), 429]);
    expect((await login({ username: 'nv.shared', password: TEST_PASSWORD }, '10.26.0.1', other)).statusCode).toBe(429);
  });

  it('prunes rows quiet for a day, keeping running delays and remembered addresses', async () => {
    await t.database.db
      .execute(sql`insert into identity.rate_limits (key, updated_at, blocked_until, succeeded_at) values
      ('test:old', now() - interval '2 days', null, null),
      ('test:blocked', now() - interval '2 days', now() + interval '1 hour', null),
      ('test:known', now() - interval '2 days', null, now() - interval '2 days')`);
    await pruneRateLimits(t.database.db);
    const keys = await t.database.rows<{ key: string }>(
      sql`select key from identity.rate_limits where key like 'test:%' order by key`,
    );
    expect(keys.map((k) => k.key)).toEqual(['test:blocked', 'test:known']);
  });
});

describe('the public dossier status lookup', () => {
  const STATUS_LOOKUP_LIMIT = { max: 20 }; // dossiers.routes.ts
  it(`allows ${STATUS_LOOKUP_LIMIT.max} lookups a minute per address across every process`, async () => {
    const lookup = (app: FastifyInstance) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/dossiers/status-lookup',
        payload: { code: '000.00.12.X99-261127-9999', nationalId: '012190000201' },
        remoteAddress: '10.27.0.1',
      });
    const statuses: number[] = [];
    for (let i = 0; i <= STATUS_LOOKUP_LIMIT.max; i++) statuses.push((await lookup(i % 2 ? other : t.app)).statusCode);
    expect(statuses.slice(0, STATUS_LOOKUP_LIMIT.max).every((s) => s === 404)).toBe(true);
    const limited = await lookup(t.app);
    expect(limited.statusCode).toBe(429);
    expect(errorOf(limited).code).toBe('AUTH.RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(statuses.at(-1)).toBe(429);
  });
});
