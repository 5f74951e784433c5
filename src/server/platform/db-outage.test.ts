import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../app';
import { assignRole, createStaffUser, ensureDefaultRoles, openSession, SESSION_COOKIE } from '../modules/identity';
import { startAccessLogSealer } from '../modules/audit';
import { startPaymentExpiryJob } from '../modules/payments';
import { seedDemoProvince } from '../modules/demo';
import { runQualityCheck } from '../modules/population';
import { databaseOptionsFromConfig, openDatabase, unboundedDatabase, type Database } from './db';
import { databaseUnavailableReason, isDatabaseUnavailable } from './db-errors';
import { adminQuery, templateName, testConfig, withDatabaseName } from '../../../test/db';
import { startTcpProxy, type TcpProxy } from '../../../test/tcp-proxy';

/**
 * The database cut off (connections refused and reset) and stalled (connections accepted, nothing
 * answered), through a TCP proxy in front of PostgreSQL (ADR 0014). PGlite runs in the process and
 * cannot be cut off, so this needs DATABASE_URL.
 */
const url = process.env.DATABASE_URL;
const FEW_SECONDS = 5_000;

interface Running {
  app: FastifyInstance;
  database: Database;
}

/** Answers within `ms`, or fails naming the request (instead of hanging the test). */
async function within(
  ms: number,
  what: string,
  answer: Promise<LightMyRequestResponse>,
): Promise<{ res: LightMyRequestResponse; ms: number }> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    const res = await Promise.race([answer, late]);
    return { res, ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

describe.skipIf(!url)(
  'when PostgreSQL is cut off or stalled (skipped without DATABASE_URL: the proxy sits in front of a PostgreSQL server)',
  () => {
    const name = `dvc06_outage_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    let proxy: TcpProxy;
    let direct: Database;
    let config: ReturnType<typeof testConfig>;
    const running: Running[] = [];
    let headers: Record<string, string>;
    const acknowledged: string[] = [];
    const jobErrors: unknown[] = [];
    let stopJobs: () => Promise<void>;
    let writes = 0;

    const start = async (): Promise<Running> => {
      const database = await openDatabase(databaseOptionsFromConfig(config));
      const app = await buildApp({ config, database });
      await app.ready();
      const r = { app, database };
      running.push(r);
      return r;
    };
    const call = (r: Running, options: InjectOptions) =>
      r.app.inject({ ...options, headers: { ...headers, ...(options.headers ?? {}) } });
    const listUsers = (r: Running) => call(r, { url: '/api/v1/identity/users' });
    const ipn = (r: Running) =>
      r.app.inject({
        url: '/api/v1/payments/gateway/ipn?vnp_TxnRef=DVCOUTAGE0001&vnp_Amount=100000&vnp_ResponseCode=00&vnp_SecureHash=00',
      });
    /** Creates staff accounts one after another until stopped, remembering each one the API acknowledged. */
    const writer = (r: Running) => {
      let stop = false;
      let failures = 0;
      const done = (async () => {
        while (!stop) {
          const username = `outage.w${++writes}`;
          const res = await call(r, {
            method: 'POST',
            url: '/api/v1/identity/users',
            payload: { username, displayName: 'Outage Test' },
          });
          if (res.statusCode === 200) acknowledged.push(username);
          else failures++;
          await new Promise((resolve) => setTimeout(resolve, failures ? 200 : 20));
        }
      })();
      return { failures: () => failures, stop: async () => ((stop = true), await done) };
    };
    const recovered = async (r: Running) => {
      const until = Date.now() + 20_000;
      for (;;) {
        const res = await listUsers(r);
        if (res.statusCode === 200) return;
        if (Date.now() > until) throw new Error(`no recovery within 20 s: ${res.statusCode} ${res.body}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
    const expectEveryAcknowledgedWriteStored = async () => {
      const rows = await direct.rows<{ username: string }>(
        sql`select username from identity.accounts where username like 'outage.w%'`,
      );
      const stored = new Set(rows.map((r) => r.username));
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(acknowledged.filter((u) => !stored.has(u))).toEqual([]);
    };

    /** What every client must see while the database is unavailable, on a server that has (warm) or has not (cold) answered before. */
    const expectOutageAnswers = async (r: Running) => {
      const health = await within(1_000, '/healthz', r.app.inject('/healthz'));
      expect(health.res.statusCode).toBe(200);
      const ready = await within(1_500, '/readyz', r.app.inject('/readyz'));
      expect(ready.res.statusCode).toBe(503);
      expect(ready.ms).toBeLessThan(1_200);
      const api = await within(FEW_SECONDS, 'GET /api/v1/identity/users', listUsers(r));
      expect(api.res.statusCode).toBe(503);
      expect(Number(api.res.headers['retry-after'])).toBeGreaterThan(0);
      const { error } = api.res.json<{
        error: { code: string; messageVi: string; messageEn: string; requestId: string };
      }>();
      expect(error.code).toBe('DATABASE.UNAVAILABLE');
      expect(error.requestId).toBeTruthy();
      expect(error.messageVi).not.toBe(error.messageEn);
      const gateway = await within(FEW_SECONDS, 'IPN', ipn(r));
      expect(gateway.res.statusCode).toBe(200);
      expect(gateway.res.json()).toMatchObject({ RspCode: '99' });
    };

    beforeAll(async () => {
      for (let i = 1; ; i++) {
        try {
          await adminQuery(url!, `CREATE DATABASE ${name} TEMPLATE ${templateName()}`);
          break;
        } catch (error) {
          if (i >= 10) throw error; // another session may be cloning the template at this moment
          await new Promise((resolve) => setTimeout(resolve, 100 * i));
        }
      }
      const target = new URL(withDatabaseName(url!, name));
      direct = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 2 });
      await ensureDefaultRoles(direct.db);
      const { user } = await createStaffUser(direct.db, {
        username: 'outage.admin',
        displayName: 'Outage Admin',
        password: 'Correct-Horse-Battery-9',
      });
      await assignRole(direct.db, null, user.id, { role: 'admin', unitCode: '12' });
      const session = await openSession(direct.db, user.id);
      headers = { cookie: `${SESSION_COOKIE}=${session.token}`, 'x-csrf-token': session.csrfToken };
      proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      config = testConfig({
        DATABASE_URL: proxy.via(target.toString()),
        DB_CONNECT_TIMEOUT_MS: '1000',
        DB_STATEMENT_TIMEOUT_MS: '1000',
        DB_QUERY_TIMEOUT_MS: '1500',
      });
    });
    let load: ReturnType<typeof writer> | undefined;
    afterEach(async () => {
      await load?.stop();
      load = undefined;
      await proxy.restore(); // a failed test leaves the next one a working database
    });
    afterAll(async () => {
      await proxy?.restore();
      await stopJobs?.();
      for (const r of running) {
        await r.app.close();
        await r.database.close();
      }
      await proxy?.close();
      await direct?.close();
      if (url) await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });

    let main: Running;
    it('serves normally through the proxy, with the background jobs running', async () => {
      main = await start();
      const sealer = startAccessLogSealer(main.database.db, { intervalMs: 200, onError: (e) => jobErrors.push(e) });
      const expiry = startPaymentExpiryJob(main.database.db, { intervalMs: 200, onError: (e) => jobErrors.push(e) });
      stopJobs = async () => {
        await sealer.stop().catch((e: unknown) => jobErrors.push(e));
        await expiry.stop();
      };
      expect((await main.app.inject('/readyz')).statusCode).toBe(200);
      expect((await listUsers(main)).statusCode).toBe(200);
    });

    /**
     * One outage under write load: a server that answered before (warm) and one that never did
     * (cold, no permission matrix cached) both answer as promised; once the proxy is restored both
     * recover without a restart, and every write acknowledged before or during the outage is stored.
     */
    const outage = async (breakDatabase: () => Promise<void> | void) => {
      const cold = await start();
      const before = acknowledged.length;
      load = writer(main);
      while (acknowledged.length < before + 2) await new Promise((resolve) => setTimeout(resolve, 20));
      await breakDatabase(); // with a write in flight
      await expectOutageAnswers(cold);
      await expectOutageAnswers(main);
      while (load.failures() === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      await load.stop();
      load = undefined;
      await proxy.restore();
      await recovered(main);
      await recovered(cold);
      expect((await main.app.inject('/readyz')).statusCode).toBe(200);
      expect((await cold.app.inject('/readyz')).statusCode).toBe(200);
      await expectEveryAcknowledgedWriteStored();
    };

    it('cut off: /healthz stays 200, /readyz 503 within 1 s, the API 503 with Retry-After, the IPN RspCode 99; then it recovers by itself', async () => {
      await outage(() => proxy.cut());
    });

    it('stalled: the same answers within seconds instead of hanging, and recovery once it answers again', async () => {
      await outage(() => proxy.freeze());
    });

    it('the background jobs stop within seconds during a stall (they do not queue a pass per tick while the database hangs)', async () => {
      const errors: unknown[] = [];
      const sealer = startAccessLogSealer(main.database.db, { intervalMs: 50, onError: (e) => errors.push(e) });
      const expiry = startPaymentExpiryJob(main.database.db, { intervalMs: 50, onError: (e) => errors.push(e) });
      proxy.freeze();
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const started = Date.now();
      await Promise.all([sealer.stop(), expiry.stop()]);
      expect(Date.now() - started).toBeLessThan(FEW_SECONDS);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.filter((e) => !isDatabaseUnavailable(e))).toEqual([]);
    });

    it('long work is not cut by the statement timeout: seeding (COPY, index rebuilds) and the quality run', async () => {
      // A statement timeout of 1 ms: any statement of a request fails, the bulk work must not.
      const target = withDatabaseName(url!, name);
      const strict = await openDatabase({
        kind: 'postgres',
        url: target,
        poolSize: 2,
        timeouts: { connectMs: 2_000, statementMs: 1, queryMs: 1_000, idleInTransactionMs: 5_000 },
      });
      try {
        const cut = await strict.rows(sql`select pg_sleep(0.05)`).catch((e: unknown) => e);
        expect(databaseUnavailableReason(cut)).toBe('SQLSTATE 57014');
        await expect(unboundedDatabase(strict).rows(sql`select pg_sleep(0.05)`)).resolves.toHaveLength(1);
        const seeded = await seedDemoProvince(strict, {
          people: 2_000,
          provinceCode: '12',
          seed: 'outage',
          referenceDate: '2026-11-27',
        });
        expect(seeded.people).toBeGreaterThan(1_900);
        await expect(runQualityCheck(strict, '2026-11-27')).resolves.toBeGreaterThan(0);
      } finally {
        await strict.close();
      }
    });

    it('the background jobs saw only outage errors and did not stop the process', async () => {
      await stopJobs();
      stopJobs = async () => undefined;
      expect(jobErrors.filter((e) => !isDatabaseUnavailable(e))).toEqual([]);
    });
  },
);
