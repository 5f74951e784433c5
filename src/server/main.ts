import type { FastifyInstance } from 'fastify';
import { join } from 'node:path';
import { buildApp } from './app';
import { prepareDatabase } from './bootstrap';
import type { Config } from './platform/config';
import { createLogger } from './platform/logger';
import { removeStaleTemporaryFiles } from './platform/files';
import { logJobErrors } from './platform/interval-job';
import { checkpointAnchorFromConfig, startAccessLogSealer } from './modules/audit';
import { closePaymentsOfWithdrawnDossier, startPaymentExpiryJob } from './modules/payments';
import { startQualityRefreshJob, startScheduledQualityJob } from './modules/population';
import { startSupplementExpiryJob, startUnpaidExpiryJob } from './modules/dossiers';
import { startKpiJob } from './modules/kpi';
import { startNotificationChannels, startNotificationLoop } from './modules/notifications';
import { indicatorSources } from './indicator-sources';

/**
 * Starts the server: database → app → listen; closes both on SIGINT/SIGTERM after in-flight requests finish.
 * `webBuilt`: a web build under way (first start), awaited once the database is prepared, before the app serves dist/web.
 */
export async function serve(config: Config, options: { webBuilt?: Promise<void> } = {}): Promise<FastifyInstance> {
  const log = createLogger(config.LOG_LEVEL);
  const database = await prepareDatabase(config, (msg) => log.info(msg));
  // Uploads cut off by a kill leave their temporary files in the store: sweep the old ones.
  const strayUploads = await removeStaleTemporaryFiles(join(config.DATA_DIR, 'files'));
  if (strayUploads) log.info(`removed ${strayUploads} temporary files left by interrupted uploads`);
  await options.webBuilt?.catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const app = await buildApp({ config, database, serveWeb: true });
  // While the database is down the jobs fail every tick: one warning a minute per job, not one per tick (ADR 0014).
  const onJobError = logJobErrors(log);
  // Chains the access-log entries requests have staged (ADR 0004); errors are retried next tick.
  const sealer = startAccessLogSealer(database.db, {
    intervalMs: config.AUDIT_SEAL_INTERVAL_MS,
    onError: onJobError,
    // Signed checkpoints of the chain head, outside the database (ADR 0004).
    checkpoint: { anchor: checkpointAnchorFromConfig(config), intervalMs: config.AUDIT_CHECKPOINT_INTERVAL_MS },
  });
  // Closes open payments whose gateway time (PAYMENT_EXPIRY_MINUTES) ran out; several processes are safe (ADR 0010).
  const paymentExpiry = startPaymentExpiryJob(database.db, { intervalMs: 30_000, onError: onJobError });
  // Recomputes the data-quality findings of the persons decisions changed (population, in batches).
  const qualityRefresh = startQualityRefreshJob(database.db, { onError: onJobError });
  // The full quality evaluation: now when none exists, then once a day (one process runs it: advisory lock), so the
  // quality page and the leaders' overview are never empty (issue 14 §5). Not awaited: the server listens meanwhile.
  const qualitySchedule = startScheduledQualityJob(database, { onError: onJobError });
  void qualitySchedule.runNow();
  // Refuses interlinked dossiers whose 7-working-day supplement window ended (dossiers, skip locked).
  const supplementExpiry = startSupplementExpiryJob(database.db, { onError: onJobError });
  // Withdraws dossiers whose fee was not paid within 2 working days, closing their payments (dossiers, skip locked).
  const unpaidExpiry = startUnpaidExpiryJob(database.db, {
    onWithdraw: closePaymentsOfWithdrawnDossier,
    onError: onJobError,
  });
  // The plan's indicators for the month, quarter and year under way: now, then daily (one process: advisory lock).
  const kpiSchedule = startKpiJob(database, {
    sources: indicatorSources(),
    provinceCode: config.PROVINCE_CODE,
    onError: onJobError,
  });
  void kpiSchedule.runNow();
  // Notifications (issue 17 §2): e-mail over SMTP_URL, or a local SMTP server outside production; SMS via the gateway.
  const notificationChannels = await startNotificationChannels(config, database.db);
  if (notificationChannels.localSmtp)
    log.info(
      `notifications: SMTP_URL unset, e-mail goes to the local SMTP server ${notificationChannels.localSmtp.url}`,
    );
  // New dossier transitions become outbox messages, and due messages are sent (ADR 0032).
  const notifications = startNotificationLoop({
    db: database.db,
    channels: notificationChannels.channels,
    portalUrl: config.PUBLIC_URL,
    onError: onJobError,
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    await app.close(); // stops accepting, waits for in-flight requests
    await sealer.stop(); // chains what the last requests staged
    await paymentExpiry.stop();
    await qualityRefresh.stop();
    await qualitySchedule.stop();
    await supplementExpiry.stop();
    await unpaidExpiry.stop();
    await kpiSchedule.stop();
    await notifications.stop();
    await notificationChannels.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ host: config.HOST, port: config.PORT });
  log.info(`DVC06 ready on ${config.PUBLIC_URL} (database: ${database.kind})`);
  return app;
}
