import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import type { OverviewDossiers } from '../../../contracts/overview';
import { DOSSIER_STATES, DossierChannel } from '../../../contracts/dossier-states';

/*
 * Dossier counts as a report (counts only: no applicant, no form), published through index.ts for
 * the leaders' overview (and the dashboard's indicators): the dossiers module owns its table, so the
 * reading of its columns lives here (ADR 0018's debt, paid). The on-time rule is the one of
 * deadline.ts `deadlineFlag`: decided on time = not marked late and decided by the due time.
 */

/** Decided states (withdrawn and not accepted dossiers are not decisions: deadline.ts gives them no flag). */
export const DECIDED = ['approved', 'refused', 'result_issued', 'returned'];
const RUNNING = ['received', 'in_processing'];

/** A SQL list of string values. */
export const list = (values: readonly string[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

function unitsIn(unitCodes: readonly string[] | null): SQL {
  if (unitCodes === null) return sql`true`;
  if (unitCodes.length === 0) return sql`false`;
  return sql`unit_code in (${list(unitCodes)})`;
}

/**
 * Dossiers of `unitCodes` (null = the province) submitted in [from, to): by current state and by
 * channel; those decided in [from, to) and how many by their due time; those running past their
 * due time at `now`.
 */
export async function dossierFigures(
  db: Db,
  q: { from: Date; to: Date; now: Date; unitCodes: readonly string[] | null },
): Promise<Omit<OverviewDossiers, 'period' | 'asOf'>> {
  const units = unitsIn(q.unitCodes);
  const from = q.from.toISOString();
  const to = q.to.toISOString();
  const [groups, decided, overdue] = await Promise.all([
    queryRows<{ state: string; channel: string; n: string | number }>(
      db,
      sql`select state, channel, count(*) as n from dossiers.dossiers
          where state <> 'draft' and submitted_at >= ${from}::timestamptz and submitted_at < ${to}::timestamptz and ${units}
          group by 1, 2`,
    ),
    queryRows<{ decided: string | number; on_time: string | number }>(
      db,
      sql`select count(*) as decided,
            count(*) filter (where not late and decided_at <= due_at) as on_time
          from dossiers.dossiers
          where state in (${list(DECIDED)}) and due_at is not null
            and decided_at >= ${from}::timestamptz and decided_at < ${to}::timestamptz and ${units}`,
    ),
    queryRows<{ n: string | number }>(
      db,
      sql`select count(*) as n from dossiers.dossiers
          where state in (${list(RUNNING)}) and due_at < ${q.now.toISOString()}::timestamptz and ${units}`,
    ),
  ]);
  const byState = new Map<string, number>();
  const byChannel = new Map<string, number>();
  let submitted = 0;
  for (const g of groups) {
    const n = Number(g.n);
    submitted += n;
    byState.set(g.state, (byState.get(g.state) ?? 0) + n);
    byChannel.set(g.channel, (byChannel.get(g.channel) ?? 0) + n);
  }
  const decidedCount = Number(decided[0]?.decided ?? 0);
  const onTime = Number(decided[0]?.on_time ?? 0);
  return {
    submitted,
    byState: DOSSIER_STATES.filter((s) => byState.has(s)).map((state) => ({ state, count: byState.get(state)! })),
    byChannel: DossierChannel.options
      .filter((c) => byChannel.has(c))
      .map((channel) => ({ channel, count: byChannel.get(channel)! })),
    decided: decidedCount,
    decidedOnTime: onTime,
    onTimeShare: decidedCount === 0 ? null : onTime / decidedCount,
    overdueNow: Number(overdue[0]?.n ?? 0),
  };
}
