import {
  pgSchema,
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  jsonb,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Tables owned by the `audit` module: the personal-data access log (PDP Law 91/2025: processing
 * activities are logged without copying the personal data), the purposes officers must state,
 * and citizens' consents. Triggers in migrations/*_audit-triggers.sql chain the log and make it append-only.
 */
export const auditSchema = pgSchema('audit');

/** Why an officer accesses the registry (a code list, as data). Vietnamese first. */
export const purposes = auditSchema.table('purposes', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  active: boolean('active').notNull().default(true),
});

/** The columns of one access entry, the same in the staging table and in the chain (a function: Drizzle needs fresh column builders per table). */
function entryColumns() {
  return {
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorAccountId: uuid('actor_account_id'),
    actorRole: text('actor_role').notNull(),
    actorUnit: text('actor_unit'),
    action: text('action').notNull(),
    subject: text('subject').notNull(),
    purpose: text('purpose'),
    requestId: text('request_id').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>(),
  };
}

/**
 * One access to a person's data. Append-only and hash-chained: the BEFORE INSERT trigger
 * replaces `seq` (gap-free, chain order), `at` (now()), `prev_hash` and `hash`; the values the
 * client sends for those four columns are ignored. `subject` is a keyed pseudonym, never the ID number.
 */
export const accessLog = auditSchema.table(
  'access_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    ...entryColumns(),
    /** Set by the trigger; the client-side default only satisfies NOT NULL before it runs. */
    prevHash: text('prev_hash')
      .notNull()
      .$defaultFn(() => ''),
    hash: text('hash')
      .notNull()
      .$defaultFn(() => ''),
  },
  (t) => [
    // seq breaks ties between entries of one transaction (same `at`), so pages are stable.
    index('access_log_subject_at_idx').on(t.subject, t.at.desc(), t.seq.desc()),
    foreignKey({ name: 'access_log_purpose_fk', columns: [t.purpose], foreignColumns: [purposes.code] }),
  ],
);

/**
 * Entries written by business transactions and not yet chained (ADR 0004; the batched writes keep submissions fast, docs/PERFORMANCE.md):
 * inserting here takes no lock shared with other requests. `sealPendingAccess` (a job each second)
 * moves them, oldest first, into `access_log`, where the chain trigger links them and keeps `at` —
 * the time of the access, set here by a trigger (no back-dating). Rows can be neither updated nor
 * deleted except by the sealing function; the citizen's view reads both tables.
 */
export const accessPending = auditSchema.table(
  'access_pending',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ...entryColumns(),
  },
  (t) => [
    index('access_pending_subject_idx').on(t.subject),
    foreignKey({ name: 'access_pending_purpose_fk', columns: [t.purpose], foreignColumns: [purposes.code] }),
  ],
);

/** The end of the chain (a single row, locked by each insert so concurrent writers cannot fork it). */
export const chainHead = auditSchema.table(
  'chain_head',
  {
    id: boolean('id').primaryKey().default(true),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
    lastHash: text('last_hash').notNull(),
  },
  (t) => [check('chain_head_single_row', sql`${t.id}`)],
);

/**
 * Explicit consent of a data subject for one purpose (e.g. `sms_notifications`), with the exact
 * text version shown and its SHA-256 (Decree 356/2025: consent must be verifiable). Rows are never
 * deleted; only `withdrawn_at` may be set once (trigger). One active consent per subject and purpose.
 */
export const consents = auditSchema.table(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subject: text('subject').notNull(),
    accountId: uuid('account_id'),
    purposeCode: text('purpose_code').notNull(),
    textVersion: text('text_version').notNull(),
    textHash: text('text_hash').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    channel: text('channel').notNull(),
  },
  (t) => [
    uniqueIndex('consents_active_uq')
      .on(t.subject, t.purposeCode)
      .where(sql`${t.withdrawnAt} is null`),
    index('consents_subject_idx').on(t.subject, t.grantedAt.desc()),
  ],
);
