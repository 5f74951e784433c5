/**
 * A second server process as far as the job queue is concerned, for the exactly-once test
 * (jobs.two-processes.test.ts): a pg-boss worker on the PostgreSQL database named on the command
 * line, handling `test.exactly-once`. Each attempt is recorded with this process's id, then the job's
 * effect — a row with the job's unique key. Prints READY once it works; stops on SIGTERM.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../../platform/db';
import { startJobQueue } from '../job-queue';

const url = process.argv[2];
if (!url) throw new Error('usage: worker-process.ts <postgresql-url>');
const database = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
const jobs = await startJobQueue(database, { url, supervise: false });
await jobs.createQueue('test.exactly-once');
await jobs.work<{ key: string }>(
  'test.exactly-once',
  async (data) => {
    await database.db.execute(sql`insert into jobs_test_attempts (key, pid) values (${data.key}, ${process.pid})`);
    await database.db.execute(sql`insert into jobs_test_effects (key) values (${data.key})`);
  },
  { pollingIntervalSeconds: 0.5, batchSize: 5 },
);
process.stdout.write('READY\n');
process.once('SIGTERM', () => {
  void jobs
    .stop()
    .then(() => database.close())
    .then(() => process.exit(0));
});
