import type { Database } from '../../platform/db';
import { startIntervalJob, type IntervalJob, type JobErrorHandler } from '../../platform/interval-job';
import { todayInVietnam } from '../../../contracts/common';
import { computeRun, type SourceMap } from './compute';
import * as repo from './kpi.repository';
import { currentPeriods, parsePeriod } from './periods';

/**
 * The scheduled computation (issue 15 §2): the month, quarter and year under way are recomputed
 * when their latest run is not of today (Vietnam date) — at the server's start, then on the first
 * pass of each day — so the dashboard always reads precomputed values; a period that ended
 * yesterday is recomputed once more, so its last run counts its last day whole. Several processes: the run's
 * advisory lock lets one compute, the others skip. A past period keeps its last run.
 */
export async function runScheduledKpi(
  database: Database,
  sources: SourceMap,
  provinceCode: string,
  now: Date = new Date(),
  trigger: 'schedule' | 'start' = 'schedule',
): Promise<number[]> {
  const today = todayInVietnam(now);
  const yesterday = todayInVietnam(new Date(now.getTime() - 86_400_000));
  const done: number[] = [];
  // The periods under way, and those that ended yesterday: a period's last day is counted whole only
  // by a run made after it — the day after, once — so the period's final snapshot has all of it.
  for (const code of new Set([...currentPeriods(yesterday), ...currentPeriods(today)])) {
    const period = parsePeriod(code);
    const last = await repo.latestRun(database.db, code);
    const due =
      !last ||
      (period.to < today
        ? todayInVietnam(last.startedAt) <= period.to // ended yesterday: once more, after its last day
        : last.asOf < today); // running: once a day
    if (!due) continue;
    const id = await computeRun(database, sources, {
      period: code,
      today,
      provinceCode,
      trigger,
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
  let first = true; // the pass at the server's start is recorded as such
  return startIntervalJob(
    'scheduled indicator computation',
    options.intervalMs ?? 3_600_000,
    () =>
      runScheduledKpi(
        database,
        options.sources,
        options.provinceCode,
        new Date(),
        first ? ((first = false), 'start') : 'schedule',
      ),
    options.onError,
  );
}
