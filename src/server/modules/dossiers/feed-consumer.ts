import { eq, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db';
import { advanceFeedCursor, latestTransitionId, readTransitionFeed, type TransitionFeedItem } from './transition-feed';

/*
 * One reading of the transitions feed by a consumer module (notifications, the national-portal
 * sync, the document store), so that each of them keeps only what it does with a transition. The
 * consumer owns its cursor table and, if it marks transitions one by one, its marker table: both
 * live in its own schema; this code only reads and writes them through the columns it names.
 */

/** A consumer's cursor table: one row per consumer name, the `FeedCursor` fields. */
export type FeedCursorTable = PgTable & {
  name: PgColumn;
  lowId: PgColumn;
  pendingId: PgColumn;
  pendingSince: PgColumn;
};

/** A consumer's marker table: one row per transition it handled. */
export type FeedMarkerTable = PgTable & { transitionId: PgColumn };

export interface FeedConsumer {
  /** The consumer's row in `cursorTable`. */
  name: string;
  cursorTable: FeedCursorTable;
  /**
   * Where a consumer's first run starts: `first` reads the whole history (and goes on in that run);
   * `latest` starts after the newest transition and handles nothing in that run.
   */
  startAt: 'first' | 'latest';
  pageSize: number;
  maxPages: number;
  now?: Date;
  settleMs?: number;
  /** One page, in the consumer's transaction: how many things it made, and the smallest id it left for the next run. */
  handlePage(tx: Db, items: TransitionFeedItem[]): Promise<{ made: number; firstUnhandledId?: number }>;
  /** After the last page, in the same transaction (e.g. enqueue the jobs the pages called for). */
  afterPages?(tx: Db): Promise<void>;
}

/**
 * Reads the feed from the consumer's low-water mark, page by page, in one transaction with its
 * cursor row — locked with SKIP LOCKED, so one process consumes at a time and the others return 0
 * at once — and moves the mark as far as is settled (`advanceFeedCursor`, ADR 0032). Returns the
 * sum of the pages' `made`.
 */
export async function consumeTransitionFeed(db: Db, consumer: FeedConsumer): Promise<number> {
  const t = consumer.cursorTable;
  const now = consumer.now ?? new Date();
  await db
    .insert(t)
    .values({ name: consumer.name, lowId: -1, pendingId: -1, pendingSince: now } as never)
    .onConflictDoNothing();
  return db.transaction(async (tx) => {
    const [row] = (await tx
      .select({ lowId: t.lowId, pendingId: t.pendingId, pendingSince: t.pendingSince })
      .from(t)
      .where(eq(t.name, consumer.name))
      .for('update', { skipLocked: true })) as Array<{ lowId: number; pendingId: number; pendingSince: Date }>;
    if (!row) return 0; // another process is consuming
    let cursor = { lowId: Number(row.lowId), pendingId: Number(row.pendingId), pendingSince: row.pendingSince };
    if (cursor.lowId < 0) {
      const start = consumer.startAt === 'first' ? 0 : await latestTransitionId(tx);
      cursor = { lowId: start, pendingId: start, pendingSince: now };
      if (consumer.startAt === 'latest') {
        await tx.update(t).set(cursor).where(eq(t.name, consumer.name));
        return 0;
      }
    }
    const scanStartedAt = new Date();
    let afterId = cursor.lowId;
    let made = 0;
    let firstUnhandledId: number | undefined;
    let pageFull = false;
    for (let page = 0; page < consumer.maxPages; page++) {
      const items = await readTransitionFeed(tx, { afterId, limit: consumer.pageSize });
      pageFull = items.length === consumer.pageSize;
      if (items.length === 0) break;
      afterId = items[items.length - 1]!.id;
      const done = await consumer.handlePage(tx, items);
      made += done.made;
      if (done.firstUnhandledId !== undefined)
        firstUnhandledId = Math.min(firstUnhandledId ?? Infinity, done.firstUnhandledId);
      if (!pageFull) break;
    }
    await consumer.afterPages?.(tx);
    const next = advanceFeedCursor(
      cursor,
      {
        scanStartedAt,
        scanEndedAt: new Date(),
        maxSeenId: Math.max(afterId, cursor.lowId),
        pageFull,
        firstUnhandledId,
      },
      consumer.settleMs,
    );
    await tx.update(t).set(next).where(eq(t.name, consumer.name));
    return made;
  });
}

/**
 * A page handled one transition at a time, each in its own savepoint with its marker (the marker
 * table's row is the handler's to write): transitions already marked are skipped (a rescan below
 * the mark repeats nothing); one that throws is left unmarked for the next run. With
 * `holdDossierAfterFailure`, a dossier's later transitions wait behind its failed one (a consumer
 * whose order per dossier must hold).
 */
export async function handleEachTransition(
  tx: Db,
  items: TransitionFeedItem[],
  how: {
    markers: FeedMarkerTable;
    holdDossierAfterFailure: boolean;
    handle(sp: Db, item: TransitionFeedItem): Promise<number>;
  },
): Promise<{ made: number; firstUnhandledId?: number }> {
  const m = how.markers;
  const marked = new Set(
    (
      (await tx
        .select({ id: m.transitionId })
        .from(m)
        .where(
          inArray(
            m.transitionId,
            items.map((i) => i.id),
          ),
        )) as Array<{ id: number }>
    ).map((r) => Number(r.id)),
  );
  let made = 0;
  let firstUnhandledId: number | undefined;
  const failed = new Set<string>();
  for (const item of items) {
    if (marked.has(item.id)) continue;
    if (how.holdDossierAfterFailure && failed.has(item.dossierId)) continue;
    try {
      made += await tx.transaction((sp) => how.handle(sp, item));
    } catch {
      firstUnhandledId ??= item.id;
      failed.add(item.dossierId);
    }
  }
  return { made, firstUnhandledId };
}
