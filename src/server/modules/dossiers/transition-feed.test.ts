import { describe, expect, it } from 'vitest';
import { advanceFeedCursor, type FeedCursor } from './transition-feed';

const t0 = new Date('2026-12-07T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const SETTLE = 60_000;

describe('the transitions feed cursor (ids commit out of order)', () => {
  const start: FeedCursor = { lowId: 10, pendingId: 10, pendingSince: t0 };

  it('keeps the low-water mark while the ids seen are younger than the settle time', () => {
    const next = advanceFeedCursor(
      start,
      { scanStartedAt: at(1_000), scanEndedAt: at(1_010), maxSeenId: 20, pageFull: false },
      SETTLE,
    );
    expect(next).toEqual(start);
  });

  it('moves the mark over the pending ids once settled, and starts a new pending window at what it saw', () => {
    const pending: FeedCursor = { lowId: 10, pendingId: 20, pendingSince: t0 };
    const next = advanceFeedCursor(
      pending,
      { scanStartedAt: at(SETTLE), scanEndedAt: at(SETTLE + 5), maxSeenId: 35, pageFull: false },
      SETTLE,
    );
    expect(next).toEqual({ lowId: 20, pendingId: 35, pendingSince: at(SETTLE + 5) });
  });

  it('never moves the mark past a transition it could not handle, nor past what a full page read', () => {
    const pending: FeedCursor = { lowId: 10, pendingId: 20, pendingSince: t0 };
    const poll = { scanStartedAt: at(SETTLE), scanEndedAt: at(SETTLE), maxSeenId: 30, pageFull: false };
    expect(advanceFeedCursor(pending, { ...poll, firstUnhandledId: 15 }, SETTLE).lowId).toBe(14);
    expect(advanceFeedCursor(pending, { ...poll, maxSeenId: 17, pageFull: true }, SETTLE).lowId).toBe(17);
  });

  it('a late-committing smaller id is still above the mark when it becomes visible', () => {
    // Poll 1 at t0 sees 21 (id 20 allocated earlier, not committed): pending = 21.
    let c = advanceFeedCursor(
      { lowId: 10, pendingId: 10, pendingSince: at(-SETTLE) },
      { scanStartedAt: t0, scanEndedAt: t0, maxSeenId: 21, pageFull: false },
      SETTLE,
    );
    expect(c).toEqual({ lowId: 10, pendingId: 21, pendingSince: t0 });
    // Id 20 commits a little later: the mark is still 10, so the next scan (id > 10) reads it.
    c = advanceFeedCursor(
      c,
      { scanStartedAt: at(1_000), scanEndedAt: at(1_000), maxSeenId: 21, pageFull: false },
      SETTLE,
    );
    expect(c.lowId).toBeLessThan(20);
  });
});
