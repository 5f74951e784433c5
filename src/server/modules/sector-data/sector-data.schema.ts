import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
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
  },
  (t) => [
    check('batches_state_ck', sql`${t.state} in ('importing', 'committed', 'failed', 'cancelled')`),
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
