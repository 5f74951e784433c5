/**
 * Public face of the `notifications` module (issue 17 §2): messages to citizens about their
 * dossiers — templates as dated versions per event, an outbox (one row per event × channel, sent
 * once per idempotency key), e-mail over SMTP (a local SMTP server in development), SMS through an
 * HTTP gateway (a sandbox at /sms-sandbox in development), the in-app inbox, and the citizen's
 * channel choices. Events come from the dossiers module's transitions feed.
 */

/** HTTP routes for /api/v1/notifications (registered by app.ts). */
export { notificationsRoutes, NOTIFICATION_ACTIONS } from './notifications.routes';
/** The development SMS gateway at /sms-sandbox (app.ts mounts it when SMS_SANDBOX is on). */
export { registerSmsSandbox, readSandboxSms, SMS_SANDBOX_PREFIX } from './sms-sandbox';
/** Seeds version 1 of each event's template (bootstrap). */
export { seedTemplates, templateInForce } from './templates.service';
/** The composition root's wiring: channels from the configuration, the queue's jobs (send, collect, sweep). */
export {
  startNotificationChannels,
  registerNotificationJobs,
  COLLECT_QUEUE,
  SWEEP_QUEUE,
  type NotificationChannels,
  type NotificationJobDeps,
  type NotificationJobOptions,
} from './runtime';
/** Turning dossier transitions into outbox messages; sending them (for the jobs, the CLI and tests). */
export { collectNotifications, SEND_QUEUE } from './collect';
export { deliverMessage, deliverDue, outboxCounts, MAX_ATTEMPTS } from './deliver';
/** Deleting sent and skipped messages and settled markers after the retention period (the server's daily job). */
export { pruneNotifications, DEFAULT_RETENTION_DAYS, type PruneResult } from './prune';
/** The local SMTP server (development, tests) and what it received. */
export { startLocalSmtpServer, type LocalSmtpServer } from './channels/local-smtp';
export { readSandboxMail } from './admin.service';
export type { DeliveryChannel, DeliveryChannels, OutgoingMessage } from './channels/channel';
/** Error codes of the module. */
export { NOTIFICATION_ERRORS } from './notifications.errors';
