import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createTestDatabase, testConfig, type TestDatabase } from '../../test/db';
import { countPendingAccess, recordAccess } from './modules/audit';
import { makeEntry } from './modules/audit/test-support';
import { listQueues } from './modules/jobs/jobs.service';
import { startJobQueue } from './modules/jobs/job-queue';
import { BACKGROUND_QUEUES, startBackgroundJobs, type BackgroundJobs } from './background-jobs';

/** Resolves once `check` is true, polling; fails after `ms`. */
async function until(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * An open online payment (as payments' gateway flow writes it: no foreign key to the dossier) whose
 * gateway time ends at `expiresAt`.
 */
async function insertOpenPayment(database: TestDatabase, expiresAt: Date): Promise<string> {
  const id = randomUUID();
  await database.db.execute(sql`insert into payments.payments
      (id, reference, dossier_id, unit_code, procedure_code, procedure_name_vi, created_by_account_id, method, gateway,
       amount, state, created_at, expires_at)
    values (${id}, ${`DVCJOBS${id.slice(0, 8).toUpperCase()}`}, ${randomUUID()}, '03445', '1.004194',
       'Đăng ký tạm trú', ${randomUUID()}, 'gateway', 'vnpay', 7000, 'pending',
       ${new Date(expiresAt.getTime() - 15 * 60_000).toISOString()}, ${expiresAt.toISOString()})`);
  return id;
}

/** The server's periodic work on the job queue (issue 17 §1): the queues, a sealing pass, the runs at start, shutdown. */
describe('the background jobs on the job queue', () => {
  let database: TestDatabase;
  let jobs: Awaited<ReturnType<typeof startJobQueue>>;
  let background: BackgroundJobs;
  let expiredPayment: string;
  let openPayment: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    // Before the queue starts: one payment whose gateway time ran out a minute ago, one with ten minutes left.
    expiredPayment = await insertOpenPayment(database, new Date(Date.now() - 60_000));
    openPayment = await insertOpenPayment(database, new Date(Date.now() + 10 * 60_000));
    jobs = await startJobQueue(database);
    background = await startBackgroundJobs(jobs, database, testConfig(), () => undefined);
  });
  afterAll(async () => {
    await jobs?.stop();
    await database?.dispose();
  });

  it('creates the nine periodic queues, the five longer ones on a cron schedule, none with dead letters', async () => {
    const queues = await listQueues(jobs);
    const names = Object.values(BACKGROUND_QUEUES);
    expect(queues.map((q) => q.name).filter((n) => names.includes(n as never))).toEqual([...names].sort());
    const scheduled = queues.filter((q) => q.schedule).map((q) => q.name);
    expect(scheduled.sort()).toEqual(
      [
        BACKGROUND_QUEUES.supplementExpiry,
        BACKGROUND_QUEUES.unpaidExpiry,
        BACKGROUND_QUEUES.qualityRun,
        BACKGROUND_QUEUES.kpiRun,
        BACKGROUND_QUEUES.notificationPruning,
      ].sort(),
    );
    expect(queues.some((q) => q.name.endsWith('.dead'))).toBe(false);
  });

  it('chains staged access-log entries within seconds, through a sealing job', async () => {
    await recordAccess(database.db, [makeEntry(), makeEntry()]);
    await until(async () => (await countPendingAccess(database.db)) === 0, 15_000);
    const done = await jobs.boss.findJobs(BACKGROUND_QUEUES.accessLogSealing);
    expect(done.length).toBeGreaterThan(0);
  }, 20_000);

  it('closes a payment whose gateway time ran out through a payments.expire job, and leaves a running one open', async () => {
    const state = async (id: string) =>
      (await database.rows<{ state: string }>(sql`select state from payments.payments where id = ${id}`))[0]?.state;
    // The pass offered at start (the queue offers one every 30 s): no timer of the process does this any more.
    await until(async () => (await state(expiredPayment)) === 'expired', 15_000);
    expect(await state(openPayment)).toBe('pending');
    const events = await database.rows<{ event: string; source: string }>(
      sql`select event, source from payments.payment_events where payment_id = ${expiredPayment}`,
    );
    expect(events).toEqual([{ event: 'expire', source: 'job' }]);
    const passes = (await jobs.boss.findJobs(BACKGROUND_QUEUES.paymentExpiry)).filter(
      (j) => (j as { state?: string }).state === 'completed',
    );
    expect(passes.length).toBeGreaterThan(0);
  }, 20_000);

  it('runs the quality and kpi computations offered at start, the kpi one recorded as a start', async () => {
    const completed = async (queue: string) =>
      (await jobs.boss.findJobs(queue)).filter((j) => (j as { state?: string }).state === 'completed');
    await until(async () => (await completed(BACKGROUND_QUEUES.kpiRun)).length > 0, 60_000);
    await until(async () => (await completed(BACKGROUND_QUEUES.qualityRun)).length > 0, 60_000);
    expect((await completed(BACKGROUND_QUEUES.kpiRun))[0]!.data).toEqual({ trigger: 'start' });
  }, 130_000);

  it('stops: the queue waits for running passes, then the last sealing pass chains what is left', async () => {
    await recordAccess(database.db, [makeEntry()]);
    background.stopping();
    await jobs.stop();
    await background.finish();
    expect(await countPendingAccess(database.db)).toBe(0);
  }, 60_000);
});
