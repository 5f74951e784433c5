import {
  pgSchema,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Tables owned by the `pilots` module: the pilot models (mô hình điểm) agencies register under
 * the plan (target 14), their implementation plans, milestones, progress reports, state
 * transitions and the Standing Agency's evaluation; and the plan due date as dated data.
 */
export const pilotsSchema = pgSchema('pilots');

/** A registered pilot model. `state` is the last row of `transitions` (written in the same transaction). */
export const models = pilotsSchema.table(
  'models',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The registering agency's unit: the province (a department) or a commune; scopes who may act on it. */
    unitCode: text('unit_code').notNull(),
    agencyName: text('agency_name').notNull(),
    /** QCVN 102:2016 identification code of the agency, when known. */
    agencyCode: text('agency_code'),
    sector: text('sector').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** The plan's targets (1–14) the model serves. */
    targets: integer('targets').array().notNull(),
    letterNumber: text('letter_number').notNull(),
    letterDate: date('letter_date', { mode: 'string' }).notNull(),
    state: text('state').notNull().default('registered'),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
    registeredBy: uuid('registered_by'),
    registeredByName: text('registered_by_name'),
  },
  (t) => [
    index('models_unit_idx').on(t.unitCode),
    check('models_state_ck', sql`${t.state} in ('registered', 'planned', 'in_progress', 'completed', 'evaluated')`),
    check(
      'models_sector_ck',
      sql`${t.sector} in ('police', 'health', 'education', 'labour_social', 'tax', 'justice', 'people_committee', 'other')`,
    ),
    check(
      'models_targets_ck',
      sql`cardinality(${t.targets}) between 1 and 14 and 1 <= all(${t.targets}) and 14 >= all(${t.targets})`,
    ),
  ],
);

/** One row per state change (the first one: registration, from null), never changed. */
export const transitions = pilotsSchema.table(
  'transitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    modelId: uuid('model_id').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    by: uuid('by'),
    byName: text('by_name'),
    note: text('note'),
  },
  (t) => [
    foreignKey({ name: 'transitions_model_fk', columns: [t.modelId], foreignColumns: [models.id] }),
    index('transitions_model_at_idx').on(t.modelId, t.at),
  ],
);

/** A milestone of a model, in order (`position`); due dates never go backwards along the order. */
export const milestones = pilotsSchema.table(
  'milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    modelId: uuid('model_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    foreignKey({ name: 'milestones_model_fk', columns: [t.modelId], foreignColumns: [models.id] }),
    unique('milestones_model_position_uq').on(t.modelId, t.position),
  ],
);

/** A periodic progress report: period, text, optional indicator values ({label, value}[]). */
export const reports = pilotsSchema.table(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    modelId: uuid('model_id').notNull(),
    period: text('period').notNull(),
    body: text('body').notNull(),
    indicators: jsonb('indicators').$type<Array<{ label: string; value: number }>>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
  },
  (t) => [
    foreignKey({ name: 'reports_model_fk', columns: [t.modelId], foreignColumns: [models.id] }),
    index('reports_model_idx').on(t.modelId, t.createdAt),
  ],
);

/** A file of a model: an implementation plan (each upload a version) or a progress report's attachment. */
export const files = pilotsSchema.table(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    modelId: uuid('model_id').notNull(),
    kind: text('kind').notNull(),
    reportId: uuid('report_id'),
    /** Content address in the platform's file store (DATA_DIR/files), shared with dossiers. */
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    uploadedBy: uuid('uploaded_by'),
    uploadedByName: text('uploaded_by_name'),
  },
  (t) => [
    foreignKey({ name: 'files_model_fk', columns: [t.modelId], foreignColumns: [models.id] }),
    foreignKey({ name: 'files_report_fk', columns: [t.reportId], foreignColumns: [reports.id] }),
    index('files_model_idx').on(t.modelId, t.kind),
    index('files_sha256_idx').on(t.sha256),
    check(
      'files_kind_ck',
      sql`(${t.kind} = 'plan' and ${t.reportId} is null) or (${t.kind} = 'report' and ${t.reportId} is not null)`,
    ),
  ],
);

/** The Standing Agency's evaluation: one per model, written with the transition to `evaluated`. */
export const evaluations = pilotsSchema.table(
  'evaluations',
  {
    modelId: uuid('model_id').primaryKey(),
    body: text('body').notNull(),
    rating: text('rating').notNull(),
    proposeCommendation: boolean('propose_commendation').notNull(),
    commendationReason: text('commendation_reason'),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }).notNull().defaultNow(),
    evaluatedBy: uuid('evaluated_by'),
    evaluatedByName: text('evaluated_by_name'),
  },
  (t) => [
    foreignKey({ name: 'evaluations_model_fk', columns: [t.modelId], foreignColumns: [models.id] }),
    check('evaluations_rating_ck', sql`${t.rating} in ('excellent', 'good', 'fair', 'poor')`),
    check(
      'evaluations_commendation_ck',
      sql`(${t.proposeCommendation} and ${t.commendationReason} is not null) or (not ${t.proposeCommendation} and ${t.commendationReason} is null)`,
    ),
  ],
);

/**
 * The date implementation plans are due by, as dated data (append-only): from `effective_from`
 * on, plans are due by `due_on`. The row in force on a day is the one with the latest
 * `effective_from` on or before it (the latest set, for two of the same day). The first row — the
 * plan's "by June 2023" — comes with the migration; administrators and the Standing Agency add rows.
 */
export const planDueDates = pilotsSchema.table(
  'plan_due_dates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
    setBy: uuid('set_by'),
    setByName: text('set_by_name'),
  },
  (t) => [index('plan_due_dates_effective_idx').on(t.effectiveFrom, t.setAt)],
);
