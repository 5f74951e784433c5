import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import {
  advanceFeedCursor,
  latestTransitionId,
  readTransitionFeed,
  type FeedCursor,
  type TransitionFeedItem,
} from '../dossiers';
import type { JobQueue } from '../jobs';
import { payloadOf } from './payload';
import { feedCursor, handledTransitions, pushes, streams } from './portal-sync.schema';

/** The queue whose jobs send one dossier's pending pushes, in order (`{ dossierId }`, one waiting job per dossier). */
export const PUSH_QUEUE = 'portal-sync.push';
const CURSOR = 'portal-sync';
const PAGE = 200;
const MAX_PAGES = 10;

export interface CollectOptions {
  /** Enqueue a push job per dossier with new pushes, in the same transaction (absent: the loop sends them). */
  queue?: Pick<JobQueue, 'send'>;
  now?: Date;
  settleMs?: number;
  /** Start at the first transition rather than the latest (tests; a first start never sends the history). */
  fromStart?: boolean;
}

/**
 * Turns the dossier transitions not read yet into pushes: each gets the next sequence of its
 * dossier's stream (transitions of one dossier are serialised by the dossier's row lock, so id order
 * is their order), in one transaction with the markers and the feed cursor (locked: one process
 * collects at a time, the others skip). Drafts' transitions are marked and skipped. The first run
 * starts at the latest transition. Returns the number of pushes created.
 */
export async function collectPushes(db: Db, options: CollectOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  await db
    .insert(feedCursor)
    .values({ name: CURSOR, lowId: -1, pendingId: -1, pendingSince: now })
    .onConflictDoNothing();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(feedCursor)
      .where(eq(feedCursor.name, CURSOR))
      .for('update', { skipLocked: true });
    if (!row) return 0; // another process is collecting
    if (row.lowId < 0) {
      const start = options.fromStart ? 0 : await latestTransitionId(tx);
      await tx
        .update(feedCursor)
        .set({ lowId: start, pendingId: start, pendingSince: now })
        .where(eq(feedCursor.name, CURSOR));
      if (!options.fromStart) return 0;
      row.lowId = start;
      row.pendingId = start;
      row.pendingSince = now;
    }
    const cursor: FeedCursor = { lowId: row.lowId, pendingId: row.pendingId, pendingSince: row.pendingSince };
    const scanStartedAt = new Date();
    let afterId = cursor.lowId;
    let created = 0;
    let firstUnhandledId: number | undefined;
    let pageFull = false;
    const touched = new Set<string>();
    const failed = new Set<string>();
    for (let page = 0; page < MAX_PAGES; page++) {
      const items = await readTransitionFeed(tx, { afterId, limit: PAGE });
      pageFull = items.length === PAGE;
      if (items.length === 0) break;
      afterId = items[items.length - 1]!.id;
      const handled = new Set(
        (
          await tx
            .select({ id: handledTransitions.transitionId })
            .from(handledTransitions)
            .where(
              inArray(
                handledTransitions.transitionId,
                items.map((i) => i.id),
              ),
            )
        ).map((h) => h.id),
      );
      for (const item of items) {
        if (handled.has(item.id)) continue;
        // A dossier whose earlier transition could not be handled waits: its order must hold.
        if (failed.has(item.dossierId)) continue;
        try {
          const pushed = await tx.transaction((sp) => handleTransition(sp, item));
          if (pushed) {
            created++;
            touched.add(item.dossierId);
          }
        } catch {
          firstUnhandledId ??= item.id;
          failed.add(item.dossierId);
        }
      }
      if (!pageFull) break;
    }
    if (options.queue)
      for (const dossierId of touched)
        await options.queue.send(tx, PUSH_QUEUE, { dossierId }, { singletonKey: dossierId });
    const next = advanceFeedCursor(
      cursor,
      {
        scanStartedAt,
        scanEndedAt: new Date(),
        maxSeenId: Math.max(afterId, cursor.lowId),
        pageFull,
        firstUnhandledId,
      },
      options.settleMs,
    );
    await tx.update(feedCursor).set(next).where(eq(feedCursor.name, CURSOR));
    return created;
  });
}

/** Marks one transition and, when the portal sees it, adds its push with the dossier's next sequence. */
async function handleTransition(tx: Db, item: TransitionFeedItem): Promise<boolean> {
  const code = item.dossier.code;
  const probe = code ? payloadOf(item, 1) : undefined;
  if (!code || !probe) {
    await tx.insert(handledTransitions).values({ transitionId: item.id, pushed: false });
    return false;
  }
  await tx.insert(streams).values({ dossierId: item.dossierId, dossierCode: code }).onConflictDoNothing();
  const [stream] = await tx
    .update(streams)
    .set({ nextSeq: sql`${streams.nextSeq} + 1` })
    .where(eq(streams.dossierId, item.dossierId))
    .returning({ seq: sql<number>`${streams.nextSeq} - 1` });
  const seq = Number(stream!.seq);
  const payload = payloadOf(item, seq)!;
  await tx.insert(pushes).values({
    transitionId: item.id,
    dossierId: item.dossierId,
    dossierCode: code,
    seq,
    status: payload.TrangThaiHoSo,
    payload,
  });
  await tx.insert(handledTransitions).values({ transitionId: item.id, pushed: true });
  return true;
}
