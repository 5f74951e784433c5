import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { consumeTransitionFeed, handleEachTransition, type TransitionFeedItem } from '../dossiers';
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
  const touched = new Set<string>();
  return consumeTransitionFeed(db, {
    name: CURSOR,
    cursorTable: feedCursor,
    startAt: options.fromStart ? 'first' : 'latest',
    pageSize: PAGE,
    maxPages: MAX_PAGES,
    now: options.now,
    settleMs: options.settleMs,
    handlePage: (tx, items) =>
      handleEachTransition(tx, items, {
        markers: handledTransitions,
        // A dossier whose earlier transition could not be handled waits: its order must hold.
        holdDossierAfterFailure: true,
        handle: async (sp, item) => {
          const pushed = await handleTransition(sp, item);
          if (pushed) touched.add(item.dossierId);
          return pushed ? 1 : 0;
        },
      }),
    afterPages: async (tx) => {
      if (options.queue)
        for (const dossierId of touched)
          await options.queue.send(tx, PUSH_QUEUE, { dossierId }, { singletonKey: dossierId });
    },
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
