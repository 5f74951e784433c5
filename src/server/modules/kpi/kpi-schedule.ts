import type { Database, Db } from '../../platform/db';
import type { UnitStructure } from '../../platform/indicator-sources';
import { todayInVietnam } from '../../../contracts/common';
import { computeRun, type SourceMap } from './compute';
import * as repo from './kpi.repository';
import { currentPeriods, parsePeriod, periodsEndingWith } from './periods';

/**
 * The scheduled computation (issue 15 §2): the month, quarter and year under way are recomputed
 * when their latest run is not of today (Vietnam date) — at the server's start, then on the first
 * pass of each day — so the dashboard always reads precomputed values; a period that ended
 * yesterday is recomputed once more, so its last run counts its last day whole. Several processes: the run's
 * advisory lock lets one compute, the others skip. A past period keeps its last run.
 *
 * The periods under way are also computed on the former districts and communes (see compute.ts).
 * A recent past period never computed (the system started mid-year, or was down when it ended) is
 * computed once as of its last day, so a trend has no gap the province did not choose: the last
 * `BACKFILL` periods of each type. Flows (dossiers, payments, visits) are then exact; stocks (people
 * with an e-ID) are counted from the registry as it stands, with ages on the period's last day.
 */
export const BACKFILL = { month: 6, quarter: 4, year: 2 } as const;

/** The recent periods a province's trends show: the month, quarter and year under way and those before. */
function recentPeriods(today: string): string[] {
  const [month, quarter, year] = currentPeriods(today) as [string, string, string];
  return [
    ...periodsEndingWith(month, BACKFILL.month),
    ...periodsEndingWith(quarter, BACKFILL.quarter),
    ...periodsEndingWith(year, BACKFILL.year),
  ];
}
export async function runScheduledKpi(
  database: Database,
  sources: SourceMap,
  provinceCode: string,
  now: Date = new Date(),
  trigger: 'schedule' | 'start' = 'schedule',
  /** Asked before each run: true stops the pass there (the server is shutting down). */
  stopping: () => boolean = () => false,
): Promise<number[]> {
  const today = todayInVietnam(now);
  const yesterday = todayInVietnam(new Date(now.getTime() - 86_400_000));
  const done: number[] = [];
  // The periods under way, and those that ended yesterday: a period's last day is counted whole only
  // by a run made after it — the day after, once — so the period's final snapshot has all of it.
  const running = new Set([...currentPeriods(yesterday), ...currentPeriods(today)]);
  const due: Array<[string, UnitStructure]> = [
    ...[...new Set([...running, ...recentPeriods(today)])].map((code): [string, UnitStructure] => [code, 'current']),
    // The former districts and communes (today's figures through the residence history): the periods under way.
    ...[...running].map((code): [string, UnitStructure] => [code, 'former']),
  ];
  for (const [code, structure] of due) {
    if (stopping()) break; // a shutdown does not wait for the whole backfill: what is left is due next start
    const period = parsePeriod(code);
    const isDue = async (db: Db) => {
      const last = await repo.latestRun(db, code, structure);
      return !last
        ? running.has(code) || structure === 'current' // never computed: under way, or a recent past period (backfill)
        : !running.has(code)
          ? false // a past period keeps its last run
          : period.to < today
            ? todayInVietnam(last.startedAt) <= period.to // ended yesterday: once more, after its last day
            : last.asOf < today; // running: once a day
    };
    if (!(await isDue(database.db))) continue;
    const id = await computeRun(database, sources, {
      period: code,
      today,
      provinceCode,
      trigger,
      skipIfBusy: true,
      now,
      structure,
      stillDue: isDue, // another process may have made it meanwhile
    });
    if (id !== null) done.push(id);
  }
  return done;
}
