import { sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors';
import type { RedriveRefusal } from '../../platform/job-queue';
import { bossDbOf, deadLetterQueueOf, isDeadLetterQueue, type JobAdmin } from './job-queue';

/** A queue of the application as the administrator sees it: its jobs counted by state. */
export interface QueueSummary {
  name: string;
  /** Waiting and due now. */
  ready: number;
  /** Waiting for a later time (a retry's backoff, a start date). */
  deferred: number;
  active: number;
  /** Failed after their last attempt, still kept (pg-boss's retention). */
  failed: number;
  /** Copies of failed jobs waiting in the dead-letter queue for a retry. */
  deadLetters: number;
  /** The recurring schedule (cron, Vietnam time), if any. */
  schedule: string | null;
}

/** A job that failed its last attempt, from its queue's dead letters. */
export interface FailedJob {
  /** The dead letter's id (what a retry names). */
  id: string;
  queue: string;
  /** The job's data with only identifiers shown (summarizeJobData). */
  data: Record<string, string | number | boolean>;
  error: string;
  attempts: number;
  enqueuedAt: string | null;
  failedAt: string;
}

/** pg-boss's own queues (the cron forwarder) are not the application's. */
const isInternal = (name: string) => name.startsWith('__pgboss');

/** Keys whose values are identifiers or codes the administrator may see. */
const SAFE_KEY =
  /^(id|code|channel|kind|type|event|trigger|sequence|seq|slot|period|state|status|structure|[a-z]+(Id|Code|Ids|Key|Count))$/;
/** …unless the key names personal data (an ID number, a name, a contact). */
const PERSONAL_KEY = /national|citizen|person|phone|email|mail|name|address|birth|token|secret|password|cccd|cmnd/i;
const SAFE_VALUE = /^[\w.\-:/]{1,64}$/;
const HIDDEN = '…';

/**
 * A job's data for the administrator's page, without personal data: every key is shown, but only the
 * value of an identifier or code (a dossier id, a channel) that is a number, a boolean or a short
 * token; any other value — names, ID numbers, texts, nested objects — is shown as "…".
 */
export function summarizeJobData(data: unknown): Record<string, string | number | boolean> {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>).slice(0, 20)) {
    const safe = SAFE_KEY.test(key) && !PERSONAL_KEY.test(key);
    out[key] =
      safe && (typeof value === 'number' || typeof value === 'boolean')
        ? value
        : safe && typeof value === 'string' && SAFE_VALUE.test(value)
          ? value
          : HIDDEN;
  }
  return out;
}

/**
 * The application's queues (not pg-boss's own, not the dead-letter queues) with their counts, by
 * name. Counted from pgboss.job now: pg-boss's own counts (getQueues) are a monitor's, a minute old.
 */
export async function listQueues({ boss, database }: JobAdmin): Promise<QueueSummary[]> {
  const queues = await boss.getQueues();
  const counts = new Map(
    (
      await database.rows<Record<'name' | 'ready' | 'deferred' | 'active' | 'failed' | 'waiting', string | number>>(
        sql`select name,
              count(*) filter (where state in ('created', 'retry') and start_after <= now()) as ready,
              count(*) filter (where state in ('created', 'retry') and start_after > now()) as deferred,
              count(*) filter (where state = 'active') as active,
              count(*) filter (where state = 'failed') as failed,
              count(*) filter (where state in ('created', 'retry')) as waiting
            from pgboss.job group by name`,
      )
    ).map((r) => [String(r.name), r]),
  );
  const count = (name: string, key: 'ready' | 'deferred' | 'active' | 'failed' | 'waiting') =>
    Number(counts.get(name)?.[key] ?? 0);
  const schedules = new Map((await boss.getSchedules()).map((s) => [s.name, s.cron]));
  return queues
    .filter((q) => !isInternal(q.name) && !isDeadLetterQueue(q.name))
    .map((q) => ({
      name: q.name,
      ready: count(q.name, 'ready'),
      deferred: count(q.name, 'deferred'),
      active: count(q.name, 'active'),
      failed: count(q.name, 'failed'),
      deadLetters: count(deadLetterQueueOf(q.name), 'waiting'),
      schedule: schedules.get(q.name) ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null);

/** The error a failed job kept: our handlers store `{ message }`; pg-boss's own (an expired job) may differ. */
function errorOf(output: unknown): string {
  if (output && typeof output === 'object' && 'message' in output) return String(output.message).slice(0, 500);
  return output ? JSON.stringify(output).slice(0, 500) : '';
}

/** Jobs that failed their last attempt, newest first, from every dead-letter queue. */
export async function listFailedJobs({ boss }: JobAdmin, limit = 200): Promise<FailedJob[]> {
  const deadQueues = (await boss.getQueues()).filter((q) => isDeadLetterQueue(q.name));
  const failed: FailedJob[] = [];
  for (const dead of deadQueues) {
    for (const job of await boss.findJobs(dead.name, { queued: true, limit })) {
      failed.push({
        id: job.id,
        queue: job.sourceName ?? dead.name.replace(/\.dead$/, ''),
        data: summarizeJobData(job.data),
        error: errorOf(job.sourceOutput),
        attempts: (job.sourceRetryCount ?? 0) + 1,
        enqueuedAt: iso(job.sourceCreatedOn),
        failedAt: iso(job.createdOn) ?? new Date(0).toISOString(),
      });
    }
  }
  return failed.sort((a, b) => b.failedAt.localeCompare(a.failedAt)).slice(0, limit);
}

/** A retry from the jobs page refused by its queue's redrive hook (409, bilingual): names the job and the page to look at. */
export function redriveRefused(queue: string, id: string, refusal: RedriveRefusal): AppError {
  return new AppError(
    'JOBS.REDRIVE_CONFLICT',
    `Không chạy lại việc ${queue} (mã ${id}): ${refusal.reasonVi}. Xem trang ${refusal.page}.`,
    `Job ${queue} (id ${id}) was not retried: ${refusal.reasonEn}. Look at ${refusal.page}.`,
    [{ field: 'id', code: 'REDRIVE_REFUSED', messageVi: refusal.reasonVi, messageEn: refusal.reasonEn }],
  );
}

/**
 * Sends a dead letter back to its queue for new attempts (a new job with the queue's retries); null
 * when no such dead letter waits (already retried, or never failed). A queue that declared a redrive
 * hook (`QueuePolicy.onRedrive`) first has its domain row reopened, in one transaction with the
 * redrive (pg-boss runs it on that transaction): the new job exists if and only if the row is
 * reopened. The hook's refusal rolls both back and is thrown as `redriveRefused` (409).
 */
export async function retryFailedJob(
  { boss, database, redriveHooks }: JobAdmin,
  id: string,
): Promise<{ id: string; queue: string } | null> {
  for (const dead of (await boss.getQueues()).filter((q) => isDeadLetterQueue(q.name))) {
    // Outside any transaction: this also puts the dead-letter queue in pg-boss's cache, so the redrive
    // below reads nothing on pg-boss's own connection (on PGlite, inside a transaction, that would wait for ever).
    const [job] = await boss.findJobs(dead.name, { id, queued: true });
    if (!job) continue;
    const queue = job.sourceName ?? dead.name.replace(/\.dead$/, '');
    const hook = redriveHooks.get(queue);
    if (!hook) {
      const moved = await boss.redrive(dead.name, { ids: [id], limit: 1 });
      return moved > 0 ? { id, queue } : null;
    }
    return database.db.transaction(async (tx) => {
      const moved = await boss.redrive(dead.name, { ids: [id], limit: 1, db: bossDbOf(tx) });
      if (moved === 0) return null; // retried meanwhile: the hook is not run
      const refusal = await hook(tx, job.data);
      if (refusal) throw redriveRefused(queue, id, refusal); // rolls the redrive back
      return { id, queue };
    });
  }
  return null;
}
