import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { loadWorkingCalendar } from '../calendar';
import { deadlineAtReceipt } from './deadline';
import { dossiers, dossierSteps, transitions } from './dossiers.schema';
import { SUPPLEMENT_WINDOW_WORKING_DAYS } from './supplement-expiry';

/*
 * The published read of `dossiers.transitions` for modules that react to every move of a dossier
 * (notifications, the national-portal sync): each transition with the dossier fields such a
 * consumer needs, in id order. The dossier fields are the dossier's *current* values (code, owner,
 * unit do not change after submission; dates may have moved on since the transition).
 *
 * Reading it correctly (ADR 0032): transition ids are a bigserial, allocated when the row is
 * inserted but visible when its transaction commits, so a smaller id can appear after a larger
 * one was read. A consumer must not keep "the last id read" as its cursor. It keeps a marker per
 * transition it handled and scans from a low-water mark that only moves over ids old enough to be
 * settled: `advanceFeedCursor` below. `consumeTransitionFeed` (feed-consumer.ts) is that loop, for
 * every consumer: use it rather than reading the feed by hand.
 */

/** One transition and the dossier it moved. */
export interface TransitionFeedItem {
  id: number;
  dossierId: string;
  command: string;
  fromState: string | null;
  toState: string;
  at: Date;
  actorRole: string;
  /** Due time after this transition (null while paused for a supplement). */
  dueAt: Date | null;
  reason: string | null;
  legalBasis: string | null;
  items: Array<{ item: string; reason: string }> | null;
  note: string | null;
  dossier: {
    code: string | null;
    agencyCode: string;
    procedureCode: string;
    unitCode: string;
    channel: string;
    state: string;
    ownerAccountId: string | null;
    applicantPersonId: string | null;
    applicantName: string;
    /** The applicant's access-log subject (audit pseudonym): their consents are recorded under it. */
    applicantSubject: string | null;
    resultDelivery: string;
    feeAmount: number;
    feeStatus: string;
    submittedAt: Date | null;
    receivedAt: Date | null;
    dueAt: Date | null;
    decidedAt: Date | null;
    late: boolean;
  };
}

/** Transitions with an id above `afterId`, oldest first, at most `limit`. */
export async function readTransitionFeed(db: Db, q: { afterId: number; limit: number }): Promise<TransitionFeedItem[]> {
  const rows = await db
    .select({ t: transitions, d: dossiers })
    .from(transitions)
    .innerJoin(dossiers, eq(dossiers.id, transitions.dossierId))
    .where(gt(transitions.id, q.afterId))
    .orderBy(asc(transitions.id))
    .limit(q.limit);
  return rows.map(({ t, d }) => ({
    id: t.id,
    dossierId: t.dossierId,
    command: t.command,
    fromState: t.fromState,
    toState: t.toState,
    at: t.at,
    actorRole: t.actorRole,
    dueAt: t.dueAt,
    reason: t.reason,
    legalBasis: t.legalBasis,
    items: t.items,
    note: t.note,
    dossier: {
      code: d.code,
      agencyCode: d.agencyCode,
      procedureCode: d.procedureCode,
      unitCode: d.unitCode,
      channel: d.channel,
      state: d.state,
      ownerAccountId: d.ownerAccountId,
      applicantPersonId: d.applicantPersonId,
      applicantName: d.applicantName,
      applicantSubject: d.applicantSubject,
      resultDelivery: d.resultDelivery,
      feeAmount: d.feeAmount,
      feeStatus: d.feeStatus,
      submittedAt: d.submittedAt,
      receivedAt: d.receivedAt,
      dueAt: d.dueAt,
      decidedAt: d.decidedAt,
      late: d.late,
    },
  }));
}

/** The largest transition id visible now (0 when none): where a new consumer starts. */
export async function latestTransitionId(db: Db): Promise<number> {
  const [row] = await db.select({ max: sql<string | null>`max(${transitions.id})` }).from(transitions);
  return Number(row?.max ?? 0);
}

/**
 * When an interlinked group's supplement window (7 working days from the request, Decree 63/2024)
 * ends, after which `supplement-expiry` refuses it; null for a dossier that is not a group (no
 * fixed window: it waits for the citizen).
 */
export async function supplementWindowEnd(db: Db, dossierId: string, requestedAt: Date): Promise<Date | null> {
  const [step] = await db
    .select({ seq: dossierSteps.seq })
    .from(dossierSteps)
    .where(eq(dossierSteps.dossierId, dossierId))
    .limit(1);
  if (!step) return null;
  const cal = await loadWorkingCalendar(db);
  return deadlineAtReceipt(cal, requestedAt, SUPPLEMENT_WINDOW_WORKING_DAYS).dueAt;
}

/**
 * How long a transaction that inserts a transition may stay open: ids allocated more than this
 * long ago are settled (committed or rolled back). Requests are bounded far below it (statement
 * and idle-in-transaction timeouts, ADR 0014); the jobs that move dossiers commit per batch.
 */
export const FEED_SETTLE_MS = 10 * 60_000;

/**
 * A consumer's position in the feed. Every id ≤ `lowId` is handled (or settled as a gap);
 * `pendingId` is the largest id seen at `pendingSince`: every id up to it was allocated before
 * then, so once `settleMs` has passed they are all visible (or never will be) and the low-water
 * mark may move up to it.
 */
export interface FeedCursor {
  lowId: number;
  pendingId: number;
  pendingSince: Date;
}

/**
 * The cursor after one poll. `scanStartedAt`: when the poll's read began; `scanEndedAt`: when its
 * answer came (every id it saw was allocated before then); `maxSeenId`: the largest id it read (or
 * `lowId` when none); `pageFull`: the read hit its limit (ids above `maxSeenId`
 * were not read yet); `firstUnhandledId`: the smallest id the poll read but could not handle
 * (retried by the next poll: the mark stays below it). Pure.
 */
export function advanceFeedCursor(
  cursor: FeedCursor,
  poll: { scanStartedAt: Date; scanEndedAt: Date; maxSeenId: number; pageFull: boolean; firstUnhandledId?: number },
  settleMs = FEED_SETTLE_MS,
): FeedCursor {
  const cap = (id: number) => (poll.firstUnhandledId === undefined ? id : Math.min(id, poll.firstUnhandledId - 1));
  const settled = poll.scanStartedAt.getTime() - cursor.pendingSince.getTime() >= settleMs;
  if (!settled) return cursor;
  // The scan began after the pending ids settled, so it read every one of them (but a full page
  // read only up to maxSeenId).
  const reach = poll.pageFull ? Math.min(cursor.pendingId, poll.maxSeenId) : cursor.pendingId;
  return {
    lowId: Math.max(cursor.lowId, cap(reach)),
    pendingId: Math.max(poll.maxSeenId, cursor.pendingId),
    pendingSince: poll.scanEndedAt,
  };
}
