import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseEd25519PrivateKey } from '../../platform/config';
import type { Db } from '../../platform/db';
import { readChainHead } from './audit.repository';

/**
 * A signed statement "the access log's entry `seq` had hash `hash` at time `at`" (ADR 0004). The
 * key is not in the database and the statements are kept outside it, so a database superuser who
 * rewrites the log and recomputes the chain cannot make it agree with them.
 */
export interface Checkpoint {
  v: 1;
  seq: number;
  hash: string;
  /** When the checkpoint was made (ISO 8601, UTC). */
  at: string;
  /** First 16 hex digits of SHA-256 of the public key (raw SPKI DER): which key signed. */
  keyId: string;
  /** Ed25519 signature (base64) of `signedText`. */
  sig: string;
}

/** Where checkpoints go and the key that signs and checks them. */
export interface CheckpointAnchor {
  /** JSON lines, append-only: `DATA_DIR/audit-checkpoints.jsonl`. */
  file: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
  /** Optional external endpoint each checkpoint is POSTed to (a copy the host's own users cannot rewrite). */
  url?: string;
}

/** A checkpoint line that cannot be trusted: unreadable, signed by another key, or not matching its signature. */
export interface InvalidCheckpoint {
  line: number;
  /** `incomplete`: an unterminated last line (a write cut short by a crash) — reported, not a failure. */
  reason: 'malformed' | 'key' | 'signature' | 'incomplete';
}

export interface CheckpointFile {
  /** Valid checkpoints in seq order. */
  checkpoints: Checkpoint[];
  invalid: InvalidCheckpoint[];
}

export const CHECKPOINT_FILE_NAME = 'audit-checkpoints.jsonl';

/** The anchor of a data directory: its checkpoint file, the key, and the optional external endpoint. */
export function checkpointAnchor(options: { dataDir: string; key: string; url?: string }): CheckpointAnchor {
  const privateKey = parseEd25519PrivateKey(options.key);
  const publicKey = createPublicKey(privateKey);
  const keyId = createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex')
    .slice(0, 16);
  return { file: join(options.dataDir, CHECKPOINT_FILE_NAME), privateKey, publicKey, keyId, url: options.url };
}

/** The anchor configured for this installation (DATA_DIR, AUDIT_CHECKPOINT_KEY, AUDIT_CHECKPOINT_URL). */
export function checkpointAnchorFromConfig(config: {
  DATA_DIR: string;
  AUDIT_CHECKPOINT_KEY?: string;
  AUDIT_CHECKPOINT_URL?: string;
}): CheckpointAnchor {
  if (!config.AUDIT_CHECKPOINT_KEY) throw new Error('AUDIT_CHECKPOINT_KEY is not configured');
  return checkpointAnchor({
    dataDir: config.DATA_DIR,
    key: config.AUDIT_CHECKPOINT_KEY,
    url: config.AUDIT_CHECKPOINT_URL,
  });
}

/** The exact bytes signed: versioned, '|'-separated, no field can contain '|'. */
function signedText(c: Pick<Checkpoint, 'v' | 'seq' | 'hash' | 'at' | 'keyId'>): Buffer {
  return Buffer.from(`dvc06-audit-checkpoint|v${c.v}|${c.seq}|${c.hash}|${c.at}|${c.keyId}`, 'utf8');
}

/** Signs (seq, hash) of the chain's entry now. */
export function signCheckpoint(
  anchor: CheckpointAnchor,
  entry: { seq: number; hash: string },
  at = new Date(),
): Checkpoint {
  const unsigned = { v: 1 as const, seq: entry.seq, hash: entry.hash, at: at.toISOString(), keyId: anchor.keyId };
  return { ...unsigned, sig: sign(null, signedText(unsigned), anchor.privateKey).toString('base64') };
}

/**
 * Appends one checkpoint line (O_APPEND, so concurrent processes never overwrite each other) and
 * waits until it is on disk (fsync) before returning.
 */
async function appendLine(file: string, line: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const handle = await open(file, 'a', 0o640);
  try {
    await handle.write(`${line}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Signs the chain head and appends it to the checkpoint file; undefined when the log is empty or
 * the head is the last checkpoint `after` (nothing new). Posting to the external endpoint is left
 * to the caller (`postCheckpoint`), so a slow endpoint never holds up sealing.
 */
export async function writeCheckpoint(
  db: Db,
  anchor: CheckpointAnchor,
  after?: number,
): Promise<Checkpoint | undefined> {
  const head = await readChainHead(db);
  const last = after ?? (await readCheckpoints(anchor)).checkpoints.at(-1)?.seq ?? 0;
  if (head.lastSeq === 0 || head.lastSeq === last) return undefined;
  const checkpoint = signCheckpoint(anchor, { seq: head.lastSeq, hash: head.lastHash });
  await appendLine(anchor.file, JSON.stringify(checkpoint));
  return checkpoint;
}

/** POSTs a checkpoint as JSON to the anchor's external endpoint (if any); throws on a non-2xx answer or after 5 s. */
export async function postCheckpoint(anchor: CheckpointAnchor, checkpoint: Checkpoint): Promise<void> {
  if (!anchor.url) return;
  const res = await fetch(anchor.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(checkpoint),
    signal: AbortSignal.timeout(5_000),
  });
  if (!res.ok) throw new Error(`audit checkpoint endpoint answered ${res.status}`);
}

function isCheckpointShape(x: unknown): x is Checkpoint {
  const c = x as Partial<Checkpoint> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    c.v === 1 &&
    Number.isSafeInteger(c.seq) &&
    (c.seq ?? 0) > 0 &&
    typeof c.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(c.hash) &&
    typeof c.at === 'string' &&
    !c.at.includes('|') &&
    typeof c.keyId === 'string' &&
    typeof c.sig === 'string'
  );
}

/** Checks one line: the checkpoint, or why it cannot be trusted. */
function checkLine(anchor: CheckpointAnchor, text: string): Checkpoint | InvalidCheckpoint['reason'] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'malformed';
  }
  if (!isCheckpointShape(parsed)) return 'malformed';
  if (parsed.keyId !== anchor.keyId) return 'key';
  return verify(null, signedText(parsed), anchor.publicKey, Buffer.from(parsed.sig, 'base64')) ? parsed : 'signature';
}

/** Reads and checks every line of the checkpoint file (none when it does not exist yet). */
export async function readCheckpoints(anchor: CheckpointAnchor): Promise<CheckpointFile> {
  let text: string;
  try {
    text = await readFile(anchor.file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { checkpoints: [], invalid: [] };
    throw error;
  }
  const lines = text.split('\n');
  const result: CheckpointFile = { checkpoints: [], invalid: [] };
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const checked = checkLine(anchor, line);
    const unterminated = i === lines.length - 1;
    if (typeof checked !== 'string') result.checkpoints.push(checked);
    else result.invalid.push({ line: i + 1, reason: unterminated && checked === 'malformed' ? 'incomplete' : checked });
  });
  result.checkpoints.sort((a, b) => a.seq - b.seq);
  return result;
}
