import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type {
  NotificationChannel,
  NotificationEvent,
  OutboxMessage,
  OutboxStatus,
  SandboxMail,
} from '../../../contracts/notifications';
import { maskAddress } from './addresses';
import { outboxCounts } from './deliver';
import { outbox, sandboxMail } from './notifications.schema';

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
  return {
    counts,
    items: rows.map((r) => ({
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
    })),
  };
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
