import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { deadLetterQueueOf, startJobQueue } from './job-queue';
import { listFailedJobs, listQueues, retryFailedJob } from './jobs.service';

type Queue = Awaited<ReturnType<typeof startJobQueue>>;

/** Resolves once `check` is true, polling; fails after `ms`. */
async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const effects = async (database: TestDatabase) =>
  (await database.rows<{ key: string }>(sql`select key from jobs_test_effects order by key`)).map((r) => r.key);

describe('the job queue (pg-boss on the test database)', () => {
  let database: TestDatabase;
  let queue: Queue;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.execute(sql`create table jobs_test_effects (key text primary key)`);
    queue = await startJobQueue(database);
  });
  afterAll(async () => {
    await queue?.stop();
    await database?.dispose();
  });

  it('creates schema pgboss on its first start, beside the migrated schemas', async () => {
    const rows = await database.rows<{ n: string | number }>(
      sql`select count(*) as n from information_schema.tables where table_schema = 'pgboss'`,
    );
    expect(Number(rows[0]?.n)).toBeGreaterThan(5);
  });

  it('keeps a job sent inside a transaction if and only if the transaction commits', async () => {
    await queue.createQueue('test.tx');
    await database.db.transaction(async (tx) => {
      await queue.send(tx, 'test.tx', { key: 'committed' });
    });
    await database.db
      .transaction(async (tx) => {
        await queue.send(tx, 'test.tx', { key: 'rolled-back' });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    const jobs = await queue.boss.findJobs<{ key: string }>('test.tx');
    expect(jobs.map((j) => j.data.key)).toEqual(['committed']);
  });

  it('refuses to send through a transaction to a queue this process did not create (it could wait for ever on PGlite)', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await queue.send(tx, 'test.unknown', { key: 'x' });
      }),
    ).rejects.toThrow(/not created/);
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    await queue.createQueue('test.retry', { retryLimit: 3, retryDelay: 1, retryBackoff: true });
    const attempts: Array<{ retryCount: number; at: number }> = [];
    await queue.work<{ key: string }>(
      'test.retry',
      async (data, job) => {
        attempts.push({ retryCount: job.retryCount, at: Date.now() });
        if (attempts.length < 3) throw new Error('channel down');
        await database.db.execute(sql`insert into jobs_test_effects (key) values (${data.key})`);
      },
      { pollingIntervalSeconds: 0.5 },
    );
    await queue.sendNow('test.retry', { key: 'retried' });
    await until(async () => (await effects(database)).includes('retried'), 30_000);
    expect(attempts.map((a) => a.retryCount)).toEqual([0, 1, 2]);
    // Backoff with pg-boss's jitter: the n-th retry waits retryDelay × 2^(n-1) × (1 + random) seconds, so the
    // first gap is 1–2 s and the second 2–4 s (plus up to one polling interval each). Without backoff the second
    // gap would be 1 s + at most 0.5 s of polling: at least 2 s can only come from the doubling.
    const [first, second] = [attempts[1]!.at - attempts[0]!.at, attempts[2]!.at - attempts[1]!.at];
    expect(first).toBeGreaterThanOrEqual(950);
    expect(second).toBeGreaterThanOrEqual(1_950);
  }, 40_000);

  it('moves a job that failed its last attempt to the dead letters, lists it without its data, and retries it on request', async () => {
    await queue.createQueue('test.failing', { retryLimit: 1, retryDelay: 1, retryBackoff: false });
    let failing = true;
    await queue.work<{ dossierId: number; nationalId: string }>(
      'test.failing',
      async (data) => {
        if (failing) throw new Error('gateway answered 500');
        await database.db.execute(sql`insert into jobs_test_effects (key) values (${`dead-${data.dossierId}`})`);
      },
      { pollingIntervalSeconds: 0.5 },
    );
    await queue.sendNow('test.failing', { dossierId: 42, nationalId: '012190000001' });
    let failed: Awaited<ReturnType<typeof listFailedJobs>> = [];
    await until(async () => (failed = await listFailedJobs(queue)).length > 0, 30_000);
    expect(failed).toHaveLength(1);
    const [job] = failed;
    expect(job).toMatchObject({ queue: 'test.failing', error: 'gateway answered 500', attempts: 2 });
    expect(job!.data).toEqual({ dossierId: 42, nationalId: '…' });
    expect(JSON.stringify(job)).not.toContain('012190000001');
    const counts = (await listQueues(queue)).find((q) => q.name === 'test.failing');
    expect(counts).toMatchObject({ failed: 1, deadLetters: 1 });

    failing = false;
    expect(await retryFailedJob(queue, job!.id)).toEqual({ id: job!.id, queue: 'test.failing' });
    await until(async () => (await effects(database)).includes('dead-42'), 30_000);
    expect(await listFailedJobs(queue)).toEqual([]);
    expect(await retryFailedJob(queue, job!.id)).toBeNull();
    expect((await queue.boss.getQueue(deadLetterQueueOf('test.failing')))?.queuedCount).toBe(0);
  }, 40_000);

  it('runs each job once with two workers on one queue', async () => {
    await queue.createQueue('test.once');
    const other = await startJobQueue(database, { supervise: false });
    try {
      const handler = async (data: { key: string }) => {
        await database.db.execute(sql`insert into jobs_test_effects (key) values (${data.key})`);
      };
      await queue.work('test.once', handler, { pollingIntervalSeconds: 0.5, batchSize: 4 });
      await other.work('test.once', handler, { pollingIntervalSeconds: 0.5, batchSize: 4 });
      const n = 40;
      for (let i = 0; i < n; i++) await queue.sendNow('test.once', { key: `once-${String(i).padStart(3, '0')}` });
      await until(async () => (await effects(database)).filter((k) => k.startsWith('once-')).length >= n, 30_000);
      await new Promise((r) => setTimeout(r, 1_000)); // a duplicate would land now (and fail on the key)
      const done = await queue.boss.findJobs('test.once');
      expect(done.length).toBe(n);
      expect((await queue.boss.getQueue('test.once'))?.failedCount).toBe(0);
    } finally {
      await other.stop();
    }
  }, 40_000);
});
