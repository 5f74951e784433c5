import {
  pgSchema,
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Tables owned by the `cashless` module: the register of schools and health facilities and their
 * monthly cashless vs cash transaction figures (target 7 of the plan). Figures are never
 * overwritten: each import of a facility's month adds a revision and moves the month's pointer
 * (triggers in migrations/*_cashless-guards.sql refuse UPDATE and DELETE of revisions).
 */
export const cashlessSchema = pgSchema('cashless');

/** Sub-kinds of facility (trường mầm non, trạm y tế xã …) as data; reference rows come with the migration. */
export const facilityTypes = cashlessSchema.table(
  'facility_types',
  {
    code: text('code').primaryKey(),
    kind: text('kind', { enum: ['school', 'health_facility'] }).notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    unique('facility_types_kind_code_uq').on(t.kind, t.code),
    check('facility_types_kind_ck', sql`${t.kind} in ('school', 'health_facility')`),
  ],
);

/**
 * A school or health facility in a commune (a unit code of today's structure). Whether it is in a
 * ward is not stored: it follows from the commune's type (`phuong`) in the units module.
 * Facilities are deactivated, never deleted (their figures stay).
 */
export const facilities = cashlessSchema.table(
  'facilities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    kind: text('kind', { enum: ['school', 'health_facility'] }).notNull(),
    typeCode: text('type_code').notNull(),
    name: text('name').notNull(),
    communeCode: text('commune_code').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    unique('facilities_code_uq').on(t.code),
    foreignKey({
      name: 'facilities_type_fk',
      columns: [t.kind, t.typeCode],
      foreignColumns: [facilityTypes.kind, facilityTypes.code],
    }),
    index('facilities_commune_idx').on(t.communeCode),
    check('facilities_code_upper_ck', sql`${t.code} = upper(${t.code})`),
  ],
);

/** One uploaded file (or the demo seed): who, when, what, and what it did. */
export const imports = cashlessSchema.table(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    /** The account that imported; null for the demo seed. */
    importedBy: uuid('imported_by'),
    /** The importer's display name at the time (the history shows who replaced figures). */
    importedByName: text('imported_by_name'),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: ['csv', 'xlsx', 'demo'] }).notNull(),
    sha256: text('sha256').notNull(),
    rowCount: integer('row_count').notNull(),
    created: integer('created').notNull(),
    replaced: integer('replaced').notNull(),
    unchanged: integer('unchanged').notNull(),
    skipped: integer('skipped').notNull(),
  },
  (t) => [
    index('imports_imported_at_idx').on(t.importedAt),
    check('imports_format_ck', sql`${t.format} in ('csv', 'xlsx', 'demo')`),
  ],
);

/** A facility's month: which revision of its figures is in force. */
export const reports = cashlessSchema.table(
  'reports',
  {
    facilityId: uuid('facility_id').notNull(),
    /** First day of the month. */
    month: date('month', { mode: 'string' }).notNull(),
    currentRevision: integer('current_revision').notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'reports_pk', columns: [t.facilityId, t.month] }),
    foreignKey({ name: 'reports_facility_fk', columns: [t.facilityId], foreignColumns: [facilities.id] }),
    index('reports_month_idx').on(t.month),
    check('reports_first_day_ck', sql`extract(day from ${t.month}) = 1`),
    check('reports_revision_ck', sql`${t.currentRevision} >= 1`),
  ],
);

/**
 * The figures of a facility's month, one row per version (append-only). A revision is replaced
 * by the next one: its replacement time and author are the next revision's.
 */
export const figures = cashlessSchema.table(
  'figures',
  {
    facilityId: uuid('facility_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    revision: integer('revision').notNull(),
    cashlessCount: integer('cashless_count').notNull(),
    cashCount: integer('cash_count').notNull(),
    cashlessAmount: bigint('cashless_amount', { mode: 'number' }).notNull(),
    cashAmount: bigint('cash_amount', { mode: 'number' }).notNull(),
    importId: uuid('import_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid('recorded_by'),
  },
  (t) => [
    primaryKey({ name: 'figures_pk', columns: [t.facilityId, t.month, t.revision] }),
    foreignKey({
      name: 'figures_report_fk',
      columns: [t.facilityId, t.month],
      foreignColumns: [reports.facilityId, reports.month],
    }),
    foreignKey({ name: 'figures_import_fk', columns: [t.importId], foreignColumns: [imports.id] }),
    index('figures_import_idx').on(t.importId),
    check(
      'figures_counts_ck',
      sql`${t.cashlessCount} >= 0 and ${t.cashCount} >= 0 and ${t.cashlessAmount} >= 0 and ${t.cashAmount} >= 0`,
    ),
    check(
      'figures_amounts_need_transactions_ck',
      sql`(${t.cashlessCount} > 0 or ${t.cashlessAmount} = 0) and (${t.cashCount} > 0 or ${t.cashAmount} = 0)`,
    ),
    check('figures_revision_ck', sql`${t.revision} >= 1`),
  ],
);
