import type { Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import {
  STATS_MAX_MONTHS,
  monthsBetween,
  type CashlessStats,
  type StatsRow,
  type StatsUnit,
} from '../../../contracts/cashless';
import type { AccessContext } from '../identity';
import { getUnit, getUnitHierarchy, listUnits } from '../units';
import { CASHLESS_ERRORS, fieldInvalid, scopeForbidden } from './cashless.errors';
import { canReadStatsOf, defaultStatsUnit } from './cashless.policy';
import { listFacilitiesIn } from './facilities.repository';
import { communeIndex } from './facilities.service';
import { figuresInForce } from './imports.repository';
import { computeStats, type StatsUnitScope } from './stats';

/** What to compute: a period of months, the units, and whether to give monthly and/or period rows. */
export interface CashlessStatsOptions {
  /** First and last month, YYYY-MM, both included (at most STATS_MAX_MONTHS months). */
  from: string;
  to: string;
  /** Units (province or communes, today's structure); each covers the communes below it. */
  unitCodes: readonly string[];
  /** Rows per month (default true) and for the whole period (default true). */
  monthly?: boolean;
  period?: boolean;
  /** The date of the unit structure and the ward list (default today in Vietnam). */
  asOf?: string;
}

/** The statistics of some units over a period. */
export interface CashlessFacilityStats {
  from: string;
  to: string;
  months: string[];
  units: StatsUnit[];
  rows: StatsRow[];
}

/** Checks a period: YYYY-MM months, from ≤ to, at most STATS_MAX_MONTHS months. */
export function periodMonths(from: string, to: string): string[] {
  if (from > to)
    throw fieldInvalid(
      CASHLESS_ERRORS.STATS_INVALID,
      'to',
      'Tháng cuối phải sau hoặc bằng tháng đầu',
      'The last month must not be before the first',
    );
  const months = monthsBetween(from, to);
  if (months.length > STATS_MAX_MONTHS) {
    throw fieldInvalid(
      CASHLESS_ERRORS.STATS_INVALID,
      'to',
      `Khoảng thời gian tối đa ${STATS_MAX_MONTHS} tháng`,
      `The period is at most ${STATS_MAX_MONTHS} months`,
    );
  }
  return months;
}

/**
 * Target-7 statistics of schools and health facilities: for each unit, month (and/or the whole
 * period), kind (school, health_facility, all) and area ('all'; 'ward' too for non-commune units) —
 * facilities registered, reporting, transacting, fully cashless, transaction and amount totals,
 * and the shares (see stats.ts). Units answer UNIT.NOT_FOUND (404) when unknown today.
 */
export async function cashlessFacilityStats(db: Db, options: CashlessStatsOptions): Promise<CashlessFacilityStats> {
  const months = periodMonths(options.from, options.to);
  const asOf = options.asOf ?? todayInVietnam();
  // In turn, here and below: a kpi run reads this in its transaction, one connection (pg 9 refuses
  // concurrent queries on a client).
  const communes = await communeIndex(db, asOf);
  const hierarchy = await getUnitHierarchy(db, asOf);
  const units: StatsUnit[] = [];
  const scopes: StatsUnitScope[] = [];
  for (const code of options.unitCodes) {
    const unit = await getUnit(db, code, asOf);
    units.push({ code: unit.code, fullName: unit.fullName, level: unit.level, type: unit.type });
    scopes.push({
      code,
      communes: new Set(hierarchy.descendants(code).filter((c) => communes.byCode.has(c))),
      wardRows: unit.level !== 'commune',
    });
  }
  const covered = [...new Set(scopes.flatMap((s) => [...s.communes]))];
  const facilityRows = await listFacilitiesIn(db, covered);
  const figures = await figuresInForce(db, options.from, options.to, covered);
  const facilities = facilityRows.map((f) => ({
    id: f.id,
    kind: f.kind,
    communeCode: f.communeCode,
    inWard: communes.isWard(f.communeCode),
    active: f.active,
  }));
  const rows = computeStats({
    facilities,
    figures,
    units: scopes,
    months,
    monthly: options.monthly ?? true,
    period: options.period ?? true,
  });
  return { from: options.from, to: options.to, months, units, rows };
}

/**
 * GET /stats: the chosen unit (default: the reader's — the province for a province-wide reader)
 * per month and for the period, and the period rows of each commune under it that the reader covers.
 */
export async function statsForReader(
  db: Db,
  access: AccessContext,
  query: { from: string; to: string; unitCode?: string },
  provinceCode: string,
): Promise<CashlessStats> {
  const unitCode = query.unitCode ?? defaultStatsUnit(access, provinceCode);
  periodMonths(query.from, query.to);
  await getUnit(db, unitCode, todayInVietnam()); // an unknown unit is 404 for everyone
  if (!canReadStatsOf(access, unitCode)) throw scopeForbidden(unitCode);
  const main = await cashlessFacilityStats(db, { from: query.from, to: query.to, unitCodes: [unitCode] });
  const children = (await listUnits(db, todayInVietnam(), { parentCode: unitCode })).filter((u) =>
    canReadStatsOf(access, u.code),
  );
  const byChild = children.length
    ? await cashlessFacilityStats(db, {
        from: query.from,
        to: query.to,
        unitCodes: children.map((u) => u.code),
        monthly: false,
      })
    : undefined;
  return {
    from: main.from,
    to: main.to,
    months: main.months,
    unit: main.units[0]!,
    children: byChild?.units ?? [],
    rows: [...main.rows, ...(byChild?.rows ?? [])],
  };
}
