import { z } from 'zod';
import { IsoDate, UnitCode } from './common';
import { bilingual } from './messages';

/*
 * The plan's targets as data (issue 15 §1): each target is one or more indicators, each indicator a
 * series of dated versions (next year's plan changes thresholds), computed from DVC06's data or
 * reported by units. Values are kept per run as snapshots, so a past report is reproduced exactly.
 */

export const COMPARISONS = ['=', '>', '>=', '<', '<='] as const;
export const Comparison = z.enum(COMPARISONS, {
  error: bilingual('Phép so sánh phải là =, >, >=, < hoặc <=', 'The comparison is one of =, >, >=, <, <='),
});
export type Comparison = z.infer<typeof Comparison>;

export const UNIT_LEVELS = ['province', 'district', 'commune'] as const;
export const UnitLevel = z.enum(UNIT_LEVELS, {
  error: bilingual('Cấp đơn vị là tỉnh, huyện hoặc xã', 'A unit level is province, district or commune'),
});
export type UnitLevel = z.infer<typeof UnitLevel>;

export const PERIOD_TYPES = ['month', 'quarter', 'year'] as const;
export const PeriodType = z.enum(PERIOD_TYPES, {
  error: bilingual('Kỳ là tháng, quý hoặc năm', 'A period is a month, a quarter or a year'),
});
export type PeriodType = z.infer<typeof PeriodType>;

export const IndicatorMethod = z.enum(['computed', 'reported'], {
  error: bilingual('Cách lấy số liệu là "computed" hoặc "reported"', 'The method is "computed" or "reported"'),
});
export type IndicatorMethod = z.infer<typeof IndicatorMethod>;

/**
 * A period code: 2026 (year), 2026-Q3 (quarter), 2026-09 (month). Checked by a refinement, not a
 * JSON Schema `pattern`: Swagger UI draws an example request body from a pattern, and this one
 * (groups with alternatives) stopped it drawing /api/docs at all (e2e/api-docs).
 */
const PERIOD = /^20\d{2}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;
export const PeriodCode = z
  .string()
  .max(7)
  .refine(
    (s) => PERIOD.test(s),
    bilingual(
      'Kỳ có dạng 2026, 2026-Q3 hoặc 2026-09 (năm từ 2000)',
      'A period is written 2026, 2026-Q3 or 2026-09 (a year from 2000)',
    ),
  );

const INDICATOR_CODE = /^[A-Z0-9]{1,8}(\.[A-Z0-9_]{1,40})?$/;
export const IndicatorCode = z
  .string()
  .max(49)
  .refine(
    (s) => INDICATOR_CODE.test(s),
    bilingual('Mã chỉ tiêu viết hoa, dạng T2.EID', 'An indicator code is upper case, like T2.EID'),
  );

/** What an administrator sends to start a new version of an indicator (from `validFrom`). */
export const IndicatorVersionBody = z
  .object({
    code: IndicatorCode,
    /** The plan's target it measures (1–14), or none (a national service-index ratio). */
    target: z
      .number()
      .int()
      .min(1, bilingual('Mục tiêu từ 1 đến 14', 'The target is 1 to 14'))
      .max(14, bilingual('Mục tiêu từ 1 đến 14', 'The target is 1 to 14'))
      .nullable(),
    nameVi: z.string().trim().min(3).max(400),
    nameEn: z.string().trim().min(3).max(400),
    numeratorVi: z.string().trim().min(3).max(400),
    numeratorEn: z.string().trim().min(3).max(400),
    denominatorVi: z.string().trim().min(3).max(400),
    denominatorEn: z.string().trim().min(3).max(400),
    comparison: Comparison,
    /** Percent, 0–100. */
    threshold: z
      .number()
      .min(0, bilingual('Ngưỡng là tỉ lệ từ 0 đến 100%', 'The threshold is a percentage from 0 to 100'))
      .max(100, bilingual('Ngưỡng là tỉ lệ từ 0 đến 100%', 'The threshold is a percentage from 0 to 100'))
      // Stored with 2 decimals: a finer threshold would be rounded without anyone seeing it.
      .refine(
        (v) => Number(v.toFixed(2)) === v,
        bilingual('Ngưỡng có tối đa 2 chữ số thập phân', 'The threshold has at most 2 decimals'),
      ),
    unitLevels: z
      .array(UnitLevel)
      .min(1, bilingual('Chọn ít nhất một cấp đơn vị áp dụng', 'Choose at least one unit level it applies to'))
      .refine((l) => new Set(l).size === l.length, bilingual('Cấp đơn vị bị lặp', 'A unit level is repeated')),
    periodType: PeriodType,
    method: IndicatorMethod,
    /** The key of the source that computes it (method "computed"); null for a reported indicator. */
    source: z
      .string()
      .max(80)
      .refine(
        (v) => /^[a-z_]+\.[a-z0-9_]+$/.test(v),
        bilingual('Nguồn có dạng module.ten_nguon', 'A source is written module.key'),
      )
      .nullable(),
    validFrom: IsoDate,
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.method === 'computed' && !b.source)
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message: bilingual('Chỉ tiêu tính tự động cần nguồn số liệu', 'A computed indicator needs a source'),
      });
    if (b.method === 'reported' && b.unitLevels.includes('district'))
      ctx.addIssue({
        code: 'custom',
        path: ['unitLevels'],
        message: bilingual(
          'Số liệu báo cáo do tỉnh hoặc xã nhập; từ 01/7/2025 không còn cấp huyện',
          'Reported values are entered by the province or communes; there are no districts since 1/7/2025',
        ),
      });
    if (b.method === 'reported' && b.source)
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message: bilingual(
          'Chỉ tiêu do đơn vị báo cáo không có nguồn tự động',
          'A reported indicator has no automatic source',
        ),
      });
  });
export type IndicatorVersionBody = z.infer<typeof IndicatorVersionBody>;

export const Indicator = z.object({
  id: z.string(),
  code: z.string(),
  target: z.number().int().nullable(),
  nameVi: z.string(),
  nameEn: z.string(),
  numeratorVi: z.string(),
  numeratorEn: z.string(),
  denominatorVi: z.string(),
  denominatorEn: z.string(),
  comparison: Comparison,
  threshold: z.number(),
  unitLevels: z.array(UnitLevel),
  periodType: PeriodType,
  method: IndicatorMethod,
  source: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  /** Computed indicators only: whether a module publishes its source today (else "no data"). */
  sourceAvailable: z.boolean(),
  /** Whether the source gives the list behind a commune's figure (drill-down). */
  listAvailable: z.boolean(),
  /** The permission a reader needs in the commune to read that list (null: no list). */
  listAction: z.string().nullable(),
});
export type Indicator = z.infer<typeof Indicator>;

/**
 * A source a module publishes today (GET /api/v1/kpi/sources), for the administrator who picks an
 * indicator's source: its key, what it counts ("numerator / denominator", null where the module
 * says nothing), whether it gives the list behind a commune's figure, and how it places figures on
 * the former structure (null: not below the province).
 */
export const KpiSource = z.object({
  key: z.string(),
  descriptionVi: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  hasList: z.boolean(),
  formerUnits: z.enum(['placed', 'as_recorded']).nullable(),
});
export type KpiSource = z.infer<typeof KpiSource>;

/**
 * Why a value is missing: nothing publishes the source yet, nothing to count, not reported yet, or
 * the source cannot place its figures on the structure asked (a district or former commune after
 * 1/7/2025 from a source that knows only today's units).
 */
export const ValueStatus = z.enum(['ok', 'no_source', 'no_denominator', 'not_reported', 'no_structure']);
export type ValueStatus = z.infer<typeof ValueStatus>;

export const KPI_STRUCTURES = ['current', 'former'] as const;
export const KpiStructure = z.enum(KPI_STRUCTURES, {
  error: bilingual(
    'Cơ cấu đơn vị là "current" (sau sáp nhập 2025) hoặc "former" (trước 1/7/2025)',
    'The unit structure is "current" (after the 2025 merger) or "former" (before 1/7/2025)',
  ),
});
export type KpiStructure = z.infer<typeof KpiStructure>;

export const KpiValue = z.object({
  indicatorCode: z.string(),
  unitCode: z.string(),
  unitLevel: UnitLevel,
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** Percent; null unless status is "ok". */
  value: z.number().nullable(),
  /** Whether the threshold is met; null when there is no value. */
  met: z.boolean().nullable(),
  status: ValueStatus,
});
export type KpiValue = z.infer<typeof KpiValue>;

export const KpiRun = z.object({
  id: z.number().int(),
  period: z.string(),
  periodType: PeriodType,
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  /**
   * The unit structure the figures use: `current`, today's communes (after the 1/7/2025 merger), or
   * `former`, the districts and communes in force on 30/6/2025 (a period before the merger, or
   * today's figures where the former unit is recoverable from the residence history).
   */
  structure: KpiStructure,
  trigger: z.enum(['schedule', 'manual', 'start']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type KpiRun = z.infer<typeof KpiRun>;

export const KpiTable = z.object({
  run: KpiRun.nullable(),
  indicators: z.array(Indicator),
  values: z.array(KpiValue),
});
export type KpiTable = z.infer<typeof KpiTable>;

export const KpiValuesQuery = z
  .object({
    period: PeriodCode,
    unitCode: UnitCode.optional(),
    /** Which unit structure (default today's); a run of that structure is read. */
    structure: KpiStructure.optional(),
    /** A given run of the period (a report reproduced from its snapshot); default the latest. */
    runId: z.coerce.number().int().positive(bilingual('Mã lần tính không hợp lệ', 'Invalid run id')).optional(),
  })
  .strict();

export const KpiRunBody = z.object({ period: PeriodCode, structure: KpiStructure.optional() }).strict();

/** Each indicator's values over the last `count` periods of the period's type, ending with `period`. */
export const KpiTrendQuery = z
  .object({
    period: PeriodCode,
    /** Default the province. */
    unitCode: UnitCode.optional(),
    structure: KpiStructure.optional(),
    count: z.coerce
      .number({ error: bilingual('Số kỳ phải là số', 'The number of periods must be a number') })
      .int(bilingual('Số kỳ là số nguyên', 'The number of periods is a whole number'))
      .min(2, bilingual('Ít nhất 2 kỳ', 'At least 2 periods'))
      .max(24, bilingual('Tối đa 24 kỳ', 'At most 24 periods'))
      .default(6),
  })
  .strict();
export type KpiTrendQuery = z.infer<typeof KpiTrendQuery>;

export const KpiTrend = z.object({
  unitCode: z.string(),
  structure: KpiStructure,
  /** Oldest first; `runId` null where the period was never computed (its points are then null). */
  periods: z.array(z.object({ period: z.string(), runId: z.number().int().nullable(), asOf: z.string().nullable() })),
  series: z.array(
    z.object({
      indicatorCode: z.string(),
      points: z.array(
        z.object({
          period: z.string(),
          value: z.number().nullable(),
          met: z.boolean().nullable(),
          /** null: no run of that period, or the indicator was not in force then. */
          status: ValueStatus.nullable(),
        }),
      ),
    }),
  ),
});
export type KpiTrend = z.infer<typeof KpiTrend>;

/** The list behind a commune's figure (drill-down): the people or dossiers counted, or those missing. */
export const KpiListQuery = z
  .object({
    period: PeriodCode,
    indicator: IndicatorCode,
    unitCode: UnitCode,
    side: z
      .enum(['counted', 'missing'], {
        error: bilingual('Chọn "counted" (đã đạt) hoặc "missing" (chưa đạt)', 'Choose "counted" or "missing"'),
      })
      .default('missing'),
    /** Why the officer opens the list (a code of the access log's purposes). */
    purpose: z
      .string({ error: bilingual('Hãy chọn mục đích xem danh sách', 'Choose the purpose of this access') })
      .regex(/^[a-z_]{2,40}$/, bilingual('Mục đích không hợp lệ', 'Invalid purpose code')),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce
      .number()
      .int()
      .min(1)
      .max(200, bilingual('Tối đa 200 dòng mỗi trang', 'At most 200 rows a page'))
      .default(50),
  })
  .strict();
export type KpiListQuery = z.infer<typeof KpiListQuery>;

export const KpiList = z.object({
  indicatorCode: z.string(),
  unitCode: z.string(),
  side: z.enum(['counted', 'missing']),
  asOf: z.string(),
  columns: z.array(z.object({ key: z.string(), labelVi: z.string(), labelEn: z.string() })),
  // Cells are strings, numbers or null (ListPage); kept open in the schema: Swagger UI stops drawing the
  // whole page at a type list inside additionalProperties (e2e/api-docs).
  items: z.array(z.record(z.string(), z.unknown())),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type KpiList = z.infer<typeof KpiList>;

/*
 * Reported indicators (issue 15 §3): where DVC06 cannot count, a unit enters the value for a period
 * with evidence; the unit submits it, the Standing Agency approves it (then it is locked) or returns
 * it with a comment, as DHIS2's data approval. Every step is kept in the value's history.
 */

export const REPORTED_STATES = ['draft', 'submitted', 'approved', 'returned'] as const;
export const ReportedState = z.enum(REPORTED_STATES);
export type ReportedState = z.infer<typeof ReportedState>;

/**
 * A step of a value's history. `unapproved`: the Standing Agency reopened an approved value with a
 * comment (as DHIS2's "unapprove"); it goes back to `returned`, for the unit to correct and submit again.
 */
export const REPORTED_EVENTS = [
  'entered',
  'changed',
  'evidence',
  'submitted',
  'approved',
  'returned',
  'unapproved',
] as const;
export const ReportedEvent = z.enum(REPORTED_EVENTS);
export type ReportedEvent = z.infer<typeof ReportedEvent>;

const count = (vi: string, en: string) =>
  z
    .number({ error: bilingual(`${vi} phải là số`, `${en} must be a number`) })
    .int(bilingual(`${vi} là số nguyên`, `${en} is a whole number`))
    .min(0, bilingual(`${vi} không âm`, `${en} is not negative`))
    .max(1_000_000_000);

/** A unit's value of a reported indicator for a period (created or changed while a draft or returned). */
export const ReportedValueBody = z
  .object({
    indicator: IndicatorCode,
    period: PeriodCode,
    unitCode: UnitCode,
    numerator: count('Tử số', 'The numerator'),
    denominator: count('Mẫu số', 'The denominator').min(
      1,
      bilingual('Mẫu số phải lớn hơn 0', 'The denominator must be more than 0'),
    ),
    note: z.string().trim().max(1000).optional(),
    /** The version read, when changing an existing value (compare-and-set). */
    version: z.number().int().min(0).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.numerator > b.denominator)
      ctx.addIssue({
        code: 'custom',
        path: ['numerator'],
        message: bilingual(
          'Tử số không được lớn hơn mẫu số (tỉ lệ tối đa 100%)',
          'The numerator cannot exceed the denominator (at most 100 %)',
        ),
      });
  });
export type ReportedValueBody = z.infer<typeof ReportedValueBody>;

/** Submit, approve, return or un-approve: the version read; a comment (required to return or un-approve). */
export const ReportedDecisionBody = z
  .object({
    version: z.number().int().min(0),
    comment: z.string().trim().max(1000).optional(),
  })
  .strict();
export type ReportedDecisionBody = z.infer<typeof ReportedDecisionBody>;

export const ReportedValue = z.object({
  id: z.string(),
  indicatorCode: z.string(),
  period: z.string(),
  unitCode: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  /** Percent. */
  value: z.number(),
  note: z.string().nullable(),
  state: ReportedState,
  evidence: z
    .object({ fileName: z.string(), mediaType: z.string(), size: z.number().int(), sha256: z.string() })
    .nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
  /** The day submission is due (the period's end + the reporting window). */
  dueOn: z.string(),
  overdue: z.boolean(),
  version: z.number().int(),
  history: z.array(
    z.object({
      event: ReportedEvent,
      toState: ReportedState,
      at: z.string(),
      byRole: z.string(),
      numerator: z.number(),
      denominator: z.number(),
      comment: z.string().nullable(),
    }),
  ),
});
export type ReportedValue = z.infer<typeof ReportedValue>;

/** `GET /reported`: the values entered for a period (only those: see `ReportedExpected` for the ones still missing). */
export const ReportedListQuery = z.object({ period: PeriodCode, unitCode: UnitCode.optional() }).strict();

/**
 * Where a unit stands with a reported indicator for a period: `not_entered` (nothing yet), or the
 * state of the value it entered.
 */
export const REPORTED_ROW_STATES = ['not_entered', ...REPORTED_STATES] as const;
export const ReportedRowState = z.enum(REPORTED_ROW_STATES);
export type ReportedRowState = z.infer<typeof ReportedRowState>;

/** `GET /reported/expected`: a period, and optionally one unit of the session's scope. */
export const ReportedExpectedQuery = z.object({ period: PeriodCode, unitCode: UnitCode.optional() }).strict();
export type ReportedExpectedQuery = z.infer<typeof ReportedExpectedQuery>;

/** One reported indicator × one unit for the period: the value if entered, its state and deadline. */
export const ReportedExpectedRow = z.object({
  indicatorCode: z.string(),
  unitCode: z.string(),
  /** The unit's name today ("Xã Mường Tè"). */
  unitName: z.string(),
  unitLevel: UnitLevel,
  /**
   * The unit must report it: a unit of the indicator's lowest level (the communes of T5.OFFICERS).
   * False for a higher unit's own value (the province's), which is optional: without it the
   * province's figure is the communes' sum. Such a row is listed only once entered.
   */
  required: z.boolean(),
  state: ReportedRowState,
  dueOn: z.string(),
  /** Not submitted (not entered, a draft or returned) after `dueOn`. */
  overdue: z.boolean(),
  /** The value entered, with its evidence and history; null while `not_entered`. */
  value: ReportedValue.nullable(),
  /** What the session may do now (the server checks again): the buttons a page shows. */
  may: z.object({
    /** Enter or change the figures and attach evidence (not entered, a draft, or returned). */
    enter: z.boolean(),
    /** Send a draft or returned value for approval. */
    submit: z.boolean(),
    /** Approve or return a submitted value: not whoever entered, changed or submitted it. */
    decide: z.boolean(),
    /** Reopen an approved value (back to returned, with a comment). */
    unapprove: z.boolean(),
  }),
});
export type ReportedExpectedRow = z.infer<typeof ReportedExpectedRow>;

/**
 * Every reported indicator in force in the period × every unit that must report it within the
 * session's scope (read, submit or approve there), entered or not — so a commune that never entered
 * its value shows, flagged overdue after the due day — plus the optional values higher units entered.
 * By indicator, then unit code.
 */
export const ReportedExpected = z.object({
  period: z.string(),
  /** The day the period's values are due (its last day + the reporting window). */
  dueOn: z.string(),
  /** The reported indicators in force on the period's as-of day, of the period's type. */
  indicators: z.array(
    Indicator.pick({
      code: true,
      target: true,
      nameVi: true,
      nameEn: true,
      numeratorVi: true,
      numeratorEn: true,
      denominatorVi: true,
      denominatorEn: true,
      comparison: true,
      threshold: true,
      unitLevels: true,
      periodType: true,
    }),
  ),
  rows: z.array(ReportedExpectedRow),
});
export type ReportedExpected = z.infer<typeof ReportedExpected>;
