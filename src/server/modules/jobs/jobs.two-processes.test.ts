import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { startJobQueue } from './job-queue';

/**
 * Exactly once under two processes (issue 17 §1), the queue alone: two processes, each with its own
 * pg-boss on one PostgreSQL database, work one test queue; N jobs are sent; each job's effect — a row
 * with its unique key — exists exactly once, and no job was even attempted twice. The application's
 * own queues under two real server processes: src/server/jobs.two-servers.test.ts. On embedded PGlite
 * a second process cannot open the data directory at all (ADR 0002): there, job-queue.test.ts runs
 * two workers in one process.
 */
const ON_POSTGRES = Boolean(process.env.DATABASE_URL);
const WORKER = fileURLToPath(new URL('./testing/worker-process.ts', import.meta.url));
const N = 200;

function startWorker(url: string): Promise<{ child: ChildProcess; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (d: Buffer) => {
      output += String(d);
      if (output.includes('READY'))
        resolve({
          child,
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (output += String(d)));
    child.once('exit', (code) => reject(new Error(`worker exited ${code}: ${output}`)));
  });
}

describe.skipIf(!ON_POSTGRES)('the job queue under two server processes (PostgreSQL only: ADR 0002)', () => {
  let database: TestDatabase;
  const workers: Array<{ stop: () => Promise<void> }> = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.execute(sql`create table jobs_test_effects (key text primary key)`);
    await database.db.execute(sql`create table jobs_test_attempts (key text not null, pid int not null)`);
  });
  afterAll(async () => {
    for (const w of workers) await w.stop();
    await database?.dispose();
  });

  it(`runs each of ${N} jobs exactly once, shared between the two processes`, async () => {
    workers.push(await startWorker(database.url!), await startWorker(database.url!));
    const sender = await startJobQueue(database, { supervise: false });
    try {
      await sender.createQueue('test.exactly-once');
      for (let i = 0; i < N; i++) await sender.sendNow('test.exactly-once', { key: `job-${i}` });
    } finally {
      await sender.stop();
    }
    const count = async (table: 'jobs_test_effects' | 'jobs_test_attempts') =>
      Number((await database.rows<{ n: string }>(sql`select count(*) as n from ${sql.raw(table)}`))[0]!.n);
    const end = Date.now() + 60_000;
    while ((await count('jobs_test_effects')) < N && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 1_500)); // a job taken twice would be attempted now
    expect(await count('jobs_test_effects')).toBe(N);
    expect(await count('jobs_test_attempts')).toBe(N);
    const perProcess = await database.rows<{ pid: number; n: string }>(
      sql`select pid, count(*) as n from jobs_test_attempts group by pid`,
    );
    expect(perProcess).toHaveLength(2); // both processes took jobs
  }, 120_000);
});
