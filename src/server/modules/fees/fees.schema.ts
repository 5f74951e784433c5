import { pgSchema, text, boolean, date, timestamp, uuid, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Tables owned by the `fees` module: the lists fee exemptions are checked against (Circular
 * 75/2022/TT-BTC Art. 4), as data with effective dates and sources. Memberships are never
 * deleted: ending one sets its last day and the decision that ended it, so the engine can
 * answer for any filing date and the history stays visible.
 */
export const feesSchema = pgSchema('fees');

/**
 * A named list, referenced by the exemption criteria of procedure versions
 * (`ethnic_minority_in_unit_list` / `resident_in_unit_list` → a unit list,
 * `household_in_list` → a household list).
 */
export const lists = feesSchema.table(
  'lists',
  {
    code: text('code').primaryKey(),
    kind: text('kind', { enum: ['unit', 'household'] }).notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionVi: text('description_vi'),
    descriptionEn: text('description_en'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('lists_kind_ck', sql`${t.kind} in ('unit', 'household')`),
    check('lists_code_ck', sql`${t.code} ~ '^[a-z][a-z0-9_]{1,59}$'`),
  ],
);

/** A unit (commune) in a unit list from `valid_from` to `valid_to` (inclusive; null = open). */
export const unitLists = feesSchema.table(
  'unit_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    listCode: text('list_code')
      .notNull()
      .references(() => lists.code),
    unitCode: text('unit_code').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    source: text('source').notNull(),
    /** Seeded or entered before the competent decision was obtained ("danh sách tạm"). */
    provisional: boolean('provisional').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endSource: text('end_source'),
    endedBy: uuid('ended_by'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('unit_lists_list_unit_idx').on(t.listCode, t.unitCode, t.validFrom),
    check('unit_lists_period_ck', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** A household in a household list (e.g. poor_households) for a period, with its source. */
export const householdLists = feesSchema.table(
  'household_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    listCode: text('list_code')
      .notNull()
      .references(() => lists.code),
    householdId: uuid('household_id').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    source: text('source').notNull(),
    provisional: boolean('provisional').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endSource: text('end_source'),
    endedBy: uuid('ended_by'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('household_lists_list_household_idx').on(t.listCode, t.householdId, t.validFrom),
    check('household_lists_period_ck', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);
