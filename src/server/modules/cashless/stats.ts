import {
  STATS_KINDS,
  type FacilityKind,
  type MonthlyFigures,
  type StatsArea,
  type StatsKind,
  type StatsRow,
} from '../../../contracts/cashless';

/**
 * The statistics of target 7, as pure functions (no database): per unit, month (or the whole
 * period), kind of facility and area (all, or wards only):
 * - share of transactions that are cashless = Σ cashless count / Σ (cashless + cash count);
 * - share of facilities that are fully cashless = facilities with transactions and no cash
 *   transaction / facilities with transactions (over a period: no cash in any month reported).
 * A facility without any transaction (a school in the summer break) is neither fully cashless
 * nor against it. Shares are null when their denominator is 0.
 */

/** A facility as the statistics need it. */
export interface StatsFacility {
  id: string;
  kind: FacilityKind;
  communeCode: string;
  inWard: boolean;
  active: boolean;
}

/** A facility's figures in force for a month (YYYY-MM). */
export interface StatsFigures extends MonthlyFigures {
  facilityId: string;
  month: string;
}

/** A unit to report on: its code, the communes it covers, and whether to add ward-only rows. */
export interface StatsUnitScope {
  code: string;
  communes: ReadonlySet<string>;
  wardRows: boolean;
}

export interface StatsInput {
  facilities: readonly StatsFacility[];
  figures: readonly StatsFigures[];
  units: readonly StatsUnitScope[];
  /** The months of the period, in order. */
  months: readonly string[];
  /** Rows per month (true) and/or one row for the whole period (true). */
  monthly: boolean;
  period: boolean;
}

/** n / d, or null when d is 0. */
export function share(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}

type Totals = Pick<
  StatsRow,
  | 'registered'
  | 'reporting'
  | 'transacting'
  | 'fullyCashless'
  | 'cashlessCount'
  | 'cashCount'
  | 'cashlessAmount'
  | 'cashAmount'
>;

/** Totals of some facilities over some months. */
export function aggregate(
  facilities: readonly StatsFacility[],
  byFacility: ReadonlyMap<string, ReadonlyMap<string, MonthlyFigures>>,
  months: readonly string[],
): Totals {
  const t: Totals = {
    registered: 0,
    reporting: 0,
    transacting: 0,
    fullyCashless: 0,
    cashlessCount: 0,
    cashCount: 0,
    cashlessAmount: 0,
    cashAmount: 0,
  };
  for (const facility of facilities) {
    if (facility.active) t.registered += 1;
    const reported = byFacility.get(facility.id);
    if (!reported) continue;
    let any = false;
    let cashless = 0;
    let cash = 0;
    for (const month of months) {
      const f = reported.get(month);
      if (!f) continue;
      any = true;
      cashless += f.cashlessCount;
      cash += f.cashCount;
      t.cashlessAmount += f.cashlessAmount;
      t.cashAmount += f.cashAmount;
    }
    if (!any) continue;
    t.reporting += 1;
    t.cashlessCount += cashless;
    t.cashCount += cash;
    if (cashless + cash > 0) {
      t.transacting += 1;
      if (cash === 0) t.fullyCashless += 1;
    }
  }
  return t;
}

/** One statistics row from totals. */
export function toRow(unitCode: string, month: string | null, kind: StatsKind, area: StatsArea, t: Totals): StatsRow {
  return {
    unitCode,
    month,
    kind,
    area,
    ...t,
    cashlessShare: share(t.cashlessCount, t.cashlessCount + t.cashCount),
    cashlessAmountShare: share(t.cashlessAmount, t.cashlessAmount + t.cashAmount),
    fullyCashlessShare: share(t.fullyCashless, t.transacting),
  };
}

/** Figures indexed by facility, then month. */
export function indexFigures(figures: readonly StatsFigures[]): Map<string, Map<string, MonthlyFigures>> {
  const byFacility = new Map<string, Map<string, MonthlyFigures>>();
  for (const f of figures) {
    let months = byFacility.get(f.facilityId);
    if (!months) {
      months = new Map<string, MonthlyFigures>();
      byFacility.set(f.facilityId, months);
    }
    months.set(f.month, f);
  }
  return byFacility;
}

/**
 * Rows for every unit × (each month and/or the period) × kind (school, health facility, all) ×
 * area ('all', plus 'ward' for units with `wardRows`). Order: unit, area, kind, month (period last).
 */
export function computeStats(input: StatsInput): StatsRow[] {
  const byFacility = indexFigures(input.figures);
  const rows: StatsRow[] = [];
  for (const unit of input.units) {
    const inUnit = input.facilities.filter((f) => unit.communes.has(f.communeCode));
    const areas: StatsArea[] = unit.wardRows ? ['all', 'ward'] : ['all'];
    for (const area of areas) {
      const inArea = area === 'ward' ? inUnit.filter((f) => f.inWard) : inUnit;
      for (const kind of STATS_KINDS) {
        const subset = kind === 'all' ? inArea : inArea.filter((f) => f.kind === kind);
        if (input.monthly)
          for (const month of input.months)
            rows.push(toRow(unit.code, month, kind, area, aggregate(subset, byFacility, [month])));
        if (input.period) rows.push(toRow(unit.code, null, kind, area, aggregate(subset, byFacility, input.months)));
      }
    }
  }
  return rows;
}
