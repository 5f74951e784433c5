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
  /** Stops taking jobs and waits for the jobs running in this process (graceful shutdown). */
  stop(): Promise<void>;
}
