import { pgSchema, integer, text, boolean, date, timestamp, uuid, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** Tables owned by the `calendar` module: the stored schedules of days off and working Saturdays. */
export const calendarSchema = pgSchema('calendar');

/**
 * A year whose schedule is stored (seeded from reference/calendar or edited by an administrator).
 * A year without a row is derived from the Labour Code on the fly and is provisional.
 * `provisional` stays true for a stored schedule not yet confirmed by an announcement.
 */
export const years = calendarSchema.table(
  'years',
  {
    year: integer('year').primaryKey(),
    provisional: boolean('provisional').notNull(),
    source: text('source').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [check('years_year_ck', sql`${t.year} between 1990 and 2199`)],
);

/**
 * One weekday off or working Saturday of a stored year, with its legal source.
 * The date is the key: a day is either off or a working Saturday, never both.
 */
export const days = calendarSchema.table(
  'days',
  {
    day: date('day').primaryKey(),
    year: integer('year')
      .notNull()
      .references(() => years.year, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['holiday', 'compensatory', 'swapped', 'working_saturday'] }).notNull(),
    name: text('name').notNull(),
    source: text('source').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    index('days_year_idx').on(t.year),
    check('days_kind_ck', sql`${t.kind} in ('holiday', 'compensatory', 'swapped', 'working_saturday')`),
    check('days_year_matches_ck', sql`extract(year from ${t.day}) = ${t.year}`),
  ],
);
