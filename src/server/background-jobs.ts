import type { Config } from './platform/config';
import { unboundedDatabase, type Database } from './platform/db';
import type { JobQueue, QueuePolicy } from './platform/job-queue';
import type { JobErrorHandler } from './platform/interval-job';
import { accessLogSealer, checkpointAnchorFromConfig } from './modules/audit';
import { closePaymentsOfWithdrawnDossier, expirePayments } from './modules/payments';
import { qualityRefreshPass, runScheduledQuality } from './modules/population';
import { supplementExpiryPass, unpaidExpiryPass } from './modules/dossiers';
import { runScheduledKpi } from './modules/kpi';
import { indicatorSources } from './indicator-sources';
import { portalTransportFrom, registerPortalSyncJobs } from './modules/portal-sync';
import { issuedPapersDeps, recordIssuedDocuments } from './modules/documents';
import { pruneNotifications } from './modules/notifications';

/**
 * The background work that exists since before the queue, as queues of periodic passes (issue 17 §1,
 * ADR 0031): each module keeps its pass function, this composition root puts it on the job queue.
 * A periodic queue holds at most one waiting and one running pass across server processes; a
 * failed pass is counted (failed) and the next one retries, so these have no dead letters.
 */
export const BACKGROUND_QUEUES = {
  /** Chains the access-log entries requests have staged (ADR 0004), every AUDIT_SEAL_INTERVAL_MS. */
  accessLogSealing: 'audit.seal',
  /** Closes open payments whose gateway time (PAYMENT_EXPIRY_MINUTES) ran out (ADR 0010), every 30 s. */
  paymentExpiry: 'payments.expire',
  /** Recomputes the quality findings of the persons decisions changed, every 2 s. */
  qualityRefresh: 'population.quality-refresh',
  /** The full quality evaluation when none of today exists: at start, then hourly checks (issue 14 §5). */
  qualityRun: 'population.quality-run',
  /** Refuses interlinked dossiers whose 7-working-day supplement window ended, every 10 minutes. */
  supplementExpiry: 'dossiers.supplement-expiry',
  /** Withdraws dossiers whose fee was not paid within 2 working days, every 10 minutes. */
  unpaidExpiry: 'dossiers.unpaid-expiry',
  /** The plan's indicators for the periods under way: at start, then hourly checks (issue 15 §2). */
  kpiRun: 'kpi.run',
  /** Records issued result documents, slips and fee receipts in their owners' document stores (issue 17 §3), every 10 s. */
  documentRecording: 'documents.record',
  /**
   * Deletes sent and skipped outbox messages, and handled-transition markers below the feed's mark, older
   * than NOTIFICATIONS_RETENTION_DAYS (ADR 0032), daily at 03:23; the citizens' inboxes are kept.
   */
  notificationPruning: 'notifications.prune',
} as const;

/** Completed passes kept an hour: a pass a second would otherwise keep 600,000 rows a week. */
const KEEP_FREQUENT = 3_600;

export interface BackgroundJobs {
  /** Before the queue stops: long passes (the kpi backfill) end after their current step. */
  stopping(): void;
  /** After the queue stopped: the last sealing pass and checkpoint of this process. */
  finish(): Promise<void>;
}

/** Creates the queues, their workers and schedules in this process, and offers the passes run at start. */
export async function startBackgroundJobs(
  jobs: JobQueue,
  database: Database,
  config: Config,
  onError: JobErrorHandler,
): Promise<BackgroundJobs> {
  const q = BACKGROUND_QUEUES;
  const db = database.db;
  let stopping = false;
  const periodic = (extra: QueuePolicy = {}): QueuePolicy => ({
    periodic: true,
    deadLetter: false,
    retryLimit: 0,
    ...extra,
  });
  for (const name of [q.accessLogSealing, q.paymentExpiry, q.qualityRefresh, q.documentRecording])
    await jobs.createQueue(name, periodic({ keepCompletedSeconds: KEEP_FREQUENT }));
  for (const name of [q.supplementExpiry, q.unpaidExpiry, q.notificationPruning])
    await jobs.createQueue(name, periodic({ retryLimit: 2, retryDelay: 60 }));
  // Long runs (the full quality evaluation, a kpi backfill): not taken for lost before 4 hours.
  for (const name of [q.qualityRun, q.kpiRun]) await jobs.createQueue(name, periodic({ expireInSeconds: 4 * 3_600 }));

  const sealer = accessLogSealer(db, {
    onError,
    // Signed checkpoints of the chain head, outside the database (ADR 0004).
    checkpoint: { anchor: checkpointAnchorFromConfig(config), intervalMs: config.AUDIT_CHECKPOINT_INTERVAL_MS },
  });
  await jobs.work(q.accessLogSealing, () => sealer.pass(), { pollingIntervalSeconds: 1 });
  await jobs.work(q.paymentExpiry, async () => void (await expirePayments(db)));
  await jobs.work(q.qualityRefresh, () => qualityRefreshPass(db), { pollingIntervalSeconds: 1 });
  // Slips and fee receipts too; one the issuing code refuses for good is reported, not retried.
  const papers = { ...(await issuedPapersDeps(config)), onSkipped: (e: unknown) => onError(e, q.documentRecording) };
  await jobs.work(q.documentRecording, async () => void (await recordIssuedDocuments(db, { papers })));
  // Long work outside requests: without the statement timeouts (ADR 0014).
  await jobs.work(q.qualityRun, async () => void (await runScheduledQuality(unboundedDatabase(database))), {
    pollingIntervalSeconds: 5,
  });
  // Passes minutes or a day apart poll every 30 s, not every 2 s: on PGlite each poll takes the one
  // connection requests use (docs/PERFORMANCE.md, "The job queue's cost to requests").
  const seldom = { pollingIntervalSeconds: 30 };
  await jobs.work(
    q.supplementExpiry,
    () => supplementExpiryPass(db, (error) => onError(error, q.supplementExpiry)),
    seldom,
  );
  await jobs.work(
    q.unpaidExpiry,
    () =>
      unpaidExpiryPass(db, {
        onWithdraw: closePaymentsOfWithdrawnDossier,
        onFailure: (error) => onError(error, q.unpaidExpiry),
      }),
    seldom,
  );
  await jobs.work(
    q.notificationPruning,
    async () => void (await pruneNotifications(db, { retentionDays: config.NOTIFICATIONS_RETENTION_DAYS })),
    seldom,
  );
  // The national portal sync (issue 17 §4, ADR 0035): new dossier transitions become pushes every 5 s, each
  // dossier's pushes sent in order by a job (retries with backoff, dead letter); without an endpoint they wait.
  await registerPortalSyncJobs(jobs, { db, transport: portalTransportFrom(config) });
  const sources = indicatorSources();
  await jobs.work<{ trigger?: 'start' | 'schedule' }>(
    q.kpiRun,
    async (data) =>
      void (await runScheduledKpi(
        database,
        sources,
        config.PROVINCE_CODE,
        new Date(),
        data.trigger ?? 'schedule',
        () => stopping, // a shutdown does not wait for the whole backfill: what is left is due next start
      )),
    { pollingIntervalSeconds: 5 },
  );

  jobs.every(q.accessLogSealing, Math.max(1, Math.round(config.AUDIT_SEAL_INTERVAL_MS / 1000)));
  jobs.every(q.paymentExpiry, 30);
  jobs.every(q.qualityRefresh, 2);
  jobs.every(q.documentRecording, 10);
  await jobs.schedule(q.supplementExpiry, '*/10 * * * *');
  await jobs.schedule(q.unpaidExpiry, '5-59/10 * * * *');
  await jobs.schedule(q.notificationPruning, '23 3 * * *');
  await jobs.schedule(q.qualityRun, '17 * * * *');
  await jobs.schedule(q.kpiRun, '47 * * * *', { trigger: 'schedule' });
  // Now, not in an hour: the quality page and the dashboard are never empty (issue 14 §5, issue 15 §2).
  await jobs.sendNow(q.qualityRun, {});
  await jobs.sendNow(q.kpiRun, { trigger: 'start' });
  return {
    stopping: () => void (stopping = true),
    finish: () => sealer.finish(),
  };
}
