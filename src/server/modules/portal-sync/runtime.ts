import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { startIntervalJob, type IntervalJob, type JobErrorHandler } from '../../platform/interval-job';
import type { JobQueue } from '../jobs';
import { redrivePushJob } from './admin.service';
import { collectPushes, PUSH_QUEUE } from './collect';
import { pushes } from './portal-sync.schema';
import { httpPortalTransport, sendDossierPushes, type PortalTransport } from './push';

/** Attempts of one push before it is dead (the first and MAX_ATTEMPTS - 1 retries). */
export const MAX_ATTEMPTS = 8;
export const COLLECT_QUEUE = 'portal-sync.collect';
/**
 * Jobs a send worker takes per poll (handled one after another, each completed or failed on its own):
 * pg-boss waits its polling interval after every fetch, so one job a fetch would send one message
 * per 2 s per process — a morning's 1,000 received dossiers would take over half an hour.
 */
const SEND_BATCH = 10;

/** The transport the configuration gives (PORTAL_SYNC_URL + PORTAL_SYNC_KEY, the sandbox by default outside production); none: nothing is sent, pushes wait. */
export function portalTransportFrom(config: Config): PortalTransport | undefined {
  return config.PORTAL_SYNC_URL && config.PORTAL_SYNC_KEY
    ? httpPortalTransport({
        url: config.PORTAL_SYNC_URL,
        key: config.PORTAL_SYNC_KEY,
        timeoutMs: config.PORTAL_SYNC_TIMEOUT_MS,
      })
    : undefined;
}

export interface PortalSyncJobOptions {
  /** Seconds before the first retry (default 30), doubled each time when `retryBackoff` (default true). */
  retryDelay?: number;
  retryBackoff?: boolean;
  pollingIntervalSeconds?: number;
  /** Offer a collect pass every this many seconds (default 5; 0: never — tests collect by hand). */
  collectEverySeconds?: number;
}

/**
 * Registers the sync on the job queue (ADR 0035): `portal-sync.push` sends one dossier's unsent
 * pushes in order per job (a failure throws: pg-boss retries with backoff up to MAX_ATTEMPTS, the
 * last failure marks the push dead and the job goes to the dead-letter queue — retried from the jobs
 * page, the dead push is reopened first (`redrivePushJob`); a stream held by
 * another sender re-enqueues itself a few seconds later); `portal-sync.collect` (a periodic queue,
 * offered every few seconds: one pass at a time across processes) turns new dossier transitions into
 * pushes and enqueues their dossiers in the same transaction.
 */
export async function registerPortalSyncJobs(
  queue: JobQueue,
  /** `transport` absent (production without PORTAL_SYNC_URL): pushes are collected and wait, listed to the administrator. */
  deps: { db: Db; transport?: PortalTransport },
  options: PortalSyncJobOptions = {},
): Promise<void> {
  const retryDelay = options.retryDelay ?? 30;
  await queue.createQueue(PUSH_QUEUE, {
    retryLimit: MAX_ATTEMPTS - 1,
    retryDelay,
    retryBackoff: options.retryBackoff ?? true,
    // A retry from the jobs page reopens the dossier's dead push first (as /admin/portal-sync's retry does).
    onRedrive: redrivePushJob,
  });
  await queue.createQueue(COLLECT_QUEUE, {
    periodic: true,
    retryLimit: 0,
    deadLetter: false,
    keepCompletedSeconds: 3_600,
  });
  const polling = options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {};
  const transport = deps.transport;
  if (transport)
    await queue.work<{ dossierId: string }>(
      PUSH_QUEUE,
      async (data, job) => {
        const outcome = await sendDossierPushes(deps.db, transport, data.dossierId, { maxAttempts: MAX_ATTEMPTS });
        if (outcome.kind === 'busy')
          await queue.sendNow(
            PUSH_QUEUE,
            { dossierId: data.dossierId },
            { startAfter: 3, singletonKey: data.dossierId },
          );
        if (outcome.kind !== 'failed') return;
        // A dead push: the job fails for good (dead letter). Otherwise retried with backoff; a job out of retries whose
        // push still has attempts left (its earlier ones were made by another job) hands over to a new job.
        if (!outcome.dead && job.retryCount >= MAX_ATTEMPTS - 1) {
          await queue.sendNow(
            PUSH_QUEUE,
            { dossierId: data.dossierId },
            { startAfter: retryDelay, singletonKey: data.dossierId },
          );
          return;
        }
        throw new Error(`push not accepted: ${outcome.error}`);
      },
      { ...polling, batchSize: SEND_BATCH },
    );
  await queue.work(COLLECT_QUEUE, async () => {
    await collectPushes(deps.db, { queue });
  });
  const every = options.collectEverySeconds ?? 5;
  if (every > 0) queue.every(COLLECT_QUEUE, every);
}

/** Enqueues a push job for a dossier (an administrator's retry). */
export async function enqueueDossier(queue: Pick<JobQueue, 'sendNow'>, dossierId: string): Promise<void> {
  await queue.sendNow(PUSH_QUEUE, { dossierId }, { singletonKey: dossierId });
}

/**
 * Without the job queue: sends the dossiers whose earliest unsent push is pending and due (its
 * backoff — 30 s doubled per attempt — passed), each dossier in order, at most `limit` dossiers a
 * run. Returns the number of pushes sent.
 */
export async function sendDue(db: Db, transport: PortalTransport, limit = 50): Promise<number> {
  const due = await db
    .selectDistinct({ dossierId: pushes.dossierId })
    .from(pushes)
    .where(
      and(
        eq(pushes.state, 'pending'),
        or(
          isNull(pushes.lastAttemptAt),
          lt(
            pushes.lastAttemptAt,
            sql`now() - make_interval(secs => 30 * power(2, least(${pushes.attempts}, 10) - 1))`,
          ),
        ),
      ),
    )
    .limit(limit);
  let sent = 0;
  for (const { dossierId } of due) {
    const outcome = await sendDossierPushes(db, transport, dossierId, { maxAttempts: MAX_ATTEMPTS });
    if (outcome.kind !== 'busy') sent += outcome.sent;
  }
  return sent;
}

/**
 * The sync loop of a server process: every `intervalMs`, new transitions become pushes; without
 * the queue, due pushes are sent here too (with it, the queue's jobs send them).
 */
export function startPortalSyncLoop(deps: {
  db: Db;
  transport?: PortalTransport;
  queue?: JobQueue;
  intervalMs?: number;
  onError: JobErrorHandler;
}): IntervalJob {
  return startIntervalJob(
    'portal-sync',
    deps.intervalMs ?? 5_000,
    async () => {
      await collectPushes(deps.db, { queue: deps.queue });
      if (!deps.queue && deps.transport) await sendDue(deps.db, deps.transport);
    },
    deps.onError,
  );
}
