import type { Db } from '../../platform/db';
import * as repo from './audit.repository';

/** Entries moved into the chain per statement: bounds the sealing transaction's length. */
const SEAL_BATCH = 5_000;

/**
 * Moves every staged access-log entry into the hash chain, oldest first, in batches (each batch
 * one statement and one transaction); returns how many were sealed. Safe to run from several
 * processes at once: each takes rows the others are not moving.
 */
export async function sealPendingAccess(db: Db, options: { batchSize?: number } = {}): Promise<number> {
  const batch = Math.max(1, options.batchSize ?? SEAL_BATCH);
  let total = 0;
  for (;;) {
    const moved = await repo.sealPending(db, batch);
    total += moved;
    if (moved < batch) return total;
  }
}

/** How many entries are staged and not yet chained (shown by `dvc06 audit verify`). */
export async function countPendingAccess(db: Db): Promise<number> {
  return repo.countPending(db);
}

export interface AccessLogSealer {
  /** Stops the timer, waits for a running pass and seals what is left. */
  stop(): Promise<void>;
}

/**
 * The sealing job of a server process: every `intervalMs` it chains the staged entries. A failed
 * pass is reported through `onError` and retried at the next tick (nothing is lost: entries stay staged).
 */
export function startAccessLogSealer(db: Db, options: { intervalMs: number; onError: (error: unknown) => void }): AccessLogSealer {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const pass = () => {
    running = running.then(() => sealPendingAccess(db).then(() => undefined, options.onError));
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void pass();
  }, options.intervalMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await pass();
    },
  };
}
