import type { Db } from '../../platform/db';
import { entryHash, GENESIS_HASH } from './audit.chain';
import type { Checkpoint, CheckpointFile, InvalidCheckpoint } from './audit.checkpoints';
import { readChainBatch, readChainHead, type StoredEntry } from './audit.repository';

/**
 * Why verification stopped: `hash` — the entry's content no longer matches its hash (edited);
 * `prev_hash` — the entry does not point to the previous entry's hash (an entry before it was
 * replaced, or it was re-hashed); `gap` — an entry is missing at this seq (deleted);
 * `head` — the chain head does not match the last entry;
 * `checkpoint` — a signed checkpoint names another hash for its seq (entries were rewritten and
 * the chain recomputed); `truncated` — a signed checkpoint lies beyond the chain's head (the last
 * entries were deleted and the head rolled back). For these two, `seq` is the first entry after
 * the last checkpoint that still matches: nothing from there on can be vouched for.
 */
export type ChainBreak = {
  seq: number;
  reason: 'hash' | 'prev_hash' | 'gap' | 'head' | 'checkpoint' | 'truncated';
  /** The checkpoint the chain contradicts (checkpoint and truncated only). */
  checkpoint?: { seq: number; at: string };
};

export interface ChainVerification {
  ok: boolean;
  /** Entries whose hash was recomputed. */
  checked: number;
  /** The chain head's seq when verification started (later entries are not checked). */
  headSeq: number;
  firstBroken?: ChainBreak;
  /** Present when checked against signed checkpoints: how many, up to which seq they vouch for, the lines not trusted. */
  checkpoints?: { total: number; verifiedUpTo: number | null; invalid: InvalidCheckpoint[] };
}

export interface VerifyOptions {
  /** Seqs per query (default 10,000): memory stays flat whatever the log's size. */
  batchSize?: number;
  /** Called after each batch with the entries checked so far and the number to check. */
  onProgress?: (checked: number, total: number) => void;
  /** Signed checkpoints from outside the database (`readCheckpoints`) that the chain must agree with. */
  checkpoints?: CheckpointFile;
}

/** Checks one entry against its expected position; the first problem found, or undefined. */
function checkEntry(entry: StoredEntry, expectedSeq: number, previousHash: string): ChainBreak | undefined {
  if (entry.seq !== expectedSeq) return { seq: expectedSeq, reason: 'gap' };
  if (entry.prevHash !== previousHash) return { seq: entry.seq, reason: 'prev_hash' };
  if (entryHash(entry) !== entry.hash) return { seq: entry.seq, reason: 'hash' };
  return undefined;
}

/** Walks the checkpoints (in seq order) alongside the chain's entries. */
class CheckpointCursor {
  private next = 0;
  lastGood: Checkpoint | undefined;
  constructor(private readonly list: Checkpoint[]) {}

  private breakAt(reason: 'checkpoint' | 'truncated', c: Checkpoint): ChainBreak {
    return { seq: (this.lastGood?.seq ?? 0) + 1, reason, checkpoint: { seq: c.seq, at: c.at } };
  }

  /** Compares the checkpoints of this entry's seq with its hash. */
  check(entry: StoredEntry): ChainBreak | undefined {
    for (let c = this.list[this.next]; c && c.seq <= entry.seq; c = this.list[++this.next]) {
      if (c.seq === entry.seq && c.hash !== entry.hash) return this.breakAt('checkpoint', c);
      if (c.seq === entry.seq) this.lastGood = c;
    }
    return undefined;
  }

  /** A checkpoint beyond the head: entries it covered are gone. */
  rest(): ChainBreak | undefined {
    const c = this.list[this.next];
    return c ? this.breakAt('truncated', c) : undefined;
  }
}

/**
 * Recomputes the access log's hash chain in seq order, batch by batch (keyset pages, so
 * millions of entries are fine), and reports the first broken entry. Hashes are recomputed
 * in Node from the stored fields, independently of the database's trigger functions. With
 * `checkpoints`, each signed (seq, hash) must be found in the chain and none may lie beyond its head.
 */
export async function verifyChain(db: Db, options: VerifyOptions = {}): Promise<ChainVerification> {
  const batchSize = Math.max(1, Math.trunc(options.batchSize ?? 10_000));
  // Read the head first: every entry up to its seq is committed (head and entry commit together).
  const head = await readChainHead(db);
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  let checked = 0;
  const cursor = new CheckpointCursor(options.checkpoints?.checkpoints ?? []);
  const result = (firstBroken?: ChainBreak): ChainVerification => {
    const file = options.checkpoints;
    const invalid = file?.invalid ?? [];
    const ok = !firstBroken && !invalid.some((i) => i.reason !== 'incomplete');
    return {
      ok,
      checked,
      headSeq: head.lastSeq,
      ...(firstBroken && { firstBroken }),
      ...(file && {
        checkpoints: { total: file.checkpoints.length, verifiedUpTo: cursor.lastGood?.seq ?? null, invalid },
      }),
    };
  };
  for (let from = 0; from < head.lastSeq; from += batchSize) {
    const batch = await readChainBatch(db, from, Math.min(from + batchSize, head.lastSeq));
    for (const entry of batch) {
      const broken = checkEntry(entry, expectedSeq, previousHash) ?? cursor.check(entry);
      if (broken) return result(broken);
      previousHash = entry.hash;
      expectedSeq += 1;
      checked += 1;
    }
    options.onProgress?.(checked, head.lastSeq);
  }
  if (checked < head.lastSeq) return result({ seq: expectedSeq, reason: 'gap' });
  if (previousHash !== head.lastHash) return result({ seq: head.lastSeq, reason: 'head' });
  return result(cursor.rest());
}
