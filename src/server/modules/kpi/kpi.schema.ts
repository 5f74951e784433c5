import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  date,
  index,
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
    status: text('status', { enum: ['ok', 'no_source', 'no_denominator', 'not_reported'] }).notNull(),
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
