import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSchema,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  boolean,
} from 'drizzle-orm/pg-core';

/**
 * Tables owned by the `kpi` module (issue 15 §1–2): the plan's indicators as dated versions, the
 * runs that computed them and the values of each run (snapshots: a past report reads its run's
 * values, never today's registry).
 */
export const kpiSchema = pgSchema('kpi');

/**
 * One version of an indicator, in force over [valid_from, valid_to] (Vietnam dates). A new version
 * closes the one before on the day before it starts; versions are never rewritten.
 */
export const indicators = kpiSchema.table(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    target: smallint('target'),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    numeratorVi: text('numerator_vi').notNull(),
    numeratorEn: text('numerator_en').notNull(),
    denominatorVi: text('denominator_vi').notNull(),
    denominatorEn: text('denominator_en').notNull(),
    comparison: text('comparison', { enum: ['=', '>', '>=', '<', '<='] }).notNull(),
    threshold: numeric('threshold', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    unitLevels: text('unit_levels').array().notNull(),
    periodType: text('period_type', { enum: ['month', 'quarter', 'year'] }).notNull(),
    method: text('method', { enum: ['computed', 'reported'] }).notNull(),
    source: text('source'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('indicators_code_from_uq').on(t.code, t.validFrom),
    check('indicators_target_ck', sql`${t.target} is null or ${t.target} between 1 and 14`),
    check('indicators_threshold_ck', sql`${t.threshold} between 0 and 100`),
    check('indicators_levels_ck', sql`cardinality(${t.unitLevels}) > 0`),
    check(
      'indicators_source_ck',
      sql`(${t.method} = 'computed' and ${t.source} is not null) or (${t.method} = 'reported' and ${t.source} is null)`,
    ),
    check('indicators_valid_ck', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** A computation of every indicator in force for one period, as of a day. */
export const runs = kpiSchema.table(
  'runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    period: text('period').notNull(),
    periodType: text('period_type', { enum: ['month', 'quarter', 'year'] }).notNull(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date').notNull(),
    asOf: date('as_of').notNull(),
    structure: text('structure').notNull().default('current'),
    trigger: text('trigger', { enum: ['schedule', 'manual', 'start'] }).notNull(),
    startedBy: uuid('started_by'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('runs_period_idx').on(t.period, t.id)],
);

/**
 * What the periodic report of a run says beyond its values, frozen in the run's own transaction (the
 * same snapshot as its values): each unit's reported value and its state then, and the pilot models'
 * progress. A report regenerated later reads these, never the live tables.
 */
export const runSections = kpiSchema.table('run_sections', {
  runId: bigint('run_id', { mode: 'number' })
    .primaryKey()
    .references(() => runs.id),
  reported: jsonb('reported').notNull(),
  pilots: jsonb('pilots').notNull(),
});

/** The value of one indicator version for one unit in one run. */
export const values = kpiSchema.table(
  'values',
  {
    runId: bigint('run_id', { mode: 'number' })
      .notNull()
      .references(() => runs.id),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    unitCode: text('unit_code').notNull(),
    unitLevel: text('unit_level', { enum: ['province', 'district', 'commune'] }).notNull(),
    numerator: bigint('numerator', { mode: 'number' }),
    denominator: bigint('denominator', { mode: 'number' }),
    value: numeric('value', { precision: 7, scale: 3, mode: 'number' }),
    met: boolean('met'),
    status: text('status', { enum: ['ok', 'no_source', 'no_denominator', 'not_reported', 'no_structure'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.indicatorId, t.unitCode] }),
    check(
      'values_ratio_ck',
      sql`${t.numerator} is null or ${t.denominator} is null or ${t.numerator} <= ${t.denominator}`,
    ),
    check('values_ok_ck', sql`(${t.status} = 'ok') = (${t.value} is not null)`),
  ],
);

/**
 * A unit's value of a reported indicator for a period (issue 15 §3), its evidence and its approval
 * state; one row per indicator × period × unit, changed only through the service (compare-and-set on
 * `version`) and never once approved (a trigger). Every step is a row of `reported_value_events`.
 */
export const reportedValues = kpiSchema.table(
  'reported_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorCode: text('indicator_code').notNull(),
    period: text('period').notNull(),
    unitCode: text('unit_code').notNull(),
    numerator: bigint('numerator', { mode: 'number' }).notNull(),
    denominator: bigint('denominator', { mode: 'number' }).notNull(),
    note: text('note'),
    state: text('state', { enum: ['draft', 'submitted', 'approved', 'returned'] }).notNull(),
    evidenceSha256: text('evidence_sha256'),
    evidenceName: text('evidence_name'),
    evidenceType: text('evidence_type'),
    evidenceSize: integer('evidence_size'),
    enteredBy: uuid('entered_by'),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    comment: text('comment'),
    version: integer('version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reported_values_uq').on(t.indicatorCode, t.period, t.unitCode),
    check(
      'reported_values_ratio_ck',
      sql`${t.numerator} >= 0 and ${t.denominator} > 0 and ${t.numerator} <= ${t.denominator}`,
    ),
    check('reported_values_state_ck', sql`${t.state} in ('draft', 'submitted', 'approved', 'returned')`),
  ],
);

/** The history of a reported value: who did what, when, with the figures at that step (append-only). */
export const reportedValueEvents = kpiSchema.table(
  'reported_value_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportedValueId: uuid('reported_value_id')
      .notNull()
      .references(() => reportedValues.id),
    event: text('event', {
      enum: ['entered', 'changed', 'evidence', 'submitted', 'approved', 'returned', 'unapproved'],
    }).notNull(),
    toState: text('to_state', { enum: ['draft', 'submitted', 'approved', 'returned'] }).notNull(),
    byAccount: uuid('by_account'),
    byRole: text('by_role').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    numerator: bigint('numerator', { mode: 'number' }).notNull(),
    denominator: bigint('denominator', { mode: 'number' }).notNull(),
    comment: text('comment'),
  },
  (t) => [index('reported_value_events_value_idx').on(t.reportedValueId, t.id)],
);
