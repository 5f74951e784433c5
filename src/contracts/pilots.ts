import { z } from 'zod';
import { bilingual } from './messages';
import { IsoDate, PageQuery, UnitCode, pageOf } from './common';
import { AGENCY_CODE_FORM } from './agency-codes';

/**
 * HTTP shapes of /api/v1/pilots — the pilot models (mô hình điểm) agencies register under the
 * province's plan (target 14: "100% of agencies and localities effectively implement the pilot
 * models they registered", official letter 1074/UBND-KSTT of 27/3/2023). Shared by the server
 * (modules/pilots) and the web app (features/pilots).
 */

/** The lifecycle of a pilot model, in order (server/modules/pilots/lifecycle.ts holds the rules). */
export const PILOT_STATES = ['registered', 'planned', 'in_progress', 'completed', 'evaluated'] as const;
export const PilotState = z.enum(PILOT_STATES, {
  error: bilingual(
    'Trạng thái phải là registered, planned, in_progress, completed hoặc evaluated',
    'The state must be registered, planned, in_progress, completed or evaluated',
  ),
});
export type PilotState = z.infer<typeof PilotState>;

/** The sectors the plan names (§III): who runs the model. */
export const PILOT_SECTORS = [
  'police',
  'health',
  'education',
  'labour_social',
  'tax',
  'justice',
  'people_committee',
  'other',
] as const;
export const PilotSector = z.enum(PILOT_SECTORS, {
  error: bilingual(
    'Ngành phải là police, health, education, labour_social, tax, justice, people_committee hoặc other',
    'The sector must be police, health, education, labour_social, tax, justice, people_committee or other',
  ),
});
export type PilotSector = z.infer<typeof PilotSector>;

/** The Standing Agency's rating of a pilot model. */
export const PILOT_RATINGS = ['excellent', 'good', 'fair', 'poor'] as const;
export const PilotRating = z.enum(PILOT_RATINGS, {
  error: bilingual(
    'Xếp loại phải là excellent, good, fair hoặc poor',
    'The rating must be excellent, good, fair or poor',
  ),
});
export type PilotRating = z.infer<typeof PilotRating>;

/** The plan's targets are numbered 1–14 (PLAN §II). */
export const PLAN_TARGET_COUNT = 14;

/** Files accepted for plans and report attachments (read from the bytes, not the name). */
export const PILOT_FILE_MEDIA_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
/** Largest plan or attachment, in bytes. */
export const PILOT_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** Attachments of one progress report. */
export const PILOT_REPORT_MAX_FILES = 5;

const CONTROL = /\p{Cc}/u;
// eslint-disable-next-line no-control-regex -- the control characters are what it finds
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** A one-line text of `min`–`max` characters (trimmed, NFC, no control characters). */
function line(vi: string, en: string, min: number, max: number) {
  return z
    .string({ error: bilingual(`Nhập ${vi}`, `Enter the ${en}`) })
    .trim()
    .min(min, bilingual(`Nhập ${vi} (ít nhất ${min} ký tự)`, `Enter the ${en} (at least ${min} characters)`))
    .max(max, bilingual(`${vi} tối đa ${max} ký tự`, `The ${en} has at most ${max} characters`))
    .refine((s) => !CONTROL.test(s), bilingual(`${vi} chứa ký tự điều khiển`, `The ${en} contains a control character`))
    .transform((s) => s.normalize('NFC'));
}

/** A text of several lines. */
function paragraph(vi: string, en: string, min: number, max: number) {
  return z
    .string({ error: bilingual(`Nhập ${vi}`, `Enter the ${en}`) })
    .trim()
    .min(min, bilingual(`Nhập ${vi} (ít nhất ${min} ký tự)`, `Enter the ${en} (at least ${min} characters)`))
    .max(max, bilingual(`${vi} tối đa ${max} ký tự`, `The ${en} has at most ${max} characters`))
    .refine(
      (s) => !CONTROL_EXCEPT_LINES.test(s),
      bilingual(`${vi} chứa ký tự điều khiển`, `The ${en} contains a control character`),
    )
    .transform((s) => s.normalize('NFC'));
}

/** A target number of the plan, 1–14. */
export const PlanTarget = z
  .number({ error: bilingual('Mục tiêu là một số từ 1 đến 14', 'A target is a number from 1 to 14') })
  .int(bilingual('Mục tiêu là một số nguyên từ 1 đến 14', 'A target is a whole number from 1 to 14'))
  .min(1, bilingual('Mục tiêu là một số từ 1 đến 14', 'A target is a number from 1 to 14'))
  .max(PLAN_TARGET_COUNT, bilingual('Kế hoạch chỉ có 14 mục tiêu (1–14)', 'The plan has 14 targets (1–14)'));

/** The number of an official letter: "1074/UBND-KSTT". */
export const LetterNumber = z
  .string({ error: bilingual('Nhập số văn bản đăng ký', 'Enter the number of the registration letter') })
  .trim()
  .regex(
    /^\d{1,6}\/[\p{L}\d]+(?:[-.][\p{L}\d]+)*$/u,
    bilingual(
      'Số văn bản có dạng số/ký hiệu, ví dụ 1074/UBND-KSTT',
      'A letter number is written number/symbol, e.g. 1074/UBND-KSTT',
    ),
  )
  .max(60, bilingual('Số văn bản tối đa 60 ký tự', 'A letter number has at most 60 characters'))
  .transform((s) => s.normalize('NFC'));

/** Body of POST /pilots/models: registering a pilot model. */
export const PilotModelInput = z
  .object({
    /** The registering agency's unit (the province for a department, or a commune): the unit its staff work in. */
    unitCode: UnitCode,
    agencyName: line('tên cơ quan, đơn vị đăng ký', 'registering agency’s name', 3, 200),
    /** The agency's identification code (QCVN 102:2016), when known. */
    agencyCode: z
      .string()
      .regex(
        AGENCY_CODE_FORM,
        bilingual(
          'Mã định danh cơ quan có dạng 000.00.00.H38 (QCVN 102:2016)',
          'An agency code is written 000.00.00.H38 (QCVN 102:2016)',
        ),
      )
      .optional(),
    sector: PilotSector,
    title: line('tên mô hình', 'model’s title', 5, 300),
    description: paragraph('mô tả', 'description', 10, 5000),
    targets: z
      .array(PlanTarget, {
        error: bilingual('Chọn các mục tiêu mô hình phục vụ', 'Choose the targets the model serves'),
      })
      .min(1, bilingual('Chọn ít nhất một mục tiêu', 'Choose at least one target'))
      .max(PLAN_TARGET_COUNT)
      .refine(
        (a) => new Set(a).size === a.length,
        bilingual('Mỗi mục tiêu chỉ chọn một lần', 'Each target is chosen once'),
      ),
    letterNumber: LetterNumber,
    letterDate: IsoDate,
  })
  .strict();
export type PilotModelInput = z.infer<typeof PilotModelInput>;

/** Body of POST /pilots/models/:id/milestones. */
export const MilestoneInput = z
  .object({ title: line('tên mốc', 'milestone’s title', 3, 300), dueOn: IsoDate })
  .strict();
export type MilestoneInput = z.infer<typeof MilestoneInput>;

/** Body of PATCH /pilots/models/:id/milestones/:milestoneId: the day it was done (null: not done after all). */
export const MilestoneDone = z.object({ doneOn: IsoDate.nullable() }).strict();
export type MilestoneDone = z.infer<typeof MilestoneDone>;

/** A reporting period: a month (2026-09), a quarter (2026-Q3), a half year (2026-H1) or a year (2026). */
export const ReportPeriod = z
  .string({ error: bilingual('Nhập kỳ báo cáo', 'Enter the reporting period') })
  .trim()
  .regex(
    /^(20\d{2})(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$/,
    bilingual(
      'Kỳ báo cáo có dạng 2026-09 (tháng), 2026-Q3 (quý), 2026-H1 (6 tháng) hoặc 2026 (năm)',
      'A period is written 2026-09 (month), 2026-Q3 (quarter), 2026-H1 (half year) or 2026 (year)',
    ),
  );

/** An indicator value a report gives: a label and a number. */
export const IndicatorValue = z
  .object({
    label: line('tên chỉ số', 'indicator’s label', 2, 200),
    value: z
      .number({ error: bilingual('Giá trị chỉ số là một số', 'An indicator value is a number') })
      .finite(bilingual('Giá trị chỉ số là một số', 'An indicator value is a number'))
      .min(-1e12)
      .max(1e12),
  })
  .strict();
export type IndicatorValue = z.infer<typeof IndicatorValue>;

/** The JSON part `report` of POST /pilots/models/:id/reports (files in parts named `file`). */
export const ProgressReportInput = z
  .object({
    period: ReportPeriod,
    text: paragraph('nội dung báo cáo', 'report’s text', 10, 10000),
    indicators: z.array(IndicatorValue).max(20, bilingual('Tối đa 20 chỉ số', 'At most 20 indicators')).default([]),
  })
  .strict();
export type ProgressReportInput = z.input<typeof ProgressReportInput>;

/** Body of POST /pilots/models/:id/transitions. */
export const TransitionInput = z
  .object({
    to: PilotState,
    note: line('ghi chú', 'note', 1, 1000).optional(),
  })
  .strict();
export type TransitionInput = z.infer<typeof TransitionInput>;

/** Body of POST /pilots/models/:id/evaluation: the Standing Agency's evaluation. */
export const EvaluationInput = z
  .object({
    text: paragraph('nội dung đánh giá', 'evaluation', 10, 10000),
    rating: PilotRating,
    proposeCommendation: z.boolean({
      error: bilingual('Chọn có hoặc không đề xuất khen thưởng', 'Say whether a commendation is proposed'),
    }),
    commendationReason: paragraph('lý do đề xuất khen thưởng', 'reason for the commendation', 10, 2000).optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.proposeCommendation && !e.commendationReason)
      ctx.addIssue({
        code: 'custom',
        path: ['commendationReason'],
        message: bilingual('Nêu lý do đề xuất khen thưởng', 'Give the reason for proposing a commendation'),
      });
    if (!e.proposeCommendation && e.commendationReason)
      ctx.addIssue({
        code: 'custom',
        path: ['commendationReason'],
        message: bilingual(
          'Chỉ nêu lý do khi có đề xuất khen thưởng',
          'A reason is given only when a commendation is proposed',
        ),
      });
  });
export type EvaluationInput = z.infer<typeof EvaluationInput>;

/** Body of POST /pilots/plan-due-dates: from `effectiveFrom`, plans are due by `dueOn`. */
export const PlanDueDateInput = z
  .object({
    dueOn: IsoDate,
    effectiveFrom: IsoDate,
    note: line('căn cứ, ghi chú', 'basis or note', 3, 500),
  })
  .strict();
export type PlanDueDateInput = z.infer<typeof PlanDueDateInput>;

export const PlanDueDate = z.object({
  id: z.string(),
  dueOn: z.string(),
  effectiveFrom: z.string(),
  note: z.string(),
  setAt: z.string(),
  setByName: z.string().nullable(),
  /** The row in force today. */
  inForce: z.boolean(),
});
export type PlanDueDate = z.infer<typeof PlanDueDate>;

export const PilotFile = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
  uploadedByName: z.string().nullable(),
});
export type PilotFile = z.infer<typeof PilotFile>;

export const Milestone = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type Milestone = z.infer<typeof Milestone>;

export const ProgressReport = z.object({
  id: z.string(),
  period: z.string(),
  text: z.string(),
  indicators: z.array(z.object({ label: z.string(), value: z.number() })),
  files: z.array(PilotFile),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type ProgressReport = z.infer<typeof ProgressReport>;

export const Transition = z.object({
  fromState: PilotState.nullable(),
  toState: PilotState,
  at: z.string(),
  byName: z.string().nullable(),
  note: z.string().nullable(),
});
export type Transition = z.infer<typeof Transition>;

export const Evaluation = z.object({
  text: z.string(),
  rating: PilotRating,
  proposeCommendation: z.boolean(),
  commendationReason: z.string().nullable(),
  evaluatedAt: z.string(),
  evaluatedByName: z.string().nullable(),
});
export type Evaluation = z.infer<typeof Evaluation>;

/** A pilot model in a list. */
export const PilotModelSummary = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string().nullable(),
  agencyName: z.string(),
  agencyCode: z.string().nullable(),
  sector: PilotSector,
  title: z.string(),
  targets: z.array(z.number().int()),
  letterNumber: z.string(),
  letterDate: z.string(),
  state: PilotState,
  /** The date plans are due by (the setting in force today). */
  planDueOn: z.string().nullable(),
  planUploaded: z.boolean(),
  /** No plan yet and the due date has passed. */
  planOverdue: z.boolean(),
  milestonesOverdue: z.number().int(),
  registeredAt: z.string(),
});
export type PilotModelSummary = z.infer<typeof PilotModelSummary>;

/** A pilot model with everything recorded about it. */
export const PilotModel = PilotModelSummary.extend({
  description: z.string(),
  plans: z.array(PilotFile),
  milestones: z.array(Milestone),
  reports: z.array(ProgressReport),
  transitions: z.array(Transition),
  evaluation: Evaluation.nullable(),
  /** What the caller may do with it now (the server checks again). */
  may: z.object({ manage: z.boolean(), evaluate: z.boolean() }),
  /** States the caller may move it to with POST …/transitions. */
  nextStates: z.array(PilotState),
});
export type PilotModel = z.infer<typeof PilotModel>;

export const PilotModelPage = pageOf(PilotModelSummary);
export type PilotModelPage = z.infer<typeof PilotModelPage>;

export const PilotListQuery = PageQuery.extend({
  state: PilotState.optional(),
  unitCode: UnitCode.optional(),
  target: z.coerce
    .number({ error: bilingual('Mục tiêu là một số từ 1 đến 14', 'A target is a number from 1 to 14') })
    .int()
    .min(1, bilingual('Mục tiêu là một số từ 1 đến 14', 'A target is a number from 1 to 14'))
    .max(PLAN_TARGET_COUNT, bilingual('Kế hoạch chỉ có 14 mục tiêu (1–14)', 'The plan has 14 targets (1–14)'))
    .optional(),
  overdue: z
    .enum(['true', 'false'], { error: bilingual('Giá trị phải là true hoặc false', 'The value must be true or false') })
    .transform((v) => v === 'true')
    .optional(),
});
export type PilotListQuery = z.infer<typeof PilotListQuery>;

export const PilotModelParams = z.object({
  id: z.uuid(bilingual('Mã mô hình không hợp lệ', 'Invalid pilot model id')),
});
export const MilestoneParams = PilotModelParams.extend({
  milestoneId: z.uuid(bilingual('Mã mốc không hợp lệ', 'Invalid milestone id')),
});
export const PilotFileParams = PilotModelParams.extend({
  fileId: z.uuid(bilingual('Mã tệp không hợp lệ', 'Invalid file id')),
});

/** Per registering agency: what target 14 counts (numbers only). */
export const PilotProgressRow = z.object({
  unitCode: z.string(),
  agencyName: z.string(),
  registered: z.number().int(),
  planUploaded: z.number().int(),
  planOverdue: z.number().int(),
  milestonesOverdue: z.number().int(),
  inProgress: z.number().int(),
  completed: z.number().int(),
  evaluated: z.number().int(),
});
export type PilotProgressRow = z.infer<typeof PilotProgressRow>;

export const PilotProgress = z.object({ asOf: z.string(), rows: z.array(PilotProgressRow) });
export type PilotProgress = z.infer<typeof PilotProgress>;
export const PilotProgressQuery = z.object({ asOf: IsoDate.optional() }).strict();
