import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { startTcpProxy, type TcpProxy } from '../../../../test/tcp-proxy';
import { databaseUnavailableReason } from '../../platform/db-errors';
import { openDatabase, type Database } from '../../platform/db';
import { startJobQueue } from './job-queue';

/**
 * The job queue while PostgreSQL is down or stalled (ADR 0014): every error it reports is one the
 * server's handler recognises as an outage (one warning a minute, not one per poll), it stops within
 * seconds even when the database hangs, and once the database is back jobs run again. PostgreSQL only:
 * the embedded database cannot go away under the process.
 */
const ON_POSTGRES = Boolean(process.env.DATABASE_URL);
const FEW_SECONDS = 8_000;

describe.skipIf(!ON_POSTGRES)('the job queue during a database outage (PostgreSQL)', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let viaProxy: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.execute(sql`create table jobs_test_effects (key text primary key)`);
    const target = new URL(database.url!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    viaProxy = await openDatabase({ kind: 'postgres', url: proxy.via(database.url!), poolSize: 2 });
  });
  afterAll(async () => {
    await proxy?.restore();
    await viaProxy?.close();
    await proxy?.close();
    await database?.dispose();
  });

  const start = async (errors: unknown[]) => {
    const jobs = await startJobQueue(viaProxy, {
      url: proxy.via(database.url!),
      connectTimeoutMs: 1_000,
      queryTimeoutMs: 1_500,
      onError: (error) => errors.push(error),
    });
    await jobs.createQueue('test.outage');
    await jobs.work<{ key: string }>(
      'test.outage',
      async (data) => {
        await viaProxy.db.execute(sql`insert into jobs_test_effects (key) values (${data.key})`);
      },
      { pollingIntervalSeconds: 0.5 },
    );
    return jobs;
  };
  const effects = async () =>
    (await database.rows<{ key: string }>(sql`select key from jobs_test_effects`)).map((r) => r.key);

  it('cut off: reports only outage errors, then runs jobs again once the database is back', async () => {
    const errors: unknown[] = [];
    const jobs = await start(errors);
    try {
      await proxy.cut();
      await new Promise((r) => setTimeout(r, 3_000));
      expect(errors.length).toBeGreaterThan(0);
      expect(
        errors
          .filter((e) => !databaseUnavailableReason(e))
          .map((e) => JSON.stringify(e, Object.getOwnPropertyNames(e as object))),
      ).toEqual([]);
      await proxy.restore();
      const end = Date.now() + 20_000;
      for (;;) {
        const sent = await jobs.sendNow('test.outage', { key: 'after-cut' }).catch(() => null);
        if (sent) break;
        if (Date.now() > end) throw new Error('no send within 20 s of the restore');
        await new Promise((r) => setTimeout(r, 250));
      }
      const until = Date.now() + 20_000;
      while (!(await effects()).includes('after-cut') && Date.now() < until)
        await new Promise((r) => setTimeout(r, 200));
      expect(await effects()).toContain('after-cut');
    } finally {
      await proxy.restore();
      await jobs.stop();
    }
  }, 60_000);

  it('stalled: stops within seconds, every error an outage', async () => {
    const errors: unknown[] = [];
    const jobs = await start(errors);
    proxy.freeze();
    try {
      await new Promise((r) => setTimeout(r, 3_000));
      const started = Date.now();
      await jobs.stop();
      expect(Date.now() - started).toBeLessThan(FEW_SECONDS);
      expect(
        errors
          .filter((e) => !databaseUnavailableReason(e))
          .map((e) => JSON.stringify(e, Object.getOwnPropertyNames(e as object))),
      ).toEqual([]);
    } finally {
      await proxy.restore();
    }
  }, 60_000);
});
