import { pgSchema, text, timestamp, uuid, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Tables owned by the `service-index` module. Only what has no other source is stored: the
 * citizen's rating of a service (one per dossier). Every other figure of the service index is
 * counted from the dossiers' own columns (dossiers' `serviceIndexCounts`), never copied.
 */
export const serviceIndexSchema = pgSchema('service_index');

/**
 * A citizen's rating of the service a dossier received (hài lòng / bình thường / không hài lòng),
 * given once, after the result was returned. The dossier's code, receiving unit and procedure are
 * copied as they were (they never change after filing), so the index counts ratings per unit and
 * procedure without reading another module's tables. Never updated.
 */
export const ratings = serviceIndexSchema.table(
  'ratings',
  {
    /** One rating per dossier: the primary key refuses a second. */
    dossierId: uuid('dossier_id').primaryKey(),
    dossierCode: text('dossier_code'),
    /** The citizen account that owns the dossier and rated it. */
    accountId: uuid('account_id').notNull(),
    unitCode: text('unit_code').notNull(),
    procedureCode: text('procedure_code').notNull(),
    value: text('value').notNull(),
    comment: text('comment'),
    /** `web` (the dossier page) or `link` (the link in the result message). */
    via: text('via').notNull(),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ratings_unit_rated_idx').on(t.unitCode, t.ratedAt),
    index('ratings_rated_idx').on(t.ratedAt),
    check('ratings_value_ck', sql`${t.value} in ('satisfied', 'neutral', 'dissatisfied')`),
    check('ratings_via_ck', sql`${t.via} in ('web', 'link')`),
    check('ratings_comment_ck', sql`${t.comment} is null or char_length(${t.comment}) <= 500`),
  ],
);
