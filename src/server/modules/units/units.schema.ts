import { pgSchema, serial, text, date, uniqueIndex, index, integer } from 'drizzle-orm/pg-core';
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
