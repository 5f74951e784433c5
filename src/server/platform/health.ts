import type { FastifyInstance } from 'fastify';
import { readdirSync } from 'node:fs';
import { checkReadiness, MIGRATIONS_DIR, type Database } from './db';

/** Number of migrations shipped with this build (the readiness check wants them all applied). */
export const shippedMigrations = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length;

/** `/healthz`: the process runs. `/readyz`: the database answers and every migration is applied. */
export function registerHealth(app: FastifyInstance, database: Database): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const ready = await checkReadiness(database, shippedMigrations);
    return reply.status(ready.ok ? 200 : 503).send({ status: ready.ok ? 'ready' : 'not-ready', reason: ready.reason });
  });
}
