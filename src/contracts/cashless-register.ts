import { z } from 'zod';
import { bilingual } from './messages';
import { PageQuery, UnitCode, pageOf } from './common';

/**
 * HTTP shapes of /api/v1/cashless — cashless payment in schools and health facilities (target 7
 * of the plan: "100% of schools and health facilities in the wards use cashless payment"). A
 * register of facilities, a monthly import of each facility's cashless vs cash transactions, and
 * the statistics. Shared by the server (modules/cashless) and the web app (features/cashless).
 * This file: facility kinds and types, months, limits and the register; figures, imports and
 * statistics are in cashless.ts, which re-exports this file.
 */

/** The two kinds the target speaks of: cơ sở giáo dục (school) and cơ sở y tế (health facility). */
export const FACILITY_KINDS = ['school', 'health_facility'] as const;
export const FacilityKind = z.enum(FACILITY_KINDS, {
  error: bilingual(
    'Loại cơ sở phải là school (trường học) hoặc health_facility (cơ sở y tế)',
    'kind must be school or health_facility',
  ),
});
export type FacilityKind = z.infer<typeof FacilityKind>;

/** A month as YYYY-MM (01–12). */
export const YearMonth = z
  .string({ error: bilingual('Tháng phải có dạng YYYY-MM', 'A month is written YYYY-MM') })
  .regex(
    /^\d{4}-(0[1-9]|1[0-2])$/,
    bilingual('Tháng phải có dạng YYYY-MM (ví dụ 2026-10)', 'A month is written YYYY-MM (e.g. 2026-10)'),
  );
export type YearMonth = z.infer<typeof YearMonth>;

/** The month of a YYYY-MM-DD date. */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

/** The months from `from` to `to`, both included (empty when `to` is before `from`). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (y * 12 + m <= end) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** The month `n` months after (negative: before) `month`. */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Longest period of one statistics request, in months. */
export const STATS_MAX_MONTHS = 60;
/** Largest import file accepted (CSV or XLSX), in bytes. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
/** Most data rows in one import file. */
export const IMPORT_MAX_ROWS = 20_000;
/** Most row problems listed in one refusal (the total is always given). */
export const IMPORT_MAX_PROBLEMS = 200;

/** A facility code: letters, digits, '.', '_' or '-', starting with a letter or digit; stored upper-case. */
export const FacilityCode = z
  .string({ error: bilingual('Nhập mã cơ sở', 'Enter the facility code') })
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/,
    bilingual(
      'Mã cơ sở gồm 1–40 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới',
      'A facility code has 1–40 letters (no diacritics), digits, dots, hyphens or underscores',
    ),
  )
  .transform((s) => s.toUpperCase());

/** Control characters (tabs and line breaks included): never in a name. */
const CONTROL = /\p{Cc}/u;

const FacilityName = z
  .string({ error: bilingual('Nhập tên cơ sở', 'Enter the facility name') })
  .trim()
  .min(3, bilingual('Tên cơ sở tối thiểu 3 ký tự', 'The name has at least 3 characters'))
  .max(200, bilingual('Tên cơ sở tối đa 200 ký tự', 'The name has at most 200 characters'))
  .refine(
    (s) => !CONTROL.test(s),
    bilingual('Tên cơ sở chứa ký tự điều khiển', 'The name contains a control character'),
  )
  .transform((s) => s.normalize('NFC'));

/** A sub-kind code (kindergarten, commune_health_station …): lower-case letters, digits and '_'. */
export const FacilityTypeCode = z
  .string({ error: bilingual('Chọn loại hình cơ sở', 'Choose the facility type') })
  .regex(
    /^[a-z][a-z0-9_]{1,39}$/,
    bilingual(
      'Mã loại hình gồm 2–40 chữ thường không dấu, chữ số hoặc gạch dưới',
      'A type code has 2–40 lower-case letters, digits or underscores',
    ),
  );

/** A sub-kind of facility (trường mầm non, trạm y tế xã …), kept as data in cashless.facility_types. */
export const FacilityType = z.object({
  code: z.string(),
  kind: FacilityKind,
  nameVi: z.string(),
  nameEn: z.string(),
  position: z.number().int(),
  active: z.boolean(),
});
export type FacilityType = z.infer<typeof FacilityType>;

const TypeName = (vi: string, en: string) =>
  z
    .string({ error: bilingual(`Nhập ${vi}`, `Enter the ${en}`) })
    .trim()
    .min(2, bilingual(`Nhập ${vi}`, `Enter the ${en}`))
    .max(120, bilingual(`${vi} tối đa 120 ký tự`, `The ${en} has at most 120 characters`))
    .refine((s) => !CONTROL.test(s), bilingual(`${vi} chứa ký tự điều khiển`, `The ${en} contains a control character`))
    .transform((s) => s.normalize('NFC'));

/** Body of POST /cashless/facility-types. */
export const FacilityTypeInput = z
  .object({
    code: FacilityTypeCode,
    kind: FacilityKind,
    nameVi: TypeName('tên tiếng Việt', 'Vietnamese name'),
    nameEn: TypeName('tên tiếng Anh', 'English name'),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .strict();
export type FacilityTypeInput = z.infer<typeof FacilityTypeInput>;

/** Body of PATCH /cashless/facility-types/:code (the kind of a type never changes). */
export const FacilityTypeChange = z
  .object({
    nameVi: TypeName('tên tiếng Việt', 'Vietnamese name').optional(),
    nameEn: TypeName('tên tiếng Anh', 'English name').optional(),
    position: z.number().int().min(0).max(1000).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type FacilityTypeChange = z.infer<typeof FacilityTypeChange>;

export const FacilityTypeParams = z.object({ code: FacilityTypeCode });

/** A facility of the register, as the API shows it. */
export const Facility = z.object({
  id: z.string(),
  code: z.string(),
  kind: FacilityKind,
  typeCode: z.string(),
  typeNameVi: z.string(),
  typeNameEn: z.string(),
  name: z.string(),
  communeCode: z.string(),
  /** Full name of the commune today ("Phường Đoàn Kết"); null when the code is no longer a current commune. */
  communeName: z.string().nullable(),
  /** The commune is a ward (phường) in today's structure: the facilities target 7 counts. */
  inWard: z.boolean(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Facility = z.infer<typeof Facility>;

/** Body of POST /cashless/facilities: the kind follows from the type. */
export const FacilityInput = z
  .object({
    code: FacilityCode,
    typeCode: FacilityTypeCode,
    name: FacilityName,
    communeCode: UnitCode,
    active: z.boolean().optional(),
  })
  .strict();
export type FacilityInput = z.infer<typeof FacilityInput>;

/** Body of PATCH /cashless/facilities/:id: the fields to change. */
export const FacilityChange = FacilityInput.partial().strict();
export type FacilityChange = z.infer<typeof FacilityChange>;

export const FacilityParams = z.object({ id: z.uuid(bilingual('Mã cơ sở không hợp lệ', 'Invalid facility id')) });

const BoolQuery = z
  .enum(['true', 'false'], { error: bilingual('Giá trị phải là true hoặc false', 'The value must be true or false') })
  .transform((v) => v === 'true');

/** Query of GET /cashless/facilities. */
export const FacilityListQuery = PageQuery.extend({
  kind: FacilityKind.optional(),
  typeCode: FacilityTypeCode.optional(),
  communeCode: UnitCode.optional(),
  active: BoolQuery.optional(),
  inWard: BoolQuery.optional(),
  q: z
    .string()
    .trim()
    .max(100, bilingual('Từ khoá tối đa 100 ký tự', 'The search text has at most 100 characters'))
    .optional(),
});
export type FacilityListQuery = z.infer<typeof FacilityListQuery>;
export const FacilityPage = pageOf(Facility);
export type FacilityPage = z.infer<typeof FacilityPage>;
