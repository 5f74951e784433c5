import {
  pgSchema,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Tables owned by the `counter` module: the one-stop counter support log (target 1 of the plan).
 * A visit keeps where, when and by whom the citizen was served; everything an officer may correct
 * lives in append-only revisions (triggers in migrations/*_counter-guards.sql refuse UPDATE and
 * DELETE on revisions, and let a visit change only by moving to its next revision).
 */
export const counterSchema = pgSchema('counter');

/** One citizen served at one counter. `current_revision` points at the facts in force. */
export const visits = counterSchema.table(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Unit of the counter (the officer's assignment: a commune, or the province's service centre). */
    unitCode: text('unit_code').notNull(),
    /** The counter within the unit as the officers name it ("Quầy 1"). */
    counterLabel: text('counter_label').notNull(),
    officerAccountId: uuid('officer_account_id').notNull(),
    /** Role the officer recorded under, and their display name at the time (the list shows who served). */
    officerRole: text('officer_role').notNull(),
    officerName: text('officer_name').notNull(),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    /** The day in Vietnam (UTC+7) of `visited_at`: the daily list and the summary group by it. */
    visitDate: date('visit_date', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    currentRevision: integer('current_revision').notNull().default(1),
  },
  (t) => [
    index('visits_unit_date_counter_idx').on(t.unitCode, t.visitDate, t.counterLabel, t.visitedAt),
    index('visits_date_idx').on(t.visitDate),
    check('visits_current_revision_positive', sql`${t.currentRevision} >= 1`),
  ],
);

/**
 * The facts of a visit, one row per version: revision 1 when recorded, then one per correction.
 * The person is referenced by registry id (and the name as found, for the counter's list), never
 * by ID number.
 */
export const visitRevisions = counterSchema.table(
  'visit_revisions',
  {
    visitId: uuid('visit_id').notNull(),
    revision: integer('revision').notNull(),
    personId: uuid('person_id').notNull(),
    citizenName: text('citizen_name').notNull(),
    procedureCode: text('procedure_code'),
    guidedOnline: boolean('guided_online').notNull(),
    typedBy: text('typed_by'),
    outcome: text('outcome').notNull(),
    dossierCode: text('dossier_code'),
    note: text('note'),
    /** Why it was corrected (null for the first record). */
    reason: text('reason'),
    recordedByAccountId: uuid('recorded_by_account_id').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'visit_revisions_pk', columns: [t.visitId, t.revision] }),
    foreignKey({ name: 'visit_revisions_visit_fk', columns: [t.visitId], foreignColumns: [visits.id] }),
    check('visit_revisions_revision_positive', sql`${t.revision} >= 1`),
    check(
      'visit_revisions_typed_by_known',
      sql`${t.typedBy} is null or ${t.typedBy} in ('citizen_alone', 'citizen_helped', 'officer_on_behalf')`,
    ),
    check(
      'visit_revisions_outcome_known',
      sql`${t.outcome} in ('filed_online', 'filed_paper', 'information_only', 'referred', 'incomplete_documents')`,
    ),
  ],
);

/**
 * Counter devices: a browser at a one-stop counter that an officer turned into a device where
 * citizens file online under their own e-ID with the officer's guidance (channel "assisted").
 * The browser holds only a signed cookie with the id; the row says where, who and until when.
 * A device ends at the end of its day or when an officer turns it off; rows are kept.
 */
export const devices = counterSchema.table(
  'devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitCode: text('unit_code').notNull(),
    counterLabel: text('counter_label').notNull(),
    /** The officer who set the device up and guides the citizens filing on it. */
    officerAccountId: uuid('officer_account_id').notNull(),
    officerName: text('officer_name').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedByAccountId: uuid('ended_by_account_id'),
  },
  (t) => [
    index('devices_unit_started_idx').on(t.unitCode, t.startedAt),
    check('devices_expires_after_start', sql`${t.expiresAt} > ${t.startedAt}`),
  ],
);
