import {
  PgBoss,
  fromDrizzle,
  fromPglite,
  type ConstructorOptions,
  type DrizzleTransactionLike,
  type Job,
  type JobResult,
} from 'pg-boss';
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db';
import type { JobContext, JobQueue, QueuePolicy, RedriveHook, SendOptions } from '../../platform/job-queue';

/** Cron schedules are read in Vietnam time (UTC+7, no daylight saving). */
export const SCHEDULE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The dead-letter queue of a queue: where its jobs go after their last attempt (kept, listed to the administrator). */
export const deadLetterQueueOf = (queue: string) => `${queue}.dead`;
export const isDeadLetterQueue = (queue: string) => queue.endsWith('.dead');

/** What a failed job keeps of its error: the message only, bounded (a driver's detail may quote row values). */
export const MAX_ERROR_LENGTH = 500;

/** Dead letters are kept a year (pg-boss's longest retention), so a failure is never lost before someone looks. */
const DEAD_LETTER_RETENTION_SECONDS = 365 * 86_400;

const DEFAULT_POLICY: Required<Pick<QueuePolicy, 'retryLimit' | 'retryDelay' | 'retryBackoff'>> = {
  retryLimit: 3,
  retryDelay: 5,
  retryBackoff: true,
};

export interface JobQueueOptions {
  /** PostgreSQL: the database's URL (pg-boss opens a small pool of its own on it); default `database.url`. */
  url?: string;
  /** Connections of that pool (default 3). */
  poolSize?: number;
  /** Opening a connection of that pool, ms (ADR 0014). */
  connectTimeoutMs?: number;
  /** Client-side wait for any answer on that pool, ms: a stalled server fails pg-boss's statements instead of holding them (ADR 0014). */
  queryTimeoutMs?: number;
  /**
   * Errors of the queue itself (polling, maintenance) under the name 'job queue', and of handlers
   * under their queue's name (the caller coalesces database outages, ADR 0014).
   */
  onError?: (error: unknown, queue: string) => void;
  /** Whether this process takes part in the cron timekeeping and maintenance (default true). */
  supervise?: boolean;
  /** How long `stop()` waits for running jobs before it closes (default 30 s; they are retried later). */
  stopTimeoutMs?: number;
  /** Seconds between two looks at the schedules (default 30, pg-boss's). */
  cronMonitorIntervalSeconds?: number;
}

/** The application's database as pg-boss reaches it, with the constructor options of that engine. */
function connection(database: Database, options: JobQueueOptions): ConstructorOptions {
  if (database.kind === 'pglite') {
    if (!database.client) throw new Error('job queue: the embedded database exposes no client');
    // One connection shared with the application (ADR 0031): no REINDEX CONCURRENTLY, no vacuum watch.
    return { db: fromPglite(database.client), backend: 'pglite', reindex: false, monitorVacuum: false };
  }
  const url = options.url ?? database.url;
  if (!url) throw new Error('job queue: PostgreSQL needs the database URL');
  // Passed through to node-postgres's pool (pg-boss hands it its whole configuration): TCP keep-alive
  // and the client-side query timeout, as the application's pool has them (platform/db.ts).
  const pool = { keepAlive: true, ...(options.queryTimeoutMs ? { query_timeout: options.queryTimeoutMs } : {}) };
  return {
    ...pool,
    connectionString: url,
    max: options.poolSize ?? 3,
    ...(options.connectTimeoutMs ? { connectionTimeoutMillis: options.connectTimeoutMs } : {}),
    application_name: 'dvc06-jobs',
  };
}

/** The job options pg-boss takes, from ours. */
function jobOptions(options: SendOptions = {}) {
  const { startAfter, ...rest } = options;
  return { ...rest, ...(startAfter !== undefined ? { startAfter } : {}) };
}

/**
 * An error pg-boss emits, as the driver raised it: a worker's error comes as a plain object whose
 * message ends with " (Queue: …, Worker: …)", which would hide "Query read timeout" and the like from
 * the outage check (platform/db-errors.ts) — so one poll failing per second would be logged as one
 * error per second instead of one outage warning a minute (ADR 0014).
 */
export function bossError(error: unknown): { error: unknown; queue?: string } {
  if (!error || typeof error !== 'object') return { error };
  const { message, queue, code } = error as { message?: unknown; queue?: unknown; code?: unknown };
  if (typeof message !== 'string' || typeof queue !== 'string') return { error };
  const unwrapped = Object.assign(new Error(message.replace(/ \(Queue: [^)]*\)$/, '')), code ? { code } : {});
  return { error: unwrapped, queue };
}

/**
 * pg-boss's handle on the caller's open transaction: a pg-boss call given it runs its statements
 * there (on PGlite, never on a connection of its own while the application's transaction is open).
 */
export function bossDbOf(tx: Db) {
  return fromDrizzle(tx as unknown as DrizzleTransactionLike, sql);
}

/** The message of an error, bounded: what a failed job keeps and what the log gets. */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH)}…` : message;
}

/**
 * Starts pg-boss on the application's database (ADR 0031): on embedded PGlite on the application's
 * own client (`fromPglite`), on PostgreSQL on a small pool of its own. Creates or migrates schema
 * `pgboss` on the first start.
 */
export async function startJobQueue(database: Database, options: JobQueueOptions = {}): Promise<JobQueue & JobAdmin> {
  const onError = options.onError ?? (() => undefined);
  const supervise = options.supervise ?? true;
  const boss = new PgBoss({
    ...connection(database, options),
    schema: 'pgboss',
    supervise,
    schedule: supervise,
    ...(options.cronMonitorIntervalSeconds ? { cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds } : {}),
    openTelemetry: { enabled: false },
    persistWarnings: false,
  });
  boss.on('error', (error: unknown) => {
    const { error: original, queue } = bossError(error);
    onError(original, queue ?? 'job queue');
  });
  await boss.start();
  const known = new Set<string>();
  const redriveHooks = new Map<string, RedriveHook>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;

  const queue: JobQueue & JobAdmin = {
    async createQueue(name, policy = {}) {
      const {
        deadLetter = true,
        periodic = false,
        expireInSeconds,
        keepCompletedSeconds,
        onRedrive,
        ...retry
      } = policy;
      const settings = {
        ...DEFAULT_POLICY,
        ...retry,
        ...(periodic ? { policy: 'stately' } : {}),
        ...(expireInSeconds ? { expireInSeconds } : {}),
        ...(keepCompletedSeconds ? { deleteAfterSeconds: keepCompletedSeconds } : {}),
      };
      if (deadLetter) {
        const dead = deadLetterQueueOf(name);
        await boss.createQueue(dead, { retentionSeconds: DEAD_LETTER_RETENTION_SECONDS });
        known.add(dead);
        await boss.createQueue(name, { ...settings, deadLetter: dead });
      } else {
        await boss.createQueue(name, settings);
      }
      known.add(name);
      // Kept in this process (the jobs page's retry runs it here); a later createQueue without one keeps it.
      if (onRedrive) redriveHooks.set(name, onRedrive);
    },
    async send(tx: Db, name, data, sendOptions) {
      // A queue pg-boss has not cached would be read on its own connection — inside an open PGlite
      // transaction that waits for ever (ADR 0031, hazard 1): only queues created by this process.
      if (!known.has(name)) throw new Error(`job queue: queue ${name} was not created in this process`);
      return boss.send(name, data, {
        ...jobOptions(sendOptions),
        db: bossDbOf(tx),
      });
    },
    async sendNow(name, data, sendOptions) {
      return boss.send(name, data, jobOptions(sendOptions));
    },
    async work<T extends object>(
      name: string,
      handler: (data: T, job: JobContext) => Promise<void>,
      workOptions: { pollingIntervalSeconds?: number; batchSize?: number } = {},
    ) {
      await boss.work<T>(
        name,
        {
          pollingIntervalSeconds: workOptions.pollingIntervalSeconds ?? 2,
          batchSize: workOptions.batchSize ?? 1,
          perJobResults: true,
        },
        async (jobs: Job<T>[]): Promise<JobResult[]> => {
          const results: JobResult[] = [];
          for (const job of jobs) {
            try {
              await handler(job.data, { id: job.id, retryCount: job.retryCount });
              results.push({ id: job.id, status: 'completed' });
            } catch (error) {
              onError(error, name);
              results.push({ id: job.id, status: 'failed', output: { message: errorMessage(error) } });
            }
          }
          return results;
        },
      );
    },
    async schedule(name, cron, data = {}) {
      await boss.schedule(name, cron, data, { tz: SCHEDULE_TIME_ZONE });
    },
    every(name, seconds, data = {}) {
      const offer = () => {
        if (!stopped) boss.sendThrottled(name, data, null, seconds).catch((error: unknown) => onError(error, name));
      };
      const timer = setInterval(offer, seconds * 1000);
      timer.unref(); // never keeps the process alive by itself
      timers.push(timer);
      offer();
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await boss.stop({ graceful: true, close: true, timeout: options.stopTimeoutMs ?? 30_000 });
    },
    boss,
    database,
    redriveHooks,
  };
  admins.set(queue, queue);
  return queue;
}

const admins = new WeakMap<JobQueue, JobAdmin>();

/** The administrator's side of a queue `startJobQueue` made (undefined for any other implementation of the port). */
export function adminOf(queue: JobQueue): JobAdmin | undefined {
  return admins.get(queue);
}

/** What the administrator's routes reach beyond the port: the pg-boss instance itself. */
export interface JobAdmin {
  readonly boss: PgBoss;
  /** The database pg-boss's schema is in (the administrator's counts are read from it). */
  readonly database: Database;
  /** The redrive hooks the queues of this process declared (`QueuePolicy.onRedrive`), by queue name. */
  readonly redriveHooks: ReadonlyMap<string, RedriveHook>;
}
