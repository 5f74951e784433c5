import type { Database } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import { ID_PROVINCE_CODES } from './id-province-codes';
import { latestRun, runQuality } from './quality/engine';

/**
 * The scheduled data-quality evaluation (issue 14 §5): leaders and the Standing Agency must never
 * find the quality page empty. A pass runs the full engine when no finished run of today (Vietnam
 * date) exists — at the server's start when there is none yet, then on the first pass of each new
 * day. Several server processes run it once a day: the run takes an advisory lock and checks again
 * inside its transaction (engine.ts `onlyIfDue`); the others skip. Decisions keep the latest run's
 * findings current in between (quality-refresh.ts).
 */

/** One pass: the run id when it ran, null when today's run exists (or another process is running it). */
export async function runScheduledQuality(database: Database, now: Date = new Date()): Promise<number | null> {
  const asOf = todayInVietnam(now);
  const last = await latestRun(database.db);
  if (last && last.asOf >= asOf) return null; // cheap check first: most passes stop here
  return runQuality(database, { asOf, idProvinceCodes: [...ID_PROVINCE_CODES], onlyIfDue: true });
}
