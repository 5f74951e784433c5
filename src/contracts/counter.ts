import { z } from 'zod';
import { bilingual } from './messages';
import { IsoDate, PageQuery, UnitCode, pageOf } from './common';
import { NationalId } from './population';
import { ProcedureCode } from './procedures';
import { COUNTER_LABEL_MAX, CounterLabel } from './counter/counter-label';

export { COUNTER_LABEL_MAX };
export * from './counter/summary';
export * from './counter/device';

/**
 * HTTP shapes of /api/v1/counter — the one-stop counter support log (target 1 of the plan:
 * every citizen who comes to a counter is guided to use online public services). Shared by
 * the server (modules/counter) and the web app (features/counter).
 */

/** Who typed the filing: the citizen alone, the citizen with an officer's help, or the officer for them ("nộp thay"). */
export const TYPED_BY = ['citizen_alone', 'citizen_helped', 'officer_on_behalf'] as const;
export type TypedBy = (typeof TYPED_BY)[number];

/** How the visit ended. */
export const OUTCOMES = [
  'filed_online',
  'filed_paper',
  'information_only',
  'referred',
  'incomplete_documents',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Outcomes where a dossier was filed: someone typed it, and a dossier code may be noted. */
export const FILED_OUTCOMES: readonly Outcome[] = ['filed_online', 'filed_paper'];
/** Outcomes that need no procedure (a general question, or sent to another agency). */
export const PROCEDURE_OPTIONAL_OUTCOMES: readonly Outcome[] = ['information_only', 'referred'];

export const NOTE_MAX = 500;
export const REASON_MAX = 200;

/** A run of 12 digits: what a personal ID number looks like (kept out of notes — the log stores the person id only). */
const TWELVE_DIGITS = /(^|\D)\d{12}(\D|$)/;

/** A dossier code `<agency code>-YYMMDD-XXXX` (Circular 01/2018 style). */
export const DossierCode = z
  .string()
  .trim()
  .regex(
    /^[0-9A-Za-z.]{1,40}-\d{6}-\d{4}$/,
    bilingual('Mã hồ sơ phải có dạng <mã cơ quan>-YYMMDD-XXXX', 'A dossier code looks like <agency code>-YYMMDD-XXXX'),
  );

const Note = z
  .string()
  .trim()
  .max(NOTE_MAX, bilingual(`Ghi chú tối đa ${NOTE_MAX} ký tự`, `The note is at most ${NOTE_MAX} characters`))
  .refine(
    (s) => !TWELVE_DIGITS.test(s),
    bilingual('Không ghi số định danh vào ghi chú', 'Do not write an ID number in the note'),
  )
  .transform((s) => s.normalize('NFC'));

const TypedByField = z.enum(TYPED_BY, {
  error: bilingual(
    'Người nhập phải là: công dân tự nhập, công dân được hỗ trợ, hoặc cán bộ nhập thay',
    'typedBy must be citizen_alone, citizen_helped or officer_on_behalf',
  ),
});
const OutcomeField = z.enum(OUTCOMES, {
  error: bilingual(
    'Kết quả phải là: đã nộp trực tuyến, nộp hồ sơ giấy, chỉ hỏi thông tin, chuyển nơi khác, hoặc thiếu giấy tờ',
    'outcome must be filed_online, filed_paper, information_only, referred or incomplete_documents',
  ),
});
const GuidedField = z.boolean({
  error: bilingual('Chọn có hoặc không hướng dẫn nộp trực tuyến', 'guidedOnline must be true or false'),
});

/** The facts of a visit an officer records (and may correct the same day). */
export const VisitFields = z.object({
  /** The citizen's personal ID number: looked up in the registry, never stored in the log. */
  nationalId: NationalId,
  procedureCode: ProcedureCode.nullable().optional(),
  guidedOnline: GuidedField,
  typedBy: TypedByField.nullable().optional(),
  outcome: OutcomeField,
  dossierCode: DossierCode.nullable().optional(),
  note: Note.nullable().optional(),
});

/** Body of POST /counter/visits. */
export const VisitCreateBody = VisitFields.extend({
  /** The counter's unit; defaults to the officer's only unit where they may record. */
  unitCode: UnitCode.optional(),
  counterLabel: CounterLabel,
  /** When the citizen was served (today, not in the future); default: now. */
  visitedAt: z.iso
    .datetime({
      offset: true,
      error: bilingual('Thời điểm phải có dạng ISO 8601 kèm múi giờ', 'visitedAt must be an ISO 8601 time with offset'),
    })
    .optional(),
}).strict();
export type VisitCreateBody = z.infer<typeof VisitCreateBody>;

/** Body of PATCH /counter/visits/:id: the fields to change (null clears an optional one), why, and the revision seen. */
export const VisitCorrectionBody = VisitFields.partial()
  .extend({
    reason: z
      .string()
      .trim()
      .max(REASON_MAX, bilingual(`Lý do tối đa ${REASON_MAX} ký tự`, `The reason is at most ${REASON_MAX} characters`))
      .nullable()
      .optional(),
    /** The revision the officer corrected; another correction in between answers 409. */
    revision: z.number().int().min(1).optional(),
  })
  .strict()
  .refine(
    (b) =>
      (['nationalId', 'procedureCode', 'guidedOnline', 'typedBy', 'outcome', 'dossierCode', 'note'] as const).some(
        (k) => b[k] !== undefined,
      ),
    {
      message: bilingual('Không có thông tin nào để sửa', 'Nothing to correct'),
      path: ['(body)'],
    },
  );
export type VisitCorrectionBody = z.infer<typeof VisitCorrectionBody>;

/** The correctable facts of a visit once the citizen is resolved to a registry record. */
export interface VisitFacts {
  procedureCode: string | null;
  guidedOnline: boolean;
  typedBy: TypedBy | null;
  outcome: Outcome;
  dossierCode: string | null;
  note: string | null;
}

/** One rule broken by a combination of fields, naming the field to fix. */
export interface VisitProblem {
  field: keyof VisitFacts;
  code: string;
  messageVi: string;
  messageEn: string;
}

/**
 * Rules across fields (checked on the server for a new visit and for the result of a
 * correction, and in the form): a filing needs to say who typed it; only a general question
 * or a referral may leave the procedure out; a dossier code only belongs to a filing.
 */
export function visitProblems(
  v: Pick<VisitFacts, 'procedureCode' | 'typedBy' | 'outcome' | 'dossierCode'>,
): VisitProblem[] {
  const problems: VisitProblem[] = [];
  const filed = FILED_OUTCOMES.includes(v.outcome);
  if (!v.procedureCode && !PROCEDURE_OPTIONAL_OUTCOMES.includes(v.outcome)) {
    problems.push({
      field: 'procedureCode',
      code: 'COUNTER.PROCEDURE_REQUIRED',
      messageVi: 'Chọn thủ tục hành chính công dân đến làm',
      messageEn: 'Choose the procedure the citizen came for',
    });
  }
  if (filed && !v.typedBy) {
    problems.push({
      field: 'typedBy',
      code: 'COUNTER.TYPED_BY_REQUIRED',
      messageVi: 'Hồ sơ đã nộp: chọn ai là người nhập',
      messageEn: 'A filed dossier: choose who typed it',
    });
  }
  if (v.dossierCode && !filed && v.outcome !== 'incomplete_documents') {
    problems.push({
      field: 'dossierCode',
      code: 'COUNTER.DOSSIER_CODE_UNEXPECTED',
      messageVi: 'Chỉ ghi mã hồ sơ khi đã nộp hồ sơ',
      messageEn: 'A dossier code belongs only to a filed dossier',
    });
  }
  return problems;
}

/** Query of GET /counter/visits: the daily list of a counter (or of all counters in the reader's units). */
export const VisitListQuery = PageQuery.extend({
  date: IsoDate.optional(),
  unitCode: UnitCode.optional(),
  counter: z.string().trim().min(1).max(COUNTER_LABEL_MAX).optional(),
}).strict();
export type VisitListQuery = z.infer<typeof VisitListQuery>;

export const VisitIdParams = z.object({
  id: z.uuid({ error: bilingual('Mã lượt tiếp không hợp lệ', 'Invalid visit id') }),
});

/** The citizen of a visit: the registry record id and the name as found (initials only for readers outside the counter's unit). */
export const VisitCitizen = z.object({ personId: z.string(), name: z.string(), masked: z.boolean() });

/** One visit as the list and the detail show it (its current revision). */
export const Visit = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string().nullable(),
  counterLabel: z.string(),
  visitedAt: z.string(),
  visitDate: z.string(),
  officerName: z.string(),
  mine: z.boolean(),
  /** The reader may correct it now (their own visit, today, still assigned there). */
  canCorrect: z.boolean(),
  citizen: VisitCitizen,
  procedureCode: z.string().nullable(),
  procedureNameVi: z.string().nullable(),
  procedureNameEn: z.string().nullable(),
  guidedOnline: z.boolean(),
  typedBy: z.enum(TYPED_BY).nullable(),
  outcome: z.enum(OUTCOMES),
  dossierCode: z.string().nullable(),
  note: z.string().nullable(),
  revision: z.number().int(),
  /** Time of the latest correction; null when never corrected. */
  correctedAt: z.string().nullable(),
});
export type Visit = z.infer<typeof Visit>;

/** One revision in a visit's history: the facts as they were, who wrote them, why, and what changed. */
export const VisitRevision = z.object({
  revision: z.number().int(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  reason: z.string().nullable(),
  changedFields: z.array(z.string()),
  citizen: VisitCitizen,
  procedureCode: z.string().nullable(),
  guidedOnline: z.boolean(),
  typedBy: z.enum(TYPED_BY).nullable(),
  outcome: z.enum(OUTCOMES),
  dossierCode: z.string().nullable(),
  note: z.string().nullable(),
});
export type VisitRevision = z.infer<typeof VisitRevision>;

export const VisitDetail = Visit.extend({ revisions: z.array(VisitRevision) });
export type VisitDetail = z.infer<typeof VisitDetail>;

export const VisitPage = pageOf(Visit);
export type VisitPage = z.infer<typeof VisitPage>;

/** Body of POST /counter/lookup: who is at the counter (the lookup is logged with the purpose "at the citizen's request"). */
export const CitizenLookupBody = z.object({ nationalId: NationalId }).strict();
export const CitizenLookup = z.object({
  personId: z.string(),
  fullName: z.string(),
  birthYear: z.number().int(),
  residenceUnitName: z.string().nullable(),
  deceased: z.boolean(),
});
export type CitizenLookup = z.infer<typeof CitizenLookup>;
