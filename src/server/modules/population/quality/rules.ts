import { sql, type SQL } from 'drizzle-orm';

/** The four classes of Project 06's "đúng, đủ, sạch, sống" (correct, complete, clean, live). */
export type QualityClass = 'correct' | 'complete' | 'clean' | 'live';

/** What a rule's SQL may use: the run's date, the rule's parameters, and known ID province codes. */
export interface RuleContext {
  asOf: string;
  params: Record<string, unknown>;
  idProvinceCodes: readonly string[];
  /**
   * The persons a targeted run checks (the same ones `where` selects), for rules that compare a
   * person with others: they restrict the comparison to what can match those persons instead of
   * aggregating the whole registry.
   */
  personIds?: readonly string[];
}

/**
 * A data-quality rule. Severity, parameters and the on/off switch are data (table
 * population.quality_rules, seeded from `defaults` and editable); the check itself is
 * a set-based SQL query over `population.persons p` that returns (person_id, details).
 * `where` is appended by the engine to restrict a run (one person, one commune).
 */
export interface QualityRule {
  code: string;
  class: QualityClass;
  severity: 'error' | 'warning';
  titleVi: string;
  titleEn: string;
  defaults: Record<string, unknown>;
  query(ctx: RuleContext, where: SQL): SQL;
}

/** A literal text[] of known province codes (digits only, so safe to inline). */
const provinceCodeArray = (codes: readonly string[]) =>
  sql.raw(`array[${codes.map((c) => `'${c.replace(/\D/g, '')}'`).join(',') || "''"}]::text[]`);

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** Open permanent residence exists for p. */
const hasOpenPermanent = sql`exists (select 1 from population.residences r where r.person_id = p.id and r.kind = 'permanent' and r.valid_to is null)`;

/** Expected 4th digit of the ID number: 2 × (century − 19) + 1 for women (DOMAIN.md §2). */
const expectedCenturyDigit = sql`(2 * (p.birth_year / 100 - 19) + case when p.sex = 'female' then 1 else 0 end)`;

export const QUALITY_RULES: readonly QualityRule[] = [
  {
    code: 'CORRECT.ID_INCONSISTENT',
    class: 'correct',
    severity: 'error',
    titleVi: 'Số định danh không khớp ngày sinh, giới tính hoặc nơi đăng ký khai sinh',
    titleEn: 'ID number inconsistent with birth year, sex or birth-registration province',
    defaults: {},
    query: (ctx, where) => sql`
      select p.id as person_id, jsonb_build_object('reason',
        case when p.national_id !~ '^[0-9]{12}$' then 'format'
             when not (substr(p.national_id, 1, 3) = any(${provinceCodeArray(ctx.idProvinceCodes)})) then 'province'
             when p.birth_year < 1900 or p.birth_year > 2399 then 'century'
             when substr(p.national_id, 4, 1) <> ${expectedCenturyDigit}::text then 'century_sex'
             else 'year' end) as details
      from population.persons p
      where p.national_id is not null and (
        p.national_id !~ '^[0-9]{12}$'
        or not (substr(p.national_id, 1, 3) = any(${provinceCodeArray(ctx.idProvinceCodes)}))
        or p.birth_year < 1900 or p.birth_year > 2399
        or substr(p.national_id, 4, 1) <> ${expectedCenturyDigit}::text
        or substr(p.national_id, 5, 2) <> lpad((p.birth_year % 100)::text, 2, '0')
      ) ${where}`,
  },
  {
    code: 'CORRECT.INVALID_CODE',
    class: 'correct',
    severity: 'error',
    titleVi: 'Mã dân tộc hoặc tôn giáo không thuộc danh mục',
    titleEn: 'Ethnicity or religion code not in the official list',
    defaults: {},
    query: (_ctx, where) => sql`
      select p.id as person_id, jsonb_build_object('ethnicity', p.ethnicity_code, 'religion', p.religion_code) as details
      from population.persons p
      where ((p.ethnicity_code is not null and p.ethnicity_code !~ '^(0[1-9]|[1-4][0-9]|5[0-4])$')
          or (p.religion_code is not null and p.religion_code !~ '^(0[0-9]|1[0-4])$')) ${where}`,
  },
  {
    code: 'CORRECT.IMPLAUSIBLE_DATE',
    class: 'correct',
    severity: 'error',
    titleVi: 'Ngày tháng vô lý (sinh sau ngày hiện tại, cấp thẻ trước khi sinh, chết trước khi sinh)',
    titleEn: 'Implausible dates (born in the future, card issued before birth, death before birth)',
    defaults: {},
    query: (ctx, where) => sql`
      select p.id as person_id, null::jsonb as details from population.persons p
      where (p.birth_date > ${ctx.asOf}::date or make_date(p.birth_year, 1, 1) > ${ctx.asOf}::date
          or p.death_date < coalesce(p.birth_date, make_date(p.birth_year, 1, 1))
          or p.id_card_issued_on < coalesce(p.birth_date, make_date(p.birth_year, 1, 1))
          or p.id_card_issued_on > ${ctx.asOf}::date
          or p.eid_activated_on > ${ctx.asOf}::date) ${where}`,
  },
  {
    code: 'COMPLETE.MISSING_ID_CARD',
    class: 'complete',
    severity: 'error',
    titleVi: 'Đủ 14 tuổi nhưng chưa có thẻ căn cước',
    titleEn: 'Aged 14 or over without an identity card',
    defaults: { minAge: 14 },
    query: (ctx, where) => sql`
      select p.id as person_id, null::jsonb as details from population.persons p
      where p.status = 'alive' and p.id_card_number is null
        and coalesce(p.birth_date, make_date(p.birth_year, 1, 1)) <= (${ctx.asOf}::date - make_interval(years => ${num(ctx.params.minAge, 14)}))
        and p.birth_year >= 1900 ${where}`,
  },
  {
    code: 'COMPLETE.MISSING_PERMANENT_RESIDENCE',
    class: 'complete',
    severity: 'warning',
    titleVi: 'Người còn sống chưa có nơi thường trú',
    titleEn: 'Living person without a permanent residence',
    defaults: {},
    query: (_ctx, where) => sql`
      select p.id as person_id, null::jsonb as details from population.persons p
      where p.status = 'alive' and not ${hasOpenPermanent} ${where}`,
  },
  {
    code: 'COMPLETE.MISSING_CORE_FIELD',
    class: 'complete',
    severity: 'warning',
    titleVi: 'Thiếu dân tộc, quốc tịch hoặc nơi đăng ký khai sinh',
    titleEn: 'Missing ethnicity, nationality or birth-registration place',
    defaults: {},
    query: (_ctx, where) => sql`
      select p.id as person_id, jsonb_build_object('missing', array_remove(array[
        case when p.ethnicity_code is null then 'ethnicity' end,
        case when p.birth_place_province_code is null then 'birthPlace' end], null)) as details
      from population.persons p
      where (p.ethnicity_code is null or p.birth_place_province_code is null) ${where}`,
  },
  {
    code: 'CLEAN.DUPLICATE_PERSON',
    class: 'clean',
    severity: 'error',
    titleVi: 'Nghi trùng: cùng họ tên, ngày sinh, giới tính với bản ghi khác',
    titleEn: 'Suspected duplicate: same name, birth date and sex as another record',
    defaults: {},
    query: (ctx, where) => sql`
      select p.id as person_id, jsonb_build_object('groupSize', d.n) as details
      from population.persons p
      join (select name_key, birth_date, sex, count(*) as n from population.persons
            where birth_date is not null ${
              ctx.personIds
                ? sql`and (name_key, birth_date, sex) in (select t.name_key, t.birth_date, t.sex from population.persons t
                    where t.id in (${sql.join(
                      ctx.personIds.map((id) => sql`${id}::uuid`),
                      sql`, `,
                    )}))`
                : sql``
            }
            group by name_key, birth_date, sex having count(*) > 1) d
        on d.name_key = p.name_key and d.birth_date = p.birth_date and d.sex = p.sex
      where true ${where}`,
  },
  {
    code: 'CLEAN.HOUSEHOLD_CONFLICT',
    class: 'clean',
    severity: 'error',
    titleVi: 'Hộ có nhiều hơn một chủ hộ',
    titleEn: 'Household with more than one head',
    defaults: {},
    query: (ctx, where) => sql`
      select p.id as person_id, jsonb_build_object('heads', h.n) as details
      from population.persons p
      join (select household_id, count(*) as n from population.persons
            where relation_to_head = 'head' and household_id is not null ${
              ctx.personIds
                ? sql`and household_id in (select t.household_id from population.persons t where t.id in (${sql.join(
                    ctx.personIds.map((id) => sql`${id}::uuid`),
                    sql`, `,
                  )}))`
                : sql``
            }
            group by household_id having count(*) > 1) h
        on h.household_id = p.household_id
      where p.relation_to_head = 'head' ${where}`,
  },
  {
    code: 'CLEAN.TEXT_NOT_NORMALIZED',
    class: 'clean',
    severity: 'warning',
    titleVi: 'Họ tên chưa chuẩn hoá (khoảng trắng thừa, Unicode tổ hợp, ký tự Ð sai)',
    titleEn: 'Name not normalised (extra spaces, decomposed Unicode, wrong Ð character)',
    defaults: {},
    query: (_ctx, where) => sql`
      select p.id as person_id, null::jsonb as details from population.persons p
      where (p.full_name <> normalize(p.full_name, NFC) or p.full_name ~ '[[:space:]]{2}' or p.full_name ~ '^[[:space:]]|[[:space:]]$'
          or strpos(p.full_name, chr(208)) > 0 or strpos(p.full_name, chr(240)) > 0) ${where}`,
  },
  {
    code: 'LIVE.NOT_VERIFIED',
    class: 'live',
    severity: 'warning',
    titleVi: 'Lâu chưa được xác minh, cập nhật',
    titleEn: 'Not verified for a long time',
    defaults: { months: 24 },
    query: (ctx, where) => sql`
      select p.id as person_id, jsonb_build_object('lastVerifiedAt', p.last_verified_at::date) as details
      from population.persons p
      where p.status = 'alive' and (p.last_verified_at is null
        or p.last_verified_at < (${ctx.asOf}::date - make_interval(months => ${num(ctx.params.months, 24)}))) ${where}`,
  },
  {
    code: 'LIVE.DECEASED_STILL_RESIDENT',
    class: 'live',
    severity: 'error',
    titleVi: 'Đã mất nhưng chưa xoá đăng ký thường trú',
    titleEn: 'Deceased but permanent residence not deleted',
    defaults: {},
    query: (_ctx, where) => sql`
      select p.id as person_id, jsonb_build_object('deathDate', p.death_date) as details from population.persons p
      where p.status = 'deceased' and ${hasOpenPermanent} ${where}`,
  },
  {
    // A head who moved out (a permanent residence registered elsewhere) or died leaves the others
    // without one until the household's head is changed (1.010039): the police have to act.
    code: 'LIVE.HOUSEHOLD_WITHOUT_HEAD',
    class: 'live',
    severity: 'error',
    titleVi: 'Hộ không còn chủ hộ (chủ hộ đã chuyển đi hoặc đã mất): cần điều chỉnh chủ hộ',
    titleEn: 'Household without a head (the head moved away or died): the head must be changed',
    defaults: {},
    query: (_ctx, where) => sql`
      select p.id as person_id, jsonb_build_object('householdId', p.household_id) as details from population.persons p
      where p.status = 'alive' and p.household_id is not null
        and not exists (select 1 from population.persons q where q.household_id = p.household_id
                        and q.relation_to_head = 'head' and q.status = 'alive') ${where}`,
  },
  {
    code: 'LIVE.IMPOSSIBLE_AGE',
    class: 'live',
    severity: 'error',
    titleVi: 'Tuổi không thể có ở người còn sống',
    titleEn: 'Impossible age for a living person',
    defaults: { maxAge: 120 },
    query: (ctx, where) => sql`
      select p.id as person_id, jsonb_build_object('birthYear', p.birth_year) as details from population.persons p
      where p.status = 'alive' and extract(year from ${ctx.asOf}::date) - p.birth_year > ${num(ctx.params.maxAge, 120)} ${where}`,
  },
];

/** Looks a rule up by code. */
export function findRule(code: string): QualityRule | undefined {
  return QUALITY_RULES.find((r) => r.code === code);
}
