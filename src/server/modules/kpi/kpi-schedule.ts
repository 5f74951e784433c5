import type { Database } from '../../platform/db';
import { startIntervalJob, type IntervalJob, type JobErrorHandler } from '../../platform/interval-job';
import { todayInVietnam } from '../../../contracts/common';
import { computeRun, type SourceMap } from './compute';
import * as repo from './kpi.repository';
import { currentPeriods } from './periods';

/**
 * The scheduled computation (issue 15 §2): the month, quarter and year under way are recomputed
 * when their latest run is not of today (Vietnam date) — at the server's start, then on the first
 * pass of each day — so the dashboard always reads precomputed values. Several processes: the run's
 * advisory lock lets one compute, the others skip. A past period keeps its last run.
 */
export async function runScheduledKpi(
  database: Database,
  sources: SourceMap,
  provinceCode: string,
  now: Date = new Date(),
): Promise<number[]> {
  const today = todayInVietnam(now);
  const done: number[] = [];
  for (const period of currentPeriods(today)) {
    const last = await repo.latestRun(database.db, period);
    if (last && last.asOf >= today) continue;
    const id = await computeRun(database, sources, {
      period,
      today,
      provinceCode,
      trigger: 'schedule',
      skipIfBusy: true,
      now,
    });
    if (id !== null) done.push(id);
  }
  return done;
}

/** Checks every `intervalMs` (default hourly) and computes what is due; `runNow()` at start. */
export function startKpiJob(
  database: Database,
  options: { sources: SourceMap; provinceCode: string; intervalMs?: number; onError: JobErrorHandler },
): IntervalJob {
  return startIntervalJob(
    'scheduled indicator computation',
    options.intervalMs ?? 3_600_000,
    () => runScheduledKpi(database, options.sources, options.provinceCode),
    options.onError,
  );
}
