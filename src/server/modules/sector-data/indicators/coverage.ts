import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../../platform/db';
import {
  queryCounts,
  type IndicatorSource,
  type IndicatorSourceQuery,
  type ListPage,
  type ListQuery,
  type ListReader,
  type SourceCount,
} from '../../../platform/indicator-sources';
import type { DatasetType } from '../types';
import { batchesInForce, inList } from './lists-in-force';
import { logListedPeople } from './sector-list';

/*
 * Registry people missing from a list that should cover them (issue 16 §4): e.g. the children under 6
 * of a commune without a health-insurance card. The cohort is the type's `covers` — people alive and
 * living in a commune, aged in its band on the as-of day (a person known only by birth year is taken
 * as born on 31 December: never counted a child too old) — in the communes a list of the type is in
 * force for on that day: the commune's own list, or any list of the province (a unit that is no
 * commune). A commune without one is left out (no denominator), never a made-up 0 %. A person is
 * covered when a valid row of those lists is linked to them (matched, with or without discrepancies,
 * after review).
 */

type Covers = NonNullable<DatasetType['covers']>;

/** The person `p` is in the type's age band on `asOf`, alive and living in a commune. */
function cohort(covers: Covers, asOf: string): SQL {
  const born = sql`coalesce(p.birth_date, make_date(p.birth_year, 12, 31))`;
  const conditions = [sql`p.status = 'alive'`, sql`p.residence_unit_code is not null`];
  // Aged at least minAge: born on or before asOf − minAge years; below maxAge: born after asOf − maxAge years.
  if (covers.minAge) conditions.push(sql`${born} <= (${asOf}::date - make_interval(years => ${covers.minAge}))`);
  if (covers.maxAge !== undefined)
    conditions.push(sql`${born} > (${asOf}::date - make_interval(years => ${covers.maxAge}))`);
  return sql.join(conditions, sql` and `);
}

/**
 * The cohort in the communes a list of `datasetType` is in force for on `q.asOf`, each person with
 * `covered` (a linked valid row of those lists). Columns of `p` plus `covered`.
 */
function cohortWithCover(datasetType: string, covers: Covers, q: IndicatorSourceQuery): SQL {
  return sql`with f as (${batchesInForce([datasetType], q.asOf)}),
      covered as (select distinct l.person_id from f
        join sector_data.links l on l.batch_id = f.id
        join sector_data.rows r on r.batch_id = l.batch_id and r.row_number = l.row_number
        where l.person_id is not null and l.outcome in ('matched', 'matched_with_discrepancies')
          and jsonb_array_length(r.errors) = 0),
      listed as (select p.*, c.person_id is not null as covered from population.persons p
        left join covered c on c.person_id = p.id
        where ${cohort(covers, q.asOf)}
          and (p.residence_unit_code in (select unit_code from f)
            or exists (select 1 from f where f.unit_code not in (${inList(q.communeCodes)}))))`;
}

async function countCoverage(
  db: Db,
  datasetType: string,
  covers: Covers,
  q: IndicatorSourceQuery,
): Promise<SourceCount[]> {
  return queryCounts(
    db,
    sql`${cohortWithCover(datasetType, covers, q)}
        select residence_unit_code as unit_code, count(*) filter (where covered) as numerator, count(*) as denominator
        from listed group by 1`,
  );
}

const COLUMNS = [
  { key: 'fullName', labelVi: 'Họ, chữ đệm và tên', labelEn: 'Full name' },
  { key: 'birthDate', labelVi: 'Ngày sinh', labelEn: 'Date of birth' },
  { key: 'nationalId', labelVi: 'Số định danh cá nhân', labelEn: 'Personal ID number' },
  { key: 'address', labelVi: 'Nơi thường trú', labelEn: 'Permanent residence' },
  { key: 'covered', labelVi: 'Có trong danh sách', labelEn: 'On the list' },
];

/**
 * One page of a commune's cohort: those on a list (side "counted") or missing from every list in
 * force (side "missing"), by name; each person shown is written in the access log with the purpose.
 */
async function coveragePage(
  db: Db,
  datasetType: string,
  covers: Covers,
  q: ListQuery,
  reader: ListReader,
): Promise<ListPage> {
  const side = q.side === 'counted' ? sql`covered` : sql`not covered`;
  const from = sql`from listed where residence_unit_code = ${q.unitCode} and ${side}`;
  // In turn: the page may be read in a transaction, one connection (pg 9 refuses concurrent queries on a client).
  const rows = await queryRows<{
    id: string;
    national_id: string | null;
    full_name: string;
    birth_date: string | null;
    birth_year: number;
    household_id: string | null;
    covered: boolean;
  }>(
    db,
    sql`${cohortWithCover(datasetType, covers, q)}
          select id, national_id, full_name, birth_date::text, birth_year, household_id, covered
          ${from} order by name_key, id limit ${q.limit} offset ${q.offset}`,
  );
  const total = await queryRows<{ n: string | number }>(
    db,
    sql`${cohortWithCover(datasetType, covers, q)} select count(*) as n ${from}`,
  );
  const households = await addressesOf(
    db,
    rows.map((r) => r.household_id),
  );
  await logListedPeople(
    db,
    reader,
    rows.map((r) => ({ personId: r.id, nationalId: r.national_id })),
  );
  return {
    columns: COLUMNS,
    total: Number(total[0]?.n ?? 0),
    items: rows.map((r) => ({
      fullName: r.full_name,
      birthDate: r.birth_date ?? String(r.birth_year),
      nationalId: r.national_id,
      address: r.household_id ? (households.get(r.household_id) ?? null) : null,
      covered: r.covered ? 'Có' : 'Không',
    })),
  };
}

/** The address line of each household (the page's people only). */
async function addressesOf(db: Db, ids: ReadonlyArray<string | null>): Promise<Map<string, string | null>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await queryRows<{ id: string; address_line: string | null }>(
    db,
    sql`select id, address_line from population.households where id in (${inList(wanted)})`,
  );
  return new Map(rows.map((r) => [r.id, r.address_line]));
}

/** The source key of a dataset type's figure, e.g. `sector.covered_health_insurance`. */
export const sourceKey = (figure: string, datasetType: string): string =>
  `sector.${figure}_${datasetType.replaceAll('-', '_')}`;

/** "People under 6 linked to a row of the «…» lists in force / people under 6 …", from the type's age band. */
function describeCoverage(type: DatasetType & { covers: Covers }): { vi: string; en: string } {
  const { minAge, maxAge } = type.covers;
  const [vi, en] =
    minAge && maxAge !== undefined
      ? [`Người từ ${minAge} đến dưới ${maxAge} tuổi`, `People aged ${minAge} to under ${maxAge}`]
      : maxAge !== undefined
        ? [`Người dưới ${maxAge} tuổi`, `People under ${maxAge}`]
        : minAge
          ? [`Người từ ${minAge} tuổi`, `People aged ${minAge} or over`]
          : ['Người', 'People'];
  return {
    vi: `${vi} khớp với một dòng của danh sách «${type.nameVi}» đang hiệu lực / ${vi.toLowerCase()} còn sống, cư trú ở xã mà danh sách đang hiệu lực bao phủ`,
    en: `${en} linked to a row of a “${type.nameEn}” list in force / ${en.toLowerCase()} alive and living in a commune such a list covers`,
  };
}

/**
 * `sector.covered_<type>`: of the people the type's lists should cover (its `covers`), those linked
 * to a row of the lists in force; the list behind a commune's figure names the people missing.
 */
export function coverageSource(type: DatasetType & { covers: Covers }): IndicatorSource {
  return {
    key: sourceKey('covered', type.code),
    describe: describeCoverage(type),
    count: (db, q) => countCoverage(db, type.code, type.covers, q),
    list: { action: 'sector.read', page: (db, q, reader) => coveragePage(db, type.code, type.covers, q, reader) },
  };
}
