import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../../platform/config';
import type { Database } from '../../platform/db';
import { sandboxSms } from './notifications.schema';

export const SMS_SANDBOX_PREFIX = '/sms-sandbox';

const Body = z.object({
  to: z.string().regex(/^84\d{9}$/),
  text: z.string().min(1).max(1_000),
  reference: z.string().min(1).max(200),
});

const sameKey = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * The development stand-in for an SMS gateway at /sms-sandbox (like /eid and /pay-sandbox; on
 * outside production): `POST /sms-sandbox/messages` with the bearer key SMS_GATEWAY_KEY keeps one
 * message per Idempotency-Key in `notifications.sandbox_sms` (a repeat counts as a duplicate and is
 * answered 200 with the same id). Sends nothing anywhere.
 */
export async function registerSmsSandbox(
  app: FastifyInstance,
  deps: { config: Config; database: Database },
): Promise<void> {
  const db = deps.database.db;
  const key = deps.config.SMS_GATEWAY_KEY ?? '';
  app.post(
    `${SMS_SANDBOX_PREFIX}/messages`,
    { schema: { hide: true }, config: { action: 'public' as const, csrf: 'own' as const } },
    async (request, reply) => {
      const auth = request.headers.authorization ?? '';
      if (!key || !auth.startsWith('Bearer ') || !sameKey(auth.slice(7), key))
        return reply.status(401).send({ error: 'unauthorized' });
      const body = Body.safeParse(request.body);
      const idempotencyKey = request.headers['idempotency-key'];
      if (!body.success || typeof idempotencyKey !== 'string' || !idempotencyKey)
        return reply.status(400).send({ error: 'bad request: to (84xxxxxxxxx), text, reference, Idempotency-Key' });
      const [row] = await db
        .insert(sandboxSms)
        .values({ idempotencyKey, phone: body.data.to, text: body.data.text })
        .onConflictDoUpdate({
          target: sandboxSms.idempotencyKey,
          set: { duplicates: sql`${sandboxSms.duplicates} + 1` },
        })
        .returning({ id: sandboxSms.id, duplicates: sandboxSms.duplicates });
      return reply.status(200).send({ id: row!.id, duplicate: row!.duplicates > 0 });
    },
  );
}

/** Every SMS the sandbox kept (tests read them back). */
export async function readSandboxSms(db: Database['db']) {
  return db.select().from(sandboxSms).orderBy(sandboxSms.receivedAt);
}
