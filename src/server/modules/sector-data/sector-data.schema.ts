import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Tables owned by the `sector-data` module: the lists other agencies keep (health-insurance cards,
 * poor households…), imported as batches. A batch is staged (`importing`: its rows are copied in
 * chunks, only its progress is visible) and committed in one transaction (`committed`); a batch
 * that failed or was cancelled keeps no row. Readers see committed batches only (ADR 0028).
 */
export const sectorDataSchema = pgSchema('sector_data');

/** Lifecycle of a batch: importing → committed | failed | cancelled. */
export const BATCH_STATES = ['importing', 'committed', 'failed', 'cancelled'] as const;
export type BatchState = (typeof BATCH_STATES)[number];

/** Linking of a committed batch to the registry (links/): none → linking → linked | failed (a failed linking keeps the earlier links). */
export const LINK_STATES = ['none', 'linking', 'linked', 'failed'] as const;
export type LinkState = (typeof LINK_STATES)[number];

/** One imported file of one dataset type for one unit. */
export const batches = sectorDataSchema.table(
  'batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    datasetType: text('dataset_type').notNull(),
    sector: text('sector').notNull(),
    unitCode: text('unit_code').notNull(),
    fileName: text('file_name').notNull(),
    format: text('format').notNull(),
    /** SHA-256 of the file's bytes (hex): the same file imported again is recognised. */
    contentSha256: text('content_sha256').notNull(),
    state: text('state', { enum: BATCH_STATES }).notNull().default('importing'),
    /** Data rows read so far (progress while importing; the total once committed). */
    rowsRead: integer('rows_read').notNull().default(0),
    rowCount: integer('row_count').notNull().default(0),
    validCount: integer('valid_count').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    /** The diff against the batch this one superseded (null when it superseded none). */
    addedCount: integer('added_count'),
    removedCount: integer('removed_count'),
    changedCount: integer('changed_count'),
    supersedes: uuid('supersedes'),
    supersededBy: uuid('superseded_by'),
    /** The column mapping used: field key → header text, and the saved mapping's name when one was named. */
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    mappingName: text('mapping_name'),
    /** The header row as read (original cells), for the error-row export. */
    header: jsonb('header').$type<string[]>().notNull(),
    /** Why a failed batch failed, bilingual. */
    failure: jsonb('failure').$type<{ code: string; vi: string; en: string }>(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Last progress of an import: a batch still `importing` long after it was abandoned by a dead process. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** The linking to the registry: its state, valid rows linked so far (written as the job ends) of the total, when, and why it failed. */
    linkState: text('link_state', { enum: LINK_STATES }).notNull().default('none'),
    linkRowsLinked: integer('link_rows_linked').notNull().default(0),
    linkRowsTotal: integer('link_rows_total').notNull().default(0),
    linkStartedAt: timestamp('link_started_at', { withTimezone: true }),
    linkFinishedAt: timestamp('link_finished_at', { withTimezone: true }),
    linkFailure: jsonb('link_failure').$type<{ code: string; vi: string; en: string }>(),
  },
  (t) => [
    check('batches_state_ck', sql`${t.state} in ('importing', 'committed', 'failed', 'cancelled')`),
    check('batches_link_state_ck', sql`${t.linkState} in ('none', 'linking', 'linked', 'failed')`),
    // One committed batch per file content for a type, sector and unit: a re-import creates nothing.
    uniqueIndex('batches_same_file_uq')
      .on(t.datasetType, t.sector, t.unitCode, t.contentSha256)
      .where(sql`${t.state} = 'committed'`),
    // At most one current (not superseded) committed list per type, sector and unit.
    uniqueIndex('batches_current_uq')
      .on(t.datasetType, t.sector, t.unitCode)
      .where(sql`${t.state} = 'committed' and ${t.supersededBy} is null`),
    index('batches_scope_idx').on(t.sector, t.unitCode, t.createdAt),
    foreignKey({ name: 'batches_superseded_by_fk', columns: [t.supersededBy], foreignColumns: [t.id] }),
    foreignKey({ name: 'batches_supersedes_fk', columns: [t.supersedes], foreignColumns: [t.id] }),
  ],
);

/** One data row of a batch: the original cells, the normalised values and the validation errors. */
export const rows = sectorDataSchema.table(
  'rows',
  {
    batchId: uuid('batch_id').notNull(),
    /** 1-based data row number in the source file, the header excluded (blank rows count, and are not stored). */
    rowNumber: integer('row_number').notNull(),
    /** Line of the file (CSV) or sheet row (XLSX) the row starts on. */
    line: integer('line').notNull(),
    /** The original cells in file order. */
    cells: jsonb('cells').$type<string[]>().notNull(),
    /** Field key → normalised value (null when blank or unreadable). */
    values: jsonb('values').$type<Record<string, string | number | boolean | null>>().notNull(),
    /** The row's errors (empty when valid): field key (null: the row), message in Vietnamese and English. */
    errors: jsonb('errors').$type<Array<{ field: string | null; vi: string; en: string }>>().notNull(),
    /** The row's key within lists of its type (e.g. the card number), for the diff; null for error rows. */
    rowKey: text('row_key'),
  },
  (t) => [
    primaryKey({ name: 'rows_pk', columns: [t.batchId, t.rowNumber] }),
    foreignKey({ name: 'rows_batch_fk', columns: [t.batchId], foreignColumns: [batches.id] }).onDelete('cascade'),
    index('rows_key_idx').on(t.batchId, t.rowKey),
  ],
);

/** A column mapping saved by a sector for a dataset type, reused by name. */
export const mappings = sectorDataSchema.table(
  'mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sector: text('sector').notNull(),
    datasetType: text('dataset_type').notNull(),
    name: text('name').notNull(),
    /** Field key → the header text that holds it. */
    columns: jsonb('columns').$type<Record<string, string>>().notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('mappings_name_uq').on(t.sector, t.datasetType, t.name)],
);

/** Outcomes of linking a row to the registry (issue 16 §3). */
export const LINK_OUTCOMES = [
  'matched',
  'matched_with_discrepancies',
  'probable',
  'not_found',
  'duplicate_in_list',
  'id_belongs_to_someone_else',
] as const;

/**
 * One valid row of a committed batch linked to the registry (linking/… and links/). Re-linking a
 * batch replaces all its links in one transaction. Error rows are not linked (they have no link).
 */
export const links = sectorDataSchema.table(
  'links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    outcome: text('outcome', { enum: LINK_OUTCOMES }).notNull(),
    /** The person the row is linked to (for id_belongs_to_someone_else: the holder of the row's ID number). */
    personId: uuid('person_id'),
    nationalId: text('national_id'),
    score: real('score'),
    /** The fields that differ between the row and the person. */
    disagreements: text('disagreements')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The score's explanation per field (and, for probable links, the best candidates). */
    explanation: jsonb('explanation').notNull(),
    /** id_belongs_to_someone_else: the person the row really is, when found. */
    actualPersonId: uuid('actual_person_id'),
    actualNationalId: text('actual_national_id'),
    /** duplicate_in_list: the first row of the same person. */
    duplicateOfRow: integer('duplicate_of_row'),
    /** The review decision applied to this link (a probable link accepted or rejected, now or on an earlier list). */
    reviewId: uuid('review_id'),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'links_outcome_ck',
      sql`${t.outcome} in ('matched', 'matched_with_discrepancies', 'probable', 'not_found', 'duplicate_in_list', 'id_belongs_to_someone_else')`,
    ),
    unique('links_row_uq').on(t.batchId, t.rowNumber),
    index('links_outcome_idx').on(t.batchId, t.outcome, t.rowNumber),
    foreignKey({
      name: 'links_row_fk',
      columns: [t.batchId, t.rowNumber],
      foreignColumns: [rows.batchId, rows.rowNumber],
    }).onDelete('cascade'),
  ],
);

/**
 * A linking's links while it runs on embedded PGlite: written chunk by chunk, each in a transaction of
 * its own, then moved into `links` in one short transaction. PGlite has one connection and runs a
 * transaction alone: linking a whole list in one transaction made every request of the server wait
 * for it. Rows of a linking that failed are deleted; none stay once it ends. Not used on PostgreSQL,
 * where the linking is one transaction and readers see the old links until it commits.
 */
export const linkStaging = sectorDataSchema.table(
  'link_staging',
  {
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    outcome: text('outcome').notNull(),
    personId: uuid('person_id'),
    nationalId: text('national_id'),
    score: real('score'),
    disagreements: text('disagreements').array().notNull(),
    explanation: jsonb('explanation').notNull(),
    actualPersonId: uuid('actual_person_id'),
    actualNationalId: text('actual_national_id'),
    duplicateOfRow: integer('duplicate_of_row'),
    reviewId: uuid('review_id'),
  },
  (t) => [primaryKey({ name: 'link_staging_pk', columns: [t.batchId, t.rowNumber] })],
);

/** A review decision: accept or reject. */
export const REVIEW_DECISIONS = ['accept', 'reject'] as const;

/**
 * An officer's decision on a probable link: this list row (by its row key within lists of the
 * type and sector) is — or is not — this person. Kept apart from the batch so that the next import
 * of the same type and sector reuses it when it proposes the same pair again.
 */
export const linkReviews = sectorDataSchema.table(
  'link_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    datasetType: text('dataset_type').notNull(),
    sector: text('sector').notNull(),
    rowKey: text('row_key').notNull(),
    personId: uuid('person_id').notNull(),
    decision: text('decision', { enum: REVIEW_DECISIONS }).notNull(),
    reason: text('reason'),
    /** Where the decision was taken (the batch and row the officer looked at). */
    batchId: uuid('batch_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    decidedBy: text('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('link_reviews_decision_ck', sql`${t.decision} in ('accept', 'reject')`),
    unique('link_reviews_pair_uq').on(t.datasetType, t.sector, t.rowKey, t.personId),
  ],
);

/** Registry fields a change request may correct: what a commune police officer corrects (not IDs, not residence). */
export const CORRECTABLE_FIELDS = ['fullName', 'birthDate', 'sex'] as const;

/** Lifecycle of a change request: proposed → accepted | rejected | withdrawn (by its proposer). */
export const CHANGE_REQUEST_STATES = ['proposed', 'accepted', 'rejected', 'withdrawn'] as const;

/**
 * A correction of one registry field proposed from a list row (yêu cầu điều chỉnh, issue 16 §3): the
 * list says the registry may be wrong. Linking never changes the registry; the commune police of the
 * person's commune accept (the person is updated through `population`) or reject it with a reason.
 * Kept apart from the links (re-linking a batch replaces its links): the list row is named by batch
 * and row number. One open request per person and field.
 */
export const changeRequests = sectorDataSchema.table(
  'change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The reference people quote (YCDC-000001), from `seq`. */
    seq: integer('seq').generatedAlwaysAsIdentity().notNull(),
    personId: uuid('person_id').notNull(),
    field: text('field', { enum: CORRECTABLE_FIELDS }).notNull(),
    /** The registry's value when proposed (null: the registry had none), compared again when decided. */
    registryValue: text('registry_value'),
    proposedValue: text('proposed_value').notNull(),
    /** The list row it comes from. */
    batchId: uuid('batch_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    datasetType: text('dataset_type').notNull(),
    sector: text('sector').notNull(),
    /** The batch's unit (the proposer's scope) and the person's commune when proposed (the deciding commune then). */
    batchUnitCode: text('batch_unit_code').notNull(),
    unitCode: text('unit_code'),
    evidence: text('evidence').notNull(),
    state: text('state', { enum: CHANGE_REQUEST_STATES }).notNull().default('proposed'),
    proposedBy: text('proposed_by').notNull(),
    proposedRole: text('proposed_role').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    /** Accepted, rejected or withdrawn: who (account, role), when, and the reason (required to reject). */
    decidedBy: text('decided_by'),
    decidedRole: text('decided_role'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
  },
  (t) => [
    check('change_requests_state_ck', sql`${t.state} in ('proposed', 'accepted', 'rejected', 'withdrawn')`),
    check('change_requests_field_ck', sql`${t.field} in ('fullName', 'birthDate', 'sex')`),
    check('change_requests_reason_ck', sql`${t.state} <> 'rejected' or ${t.reason} is not null`),
    check('change_requests_decided_ck', sql`(${t.state} = 'proposed') = (${t.decidedAt} is null)`),
    unique('change_requests_seq_uq').on(t.seq),
    // One open request per person and field.
    uniqueIndex('change_requests_open_uq')
      .on(t.personId, t.field)
      .where(sql`${t.state} = 'proposed'`),
    index('change_requests_state_idx').on(t.state, t.proposedAt),
    index('change_requests_person_idx').on(t.personId),
    foreignKey({ name: 'change_requests_batch_fk', columns: [t.batchId], foreignColumns: [batches.id] }),
  ],
);
