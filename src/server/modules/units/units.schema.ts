import {
  check,
  date,
  index,
  integer,
  pgSchema,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** Tables owned by the `units` module. */
export const unitsSchema = pgSchema('units');

/**
 * An administrative unit valid over a period. A code alone does not identify a unit:
 * codes were reused after the 2025 reform (03388 Quyết Tiến → Đoàn Kết), so (code, validFrom) does.
 */
export const units = unitsSchema.table(
  'units',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    provinceCode: text('province_code').notNull(),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    nameEn: text('name_en').notNull(),
    level: text('level', { enum: ['province', 'district', 'commune'] }).notNull(),
    type: text('type').notNull(),
    parentCode: text('parent_code'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
  },
  (t) => [
    uniqueIndex('units_code_valid_from_uq').on(t.code, sql`coalesce(${t.validFrom}, '0001-01-01'::date)`),
    index('units_parent_idx').on(t.parentCode),
  ],
);

/** Old unit → new unit at a reorganisation date ('full' = whole old unit, 'partial' = part of it). */
export const mergers = unitsSchema.table(
  'mergers',
  {
    id: serial('id').primaryKey(),
    newCode: text('new_code').notNull(),
    oldCode: text('old_code').notNull(),
    type: text('type', { enum: ['full', 'partial'] }).notNull(),
    effectiveOn: date('effective_on').notNull(),
    provinceCode: text('province_code').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    uniqueIndex('mergers_new_old_uq').on(t.newCode, t.oldCode, t.effectiveOn),
    index('mergers_old_idx').on(t.oldCode),
  ],
);

/**
 * Where a citizen gets help in person in a unit (one-stop counter, police, the province's service
 * centre), valid over [valid_from, valid_to]. Rows are never edited: a change closes the open row
 * (valid_to, closed_*) and a new row names it in `replaces_id`; a row closed the day before it
 * starts was withdrawn before it held. Periods of one unit and kind never overlap, and only closing
 * an open row is allowed (triggers in migration 0042). Phones are stored as digits.
 */
export const helpDesks = unitsSchema.table(
  'help_desks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitCode: text('unit_code').notNull(),
    kind: text('kind', { enum: ['one_stop_counter', 'police', 'service_centre'] }).notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    phone: text('phone'),
    email: text('email'),
    openingHours: text('opening_hours'),
    source: text('source').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    replacesId: uuid('replaces_id').references((): AnyPgColumn => helpDesks.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid('recorded_by'),
    recordedByName: text('recorded_by_name'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    closedByName: text('closed_by_name'),
  },
  (t) => [
    index('help_desks_unit_idx').on(t.unitCode, t.validFrom),
    check('help_desks_kind_ck', sql`${t.kind} in ('one_stop_counter', 'police', 'service_centre')`),
    check('help_desks_period_ck', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom} - 1`),
    check(
      'help_desks_phone_ck',
      sql`${t.phone} is null or ${t.phone} ~ '^(02[0-9]{9}|0[35789][0-9]{8}|1[89]00([0-9]{4}|[0-9]{6}))$'`,
    ),
  ],
);
