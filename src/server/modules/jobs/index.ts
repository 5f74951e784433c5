/**
 * The durable job queue (issue 17 §1, ADR 0031): pg-boss on the application's database, on PostgreSQL
 * and on embedded PGlite, for all background work. Work enqueued from a business transaction goes
 * through that transaction (`send(tx, …)`): the job exists if and only if the transaction commits.
 */
export { uuidInJobData } from '../../platform/job-queue';
export type {
  JobContext,
  JobQueue,
  QueuePolicy,
  RedriveHook,
  RedriveRefusal,
  SendOptions,
} from '../../platform/job-queue';
export type { Database, Db } from '../../platform/db';
/** Starts the queue on the application's database (see job-queue.ts). */
export { startJobQueue, type JobQueueOptions } from './job-queue';
/** The administrator's routes, mounted at /api/v1/jobs (action jobs.manage): queues, failed jobs, retry. */
export { jobsRoutes } from './jobs.routes';
