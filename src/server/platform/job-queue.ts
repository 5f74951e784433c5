import type { Db } from './db';

/**
 * The port of the durable job queue (ADR 0031): what the application and modules see of it. The
 * `jobs` module implements it on pg-boss; the platform only names it, so `AppDeps` can carry it.
 */

/** Options of one job. */
export interface SendOptions {
  /** At most one job with this key waiting in the queue at a time (a second send answers null). */
  singletonKey?: string;
  /** Not before this date (or this many seconds from now). */
  startAfter?: Date | number;
  retryLimit?: number;
  /** Seconds before the first retry. */
  retryDelay?: number;
  retryBackoff?: boolean;
}

/** What a handler knows of the job it runs. */
export interface JobContext {
  id: string;
  /** 0 on the first attempt. */
  retryCount: number;
}

/**
 * Why a queue's redrive hook refuses an administrator's retry from the jobs page: the domain row the
 * dead letter was about is no longer waiting for it (already retried from its module's page, sent…).
 */
export interface RedriveRefusal {
  /** Why, in Vietnamese and in English (e.g. "the message is queued" / "thông báo đang ở trạng thái queued"). */
  reasonVi: string;
  reasonEn: string;
  /** The page the administrator should look at instead (e.g. '/admin/notifications'). */
  page: string;
}

/**
 * What a retry from the jobs page must do to the domain before a queue's dead letter runs again
 * (ADR 0031, dead letters): reopen the row the job works on (a `failed` outbox message back to
 * `queued`, a `dead` push to `pending`), inside `tx` — the same transaction as the redrive itself, so
 * the new job exists if and only if the row is reopened. Answers a refusal when there is nothing to
 * reopen; the transaction is then rolled back (nothing redriven, nothing written). `data` is the dead
 * letter's data as stored: check its shape. Never calls the queue (no `send`): the redrive is the job.
 */
export type RedriveHook = (tx: Db, data: unknown) => Promise<RedriveRefusal | undefined>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A uuid field of a job's data as a redrive hook receives it (`unknown`: a dead letter's data is
 * whatever was stored), or undefined when absent or not a uuid — anything else would fail a uuid
 * column's cast and abort the hook's transaction.
 */
export function uuidInJobData(data: unknown, key: string): string | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === 'string' && UUID.test(value) ? value : undefined;
}

/** The retry policy of a queue, inherited by its jobs. */
export interface QueuePolicy {
  retryLimit?: number;
  /** Seconds before the first retry. */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** A job that failed its last attempt is also copied to the queue's dead-letter queue (default true). */
  deadLetter?: boolean;
  /**
   * A queue of periodic passes: at most one job waiting and one running, across processes (pg-boss's
   * `stately` policy) — a pass offered while one already waits is dropped, as a timer skips a tick.
   */
  periodic?: boolean;
  /** Seconds a job may run before it counts as lost and is retried (default 15 minutes). */
  expireInSeconds?: number;
  /** Seconds a completed job is kept (default 7 days; frequent passes keep less). */
  keepCompletedSeconds?: number;
  /**
   * A queue whose handler only acts on a domain row that is still waiting (an outbox message, a push)
   * says here how a retry from the jobs page reopens that row (see RedriveHook). Without it, a retry
   * only sends the dead letter back to the queue.
   */
  onRedrive?: RedriveHook;
}

/** The job queue of a server process. */
export interface JobQueue {
  /** Creates the queue (its retry policy and its dead-letter queue) if missing. */
  createQueue(name: string, policy?: QueuePolicy): Promise<void>;
  /** Enqueues inside the caller's transaction: the job exists if and only if the transaction commits. */
  send<T extends object>(tx: Db, queue: string, data: T, options?: SendOptions): Promise<string | null>;
  /** Enqueues outside any transaction. */
  sendNow<T extends object>(queue: string, data: T, options?: SendOptions): Promise<string | null>;
  /** Handles a queue's jobs in this process: at least once; a thrown error retries with backoff, then the job fails (dead letter). */
  work<T extends object>(
    queue: string,
    handler: (data: T, job: JobContext) => Promise<void>,
    options?: { pollingIntervalSeconds?: number; batchSize?: number },
  ): Promise<void>;
  /** A recurring job (cron, Vietnam time) handled by `work` on the same queue. */
  schedule(queue: string, cron: string, data?: object): Promise<void>;
  /**
   * A recurring job more often than cron's minute: every process offers one job per `seconds`
   * slot and the queue keeps one per slot (pg-boss throttling), so the work runs once per slot
   * whichever process takes it. Offers stop with `stop()`.
   */
  every(queue: string, seconds: number, data?: object): void;
  /** Stops taking jobs and waits for the jobs running in this process (graceful shutdown). */
  stop(): Promise<void>;
}
