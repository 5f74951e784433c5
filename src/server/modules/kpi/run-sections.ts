import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type { ReportedState, UnitLevel } from '../../../contracts/kpi';
import type { PilotProgressRow } from '../../../contracts/pilots';
import { pilotProgress } from '../pilots';
import { getUnitNames, listUnits } from '../units';
import type * as repo from './kpi.repository';
import { reportedValues, runSections } from './kpi.schema';

/*
 * The parts of the periodic report that are not values (issue 15 §5): each unit's reported value
 * with its state, and the pilot models' progress. They are read in the run's own transaction — the
 * same snapshot its values were computed from — and frozen with it (kpi.run_sections, never
 * changed), so the report of a run says the same later: an approval committed after the run, a
 * milestone's date edited later or a renamed agency do not move it.
 */

/** A unit that owed a reported indicator, its value and the value's state when the run was made. */
export interface ReportedAtRun {
  indicatorCode: string;
  unitCode: string;
  /** Today's name of the unit when the run was made (reported values are entered by today's units). */
  unitName: string;
  /** false: the unit may report but does not owe it (the province when the communes report). */
  required: boolean;
  /** null: never entered by then. */
  state: ReportedState | null;
  numerator: number | null;
  denominator: number | null;
}

export interface RunSections {
  reported: ReportedAtRun[];
  pilots: PilotProgressRow[];
}

/** Lowest first: an indicator is owed by the units of its lowest level (as `reported-expected.ts`). */
const LEVELS: readonly UnitLevel[] = ['commune', 'district', 'province'];

/** Reads and stores the sections of a run inside its transaction. */
export async function freezeSections(
  tx: Db,
  run: repo.RunRow,
  versions: readonly repo.IndicatorRow[],
  today: string,
): Promise<void> {
  const indicators = versions.filter((v) => v.method === 'reported' && v.periodType === run.periodType);
  const codes = indicators.map((i) => i.code);
  // One after the other: a transaction is one connection (pg queues concurrent queries on a client
  // with a deprecation warning, and pg 9 refuses them).
  const units = await listUnits(tx, today, {});
  const names = await getUnitNames(tx, today);
  const entered = codes.length
    ? await tx
        .select()
        .from(reportedValues)
        .where(and(eq(reportedValues.period, run.period), inArray(reportedValues.indicatorCode, codes)))
    : [];
  const pilots = await pilotProgress(tx, { asOf: run.asOf });
  const reported: ReportedAtRun[] = [];
  for (const indicator of indicators) {
    const owing = LEVELS.find((l) => indicator.unitLevels.includes(l));
    const required = new Set(units.filter((u) => u.level === owing).map((u) => u.code));
    const byUnit = new Map(entered.filter((v) => v.indicatorCode === indicator.code).map((v) => [v.unitCode, v]));
    for (const unitCode of [...new Set([...required, ...byUnit.keys()])].sort()) {
      const value = byUnit.get(unitCode);
      reported.push({
        indicatorCode: indicator.code,
        unitCode,
        unitName: names(unitCode) ?? unitCode,
        required: required.has(unitCode),
        state: value?.state ?? null,
        numerator: value?.numerator ?? null,
        denominator: value?.denominator ?? null,
      });
    }
  }
  await tx.insert(runSections).values({ runId: run.id, reported, pilots: pilots.rows });
}

/** The frozen sections of a run; null for a run made before they were kept (migration 0047). */
export async function sectionsOf(db: Db, runId: number): Promise<RunSections | null> {
  const [row] = await db.select().from(runSections).where(eq(runSections.runId, runId)).limit(1);
  return row ? { reported: row.reported as ReportedAtRun[], pilots: row.pilots as PilotProgressRow[] } : null;
}
