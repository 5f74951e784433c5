import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db';
import { queryCounts, type IndicatorSourceQuery, type SourceCount } from '../../../platform/indicator-sources';

/*
 * The rows of the sector lists in force on a day, placed on units and counted (issue 16 §4, for
 * kpi's `sector.*` sources). Which list counts: per dataset type, sector and unit, the committed
 * batch committed on or before the as-of day (Vietnam date) and not superseded by another batch
 * committed on or before that day — a commune with no list then is left out (no denominator), never
 * a made-up 0 %. Where a row counts: in the batch's unit when that is a commune; a list imported at
 * the province places a row linked to a person (matched, with or without discrepancies, or a
 * duplicate of such a row) in that person's commune of residence today, and any other row in the
 * province only (kpi counts a unit that is no commune in the province total).
 */

/** The first instant after the as-of day in Vietnam (UTC+7): a batch committed before it was committed on or before that day. */
export const endOfVietnamDay = (day: string): Date => new Date(Date.parse(`${day}T00:00:00+07:00`) + 86_400_000);

/** `a, b, c` as SQL parameters (`null` for none: `x in (null)` is never true). */
export const inList = (codes: readonly string[]): SQL =>
  codes.length
    ? sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )
    : sql`null`;

/** The batches of `datasetTypes` in force on `asOf` (see above), as a subquery with columns id, unit_code, dataset_type. */
export function batchesInForce(datasetTypes: readonly string[], asOf: string): SQL {
  const end = endOfVietnamDay(asOf).toISOString();
  return sql`select b.id, b.unit_code, b.dataset_type from sector_data.batches b
      left join sector_data.batches n on n.id = b.superseded_by
      where b.state = 'committed' and b.dataset_type in (${inList(datasetTypes)})
        and b.finished_at < ${end}::timestamptz
        and (n.id is null or n.state <> 'committed' or n.finished_at >= ${end}::timestamptz)`;
}

/** Is the person linked to the row (`p`, joined on the link) alive on `asOf`? */
export const aliveOn = (asOf: string): SQL => sql`(p.status = 'alive' or p.death_date > ${asOf}::date)`;

/** A row the import could read (no validation error): only such rows can be counted as clean. */
export const validRow: SQL = sql`jsonb_array_length(r.errors) = 0`;

/**
 * The unit a row counts in: the batch's unit when it is one of the query's communes; else the
 * commune of residence of the person the row is linked to; else the batch's unit (the province).
 */
export function rowUnit(communeCodes: readonly string[]): SQL {
  return sql`case when f.unit_code in (${inList(communeCodes)}) then f.unit_code
      when l.outcome in ('matched', 'matched_with_discrepancies', 'duplicate_in_list') and p.residence_unit_code is not null
        then p.residence_unit_code
      else f.unit_code end`;
}

/** The rows of the lists in force, their links and linked persons: `r`, `l`, `p`, `f` (the batch in force). */
export const rowsInForce = (datasetTypes: readonly string[], asOf: string): SQL =>
  sql`(${batchesInForce(datasetTypes, asOf)}) f
      join sector_data.rows r on r.batch_id = f.id
      left join sector_data.links l on l.batch_id = r.batch_id and l.row_number = r.row_number
      left join population.persons p on p.id = l.person_id`;

/**
 * Per unit: every data row of the lists in force (error rows included: an unreadable row is not
 * clean) and those meeting `numerator` (an SQL condition over `r`, `l`, `p`).
 */
export async function countRows(
  db: Db,
  q: IndicatorSourceQuery,
  datasetTypes: readonly string[],
  numerator: SQL,
): Promise<SourceCount[]> {
  return queryCounts(
    db,
    sql`select ${rowUnit(q.communeCodes)} as unit_code, count(*) filter (where ${numerator}) as numerator,
          count(*) as denominator
        from ${rowsInForce(datasetTypes, q.asOf)} group by 1`,
  );
}
