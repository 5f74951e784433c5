import { and, asc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type { DeliveryChannels } from './channels/channel';
import { inboxMessages, outbox } from './notifications.schema';

/** Attempts before a message is marked failed (the job queue's retries stop there too). */
export const MAX_ATTEMPTS = 8;
/** A message marked `sending` for longer than this was cut off (the process died): it is sent again. */
export const SENDING_TIMEOUT_MS = 2 * 60_000;

export type DeliveryOutcome = 'sent' | 'already-done' | 'busy' | 'no-channel';

/** Hooks for tests: `afterSend` runs after the channel accepted, before the row is marked (a crash there). */
export interface DeliveryHooks {
  afterSend?: (outboxId: string) => void | Promise<void>;
}

const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+/g;
/** A phone number: 9 digits or more, maybe spaced or dotted (not an SMTP status such as "550 5.1.1"). */
const PHONE_IN_TEXT = /\+?\d(?:[ .-]?\d){8,}/g;

/** An error as the outbox keeps it: short, addresses and numbers masked (the admin page shows it). */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(EMAIL_IN_TEXT, '***@***').replace(PHONE_IN_TEXT, '***').slice(0, 500);
}

/**
 * Sends one outbox message, at most once per receiver that dedupes (ADR 0032):
 *  1. claim it: `queued` (or `sending` older than SENDING_TIMEOUT_MS) → `sending`, attempts + 1, committed;
 *  2. hand it to the channel with its idempotency key (Message-ID / Idempotency-Key);
 *  3. mark it `sent`.
 * A crash between 2 and 3 leaves it `sending`: the next attempt sends it again with the same key
 * and the receiver keeps one. A channel error puts it back to `queued` with the error (or `failed`
 * after MAX_ATTEMPTS) and is thrown again, for the job queue's retry. The in-app inbox is written
 * in the claiming transaction itself: exactly once. Skipped, sent and failed messages are left alone.
 */
export async function deliverMessage(
  db: Db,
  channels: DeliveryChannels,
  outboxId: string,
  hooks: DeliveryHooks = {},
  now = new Date(),
): Promise<DeliveryOutcome> {
  const claimed = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(outbox).where(eq(outbox.id, outboxId)).for('update');
    if (!row || !['queued', 'sending'].includes(row.status)) return 'already-done' as const;
    if (
      row.status === 'sending' &&
      row.lastAttemptAt &&
      now.getTime() - row.lastAttemptAt.getTime() < SENDING_TIMEOUT_MS
    )
      return 'busy' as const;
    if (row.channel === 'inbox') {
      if (!row.accountId) throw new Error('inbox message without an account');
      await tx
        .insert(inboxMessages)
        .values({
          outboxId: row.id,
          accountId: row.accountId,
          event: row.event,
          dossierId: row.dossierId,
          dossierCode: row.dossierCode,
          subjectVi: row.subjectVi,
          subjectEn: row.subjectEn,
          bodyVi: row.bodyVi,
          bodyEn: row.bodyEn,
        })
        .onConflictDoNothing();
      await tx
        .update(outbox)
        .set({ status: 'sent', attempts: row.attempts + 1, lastAttemptAt: now, sentAt: now, lastError: null })
        .where(eq(outbox.id, row.id));
      return 'sent' as const;
    }
    if (!channels[row.channel as 'email' | 'sms']) {
      // Production without SMTP_URL (or an SMS gateway): the message waits, and the outbox says why.
      await tx
        .update(outbox)
        .set({ lastError: 'kênh chưa được cấu hình / channel not configured (SMTP_URL, SMS_GATEWAY_URL)' })
        .where(eq(outbox.id, row.id));
      return 'no-channel' as const;
    }
    await tx
      .update(outbox)
      .set({ status: 'sending', attempts: row.attempts + 1, lastAttemptAt: now })
      .where(eq(outbox.id, row.id));
    return { ...row, attempts: row.attempts + 1 };
  });
  if (typeof claimed === 'string') return claimed;
  const channel = channels[claimed.channel as 'email' | 'sms']!;
  try {
    await channel.send(claimed);
  } catch (error) {
    await db
      .update(outbox)
      .set({ status: claimed.attempts >= MAX_ATTEMPTS ? 'failed' : 'queued', lastError: errorText(error) })
      .where(and(eq(outbox.id, claimed.id), eq(outbox.status, 'sending')));
    throw error;
  }
  await hooks.afterSend?.(claimed.id);
  await db.update(outbox).set({ status: 'sent', sentAt: new Date(), lastError: null }).where(eq(outbox.id, claimed.id));
  return 'sent';
}

/** Seconds to wait after the n-th failed attempt before the next one (30 s doubling, at most an hour). */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(3_600, 30 * 2 ** Math.max(0, attempts - 1));
}

/**
 * The messages due now: queued ones whose retry delay has passed, and `sending` ones cut off by a
 * crash. Used by the delivery loop (no job queue) and to recover after a crash.
 */
export async function dueMessageIds(db: Db, now = new Date(), limit = 100): Promise<string[]> {
  const rows = await db
    .select({ id: outbox.id, status: outbox.status, attempts: outbox.attempts, last: outbox.lastAttemptAt })
    .from(outbox)
    .where(
      or(
        eq(outbox.status, 'queued'),
        and(eq(outbox.status, 'sending'), lt(outbox.lastAttemptAt, new Date(now.getTime() - SENDING_TIMEOUT_MS))),
      ),
    )
    .orderBy(asc(outbox.createdAt))
    .limit(limit * 2);
  return rows
    .filter(
      (r) =>
        r.status === 'sending' || !r.last || now.getTime() - r.last.getTime() >= retryDelaySeconds(r.attempts) * 1000,
    )
    .slice(0, limit)
    .map((r) => r.id);
}

/** Delivers every due message (errors stay on their rows); returns how many were sent. */
export async function deliverDue(
  db: Db,
  channels: DeliveryChannels,
  options: { now?: Date; hooks?: DeliveryHooks; limit?: number } = {},
): Promise<number> {
  let sent = 0;
  for (const id of await dueMessageIds(db, options.now, options.limit)) {
    try {
      if ((await deliverMessage(db, channels, id, options.hooks, options.now)) === 'sent') sent++;
    } catch {
      // kept on the row (last_error); retried after its delay
    }
  }
  return sent;
}

/** Counts by status (tests, the admin page's summary). */
export async function outboxCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: outbox.status, n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(inArray(outbox.status, ['queued', 'sending', 'sent', 'failed', 'skipped']))
    .groupBy(outbox.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
