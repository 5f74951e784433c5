import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { prepareDatabase } from './bootstrap';
import type { Config } from './platform/config';
import { createLogger } from './platform/logger';

/** Starts the server: database → app → listen; closes both on SIGINT/SIGTERM after in-flight requests finish. */
export async function serve(config: Config): Promise<FastifyInstance> {
  const log = createLogger(config.LOG_LEVEL);
  const database = await prepareDatabase(config, (msg) => log.info(msg));
  const app = await buildApp({ config, database, serveWeb: true });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    await app.close(); // stops accepting, waits for in-flight requests
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ host: config.HOST, port: config.PORT });
  log.info(`DVC06 ready on ${config.PUBLIC_URL} (database: ${database.kind})`);
  return app;
}
