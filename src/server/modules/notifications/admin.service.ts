import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type {
  NotificationChannel,
  NotificationEvent,
  OutboxMessage,
  OutboxStatus,
  SandboxMail,
  SandboxSmsPage,
} from '../../../contracts/notifications';
import type { JobQueue } from '../jobs';
import { maskAddress } from './addresses';
import { SEND_QUEUE } from './collect';
import { outboxCounts } from './deliver';
import { messageNotFound, notFailed } from './notifications.errors';
import { outbox, sandboxMail, sandboxSms } from './notifications.schema';

type OutboxRow = typeof outbox.$inferSelect;

/** An outbox row as the administrator's page shows it (the address masked, no body). */
export function presentOutbox(r: OutboxRow): OutboxMessage {
  return {
    id: r.id,
    event: r.event as NotificationEvent,
    channel: r.channel as NotificationChannel,
    status: r.status as OutboxStatus,
    dossierCode: r.dossierCode,
    recipient: maskAddress(r.recipient),
    subjectVi: r.subjectVi,
    attempts: r.attempts,
    lastError: r.lastError,
    skipReason: r.skipReason,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  };
}

/** The outbox for administrators, newest first: channel, status, attempts, error; addresses masked. */
export async function listOutbox(
  db: Db,
  q: { status?: OutboxStatus; channel?: NotificationChannel; limit: number },
): Promise<{ counts: Record<string, number>; items: OutboxMessage[] }> {
  const where: SQL[] = [];
  if (q.status) where.push(eq(outbox.status, q.status));
  if (q.channel) where.push(eq(outbox.channel, q.channel));
  const rows = await db
    .select()
    .from(outbox)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(outbox.createdAt), desc(outbox.idempotencyKey))
    .limit(q.limit);
  const counts = await outboxCounts(db);
  return { counts, items: rows.map(presentOutbox) };
}

/**
 * A message whose delivery failed for good (`failed`, after MAX_ATTEMPTS) back to `queued` with a new
 * round of attempts (from 0; the last error stays shown until the next attempt), on the caller's
 * transaction — the outbox page's retry (below) and the jobs page's retry of a `notifications.send`
 * dead letter (redrive.ts) both reopen it so. Throws 404 for a missing message, 409 for one that is
 * not `failed` (a second retry, a sent or skipped one).
 */
export async function reopenFailedMessage(tx: Db, id: string): Promise<OutboxRow> {
  const [row] = await tx
    .update(outbox)
    .set({ status: 'queued', attempts: 0, lastAttemptAt: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'failed')))
    .returning();
  if (row) return row;
  const [exists] = await tx.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, id)).limit(1);
  throw exists ? notFailed(exists.status) : messageNotFound();
}

/**
 * An administrator's retry of a failed message from the outbox page: reopened (`reopenFailedMessage`)
 * and its send job enqueued in the same transaction — the job exists if and only if the reset
 * commits. Without a queue (tests, CLI) the delivery loop finds the queued message. The same
 * idempotency key travels again, so a receiver that took an earlier attempt keeps one.
 */
export async function retryFailedMessage(db: Db, id: string, queue?: Pick<JobQueue, 'send'>): Promise<OutboxMessage> {
  return db.transaction(async (tx) => {
    const row = await reopenFailedMessage(tx, id);
    if (queue) await queue.send(tx, SEND_QUEUE, { outboxId: row.id }, { singletonKey: row.id });
    return presentOutbox(row);
  });
}

/** What the local SMTP server received (development), newest first; recipients masked. */
export async function listSandboxMail(db: Db, limit = 50): Promise<SandboxMail[]> {
  const rows = await db.select().from(sandboxMail).orderBy(desc(sandboxMail.receivedAt)).limit(limit);
  return rows.map((r) => ({
    messageId: r.messageId,
    rcptTo: r.rcptTo.map((a) => maskAddress(a) ?? ''),
    subject: r.subject,
    duplicates: r.duplicates,
    receivedAt: r.receivedAt.toISOString(),
  }));
}

/** Every message the local SMTP server kept (tests read the mail back). */
export async function readSandboxMail(db: Db) {
  return db.select().from(sandboxMail).orderBy(sandboxMail.receivedAt);
}

/** What the SMS sandbox gateway received (development), newest first, paged; numbers masked to their last 3 digits. */
export async function listSandboxSms(db: Db, q: { page: number; pageSize: number }): Promise<SandboxSmsPage> {
  const rows = await db
    .select()
    .from(sandboxSms)
    .orderBy(desc(sandboxSms.receivedAt), desc(sandboxSms.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await db.select({ n: count() }).from(sandboxSms);
  return {
    total: Number(total?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      phone: maskAddress(r.phone) ?? '***',
      text: r.text,
      duplicates: r.duplicates,
      receivedAt: r.receivedAt.toISOString(),
    })),
  };
}
