import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import type { IndicatorSource, IndicatorSourceQuery, SourceCount } from '../../platform/indicator-sources';
import { listProcedures } from '../procedures';
import { DECIDED, list } from './dossier-figures';

/*
 * What dossiers count for the plan's target 4 and the service index's timeliness (kpi's sources,
 * issue 15 §1). "Online" is a filing the citizen made under their own e-ID: from home (`online`) or
 * on a counter device with an officer guiding (`assisted`) — both are the portal; `paper` is not.
 * Flows are counted over the period up to its as-of day (Vietnam time), per receiving commune.
 */

/** Thông báo lưu trú (stay notification): the plan's 100 % online procedure. */
const STAY_NOTIFICATION = '2.001159';

/** [from 00:00, asOf + 1 day 00:00) in Vietnam time, as timestamps. */
const bounds = (q: IndicatorSourceQuery) => ({
  from: `${q.period.from}T00:00:00+07:00`,
  to: new Date(Date.parse(`${q.asOf}T00:00:00+07:00`) + 86_400_000).toISOString(),
});

/** Dossiers of `codes` submitted in the period, per commune, and how many of them online. */
async function receivedOnline(db: Db, q: IndicatorSourceQuery, codes: readonly string[]): Promise<SourceCount[]> {
  if (codes.length === 0) return [];
  const { from, to } = bounds(q);
  const rows = await queryRows<{ unit_code: string; online: string | number; total: string | number }>(
    db,
    sql`select unit_code, count(*) filter (where channel in ('online', 'assisted')) as online, count(*) as total
        from dossiers.dossiers
        where state <> 'draft' and procedure_code in (${list(codes)})
          and submitted_at >= ${from}::timestamptz and submitted_at < ${to}::timestamptz
        group by unit_code`,
  );
  return rows.map((r) => ({ unitCode: r.unit_code, numerator: Number(r.online), denominator: Number(r.total) }));
}

/** The residence procedures in force on the as-of day, the stay notification apart. */
async function residenceCodes(db: Db, asOf: string): Promise<string[]> {
  const { items } = await listProcedures(db, { field: 'residence', asOf });
  return items.map((p) => p.code).filter((c) => c !== STAY_NOTIFICATION);
}

export const DOSSIER_INDICATOR_SOURCES: readonly IndicatorSource[] = [
  { key: 'dossiers.stay_online', count: (db, q) => receivedOnline(db, q, [STAY_NOTIFICATION]) },
  { key: 'dossiers.residence_online', count: async (db, q) => receivedOnline(db, q, await residenceCodes(db, q.asOf)) },
  {
    // Bộ chỉ số 766, timeliness: decided in the period by the due time and not marked late.
    key: 'dossiers.decided_on_time',
    count: async (db, q) => {
      const { from, to } = bounds(q);
      const rows = await queryRows<{ unit_code: string; on_time: string | number; decided: string | number }>(
        db,
        sql`select unit_code, count(*) filter (where not late and decided_at <= due_at) as on_time, count(*) as decided
            from dossiers.dossiers
            where state in (${list(DECIDED)}) and due_at is not null
              and decided_at >= ${from}::timestamptz and decided_at < ${to}::timestamptz
            group by unit_code`,
      );
      return rows.map((r) => ({ unitCode: r.unit_code, numerator: Number(r.on_time), denominator: Number(r.decided) }));
    },
  },
];
