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
