import type { SQL } from 'drizzle-orm';
import { queryRows, type Db } from './db';

/*
 * The port between the `kpi` module and the modules that hold the facts (issue 15 §1): a module that
 * can count something the plan measures publishes an IndicatorSource under a stable key, and the
 * composition root (app.ts, main.ts) hands the list to kpi. An indicator whose source key no
 * module publishes yet is "no data" — never 0 % or 100 % — and starts computing the day a module
 * publishes the key, with no change in kpi. The type lives in platform so that a source module
 * depends on no other module to publish one.
 */

/** A period the plan reports on: a month (2026-09), a quarter (2026-Q3) or a year (2026). */
export interface IndicatorPeriod {
  code: string;
  type: 'month' | 'quarter' | 'year';
  /** First and last day (Vietnam dates, both included). */
  from: string;
  to: string;
}

/**
 * The unit structure a figure is placed on: today's communes (`current`, after the 1/7/2025
 * reorganisation), or the districts and communes in force on `FORMER_STRUCTURE_DAY` (`former`).
 */
export type UnitStructure = 'current' | 'former';
/** The last day of the three-tier structure (provinces, districts, communes) before 1/7/2025. */
export const FORMER_STRUCTURE_DAY = '2025-06-30';
/**
 * The unit code of a row a source cannot place on the structure asked (a person whose residence on
 * 30/6/2025 is not in the registry's history): it counts in the province only.
 */
export const UNPLACED = '*unplaced';

/** What a source counts in one commune of the structure asked: the figure is numerator / denominator. */
export interface SourceCount {
  unitCode: string;
  numerator: number;
  denominator: number;
}

/**
 * The counts of a query selecting `unit_code`, `numerator` and `denominator` per unit (PostgreSQL's
 * count is a bigint: it comes back as text).
 */
export async function queryCounts(db: Db, query: SQL): Promise<SourceCount[]> {
  const rows = await queryRows<{ unit_code: string; numerator: string | number; denominator: string | number }>(
    db,
    query,
  );
  return rows.map((r) => ({
    unitCode: r.unit_code,
    numerator: Number(r.numerator),
    denominator: Number(r.denominator),
  }));
}

export interface IndicatorSourceQuery {
  period: IndicatorPeriod;
  /**
   * The day the figure describes: the period's last day, or today while the period runs. A stock
   * (people with an e-ID) is counted as of this day; a flow (dossiers received) over from..asOf.
   */
  asOf: string;
  /**
   * The communes of the province on the structure asked (a source may also count other units: they
   * go into the province only).
   */
  communeCodes: readonly string[];
  /** `former`: rows are asked on the communes of 30/6/2025 (only of a source that says it can); default `current`. */
  structure?: UnitStructure;
  /**
   * Former structure: the former communes whose code a unit of today reuses (2025 kept one former
   * commune's code for each new one). A record still open under such a code may have been re-coded
   * to today's unit, so it does not tell which former commune it means.
   */
  reusedCodes?: readonly string[];
}

/** Who asks for the list behind a figure, for the personal-data access log: role and unit, never a name. */
export interface ListReader {
  accountId: string | null;
  role: string;
  unitCode: string | null;
  requestId: string;
  /** Key of the keyed pseudonym of ID numbers (the access log); undefined = not logged (benchmarks). */
  pseudonymKey?: string;
  /** The purpose the officer stated (a code of audit.purposes, checked by the caller). */
  purpose: string;
  /** The list is exported to a file (logged as such), not read on screen. */
  exporting?: boolean;
}

/** One page of the people or dossiers behind a commune's figure: those counted, or those missing. */
export interface ListQuery extends IndicatorSourceQuery {
  unitCode: string;
  side: 'counted' | 'missing';
  offset: number;
  limit: number;
}

export interface ListColumn {
  key: string;
  labelVi: string;
  labelEn: string;
}

export interface ListPage {
  columns: ListColumn[];
  items: Array<Record<string, string | number | null>>;
  total: number;
}

export interface IndicatorSource {
  /** Stable key named by an indicator's `source` (e.g. `population.eid_level2_14plus`). */
  key: string;
  /**
   * What the figure counts, in one plain sentence per language written "numerator / denominator",
   * for the administrator who picks a source for an indicator (GET /api/v1/kpi/sources).
   */
  describe?: { vi: string; en: string };
  /** Counts per unit; a commune left out has nothing to count (no denominator), never a made-up zero share. */
  count(db: Db, query: IndicatorSourceQuery): Promise<SourceCount[]>;
  /**
   * How the source's rows can be put on the former structure (the districts and communes of
   * 30/6/2025): `placed` — asked with `structure: 'former'`, it places today's facts on former
   * communes itself (the registry, through the residence history) and gives what it cannot place as
   * `UNPLACED`; `as_recorded` — its rows carry the unit in force when each fact happened (a dossier's
   * receiving commune), so they are former units for periods that ended before 1/7/2025. Absent: no
   * figures below the province on the former structure (`no_structure`), never a guess.
   */
  formerUnits?: 'placed' | 'as_recorded';
  /**
   * The list behind a commune's figure (issue 15 §2, drill-down), where the source can give one:
   * `action` is the permission a reader needs in the unit (personal data: the registry's), and
   * `page` logs the reading of personal data with the stated purpose.
   */
  list?: {
    action: string;
    page(db: Db, query: ListQuery, reader: ListReader): Promise<ListPage>;
  };
}
