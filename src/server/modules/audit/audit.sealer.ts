import type { Db } from '../../platform/db';
import { startIntervalJob, type JobErrorHandler } from '../../platform/interval-job';
import * as repo from './audit.repository';
import { postCheckpoint, writeCheckpoint, type CheckpointAnchor } from './audit.checkpoints';

/** The job's name in logs. */
const SEALER_JOB = 'access-log sealing';

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
  /** Stops the timer, waits for a running pass, seals what is left and writes a last checkpoint. */
  stop(): Promise<void>;
}

/** The sealing passes of a server process, run by whatever calls them (the job queue in a server). */
export interface SealingPasses {
  /** Chains the staged entries, then writes a checkpoint when its interval has passed and the head moved. */
  pass(): Promise<void>;
  /** The last pass at shutdown: seals what is left, writes a last checkpoint and waits for its posting. */
  finish(): Promise<void>;
}

export interface SealerOptions {
  intervalMs: number;
  onError: JobErrorHandler;
  /** Signed checkpoints of the chain head outside the database (ADR 0004), at most every `intervalMs`. */
  checkpoint?: { anchor: CheckpointAnchor; intervalMs: number };
}

/**
 * The sealing passes of one process: each chains the staged entries and, when the checkpoint
 * interval has passed and the head moved, writes a signed checkpoint and posts it to the external
 * endpoint (a failed post goes to `onError`). A failed pass throws: nothing is lost, the entries
 * stay staged for the next.
 */
export function accessLogSealer(db: Db, options: Omit<SealerOptions, 'intervalMs'>): SealingPasses {
  let lastCheckpointAt = 0;
  let lastCheckpointSeq: number | undefined;
  const posts = new Set<Promise<void>>();
  const onError = (error: unknown) => options.onError(error, SEALER_JOB);
  const checkpoint = async (force: boolean) => {
    const cp = options.checkpoint;
    if (!cp || (!force && Date.now() - lastCheckpointAt < cp.intervalMs)) return;
    const written = await writeCheckpoint(db, cp.anchor, lastCheckpointSeq);
    lastCheckpointAt = Date.now();
    if (!written) return;
    lastCheckpointSeq = written.seq;
    const post = postCheckpoint(cp.anchor, written)
      .catch(onError)
      .finally(() => posts.delete(post));
    posts.add(post);
  };
  const pass = async (force: boolean) => {
    await sealPendingAccess(db);
    await checkpoint(force);
  };
  return {
    pass: () => pass(false),
    finish: async () => {
      await pass(true).catch(onError);
      await Promise.all(posts);
    },
  };
}

/**
 * The sealing job of a process without a job queue (benchmarks, tests): a pass every `intervalMs`.
 * A failed pass is reported through `onError` and retried at the next tick.
 */
export function startAccessLogSealer(db: Db, options: SealerOptions): AccessLogSealer {
  const passes = accessLogSealer(db, options);
  const job = startIntervalJob(SEALER_JOB, options.intervalMs, () => passes.pass(), options.onError);
  return {
    stop: async () => {
      await job.stop();
      await passes.finish();
    },
  };
}
