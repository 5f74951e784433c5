/** Helpers shared by the audit module’s tests (never imported by production code). */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db';
import { subjectFor } from './audit.pseudonym';
import type { AccessEntryInput } from './audit.service';
import { sealPendingAccess } from './audit.sealer';

export const TEST_KEY = 'test-audit-pseudonym-key-0123456789abcdef';

/** An officer's read of a person, with defaults a test overrides. */
export function makeEntry(overrides: Partial<AccessEntryInput> = {}): AccessEntryInput {
  return {
    actorAccountId: randomUUID(),
    actorRole: 'commune_police',
    actorUnit: '03445',
    action: 'person.read',
    subject: subjectFor(TEST_KEY, { nationalId: '012190000001' }),
    purpose: 'residence_registration',
    requestId: randomUUID(),
    details: { personId: randomUUID() },
    ...overrides,
  };
}

/** The message of an error and of its causes (Drizzle wraps driver errors). */
export function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) parts.push(e.message);
  return parts.join(' <- ');
}

/** Runs statements as the database owner with the append-only trigger off (to simulate tampering). */
export async function tamper(database: Database, statements: string[]): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit.access_log disable trigger access_log_append_only`);
    for (const s of statements) await tx.execute(sql.raw(s));
    await tx.execute(sql`alter table audit.access_log enable trigger access_log_append_only`);
  });
}

export interface StoredLink {
  seq: number;
  prevHash: string;
  hash: string;
}

/** seq, prev_hash and hash of every entry in seq order (staged entries are sealed first). */
export async function readLinks(database: Database): Promise<StoredLink[]> {
  await sealPendingAccess(database.db);
  const rows = await database.rows<{ seq_text: string; prev_hash: string; hash: string }>(
    sql`select seq::text as seq_text, prev_hash, hash from audit.access_log order by seq`,
  );
  return rows.map((r) => ({ seq: Number(r.seq_text), prevHash: r.prev_hash, hash: r.hash }));
}

/**
 * Runs statements as a database superuser would to rewrite history: every guard trigger on the log
 * and on the chain head is off (so entries can be edited or deleted and the head rolled back).
 */
export async function superuserTamper(database: Database, statements: string[]): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit.access_log disable trigger user`);
    await tx.execute(sql`alter table audit.chain_head disable trigger user`);
    for (const s of statements) await tx.execute(sql.raw(s));
    await tx.execute(sql`alter table audit.access_log enable trigger user`);
    await tx.execute(sql`alter table audit.chain_head enable trigger user`);
  });
}

/** SQL that re-links entries from..to to their (possibly changed) predecessors and re-hashes them, then moves the head to `to`. */
export function rechainStatements(from: number, to: number): string[] {
  const statements: string[] = [];
  for (let seq = from; seq <= to; seq++) {
    statements.push(
      `update audit.access_log l set prev_hash = coalesce((select p.hash from audit.access_log p where p.seq = ${seq - 1}), '${'0'.repeat(64)}') where seq = ${seq}`,
      `update audit.access_log l set hash = encode(sha256(convert_to(l.prev_hash || '|' || audit.access_log_canonical(l), 'UTF8')), 'hex') where seq = ${seq}`,
    );
  }
  statements.push(
    `update audit.chain_head set last_seq = ${to}, last_hash = coalesce((select hash from audit.access_log where seq = ${to}), '${'0'.repeat(64)}')`,
  );
  return statements;
}
