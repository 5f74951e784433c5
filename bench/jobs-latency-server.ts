// Child process of jobs-latency.bench.ts: the server as `serve` (src/server/main.ts) starts it, in production
// mode, on the bench's own data folder — with the job queue and every periodic background job (`--mode jobs`)
// or with no job queue at all (`--mode none`: no pg-boss, no background jobs, no notification jobs; the
// jobs administrator's routes answer 503). `--mode setup` prepares the database (migrations, reference data,
// a synthetic province of DEMO_PEOPLE people, the bench's user) and exits.
// The database is DATABASE_URL when set, else embedded PGlite under DATA_DIR (both given by the parent).
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { prepareDatabase } from '../src/server/bootstrap';
import { startBackgroundJobs, BACKGROUND_QUEUES } from '../src/server/background-jobs';
import { loadConfig } from '../src/server/platform/config';
import { logJobErrors } from '../src/server/platform/interval-job';
import { createLogger } from '../src/server/platform/logger';
import { startJobQueue } from '../src/server/modules/jobs';
import { buildRatingLink } from '../src/server/modules/service-index';
import { registerNotificationJobs, startNotificationChannels } from '../src/server/modules/notifications';
import { seedDemoProvince } from '../src/server/modules/demo';
import { assignRole, createStaffUser } from '../src/server/modules/identity';
import { benchConfigEnv } from './common';

const args = process.argv.slice(2);
const mode = args[args.indexOf('--mode') + 1];
const idleSeconds = args.includes('--idle') ? Number(args[args.indexOf('--idle') + 1]) : 5;
if (mode !== 'jobs' && mode !== 'none' && mode !== 'setup') throw new Error('--mode jobs|none|setup');
const place = {
  DATA_DIR: process.env.DATA_DIR!,
  ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
};

const config = loadConfig(benchConfigEnv(place));

if (mode === 'setup') {
  // The reference data every start loads, a small synthetic province (people and households, no dossiers:
  // the background passes find no backlog to catch up on) and a signed-in user for the load.
  const database = await prepareDatabase(config, (msg) => process.stderr.write(`  setup: ${msg}\n`));
  const seeded = await seedDemoProvince(database, {
    people: Number(process.env.DEMO_PEOPLE ?? 1000),
    provinceCode: config.PROVINCE_CODE,
    seed: 'bench',
    referenceDate: '2026-11-27',
  });
  process.stderr.write(`  setup: seeded ${seeded.people} people in ${seeded.households} households\n`);
  const { user } = await createStaffUser(database.db, {
    username: process.env.BENCH_USER!, // the account the load signs in with, given by the parent
    displayName: 'Benchmark',
    password: process.env.BENCH_PASSWORD!,
  });
  await assignRole(database.db, null, user.id, { role: 'standing_agency', unitCode: config.PROVINCE_CODE });
  await database.close();
  process.exit(0);
}

const log = createLogger(config.LOG_LEVEL);
const database = await prepareDatabase(config, () => undefined);

/**
 * On PGlite every statement of the application and of pg-boss goes through the one client: counts the
 * client's calls and the time at least one is pending (waiting for the client's lock or running).
 */
const usage = { calls: 0, busyMs: 0 };
if (database.kind === 'pglite' && database.client) {
  type Call = (...a: unknown[]) => Promise<unknown>;
  const client = database.client as unknown as Record<'query' | 'exec' | 'transaction', Call>;
  let depth = 0;
  let since = 0;
  for (const method of ['query', 'exec', 'transaction'] as const) {
    const original = client[method].bind(client);
    client[method] = async (...a: unknown[]) => {
      usage.calls++;
      if (depth++ === 0) since = performance.now();
      try {
        return await original(...a);
      } finally {
        if (--depth === 0) usage.busyMs += performance.now() - since;
      }
    };
  }
}

// As main.ts's serve(): the queue before the app, the background jobs and notifications after it.
const onJobError = logJobErrors(log);
const jobs =
  mode === 'jobs'
    ? await startJobQueue(database, {
        url: config.DATABASE_URL,
        connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
        queryTimeoutMs: Math.max(60_000, config.DB_QUERY_TIMEOUT_MS),
        onError: onJobError,
      })
    : undefined;
const app = await buildApp({ config, database, jobs });
let stopBackground = async () => undefined as void;
if (jobs) {
  const background = await startBackgroundJobs(jobs, database, config, onJobError);
  const channels = await startNotificationChannels(config, database.db);
  const notificationDeps = {
    db: database.db,
    channels: channels.channels,
    portalUrl: config.PUBLIC_URL,
    ratingLink: (dossierId: string) => buildRatingLink(config, dossierId),
  };
  await registerNotificationJobs(jobs, notificationDeps);
  stopBackground = async () => {
    background.stopping();
    await jobs.stop();
    await background.finish();
    await channels.close();
  };
  // The quality and kpi runs offered at start are one-off work, not the steady state measured: wait for them.
  const started = Date.now();
  for (;;) {
    const [row] = await database.rows<{ n: number }>(
      sql`select count(*)::int as n from pgboss.job where name in (${BACKGROUND_QUEUES.qualityRun}, ${BACKGROUND_QUEUES.kpiRun}) and state in ('created', 'retry', 'active')`,
    );
    if (!row?.n) break;
    if (Date.now() - started > 300_000)
      throw new Error('the start-up quality and kpi runs did not finish in 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
await app.listen({ port: 0, host: '127.0.0.1' });

// The idle server: what the background work alone costs the process (its event loop, the PGlite client).
const calls0 = usage.calls;
const busy0 = usage.busyMs;
const elu0 = performance.eventLoopUtilization();
await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
const idle = {
  seconds: idleSeconds,
  eventLoopUtilization: performance.eventLoopUtilization(elu0).utilization,
  clientCallsPerSecond: database.kind === 'pglite' ? (usage.calls - calls0) / idleSeconds : null,
  clientBusyMsPerSecond: database.kind === 'pglite' ? (usage.busyMs - busy0) / idleSeconds : null,
};
const port = (app.server.address() as { port: number }).port;
process.stdout.write(`READY ${port} ${JSON.stringify(idle)}\n`);

process.once('SIGTERM', () => {
  void (async () => {
    await app.close();
    await stopBackground();
    await database.close();
    process.exit(0);
  })();
});
