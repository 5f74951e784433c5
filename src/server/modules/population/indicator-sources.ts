import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import type { IndicatorSource, IndicatorSourceQuery, SourceCount } from '../../platform/indicator-sources';
import { getQualityReport } from './quality-report';

/*
 * What the registry counts for the plan's targets 2 and 3 (kpi's sources, issue 15 §1). Stocks are
 * counted from the registry as it stands when the run is made, with ages on the period's as-of day;
 * the kpi run keeps the counts, so a past report does not move when the registry does.
 */

/** Chip cards: the CCCD with chip (2016–2024) and the căn cước of the 2023 Identity Law, not expired. */
const CHIP_KINDS = ['cccd_chip', 'can_cuoc'];

/** People alive living in each commune aged 14 or over on `asOf`, and how many of them match `condition`. */
async function aged14Counting(
  db: Db,
  q: IndicatorSourceQuery,
  condition: ReturnType<typeof sql>,
): Promise<SourceCount[]> {
  const rows = await queryRows<{ unit_code: string; numerator: string | number; denominator: string | number }>(
    db,
    sql`select residence_unit_code as unit_code,
          count(*) filter (where ${condition}) as numerator,
          count(*) as denominator
        from population.persons
        where status = 'alive' and residence_unit_code is not null
          and coalesce(birth_date, make_date(birth_year, 12, 31)) <= (${q.asOf}::date - interval '14 years')
        group by residence_unit_code`,
  );
  return rows.map((r) => ({
    unitCode: r.unit_code,
    numerator: Number(r.numerator),
    denominator: Number(r.denominator),
  }));
}

export const POPULATION_INDICATOR_SOURCES: readonly IndicatorSource[] = [
  {
    key: 'population.chip_id_14plus',
    count: (db, q) =>
      aged14Counting(
        db,
        q,
        sql`id_card_kind in (${sql.join(
          CHIP_KINDS.map((k) => sql`${k}`),
          sql`, `,
        )}) and (id_card_expires_on is null or id_card_expires_on >= ${q.asOf}::date)`,
      ),
  },
  {
    key: 'population.eid_level2_14plus',
    count: (db, q) => aged14Counting(db, q, sql`eid_level >= 2 and eid_activated_on <= ${q.asOf}::date`),
  },
  {
    // "Đúng, đủ, sạch, sống": the people of the latest quality run with no finding.
    key: 'population.quality_clean',
    count: async (db) => {
      const report = await getQualityReport(db);
      return (report?.communes ?? []).map((c) => ({
        unitCode: c.unitCode,
        numerator: c.persons - c.personsWithFindings,
        denominator: c.persons,
      }));
    },
  },
];
