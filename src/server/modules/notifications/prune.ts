import { and, inArray, isNull, lt, lte, min, or } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { feedCursors, handledTransitions, outbox } from './notifications.schema';

/** Days kept by default (NOTIFICATIONS_RETENTION_DAYS). */
export const DEFAULT_RETENTION_DAYS = 90;
/** Rows deleted per statement: short statements, no long lock on the outbox. */
const BATCH = 1_000;

export interface PruneResult {
  /** Outbox messages deleted (sent or skipped, older than the retention). */
  outbox: number;
  /** Handled-transition markers deleted (below the feed's low-water mark, older than the retention). */
  markers: number;
}

/**
 * Deletes what the notifications no longer need after `retentionDays` (ADR 0032, amendment):
 *  - outbox messages that are done — `sent` or `skipped` — created (and sent) before the cutoff. The
 *    citizen's inbox reads `inbox_messages`, which keeps its own copy of the texts: nothing a citizen
 *    still sees is lost. `failed`, `queued` and `sending` messages are kept whatever their age (they
 *    still need delivery or an administrator's look);
 *  - markers of handled transitions handled before the cutoff **and** at or below the low-water mark
 *    of every feed cursor of the module: the collecting pass reads only transitions above the mark
 *    (`readTransitionFeed` after `lowId`, and the mark never moves back), so such a marker is never
 *    read again. A marker above the mark still guards its transition against a second set of messages.
 * In batches of BATCH rows, each its own statement. Returns what was deleted.
 */
export async function pruneNotifications(
  db: Db,
  options: { retentionDays?: number; now?: Date } = {},
): Promise<PruneResult> {
  const days = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const cutoff = new Date((options.now ?? new Date()).getTime() - days * 86_400_000);
  const result: PruneResult = { outbox: 0, markers: 0 };

  for (;;) {
    const done = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          inArray(outbox.status, ['sent', 'skipped']),
          lt(outbox.createdAt, cutoff),
          or(isNull(outbox.sentAt), lt(outbox.sentAt, cutoff)),
        ),
      )
      .limit(BATCH);
    const deleted = await db.delete(outbox).where(inArray(outbox.id, done)).returning({ id: outbox.id });
    result.outbox += deleted.length;
    if (deleted.length < BATCH) break;
  }

  // The lowest mark of the module's cursors (one today, `notifications`); none yet: no marker is prunable.
  const [cursor] = await db.select({ lowId: min(feedCursors.lowId) }).from(feedCursors);
  const lowId = cursor?.lowId === null || cursor?.lowId === undefined ? -1 : Number(cursor.lowId);
  if (lowId < 0) return result;
  for (;;) {
    const old = db
      .select({ id: handledTransitions.transitionId })
      .from(handledTransitions)
      .where(and(lte(handledTransitions.transitionId, lowId), lt(handledTransitions.handledAt, cutoff)))
      .limit(BATCH);
    const deleted = await db
      .delete(handledTransitions)
      .where(inArray(handledTransitions.transitionId, old))
      .returning({ id: handledTransitions.transitionId });
    result.markers += deleted.length;
    if (deleted.length < BATCH) break;
  }
  return result;
}
