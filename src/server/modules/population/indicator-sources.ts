import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import {
  queryCounts,
  FORMER_STRUCTURE_DAY,
  UNPLACED,
  type IndicatorSource,
  type IndicatorSourceQuery,
  type ListPage,
  type ListQuery,
  type ListReader,
  type SourceCount,
} from '../../platform/indicator-sources';
import { logAccess } from './person-access-log';
import { latestRun, runScores } from './quality/engine';

/*
 * What the registry counts for the plan's targets 2 and 3 (kpi's sources, issue 15 §1), and the
 * people behind a commune's figure (§2 drill-down: e.g. those aged 14 or over without an activated
 * e-ID — the list the commune police act on). Stocks are counted from the registry as it stands
 * when the run is made, with ages on the period's as-of day; the kpi run keeps the counts.
 */

/** Chip cards: the CCCD with chip (2016–2024) and the căn cước of the 2023 Identity Law, not expired. */
const CHIP_KINDS = ['cccd_chip', 'can_cuoc'];

/** People alive, living in a commune, aged 14 or over on `asOf`. */
const aged14 = (asOf: string): SQL =>
  sql`p.status = 'alive' and p.residence_unit_code is not null
      and coalesce(p.birth_date, make_date(p.birth_year, 12, 31)) <= (${asOf}::date - interval '14 years')`;

/**
 * The unit a person counts in: their commune of residence today, or — on the former structure —
 * the former commune of the permanent residence they had on 30/6/2025 in the residence history,
 * where the record says it without doubt: a record closed on that day (at the merger), or one under
 * a former code no unit of today reuses. A record still open under a reused code (today's Mường Tè
 * is 03445, as the former xã Mường Tè was) may have been re-coded to today's commune, which took in
 * other communes too: that person is `UNPLACED` (counted in the province only), as is anyone with
 * no such record. The history is joined once (a hash join over the records valid that day).
 */
function placement(q: IndicatorSourceQuery): { unit: SQL; join: SQL } {
  if (q.structure !== 'former') return { unit: sql`p.residence_unit_code`, join: sql`` };
  const inList = (codes: readonly string[]) =>
    codes.length
      ? sql.join(
          codes.map((c) => sql`${c}`),
          sql`, `,
        )
      : sql`null`;
  const reused = q.reusedCodes ?? [];
  return {
    unit: sql`coalesce(fr.unit_code, ${UNPLACED})`,
    join: sql`left join (select distinct on (r.person_id) r.person_id, r.unit_code from population.residences r
        where r.kind = 'permanent' and r.unit_code in (${inList(q.communeCodes)})
          and r.valid_from <= ${FORMER_STRUCTURE_DAY}::date and (r.valid_to is null or r.valid_to >= ${FORMER_STRUCTURE_DAY}::date)
          and (r.valid_to = ${FORMER_STRUCTURE_DAY}::date or r.unit_code not in (${inList(reused)}))
        order by r.person_id, r.valid_from desc) fr on fr.person_id = p.id`,
  };
}

/** Counts per commune of the people aged 14 or over, and of those among them matching `condition`. */
async function aged14Counting(db: Db, q: IndicatorSourceQuery, condition: SQL): Promise<SourceCount[]> {
  const { unit, join } = placement(q);
  return queryCounts(
    db,
    sql`select ${unit} as unit_code, count(*) filter (where ${condition}) as numerator, count(*) as denominator
        from population.persons p ${join} where ${aged14(q.asOf)} group by 1`,
  );
}

const COLUMNS = [
  { key: 'fullName', labelVi: 'Họ, chữ đệm và tên', labelEn: 'Full name' },
  { key: 'birthDate', labelVi: 'Ngày sinh', labelEn: 'Date of birth' },
  { key: 'nationalId', labelVi: 'Số định danh cá nhân', labelEn: 'Personal ID number' },
  { key: 'address', labelVi: 'Nơi thường trú', labelEn: 'Permanent residence' },
  { key: 'idCard', labelVi: 'Thẻ căn cước', labelEn: 'ID card' },
  { key: 'eIdLevel', labelVi: 'Mức định danh điện tử', labelEn: 'e-ID level' },
];

/**
 * One page of the people of a commune aged 14 or over who match `condition` (side "counted") or do
 * not (side "missing"), by name; each person listed is written in the access log with the purpose.
 */
async function aged14Page(db: Db, q: ListQuery, reader: ListReader, condition: SQL): Promise<ListPage> {
  // coalesce: a condition on a missing value (no card kind, no activation day) is not met — the person is missing.
  const side = q.side === 'counted' ? sql`coalesce((${condition}), false)` : sql`not coalesce((${condition}), false)`;
  const where = sql`${aged14(q.asOf)} and p.residence_unit_code = ${q.unitCode} and ${side}`;
  // In turn: the page may be read in a transaction, one connection (pg 9 refuses concurrent queries on a client).
  const rows = await queryRows<{
    id: string;
    national_id: string | null;
    full_name: string;
    birth_date: string | null;
    birth_year: number;
    address_line: string | null;
    id_card_kind: string | null;
    id_card_expires_on: string | null;
    eid_level: number;
  }>(
    db,
    sql`select p.id, p.national_id, p.full_name, p.birth_date::text, p.birth_year, h.address_line, p.id_card_kind,
            p.id_card_expires_on::text, p.eid_level
          from population.persons p left join population.households h on h.id = p.household_id
          where ${where} order by p.name_key, p.id limit ${q.limit} offset ${q.offset}`,
  );
  const total = await queryRows<{ n: string | number }>(
    db,
    sql`select count(*) as n from population.persons p where ${where}`,
  );
  await logAccess(
    db,
    reader,
    reader.exporting ? 'person.export' : 'person.list',
    rows.map((r) => ({ id: r.id, nationalId: r.national_id })),
    reader.purpose,
  );
  return {
    columns: COLUMNS,
    total: Number(total[0]?.n ?? 0),
    items: rows.map((r) => ({
      fullName: r.full_name,
      birthDate: r.birth_date ?? String(r.birth_year),
      nationalId: r.national_id,
      address: r.address_line,
      idCard: r.id_card_kind
        ? `${r.id_card_kind}${r.id_card_expires_on ? ` (đến ${r.id_card_expires_on})` : ''}`
        : null,
      eIdLevel: r.eid_level,
    })),
  };
}

const QUALITY_COLUMNS = [
  ...COLUMNS.slice(0, 4),
  { key: 'findings', labelVi: 'Lỗi dữ liệu phát hiện', labelEn: 'Data-quality findings' },
];

/**
 * The people behind a commune's T3 figure: those of the commune with at least one finding in the
 * latest quality run as of the as-of day (side "missing", with the findings' titles) or with none
 * ("counted"), by name — the list an officer cleans; each person listed is written in the access log
 * with the purpose. Counted live: today's residents (the run's scores counted its day's).
 */
async function qualityPage(db: Db, q: ListQuery, reader: ListReader): Promise<ListPage> {
  const run = await latestRun(db, q.asOf);
  if (!run) return { columns: QUALITY_COLUMNS, items: [], total: 0 };
  const found = sql`exists (select 1 from population.quality_findings f where f.run_id = ${run.id} and f.person_id = p.id)`;
  const where = sql`p.residence_unit_code = ${q.unitCode} and ${q.side === 'counted' ? sql`not ${found}` : found}`;
  // In turn: the page may be read in a transaction, one connection.
  const rows = await queryRows<{
    id: string;
    national_id: string | null;
    full_name: string;
    birth_date: string | null;
    birth_year: number;
    address_line: string | null;
    findings: string | null;
  }>(
    db,
    sql`select p.id, p.national_id, p.full_name, p.birth_date::text, p.birth_year, h.address_line,
            (select string_agg(distinct coalesce(r.title_vi, f.rule_code), '; ')
               from population.quality_findings f left join population.quality_rules r on r.code = f.rule_code
               where f.run_id = ${run.id} and f.person_id = p.id) as findings
          from population.persons p left join population.households h on h.id = p.household_id
          where ${where} order by p.name_key, p.id limit ${q.limit} offset ${q.offset}`,
  );
  const total = await queryRows<{ n: string | number }>(
    db,
    sql`select count(*) as n from population.persons p where ${where}`,
  );
  await logAccess(
    db,
    reader,
    reader.exporting ? 'person.export' : 'person.list',
    rows.map((r) => ({ id: r.id, nationalId: r.national_id })),
    reader.purpose,
  );
  return {
    columns: QUALITY_COLUMNS,
    total: Number(total[0]?.n ?? 0),
    items: rows.map((r) => ({
      fullName: r.full_name,
      birthDate: r.birth_date ?? String(r.birth_year),
      nationalId: r.national_id,
      address: r.address_line,
      findings: r.findings,
    })),
  };
}

/** A registry source of people aged 14 or over matching a condition, with its list. */
function aged14Source(
  key: string,
  describe: NonNullable<IndicatorSource['describe']>,
  condition: (asOf: string) => SQL,
): IndicatorSource {
  return {
    key,
    describe,
    count: (db, q) => aged14Counting(db, q, condition(q.asOf)),
    formerUnits: 'placed',
    list: { action: 'population.person.read', page: (db, q, reader) => aged14Page(db, q, reader, condition(q.asOf)) },
  };
}

export const POPULATION_INDICATOR_SOURCES: readonly IndicatorSource[] = [
  aged14Source(
    'population.chip_id_14plus',
    {
      vi: 'Người từ 14 tuổi có thẻ căn cước gắn chíp còn hạn / người từ 14 tuổi đang cư trú',
      en: 'People aged 14 or over with a chip ID card not expired / people aged 14 or over living there',
    },
    (asOf) =>
      sql`p.id_card_kind in (${sql.join(
        CHIP_KINDS.map((k) => sql`${k}`),
        sql`, `,
      )}) and (p.id_card_expires_on is null or p.id_card_expires_on >= ${asOf}::date)`,
  ),
  aged14Source(
    'population.eid_level2_14plus',
    {
      vi: 'Người từ 14 tuổi đã kích hoạt định danh điện tử mức 2 / người từ 14 tuổi đang cư trú',
      en: 'People aged 14 or over with an activated level-2 e-ID / people aged 14 or over living there',
    },
    (asOf) => sql`p.eid_level >= 2 and p.eid_activated_on <= ${asOf}::date`,
  ),
  {
    // "Đúng, đủ, sạch, sống": the people with no finding in the latest quality run as of the period's
    // as-of day (a past period reads the run of its time, not today's).
    key: 'population.quality_clean',
    describe: {
      vi: 'Người không có lỗi nào trong lần kiểm tra chất lượng dữ liệu gần nhất / người được kiểm tra',
      en: 'People with no finding in the latest registry quality run / people checked',
    },
    count: async (db, q) => {
      const run = await latestRun(db, q.asOf);
      if (!run) return [];
      return (await runScores(db, run.id))
        .filter((s) => s.unitCode !== '*')
        .map((s) => ({ unitCode: s.unitCode, numerator: s.persons - s.personsWithFindings, denominator: s.persons }));
    },
    list: { action: 'population.person.read', page: qualityPage },
  },
];
