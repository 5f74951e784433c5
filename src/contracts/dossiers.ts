import { z } from 'zod';
import { bilingual } from './messages';
import { IsoDate, UnitCode } from './common';
import { ProcedureCode, RegistryOutcome } from './procedures';
import { HouseholdHeadCheck } from './population';

/**
 * HTTP shapes of /api/v1/dossiers: dossiers filed by citizens or entered at the counter, their
 * lifecycle, deadlines, attachments and the public status lookup. The states, commands, channels,
 * deadline flags and workqueues are in dossier-states.ts (re-exported here).
 */
import { DeadlineFlag, DossierChannel, DossierCommand, DossierState, Workqueue } from './dossier-states';

export * from './dossier-states';

const Note = z.string().trim().max(2000, bilingual('Ghi chú tối đa 2000 ký tự', 'A note has at most 2000 characters'));
const Reason = z
  .string()
  .trim()
  .min(5, bilingual('Vui lòng nêu rõ lý do (ít nhất 5 ký tự)', 'Please give the reason (at least 5 characters)'))
  .max(2000, bilingual('Lý do tối đa 2000 ký tự', 'A reason has at most 2000 characters'));
const LegalBasis = z
  .string()
  .trim()
  .min(
    5,
    bilingual(
      'Phải viện dẫn căn cứ pháp lý (điều, khoản, văn bản)',
      'Cite the legal provision (article, clause, text)',
    ),
  )
  .max(500, bilingual('Căn cứ pháp lý tối đa 500 ký tự', 'The legal provision has at most 500 characters'));

/** One item the citizen must supplement. */
export const SupplementItem = z.object({
  item: z.string().trim().min(2, bilingual('Nêu giấy tờ cần bổ sung', 'Name the missing item')).max(300),
  reason: z.string().trim().min(2, bilingual('Nêu lý do', 'Give the reason')).max(500),
});
export type SupplementItem = z.infer<typeof SupplementItem>;

/**
 * Documents taken from the citizen's document store (kho dữ liệu, issue 17 §3) instead of an
 * upload: the procedure's document code → the store document's id (GET /documents/mine).
 */
export const ReusedDocuments = z
  .record(
    z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, bilingual('Mã giấy tờ không hợp lệ', 'Invalid document code')),
    z.uuid(bilingual('Mã giấy tờ trong kho dữ liệu không hợp lệ', 'Invalid document store id')),
  )
  .refine((r) => Object.keys(r).length <= 30, bilingual('Tối đa 30 giấy tờ', 'At most 30 documents'));

/** Body of POST /api/v1/dossiers/:id/commands/:command. Fields each command needs are checked by the server. */
export const CommandBody = z
  .object({
    /** The dossier's `version` the actor saw: a concurrent change makes the command fail with 409. */
    expectedVersion: z.number().int().min(0).optional(),
    note: Note.optional(),
    /** refuse_intake, refuse: why; extend: why the dossier is late. */
    reason: Reason.optional(),
    /** refuse_intake, refuse: the legal provision cited (required). */
    legalBasis: LegalBasis.optional(),
    /** complete_step: what the agency's officer enters for a step done in its system (the card number). */
    outcome: z.record(z.string().max(40), z.string().trim().max(100)).optional(),
    /** request_supplement: what is missing. */
    items: z.array(SupplementItem).min(1).max(30).optional(),
    /** submit (a saved draft): documents taken from the citizen's document store instead of uploads. */
    reusedDocuments: ReusedDocuments.optional(),
    /** extend: the new appointment (ISO 8601 with offset). */
    newDueAt: z.iso
      .datetime({
        offset: true,
        error: bilingual(
          'Thời hạn mới phải là thời điểm ISO 8601 có múi giờ',
          'The new due time must be ISO 8601 with an offset',
        ),
      })
      .optional(),
  })
  .strict();
export type CommandBody = z.infer<typeof CommandBody>;

/** How the applicant receives the result: in their online account, by post (public postal service), at the counter. */
export const RESULT_DELIVERIES = ['online', 'post', 'counter'] as const;
export const ResultDelivery = z.enum(RESULT_DELIVERIES);
export type ResultDelivery = z.infer<typeof ResultDelivery>;

/** The JSON part of a submission (multipart field `dossier`, or the whole JSON body without files). */
export const SubmissionBody = z
  .object({
    procedureCode: ProcedureCode,
    /** The procedure version the form was filled under; a newer version in force makes it stale (409). */
    procedureVersionId: z.uuid(bilingual('Mã phiên bản thủ tục không hợp lệ', 'Invalid procedure version id')),
    form: z.record(z.string(), z.unknown()),
    /** Citizen: 'online' (own device) or 'assisted' (counter device, guided by an officer). Officer: 'paper'. */
    channel: DossierChannel.default('online'),
    /** Unit receiving the dossier (the commune); for a citizen default = their residence commune. */
    unitCode: UnitCode.optional(),
    /** Officer entering a paper filing: the applicant's personal ID number (never in URLs). */
    applicantNationalId: z
      .string()
      .regex(/^\d{12}$/, bilingual('Số định danh cá nhân gồm 12 chữ số', 'A personal ID number has 12 digits'))
      .optional(),
    /** An exemption from the fee the citizen claims (a code of the procedure's exemptions); registry-checkable reasons apply without a claim. */
    exemptionClaim: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,39}$/, bilingual('Lý do miễn lệ phí không hợp lệ', 'Invalid exemption reason'))
      .nullable()
      .optional(),
    /** Number of people the fee is charged for (per-person fees); default: the applicant and the members on the form. */
    persons: z
      .number()
      .int()
      .min(1, bilingual('Ít nhất 1 người', 'At least 1 person'))
      .max(50, bilingual('Tối đa 50 người', 'At most 50 people'))
      .optional(),
    /** How the applicant receives the result (default: online in their account; at the counter for a paper filing). */
    resultDelivery: ResultDelivery.optional(),
    /** With `post`: where the result is sent. */
    deliveryAddress: z
      .string()
      .trim()
      .min(5, bilingual('Nhập địa chỉ nhận kết quả', 'Give the address to send the result to'))
      .max(300, bilingual('Địa chỉ tối đa 300 ký tự', 'The address is at most 300 characters'))
      .optional(),
    /**
     * Documents taken from the citizen's document store (kho dữ liệu) instead of an upload: the
     * procedure's document code → the store document's id (GET /documents/mine).
     */
    reusedDocuments: ReusedDocuments.optional(),
    /** Save as draft instead of submitting. */
    draft: z.boolean().default(false),
  })
  .strict()
  .refine((b) => b.resultDelivery !== 'post' || b.deliveryAddress !== undefined, {
    path: ['deliveryAddress'],
    error: bilingual('Nhập địa chỉ nhận kết quả qua bưu điện', 'Give the address to post the result to'),
  });
export type SubmissionBody = z.infer<typeof SubmissionBody>;

/** PATCH /dossiers/:id/draft: what the citizen typed so far on their draft, on the version they read. */
export const DraftBody = z
  .object({
    form: z.record(z.string(), z.unknown()),
    resultDelivery: ResultDelivery.optional(),
    deliveryAddress: z
      .string()
      .trim()
      .max(300, bilingual('Địa chỉ tối đa 300 ký tự', 'The address is at most 300 characters'))
      .optional(),
    version: z.number().int().min(0),
  })
  .strict();
export type DraftBody = z.infer<typeof DraftBody>;

export const Attachment = z.object({
  id: z.string(),
  documentKey: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  /** Added when the citizen supplemented the dossier. */
  round: z.number().int(),
  /** Taken from the citizen's document store (kho dữ liệu) instead of an upload (issue 17 §3). */
  reused: z.boolean(),
});
export type Attachment = z.infer<typeof Attachment>;

export const TimelineEntry = z.object({
  at: z.string(),
  command: z.string(),
  fromState: DossierState.nullable(),
  toState: DossierState,
  /** Role and unit of the actor (the citizen sees no officer names). */
  actorRole: z.string(),
  actorRoleNameVi: z.string().nullable(),
  actorRoleNameEn: z.string().nullable(),
  actorUnitCode: z.string().nullable(),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  legalBasis: z.string().nullable(),
  items: z.array(SupplementItem).nullable(),
  dueAt: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** Fee state of a dossier. `cash`: paid at the counter for a paper filing. */
export const FeeStatus = z.enum(['none', 'unpaid', 'paid', 'exempt', 'exemption_pending', 'cash', 'refunded']);
export type FeeStatus = z.infer<typeof FeeStatus>;

/** A dossier as lists show it. */
export const DossierSummary = z.object({
  id: z.string(),
  code: z.string().nullable(),
  procedureCode: z.string(),
  procedureNameVi: z.string(),
  procedureNameEn: z.string(),
  state: DossierState,
  channel: DossierChannel,
  unitCode: z.string(),
  unitName: z.string().nullable(),
  applicantName: z.string(),
  submittedAt: z.string().nullable(),
  /** When an officer received it (the actual act); never after `decidedAt`. */
  receivedAt: z.string().nullable(),
  /** When the legal time limit starts to count (an after-hours filing: the next working period). */
  deadlineStartAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  flag: DeadlineFlag,
  late: z.boolean(),
  /**
   * A filing not yet received: the working minutes it has waited since its effective submission,
   * and whether that is more than one working day. Null once received.
   */
  waiting: z
    .object({ minutes: z.number().int(), overDay: z.boolean(), /** A working day's minutes. */ dayMinutes: z.number() })
    .nullable(),
  assignedToMe: z.boolean(),
  /** Amount due now (integer VND) and the fee state. */
  feeAmount: z.number().int(),
  feeStatus: FeeStatus,
  version: z.number().int(),
});
export type DossierSummary = z.infer<typeof DossierSummary>;

/** What the registry said about the form at filing (staff only): the household head's ID number. */
export const RegistryChecks = z.object({ householdHead: HouseholdHeadCheck.optional() });
export type RegistryChecks = z.infer<typeof RegistryChecks>;

/** A value the agency's officer enters to complete a step done in its system. */
export const StepInputField = z.object({
  key: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  widget: z.enum(['text', 'date', 'number']),
  hintVi: z.string().optional(),
  hintEn: z.string().optional(),
});
export type StepInputField = z.infer<typeof StepInputField>;

/**
 * One step of an interlinked group's dossier: the agency's procedure, who performs it (role and
 * unit, never a name), when it started and ended, its deadline and what it produced.
 */
export const DossierStep = z.object({
  seq: z.number().int(),
  procedureCode: z.string().nullable(),
  nameVi: z.string(),
  nameEn: z.string(),
  agencyVi: z.string(),
  agencyEn: z.string(),
  producesVi: z.string().nullable(),
  producesEn: z.string().nullable(),
  role: z.string(),
  sector: z.string().nullable(),
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  /** `planned` before the dossier is received (the steps are created at receipt). */
  /** `stopped`: the citizen withdrew the dossier while the step ran. */
  state: z.enum(['planned', 'waiting', 'in_processing', 'done', 'refused', 'stopped']),
  startedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  late: z.boolean(),
  /** What the step produced: the child's ID number, the card number, the allowance decision. */
  outcome: z.record(z.string(), z.string()).nullable(),
});
export type DossierStep = z.infer<typeof DossierStep>;

/** A dossier in full (its owner, or staff of its unit). */
export const DossierDetail = DossierSummary.extend({
  procedureVersionId: z.string(),
  form: z.record(z.string(), z.unknown()),
  /** Where prefilled values came from (field path → source), as at submission. */
  sources: z.record(z.string(), z.string()),
  attachments: z.array(Attachment),
  timeline: z.array(TimelineEntry),
  /** Commands the caller may run now (for the buttons). */
  allowedCommands: z.array(DossierCommand),
  /**
   * A dossier waiting for its fee: the time it is withdrawn if still unpaid (2 working days after
   * it started waiting); null otherwise.
   */
  paymentDueAt: z.string().nullable(),
  /** How the applicant chose to receive the result, and the postal address for `post`. */
  resultDelivery: ResultDelivery,
  deliveryAddress: z.string().nullable(),
  /** The payment that settled the fee (its receipt: /api/v1/payments/:id/receipt.pdf); null when none. */
  feePaymentId: z.string().nullable(),
  /** Open supplement request, if any. */
  supplement: z.object({ items: z.array(SupplementItem), requestedAt: z.string() }).nullable(),
  /** Remaining working minutes while paused for a supplement. */
  pausedRemainingMinutes: z.number().nullable(),
  applicantPersonId: z.string().nullable(),
  /** How the fee was calculated (fees module), as shown before payment; null when the procedure is free. */
  fee: z.record(z.string(), z.unknown()).nullable(),
  feePaidAmount: z.number().int(),
  /** The slips that can be printed now (staff of the unit and the citizen who filed it). */
  slips: z.array(z.enum(['receipt', 'supplement', 'refusal', 'apology'])),
  /** An assisted filing: the counter (unit and label) and the officer who guided the citizen; null otherwise. */
  assistedBy: z.object({ unitCode: z.string(), counterLabel: z.string(), officerName: z.string() }).nullable(),
  /** The registry checks of the form at filing; staff only (null for the citizen, or when the form has none). */
  registryChecks: RegistryChecks.nullable(),
  /** What the decision wrote in the registry that the citizen needs (a newborn's ID number); null: nothing. */
  registryOutcome: RegistryOutcome.nullable(),
  /** The steps of an interlinked group, in order (empty for other procedures). */
  steps: z.array(DossierStep),
  /** What the caller enters to complete the running step (an agency's step done in its system); null otherwise. */
  stepInput: z.array(StepInputField).nullable(),
});
export type DossierDetail = z.infer<typeof DossierDetail>;

export const DossierListQuery = z.object({
  queue: Workqueue.default('all'),
  state: DossierState.optional(),
  procedureCode: ProcedureCode.optional(),
  unitCode: UnitCode.optional(),
  /** Dossier code (or its beginning). Searching by person uses POST /search (ID numbers never in URLs). */
  code: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type DossierListQuery = z.infer<typeof DossierListQuery>;

/** POST /api/v1/dossiers/status-lookup: anyone with the code and the applicant's ID number. */
export const StatusLookupBody = z
  .object({
    code: z
      .string()
      .trim()
      .min(10, bilingual('Nhập mã hồ sơ trên giấy hẹn', 'Enter the dossier code from the receipt'))
      .max(40),
    nationalId: z
      .string()
      .regex(/^\d{12}$/, bilingual('Số định danh cá nhân gồm 12 chữ số', 'A personal ID number has 12 digits')),
  })
  .strict();

export const StatusLookupResult = z.object({
  code: z.string(),
  procedureNameVi: z.string(),
  procedureNameEn: z.string(),
  state: DossierState,
  unitName: z.string().nullable(),
  receivedAt: z.string().nullable(),
  deadlineStartAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  flag: DeadlineFlag,
  timeline: z.array(z.object({ at: z.string(), toState: DossierState })),
});
export type StatusLookupResult = z.infer<typeof StatusLookupResult>;

/**
 * GET /api/v1/dossiers/results/:token (public): what an issued result document (CT03, CT07, CT08)
 * certified, as printed, for whoever scans its QR code. `status`: `valid`, `expired` (past its
 * validity date) or `withdrawn` (the dossier's result was annulled since).
 */
export const ResultVerification = z.object({
  /**
   * A result document (`BIRTH_EXTRACT`: the electronic birth extract of a birth the dossier
   * registered), or `REFUSAL`: the refusal slip (Mẫu 03 / CT06), the answer of a refused dossier.
   */
  kind: z.enum(['CT03', 'CT07', 'CT08', 'BIRTH_EXTRACT', 'REFUSAL']),
  titleVi: z.string(),
  status: z.enum(['valid', 'expired', 'withdrawn']),
  agencyName: z.string(),
  issuedAt: z.string(),
  validUntil: z.string().nullable(),
  dossierCode: z.string(),
  procedureName: z.string(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  /** Only the first four and last two digits. */
  nationalIdMasked: z.string().nullable(),
  address: z.string().nullable(),
  registryFacts: z.array(z.object({ label: z.string(), value: z.string() })),
  content: z.string().nullable(),
  /** SHA-256 of the PDF issued: a copy whose hash differs is not the document issued. */
  pdfSha256: z.string(),
});
export type ResultVerification = z.infer<typeof ResultVerification>;

/** Limits on attachments (also checked by the server). */
export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENTS_MAX_COUNT = 10;

/** GET /api/v1/dossiers/assisted: the filings made on a unit's counter devices on one day. */
export const AssistedFilingsQuery = z
  .object({
    /** The counter's unit; default: every unit where the reader may read dossiers. */
    unitCode: UnitCode.optional(),
    /** The day in Vietnam (YYYY-MM-DD); default today. */
    date: IsoDate.optional(),
  })
  .strict();
export type AssistedFilingsQuery = z.infer<typeof AssistedFilingsQuery>;

/** One filing made on a counter device: what the counter log needs to record the visit. */
export const AssistedFiling = z.object({
  id: z.string(),
  code: z.string().nullable(),
  procedureCode: z.string(),
  procedureNameVi: z.string(),
  procedureNameEn: z.string(),
  applicantName: z.string(),
  submittedAt: z.string(),
  unitCode: z.string(),
  counterLabel: z.string(),
  officerName: z.string(),
});
export type AssistedFiling = z.infer<typeof AssistedFiling>;
export const AssistedFilings = z.object({ items: z.array(AssistedFiling) });
export type AssistedFilings = z.infer<typeof AssistedFilings>;

/** GET /api/v1/dossiers/popular (public): dossiers filed per procedure in the last `days` days, most first. */
export const PopularProcedures = z.object({
  days: z.number().int(),
  items: z.array(z.object({ procedureCode: z.string(), count: z.number().int() })),
});
export type PopularProcedures = z.infer<typeof PopularProcedures>;
