import { and, asc, inArray, lt, sql } from 'drizzle-orm';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import type { JobQueue } from '../jobs';
import type { DeliveryChannels } from './channels/channel';
import { smtpEmailChannel } from './channels/email';
import { startLocalSmtpServer, type LocalSmtpServer } from './channels/local-smtp';
import { httpSmsChannel } from './channels/sms';
import { collectNotifications, SEND_QUEUE } from './collect';
import { deliverMessage, errorText, MAX_ATTEMPTS } from './deliver';
import { outbox } from './notifications.schema';
import { redriveSendJob } from './redrive';

/** The delivery channels of a server process, and the local SMTP server it started (if any). */
export interface NotificationChannels {
  channels: DeliveryChannels;
  localSmtp?: LocalSmtpServer;
  close(): Promise<void>;
}

/**
 * The channels the configuration gives: e-mail over SMTP_URL, or — SMTP_URL unset outside
 * production — over a local SMTP server started here (development, tests); SMS through
 * SMS_GATEWAY_URL (the /sms-sandbox gateway by default outside production). Production without
 * SMTP_URL has no e-mail channel: e-mails stay queued on the outbox page.
 */
export async function startNotificationChannels(config: Config, db: Db): Promise<NotificationChannels> {
  const localSmtp =
    !config.SMTP_URL && config.NODE_ENV !== 'production'
      ? await startLocalSmtpServer(db, { port: config.SMTP_SANDBOX_PORT })
      : undefined;
  const smtpUrl = config.SMTP_URL ?? localSmtp?.url;
  const messageDomain = new URL(config.PUBLIC_URL).hostname || 'dvc06.localhost';
  const channels: DeliveryChannels = {
    email: smtpUrl ? smtpEmailChannel({ url: smtpUrl, from: config.MAIL_FROM, messageDomain }) : undefined,
    sms:
      config.SMS_GATEWAY_URL && config.SMS_GATEWAY_KEY
        ? httpSmsChannel({ url: config.SMS_GATEWAY_URL, key: config.SMS_GATEWAY_KEY })
        : undefined,
  };
  return {
    channels,
    localSmtp,
    close: async () => {
      await channels.email?.close?.();
      await localSmtp?.close();
    },
  };
}

/** What the notification jobs need. */
export interface NotificationJobDeps {
  db: Db;
  channels: DeliveryChannels;
  portalUrl: string;
  /** The result message's rating link (service-index's `buildRatingLink`, given by the composition root). */
  ratingLink?: (dossierId: string) => string;
}

/** How the notification jobs retry and poll (the defaults are the server's; tests shorten them). */
export interface NotificationJobOptions {
  /** Seconds before a send job's first retry (default 30), doubled each time when `retryBackoff` (default true). */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** How often a send worker looks for jobs (default: the queue's, 2 s). */
  pollingIntervalSeconds?: number;
  /** Offer a collect pass every this many seconds (default 5; 0: never — tests collect by hand). */
  collectEverySeconds?: number;
  /** Offer a sweep for stranded messages every this many seconds (default 300; 0: never). */
  sweepEverySeconds?: number;
}

export const COLLECT_QUEUE = 'notifications.collect';
export const SWEEP_QUEUE = 'notifications.sweep';
/**
 * Jobs a send worker takes per poll (handled one after another, each completed or failed on its own):
 * pg-boss waits its polling interval after every fetch, so one job a fetch would send one message
 * per 2 s per process — a morning's 1,000 received dossiers would take over half an hour.
 */
const SEND_BATCH = 10;

/**
 * Registers the notification work on the job queue (issue 17 §1–2, ADR 0032 §5):
 * - `notifications.send` sends one outbox message per job, retried with backoff up to MAX_ATTEMPTS,
 *   then dead-lettered; a failing channel never blocks anything else. Retried from the jobs page, a dead
 *   letter first reopens its `failed` message (`redriveSendJob`), so the new job sends it. What the job throws — and so
 *   what the log and pg-boss's stored output (the jobs page, the dead letters kept a year) get — is the
 *   outbox's masked error text, never the channel's own error (an SMTP relay's reply quotes the
 *   address). A message whose channel this process does not have ends its job without a retry (no
 *   retry can help before a restart with the channel configured); it stays `queued`, and the outbox
 *   page says why.
 * - `notifications.collect` (a periodic queue, offered every few seconds: one pass at a time across
 *   processes) turns new dossier transitions into messages, enqueueing their send jobs in the same
 *   transaction.
 * - `notifications.sweep` (periodic, every few minutes) gives a new send job to each `queued` (or cut
 *   off `sending`) message of a channel this process has that no job has tried for longer than a live
 *   job's retries ever wait (`requeueStrandedMessages`): messages whose job ended while the channel
 *   was missing, or dead-lettered while the message still had attempts. A second job for a message
 *   is harmless: delivery claims the row and sends once per key.
 */
export async function registerNotificationJobs(
  queue: JobQueue,
  deps: NotificationJobDeps,
  options: NotificationJobOptions = {},
): Promise<void> {
  const retryDelay = options.retryDelay ?? 30;
  const retryBackoff = options.retryBackoff ?? true;
  // A retry from the jobs page reopens the failed message in the redrive's transaction (redrive.ts, ADR 0031).
  await queue.createQueue(SEND_QUEUE, {
    retryLimit: MAX_ATTEMPTS - 1,
    retryDelay,
    retryBackoff,
    onRedrive: redriveSendJob,
  });
  const periodic = { periodic: true, retryLimit: 0, deadLetter: false, keepCompletedSeconds: 3_600 } as const;
  await queue.createQueue(COLLECT_QUEUE, periodic);
  await queue.createQueue(SWEEP_QUEUE, periodic);
  const polling = options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {};
  await queue.work<{ outboxId: string }>(
    SEND_QUEUE,
    async (data) => {
      let outcome;
      try {
        outcome = await deliverMessage(deps.db, deps.channels, data.outboxId);
      } catch (error) {
        // Masked as the outbox keeps it: the raw error may quote the address or number (ADR 0032 §3).
        throw new Error(errorText(error));
      }
      if (outcome === 'busy') throw new Error('message not sent: another attempt is in progress');
    },
    { ...polling, batchSize: SEND_BATCH },
  );
  await queue.work(COLLECT_QUEUE, async () => {
    await collectNotifications(deps.db, { portalUrl: deps.portalUrl, ratingLink: deps.ratingLink, queue });
  });
  await queue.work(SWEEP_QUEUE, async () => {
    await requeueStrandedMessages(deps.db, queue, { channels: deps.channels, retryDelay, retryBackoff });
  });
  const every = options.collectEverySeconds ?? 5;
  if (every > 0) queue.every(COLLECT_QUEUE, every);
  const sweepEvery = options.sweepEverySeconds ?? 300;
  if (sweepEvery > 0) queue.every(SWEEP_QUEUE, sweepEvery);
}

/** A message no job tried for this long has none left (at least 10 minutes; see strandedAfterMs). */
export const MIN_STRANDED_MS = 10 * 60_000;

/**
 * How long after its last attempt (or its creation) a message is taken for stranded: longer than the
 * longest wait of a live send job before its next attempt — pg-boss waits `retryDelay × 2^n` to twice
 * that after the n-th failed attempt with backoff, `retryDelay` without — and at least MIN_STRANDED_MS.
 */
export function strandedAfterMs(attempts: number, retry: { retryDelay: number; retryBackoff: boolean }): number {
  const longest = retry.retryBackoff ? 2 * retry.retryDelay * 2 ** Math.min(16, attempts) : retry.retryDelay;
  return Math.max(MIN_STRANDED_MS, longest * 1000 + 60_000);
}

/**
 * Gives a new send job (`singletonKey`: the outbox id) to each message left without one: `queued`, or
 * `sending` cut off by a crash, of a channel in `channels` (the inbox always), not tried for
 * `strandedAfterMs`. Idempotent: delivery claims the row and sends once per key, so a job given to a
 * message that still had one only finds it done. Returns the number of jobs given.
 */
export async function requeueStrandedMessages(
  db: Db,
  queue: Pick<JobQueue, 'sendNow'>,
  options: {
    channels: DeliveryChannels;
    retryDelay?: number;
    retryBackoff?: boolean;
    now?: Date;
    limit?: number;
  },
): Promise<number> {
  const now = options.now ?? new Date();
  const retry = { retryDelay: options.retryDelay ?? 30, retryBackoff: options.retryBackoff ?? true };
  const usable = ['inbox', ...(['email', 'sms'] as const).filter((c) => options.channels[c])];
  const rows = await db
    .select({ id: outbox.id, attempts: outbox.attempts, last: outbox.lastAttemptAt, createdAt: outbox.createdAt })
    .from(outbox)
    .where(
      and(
        inArray(outbox.status, ['queued', 'sending']),
        inArray(outbox.channel, usable),
        lt(sql`coalesce(${outbox.lastAttemptAt}, ${outbox.createdAt})`, new Date(now.getTime() - MIN_STRANDED_MS)),
      ),
    )
    .orderBy(asc(outbox.createdAt))
    .limit(options.limit ?? 500);
  let given = 0;
  for (const row of rows) {
    const since = (row.last ?? row.createdAt).getTime();
    if (now.getTime() - since < strandedAfterMs(row.attempts, retry)) continue;
    await queue.sendNow(SEND_QUEUE, { outboxId: row.id }, { singletonKey: row.id });
    given++;
  }
  return given;
}
