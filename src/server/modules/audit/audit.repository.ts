import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import type { ChainedEntryText } from './audit.chain';
import { accessPending, chainHead, consents, purposes } from './audit.schema';

export type PurposeRow = typeof purposes.$inferSelect;
export type NewAccessRow = typeof accessPending.$inferInsert;
export type ConsentRow = typeof consents.$inferSelect;
export type NewConsentRow = typeof consents.$inferInsert;

/** Rows per INSERT statement: far below PostgreSQL's 65,535 bind parameters (8 per row). */
const INSERT_CHUNK = 5_000;

/** Stages entries (no lock shared with other writers); `sealPending` chains them. */
export async function insertPendingRows(db: Db, rows: NewAccessRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await db.insert(accessPending).values(rows.slice(i, i + INSERT_CHUNK));
  }
}

/**
 * Stages the entries of a standalone read in ONE autocommitted statement whose commit does not
 * wait for the WAL flush: `set_config('synchronous_commit', 'off', true)` applies to this
 * statement's own transaction only. PostgreSQL flushes it within ~3 × wal_writer_delay (0.6 s by
 * default); only a database crash inside that window could lose these entries (ADR 0004).
 */
export async function insertPendingRowsAsync(db: Db, rows: NewAccessRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    const values = sql.join(
      chunk.map(
        (r) =>
          sql`(${r.actorAccountId ?? null}::uuid, ${r.actorRole}, ${r.actorUnit ?? null}, ${r.action}, ${r.subject}, ${r.purpose ?? null}, ${r.requestId}, ${r.details === undefined || r.details === null ? null : JSON.stringify(r.details)}::jsonb)`,
      ),
      sql`, `,
    );
    await db.execute(sql`
      with async_commit as (select set_config('synchronous_commit', 'off', true))
      insert into audit.access_pending (actor_account_id, actor_role, actor_unit, action, subject, purpose, request_id, details)
      select v.* from (values ${values}) as v(actor_account_id, actor_role, actor_unit, action, subject, purpose, request_id, details), async_commit`);
  }
}

/** Moves up to maxRows of the oldest staged entries into the chain (one statement); returns how many. */
export async function sealPending(db: Db, maxRows: number): Promise<number> {
  const rows = await queryRows<{ moved: number }>(db, sql`select audit.seal_pending(${maxRows}::integer) as moved`);
  return Number(rows[0]?.moved ?? 0);
}

export async function countPending(db: Db): Promise<number> {
  const rows = await db.select({ n: count() }).from(accessPending);
  return Number(rows[0]?.n ?? 0);
}

export async function listPurposeRows(db: Db): Promise<PurposeRow[]> {
  return db.select().from(purposes).orderBy(asc(purposes.code));
}

export async function findPurpose(db: Db, code: string): Promise<PurposeRow | undefined> {
  const rows = await db.select().from(purposes).where(eq(purposes.code, code)).limit(1);
  return rows[0];
}

export async function readChainHead(db: Db): Promise<{ lastSeq: number; lastHash: string }> {
  const rows = await db.select({ lastSeq: chainHead.lastSeq, lastHash: chainHead.lastHash }).from(chainHead).limit(1);
  const head = rows[0];
  if (!head) throw new Error('audit.chain_head is missing (migration 0005 not applied?)');
  return head;
}

/** One stored entry rendered as text the way the trigger hashed it, plus the stored hash. */
export type StoredEntry = ChainedEntryText & { hash: string };

type RawEntry = Omit<StoredEntry, 'seq'> & { seq: string };

/**
 * Entries with afterSeq < seq ≤ upToSeq in seq order. Callers pass a bounded range (seqs are
 * gap-free, so a range of N seqs holds at most N rows): the plan then reads only those rows
 * even before the table has statistics (an open-ended range + LIMIT was quadratic then).
 */
export async function readChainBatch(db: Db, afterSeq: number, upToSeq: number): Promise<StoredEntry[]> {
  const rows = await queryRows<RawEntry>(
    db,
    sql`
    select seq::text as "seq",
           to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "atUtc",
           actor_account_id::text as "actorAccountId", actor_role as "actorRole", actor_unit as "actorUnit",
           action, subject, purpose, request_id as "requestId", details::text as "details",
           prev_hash as "prevHash", hash
    from audit.access_log l
    where l.seq > ${afterSeq} and l.seq <= ${upToSeq}
    order by l.seq`,
  );
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

export interface SubjectAccessRow {
  /** The latest entry of the line (seq, or the staged id). */
  seq: number;
  /** The latest access of the line, and the first. */
  at: Date;
  firstAt: Date;
  /** How many entries the line stands for (repeated reads collapsed). */
  count: number;
  action: string;
  purpose: string | null;
  purposeNameVi: string | null;
  purposeNameEn: string | null;
  actorRole: string;
  actorUnit: string | null;
  targetKind: string | null;
  targetCode: string | null;
}

/** Reads of the same thing by the same actor for the same purpose this close together are one line in the citizen's view. */
export const COLLAPSE_WINDOW_MINUTES = 10;

/**
 * A subject's entries, chained and still pending, as the citizen's lines: consecutive entries with the
 * same actor (account, or the operating-system user of a command-line read), role, unit, action,
 * purpose and target, each within COLLAPSE_WINDOW_MINUTES of the previous one, are one line with a
 * count. Only the grouping uses the actor's account: it is never selected.
 */
function subjectLines(subjects: string[]) {
  const list = sql.join(
    subjects.map((s) => sql`${s}`),
    sql`, `,
  );
  const key = sql.raw('actor_key, actor_role, actor_unit, action, purpose, target');
  const order = sql.raw('at, pending, seq');
  return sql`
    with e as (
      select l.seq, l.at, l.action, l.purpose, l.actor_role, l.actor_unit, l.actor_account_id, l.details, 0 as pending from audit.access_log l where l.subject in (${list})
      union all
      select q.id, q.at, q.action, q.purpose, q.actor_role, q.actor_unit, q.actor_account_id, q.details, 1 from audit.access_pending q where q.subject in (${list})
    ), k as (
      select e.*, e.details -> 'target' as target, coalesce(e.actor_account_id::text, e.details ->> 'osUser', '') as actor_key from e
    ), s as (
      select k.*, case when lag(k.at) over (partition by ${key} order by ${order}) >= k.at - ${sql.raw(`interval '${COLLAPSE_WINDOW_MINUTES} minutes'`)} then 0 else 1 end as starts from k
    ), g as (
      select s.*, sum(s.starts) over (partition by ${key} order by ${order} rows unbounded preceding) as grp from s
    )
    select max(g.seq) as seq, max(g.at) as at, min(g.at) as first_at, count(*)::int as n, g.action, g.purpose, g.actor_role, g.actor_unit,
           min(g.target ->> 'kind') as target_kind, min(coalesce(g.target ->> 'code', g.target ->> 'dossierCode')) as target_code
    from g group by ${key}, g.grp`;
}

/** The citizen's lines (see `subjectLines`), newest first. Selects no actor account id and no details. */
export async function listAccessBySubjects(
  db: Db,
  subjects: string[],
  limit: number,
  offset: number,
): Promise<SubjectAccessRow[]> {
  type Raw = {
    seq: string;
    at: string | Date;
    first_at: string | Date;
    n: number;
    action: string;
    purpose: string | null;
    name_vi: string | null;
    name_en: string | null;
    actor_role: string;
    actor_unit: string | null;
    target_kind: string | null;
    target_code: string | null;
  };
  const rows = await queryRows<Raw>(
    db,
    sql`
    select x.seq::text as seq, x.at, x.first_at, x.n, x.action, x.purpose, p.name_vi, p.name_en, x.actor_role, x.actor_unit, x.target_kind, x.target_code
    from (${subjectLines(subjects)}) x
    left join audit.purposes p on p.code = x.purpose
    order by x.at desc, x.seq desc
    limit ${limit} offset ${offset}`,
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: new Date(r.at),
    firstAt: new Date(r.first_at),
    count: Number(r.n),
    action: r.action,
    purpose: r.purpose,
    purposeNameVi: r.name_vi,
    purposeNameEn: r.name_en,
    actorRole: r.actor_role,
    actorUnit: r.actor_unit,
    targetKind: r.target_kind,
    targetCode: r.target_code,
  }));
}

/** How many lines the citizen's view has (collapsed, as `listAccessBySubjects` shows them). */
export async function countAccessBySubjects(db: Db, subjects: string[]): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (${subjectLines(subjects)}) x`);
  return Number(rows[0]?.n ?? 0);
}

/** Inserts a consent; undefined when an active one already exists for the subject and purpose. */
export async function insertConsent(db: Db, row: NewConsentRow): Promise<ConsentRow | undefined> {
  const rows = await db
    .insert(consents)
    .values(row)
    .onConflictDoNothing({ target: [consents.subject, consents.purposeCode], where: sql`withdrawn_at is null` })
    .returning();
  return rows[0];
}

/** Sets withdrawn_at on the active consent (of any of the person's subjects); undefined when there is none. */
export async function withdrawActiveConsent(
  db: Db,
  subjects: string[],
  purposeCode: string,
): Promise<ConsentRow | undefined> {
  const rows = await db
    .update(consents)
    .set({ withdrawnAt: sql`now()` })
    .where(
      and(inArray(consents.subject, subjects), eq(consents.purposeCode, purposeCode), isNull(consents.withdrawnAt)),
    )
    .returning();
  return rows[0];
}

export async function listConsentRows(db: Db, subjects: string[]): Promise<ConsentRow[]> {
  return db
    .select()
    .from(consents)
    .where(inArray(consents.subject, subjects))
    .orderBy(desc(consents.grantedAt), asc(consents.id));
}
