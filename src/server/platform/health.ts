import type { FastifyInstance } from 'fastify';
import { readdirSync } from 'node:fs';
import { checkReadiness, MIGRATIONS_DIR, type Database } from './db';
import { DB_RETRY_AFTER_SECONDS } from './db-errors';

/** Number of migrations shipped with this build (the readiness check wants them all applied). */
export const shippedMigrations = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length;

/** Routes answered without a session or the database: the sign-in hook lets them through untouched (ADR 0014). */
export const HEALTH_ROUTES: ReadonlySet<string> = new Set(['/healthz', '/readyz']);

/** The readiness check answers within this, whatever the database does (an orchestrator's probe usually waits 1 s). */
export const READINESS_DEADLINE_MS = 800;

type Readiness = { ok: boolean; reason?: string };

/**
 * `/healthz`: the process runs — never touches the database, so an orchestrator does not restart
 * a healthy process during a database outage. `/readyz`: the database answers and every migration
 * is applied; 503 within READINESS_DEADLINE_MS when it does not answer (one check at a time: probes
 * arriving meanwhile share it, so a stalled database does not pile them up in the pool).
 */
export function registerHealth(app: FastifyInstance, database: Database): void {
  let inFlight: Promise<Readiness> | undefined;
  const check = () => (inFlight ??= checkReadiness(database, shippedMigrations).finally(() => (inFlight = undefined)));
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Readiness>((resolve) => {
      timer = setTimeout(
        () => resolve({ ok: false, reason: `database did not answer within ${READINESS_DEADLINE_MS} ms` }),
        READINESS_DEADLINE_MS,
      );
    });
    const ready = await Promise.race([check(), late]).finally(() => clearTimeout(timer));
    if (!ready.ok) reply.header('retry-after', String(DB_RETRY_AFTER_SECONDS));
    return reply.status(ready.ok ? 200 : 503).send({ status: ready.ok ? 'ready' : 'not-ready', reason: ready.reason });
  });
}
