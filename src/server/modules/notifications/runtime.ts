import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { startIntervalJob, type IntervalJob, type JobErrorHandler } from '../../platform/interval-job';
import type { JobQueue } from '../jobs';
import type { DeliveryChannels } from './channels/channel';
import { smtpEmailChannel } from './channels/email';
import { startLocalSmtpServer, type LocalSmtpServer } from './channels/local-smtp';
import { httpSmsChannel } from './channels/sms';
import { collectNotifications, SEND_QUEUE } from './collect';
import { deliverDue, deliverMessage, MAX_ATTEMPTS } from './deliver';

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

/**
 * Registers the notification work on the job queue (issue 17 §1–2): `notifications.send` sends one
 * outbox message per job (retried with backoff up to MAX_ATTEMPTS, then dead-lettered; a failing
 * channel never blocks anything else), and `notifications.collect` turns new dossier transitions
 * into messages every minute (enqueueing their send jobs in the same transaction) and picks up
 * messages left due by a crash.
 */
export async function registerNotificationJobs(queue: JobQueue, deps: NotificationJobDeps): Promise<void> {
  await queue.createQueue(SEND_QUEUE, { retryLimit: MAX_ATTEMPTS - 1, retryDelay: 30, retryBackoff: true });
  await queue.createQueue(COLLECT_QUEUE, { retryLimit: 0, deadLetter: false });
  await queue.work<{ outboxId: string }>(SEND_QUEUE, async (data) => {
    const outcome = await deliverMessage(deps.db, deps.channels, data.outboxId);
    if (outcome === 'busy' || outcome === 'no-channel') throw new Error(`message not sent: ${outcome}`);
  });
  await queue.work(COLLECT_QUEUE, async () => {
    await collectNotifications(deps.db, { portalUrl: deps.portalUrl, ratingLink: deps.ratingLink, queue });
  });
  await queue.schedule(COLLECT_QUEUE, '* * * * *');
}

export const COLLECT_QUEUE = 'notifications.collect';

/**
 * The notifications loop of a server process without the job queue (and a safety net beside it):
 * every `intervalMs`, new transitions become messages and due messages are sent (with `queue`, only
 * collected: the queue's jobs send).
 */
export function startNotificationLoop(
  deps: NotificationJobDeps & { queue?: JobQueue; intervalMs?: number; onError: JobErrorHandler },
): IntervalJob {
  return startIntervalJob(
    'notifications',
    deps.intervalMs ?? 5_000,
    async () => {
      await collectNotifications(deps.db, {
        portalUrl: deps.portalUrl,
        ratingLink: deps.ratingLink,
        queue: deps.queue,
      });
      if (!deps.queue) await deliverDue(deps.db, deps.channels);
    },
    deps.onError,
  );
}
