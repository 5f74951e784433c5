import type { FastifyInstance } from 'fastify';
import { join } from 'node:path';
import { buildApp } from './app';
import { prepareDatabase } from './bootstrap';
import type { Config } from './platform/config';
import { createLogger } from './platform/logger';
import { removeStaleTemporaryFiles } from './platform/files';
import { logJobErrors } from './platform/interval-job';
import { startJobQueue } from './modules/jobs';
import { buildRatingLink } from './modules/service-index';
import { registerNotificationJobs, startNotificationChannels } from './modules/notifications';
import { startBackgroundJobs } from './background-jobs';

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
  // While the database is down the jobs fail every tick: one warning a minute per job, not one per tick (ADR 0014).
  const onJobError = logJobErrors(log);
  // The durable job queue (pg-boss, ADR 0031): on PGlite on the application's client, on PostgreSQL a pool of its own.
  const jobs = await startJobQueue(database, {
    url: config.DATABASE_URL,
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
    // Longer than a request's: pg-boss's maintenance statements may take a while on a large job table.
    queryTimeoutMs: Math.max(60_000, config.DB_QUERY_TIMEOUT_MS),
    onError: onJobError,
  }).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const app = await buildApp({ config, database, jobs, serveWeb: true });
  // The periodic work (access-log sealing, payment, supplement and unpaid expiry, quality refresh and run, kpi run,
  // document-store recording, notification pruning) as periodic queues: one pass at a time across server processes;
  // the quality and kpi runs are offered now as well. The national portal sync's queues are registered there too.
  const background = await startBackgroundJobs(jobs, database, config, onJobError);
  // Notifications (issue 17 §2): e-mail over SMTP_URL, or a local SMTP server outside production; SMS via the gateway.
  const notificationChannels = await startNotificationChannels(config, database.db);
  if (notificationChannels.localSmtp)
    log.info(
      `notifications: SMTP_URL unset, e-mail goes to the local SMTP server ${notificationChannels.localSmtp.url}`,
    );
  // Each outbox message is sent by a job of the queue (retries with backoff, dead letter); new dossier transitions
  // become outbox messages every few seconds by a periodic queue, their send jobs enqueued in the same transaction;
  // a sweep every few minutes gives a job to messages left without one (ADR 0032 §5). No timer of its own.
  const notificationDeps = {
    db: database.db,
    channels: notificationChannels.channels,
    portalUrl: config.PUBLIC_URL,
    // The result message carries the link to rate the service (service-index, ADR 0033).
    ratingLink: (dossierId: string) => buildRatingLink(config, dossierId),
  };
  await registerNotificationJobs(jobs, notificationDeps);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    await app.close(); // stops accepting, waits for in-flight requests
    background.stopping();
    await jobs.stop(); // takes no more jobs, waits for the running ones
    await background.finish(); // chains what the last requests staged, a last checkpoint
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
