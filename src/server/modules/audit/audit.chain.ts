import { createHash } from 'node:crypto';

/** prev_hash of the first entry (the chain's fixed genesis). */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an access-log entry as text, exactly as the database renders them for hashing. */
export interface ChainedEntryText {
  seq: number;
  /** `at` in UTC with microseconds: YYYY-MM-DDTHH:MI:SS.ffffffZ. */
  atUtc: string;
  actorAccountId: string | null;
  actorRole: string;
  actorUnit: string | null;
  action: string;
  subject: string;
  purpose: string | null;
  requestId: string;
  /** `details::text` (jsonb's normalised rendering), or null. */
  details: string | null;
  prevHash: string;
}

/** '~' for null, otherwise '<UTF-8 byte length>:<text>': unambiguous without escaping. */
function field(value: string | null): string {
  return value === null ? '~' : `${Buffer.byteLength(value, 'utf8')}:${value}`;
}

/**
 * The canonical text of an entry — the same as `audit.access_log_canonical` in the
 * audit-triggers migration. Kept as an independent implementation so verification does not
 * trust a function stored in the database being verified.
 */
export function canonicalText(e: ChainedEntryText): string {
  return [
    'v1',
    String(e.seq),
    e.atUtc,
    field(e.actorAccountId),
    field(e.actorRole),
    field(e.actorUnit),
    field(e.action),
    field(e.subject),
    field(e.purpose),
    field(e.requestId),
    field(e.details),
  ].join('|');
}

/** sha256(prev_hash || '|' || canonical text), hex — what the insert trigger stores in `hash`. */
export function entryHash(e: ChainedEntryText): string {
  return createHash('sha256')
    .update(`${e.prevHash}|${canonicalText(e)}`, 'utf8')
    .digest('hex');
}
