import { z } from 'zod';

/* The job queue as the administrator reads it (issue 17 §1, ADR 0031): queues with their jobs by state, and the failed jobs. */

/** One queue of the application, its jobs counted by state now. */
export const JobQueueSummary = z.object({
  name: z.string(),
  /** Waiting and due now. */
  ready: z.number().int(),
  /** Waiting for a later time (a retry's backoff, a start date). */
  deferred: z.number().int(),
  active: z.number().int(),
  /** Failed after their last attempt (kept by the queue's retention). */
  failed: z.number().int(),
  /** Failed jobs waiting in the dead-letter queue for a retry. */
  deadLetters: z.number().int(),
  /** The recurring schedule (cron, Vietnam time), if any. */
  schedule: z.string().nullable(),
});
export type JobQueueSummary = z.infer<typeof JobQueueSummary>;

/** A job that failed its last attempt. Its data shows identifiers only: any other value is "…". */
export const FailedJob = z.object({
  id: z.string().uuid(),
  queue: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  error: z.string(),
  attempts: z.number().int(),
  enqueuedAt: z.string().nullable(),
  failedAt: z.string(),
});
export type FailedJob = z.infer<typeof FailedJob>;

export const JobsOverview = z.object({
  queues: z.array(JobQueueSummary),
  failed: z.array(FailedJob),
});
export type JobsOverview = z.infer<typeof JobsOverview>;
