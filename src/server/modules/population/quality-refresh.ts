import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { ID_PROVINCE_CODES } from './id-province-codes';
import { refreshFindings } from './quality/engine';

/**
 * One pass of the quality refresh: takes up to `limit` persons queued by decisions (every queued
 * row of each, so a person changed twice is counted from where the last pass left them), recomputes
 * their findings in the latest run and moves the scores by difference — in one transaction, so a
 * failed pass leaves the queue as it was. Two server processes never take the same rows (skip
 * locked). Returns how many persons were refreshed.
 */
export async function refreshQueuedFindings(db: Db, limit = 500): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string | number; person_id: string; unit_before: string }>(
      tx,
      sql`with picked as (
            select person_id from population.quality_refresh_queue order by id limit ${limit} for update skip locked
          )
          delete from population.quality_refresh_queue q where q.person_id in (select person_id from picked)
          returning q.id, q.person_id, q.unit_before`,
    );
    if (rows.length === 0) return 0;
    const unitBefore = new Map<string, string>();
    for (const r of [...rows].sort((a, b) => Number(a.id) - Number(b.id)))
      if (!unitBefore.has(r.person_id)) unitBefore.set(r.person_id, r.unit_before);
    await refreshFindings(tx, unitBefore, [...ID_PROVINCE_CODES]);
    return unitBefore.size;
  });
}

/** One pass of the job (run by the server's job queue every 2 s): drains the queue, one batch per transaction. */
export async function qualityRefreshPass(db: Db): Promise<void> {
  while ((await refreshQueuedFindings(db)) > 0);
}
