import { z } from 'zod';
import { UnitCode, pageOf } from './common';
import { Facility, YearMonth } from './cashless-register';

/**
 * HTTP shapes of /api/v1/cashless: monthly figures, imports and statistics; the register's
 * shapes (facilities, types, months, limits) are in cashless-register.ts, re-exported here.
 */
export * from './cashless-register';

/** One month's figures of a facility: transactions (counts) and amounts in whole VND. */
export const MonthlyFigures = z.object({
  cashlessCount: z.number().int(),
  cashCount: z.number().int(),
  cashlessAmount: z.number().int(),
  cashAmount: z.number().int(),
});
export type MonthlyFigures = z.infer<typeof MonthlyFigures>;

/** A version of a month's figures: the one in force or one an import replaced. */
export const FiguresRevision = MonthlyFigures.extend({
  revision: z.number().int(),
  importId: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  /** When a later import replaced these figures, and who did (null for the figures in force). */
  replacedAt: z.string().nullable(),
  replacedBy: z.string().nullable(),
});
export type FiguresRevision = z.infer<typeof FiguresRevision>;

/** A facility's month: the figures in force and the earlier versions, newest first. */
export const FacilityMonth = z.object({
  month: z.string(),
  current: FiguresRevision,
  history: z.array(FiguresRevision),
});
export type FacilityMonth = z.infer<typeof FacilityMonth>;
export const FacilityMonths = z.object({ facility: Facility, months: z.array(FacilityMonth) });
export type FacilityMonths = z.infer<typeof FacilityMonths>;

/** What an import did (or, for a dry run, would do) with each row. */
export const IMPORT_ROW_OUTCOMES = ['created', 'replaced', 'unchanged', 'skipped'] as const;
export type ImportRowOutcome = (typeof IMPORT_ROW_OUTCOMES)[number];

/** A row whose figures replace others: the line, and the figures it replaces. */
export const ImportReplacement = z.object({
  line: z.number().int(),
  facilityCode: z.string(),
  month: z.string(),
  previous: MonthlyFigures,
  next: MonthlyFigures,
});
export type ImportReplacement = z.infer<typeof ImportReplacement>;

/** Result of POST /cashless/imports. */
export const ImportResult = z.object({
  /** The import's id; null for a dry run (nothing written). */
  id: z.string().nullable(),
  dryRun: z.boolean(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  rows: z.number().int(),
  created: z.number().int(),
  replaced: z.number().int(),
  unchanged: z.number().int(),
  /** Lines with a facility and month but no figures (a template row left blank): not imported. */
  skipped: z.number().int(),
  skippedLines: z.array(z.number().int()),
  months: z.array(z.string()),
  facilities: z.number().int(),
  replacements: z.array(ImportReplacement),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** An import as the history lists it. */
export const ImportSummary = z.object({
  id: z.string(),
  importedAt: z.string(),
  importedBy: z.string().nullable(),
  fileName: z.string(),
  format: z.string(),
  sha256: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  replaced: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;
export const ImportPage = pageOf(ImportSummary);
export type ImportPage = z.infer<typeof ImportPage>;

export const TemplateQuery = z.object({ month: YearMonth.optional() });

/** Query of GET /cashless/stats. */
export const StatsQuery = z.object({ from: YearMonth, to: YearMonth, unitCode: UnitCode.optional() });
export type StatsQuery = z.infer<typeof StatsQuery>;

/** Which facilities a statistics row counts: every one, or those in wards (phường) only. */
export const STATS_AREAS = ['all', 'ward'] as const;
export type StatsArea = (typeof STATS_AREAS)[number];
/** Kinds of a statistics row: each kind, and both together. */
export const STATS_KINDS = ['school', 'health_facility', 'all'] as const;
export type StatsKind = (typeof STATS_KINDS)[number];

/**
 * One statistics row: a unit, a month (null = the whole period), a kind, an area.
 * - `registered`: active facilities in the register today;
 * - `reporting`: facilities with figures for the month (any month of the period);
 * - `transacting`: reporting facilities with at least one transaction;
 * - `fullyCashless`: transacting facilities with no cash transaction in the month (period);
 * - shares are 0..1, null when their denominator is 0.
 */
export const StatsRow = z.object({
  unitCode: z.string(),
  month: z.string().nullable(),
  kind: z.enum(STATS_KINDS),
  area: z.enum(STATS_AREAS),
  registered: z.number().int(),
  reporting: z.number().int(),
  transacting: z.number().int(),
  fullyCashless: z.number().int(),
  cashlessCount: z.number().int(),
  cashCount: z.number().int(),
  cashlessAmount: z.number().int(),
  cashAmount: z.number().int(),
  cashlessShare: z.number().nullable(),
  cashlessAmountShare: z.number().nullable(),
  fullyCashlessShare: z.number().nullable(),
});
export type StatsRow = z.infer<typeof StatsRow>;

export const StatsUnit = z.object({ code: z.string(), fullName: z.string(), level: z.string(), type: z.string() });
export type StatsUnit = z.infer<typeof StatsUnit>;

/** Answer of GET /cashless/stats: the unit's rows per month and for the period, and each of its communes' period rows. */
export const CashlessStats = z.object({
  from: z.string(),
  to: z.string(),
  months: z.array(z.string()),
  unit: StatsUnit,
  /** Communes directly under the unit (in the reader's scope), with period rows. */
  children: z.array(StatsUnit),
  rows: z.array(StatsRow),
});
export type CashlessStats = z.infer<typeof CashlessStats>;
