import type { Db } from '../../platform/db';
import { entryHash, GENESIS_HASH } from './audit.chain';
import { readChainBatch, readChainHead, type StoredEntry } from './audit.repository';

/**
 * Why verification stopped: `hash` — the entry's content no longer matches its hash (edited);
 * `prev_hash` — the entry does not point to the previous entry's hash (an entry before it was
 * replaced, or it was re-hashed); `gap` — an entry is missing at this seq (deleted);
 * `head` — the chain head does not match the last entry.
 */
export type ChainBreak = { seq: number; reason: 'hash' | 'prev_hash' | 'gap' | 'head' };

export interface ChainVerification {
  ok: boolean;
  /** Entries whose hash was recomputed. */
  checked: number;
  /** The chain head's seq when verification started (later entries are not checked). */
  headSeq: number;
  firstBroken?: ChainBreak;
}

export interface VerifyOptions {
  /** Seqs per query (default 10,000): memory stays flat whatever the log's size. */
  batchSize?: number;
  /** Called after each batch with the entries checked so far and the number to check. */
  onProgress?: (checked: number, total: number) => void;
}

/** Checks one entry against its expected position; the first problem found, or undefined. */
function checkEntry(entry: StoredEntry, expectedSeq: number, previousHash: string): ChainBreak | undefined {
  if (entry.seq !== expectedSeq) return { seq: expectedSeq, reason: 'gap' };
  if (entry.prevHash !== previousHash) return { seq: entry.seq, reason: 'prev_hash' };
  if (entryHash(entry) !== entry.hash) return { seq: entry.seq, reason: 'hash' };
  return undefined;
}

/**
 * Recomputes the access log's hash chain in seq order, batch by batch (keyset pages, so
 * millions of entries are fine), and reports the first broken entry. Hashes are recomputed
 * in Node from the stored fields, independently of the database's trigger functions.
 */
export async function verifyChain(db: Db, options: VerifyOptions = {}): Promise<ChainVerification> {
  const batchSize = Math.max(1, Math.trunc(options.batchSize ?? 10_000));
  // Read the head first: every entry up to its seq is committed (head and entry commit together).
  const head = await readChainHead(db);
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  let checked = 0;
  for (let from = 0; from < head.lastSeq; from += batchSize) {
    const batch = await readChainBatch(db, from, Math.min(from + batchSize, head.lastSeq));
    for (const entry of batch) {
      const broken = checkEntry(entry, expectedSeq, previousHash);
      if (broken) return { ok: false, checked, headSeq: head.lastSeq, firstBroken: broken };
      previousHash = entry.hash;
      expectedSeq += 1;
      checked += 1;
    }
    options.onProgress?.(checked, head.lastSeq);
  }
  if (checked < head.lastSeq) return { ok: false, checked, headSeq: head.lastSeq, firstBroken: { seq: expectedSeq, reason: 'gap' } };
  if (previousHash !== head.lastHash) return { ok: false, checked, headSeq: head.lastSeq, firstBroken: { seq: head.lastSeq, reason: 'head' } };
  return { ok: true, checked, headSeq: head.lastSeq };
}
