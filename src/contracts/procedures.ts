import { z } from 'zod';
import { bilingual } from './messages';
import { IsoDate } from './common';
import { SameDayCutoff } from './calendar';
import { FieldSource, ProcedureForm } from './procedures/form';
import { Fees } from './procedures/fee-schedule';
import { Label } from './procedures/label';
import { RegistryEffect } from './procedures/registry-effect';

export * from './procedures/form';
export * from './procedures/fee-schedule';
export * from './procedures/registry-effect';

/**
 * HTTP shapes of /api/v1/procedures (the procedure catalog), shared by server and web.
 * A procedure *version* carries everything the law fixes for a period: time limit, fees, documents
 * and the form (a JSON Schema plus, for every field, where its value can come from).
 */

/** Catalog key: a national procedure code (e.g. 1.004222) or a provincial key for a group (e.g. LT.01). */
export const ProcedureCode = z
  .string()
  .regex(
    /^[0-9A-Z][0-9A-Z.-]{1,29}$/,
    bilingual(
      'Mã thủ tục chỉ gồm chữ số, chữ in hoa, dấu chấm, gạch ngang',
      'A procedure code has digits, capitals, dots and dashes only',
    ),
  );

export const PROCEDURE_FIELDS = ['residence', 'civil_status', 'interlinked'] as const;
/** Lĩnh vực: residence (cư trú), civil status (hộ tịch), interlinked groups (liên thông). */
export const ProcedureField = z.enum(PROCEDURE_FIELDS);
export type ProcedureField = z.infer<typeof ProcedureField>;

/** Roles that handle dossiers of a procedure (identity's role codes). */
export const HandlingRole = z.enum(['commune_police', 'civil_status_officer']);
/** Mức độ trực tuyến (Decree 42/2022): full online (toàn trình) or partial (một phần). */
export const OnlineLevel = z.enum(['full', 'partial']);

/** A document of the dossier; `replaceableByRegistry` = not needed when the registry already holds it. */
export const RequiredDocument = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  nameVi: Label,
  nameEn: Label,
  required: z.boolean(),
  replaceableByRegistry: z.boolean(),
  noteVi: z.string().max(500).nullable(),
  noteEn: z.string().max(500).nullable(),
});
export type RequiredDocument = z.infer<typeof RequiredDocument>;

/**
 * A procedure inside an interlinked group (a step, in order), who performs it, and — in versions
 * from 2026-09-01 — what it produces and its own time limit (working days, or 0 with a same-day
 * cut-off). Versions before carried only the group's limit, so these stay optional.
 */
/** Steps done in another agency's system: in the demo its officer enters the result in the back office. */
export const SectorAdapterKind = z.enum(['health_insurance_card', 'identity_card', 'survivor_allowance']);
export type SectorAdapterKind = z.infer<typeof SectorAdapterKind>;

/**
 * What completing a step of an interlinked group does: a registry effect (the same kinds a
 * version's approval runs, on the group's form), or an agency's adapter (the card number, the
 * allowance decision).
 */
export const GroupStepAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('registry'), effect: RegistryEffect }),
  z.object({ kind: z.literal('adapter'), adapter: SectorAdapterKind }),
]);
export type GroupStepAction = z.infer<typeof GroupStepAction>;

export const ComponentProcedure = z.object({
  code: z.string().max(30).nullable(),
  nameVi: Label,
  nameEn: Label,
  agencyVi: Label,
  agencyEn: Label,
  role: z.string().max(40).nullable(),
  producesVi: Label.optional(),
  producesEn: Label.optional(),
  timeLimitWorkingDays: z.number().min(0).max(365).multipleOf(0.5).nullable().optional(),
  sameDayCutoff: SameDayCutoff.nullable().optional(),
  timeLimitNoteVi: z.string().max(500).nullable().optional(),
  timeLimitNoteEn: z.string().max(500).nullable().optional(),
  /** The sector of a sector officer who performs the step (health_insurance, social_protection). */
  sector: z.string().max(40).nullable().optional(),
  /** What completing the step does; a version whose components all carry one runs them as steps. */
  step: GroupStepAction.optional(),
});
export type ComponentProcedure = z.infer<typeof ComponentProcedure>;

export const Source = z.object({ title: z.string().max(300), url: z.string().max(500).nullable() });

/** National procedure code of the national database of administrative procedures, e.g. 3.000722. */
export const NationalProcedureCode = z
  .string()
  .regex(
    /^[0-9]\.[0-9]{6}$/,
    bilingual('Mã thủ tục quốc gia có dạng 1.004222', 'A national procedure code looks like 1.004222'),
  );

/** Time limit in working days, half-day steps; 0 = immediate. */
export const TimeLimit = z
  .number()
  .min(0, bilingual('Thời hạn không được âm', 'The time limit cannot be negative'))
  .max(365)
  .refine(
    (n) => Number.isInteger(n * 2),
    bilingual('Thời hạn tính theo nửa ngày làm việc (0,5)', 'The time limit goes in half working days (0.5)'),
  );

/**
 * Result documents of the Ministry of Public Security's residence forms that a procedure produces
 * when its result is issued: CT03 temporary-absence slip (phiếu khai báo tạm vắng), CT07
 * confirmation of residence information, CT08 notice of the result (thông báo về kết quả giải quyết).
 */
export const RESULT_DOCUMENTS = ['CT03', 'CT07', 'CT08'] as const;
export const ResultDocumentKind = z.enum(RESULT_DOCUMENTS);
export type ResultDocumentKind = z.infer<typeof ResultDocumentKind>;

/** The content of a version (what an administrator writes to create one). */
export const ProcedureDefinition = z.object({
  nameVi: Label,
  nameEn: Label,
  field: ProcedureField,
  agencyLevel: z.literal('commune'),
  handledByRole: HandlingRole,
  onlineLevel: OnlineLevel,
  requiredEidLevel: z.union([z.literal(1), z.literal(2)]),
  timeLimitWorkingDays: TimeLimit,
  /**
   * "HH:MM": settled the same working day, the next working day when received after it (time
   * limit 0; Civil Status Law 2014 Art. 5(3): 15:00). Null: the limit is in working days.
   */
  sameDayCutoff: SameDayCutoff.nullable().default(null),
  timeLimitNote: z.string().max(500).nullable(),
  timeLimitNoteEn: z.string().max(500).nullable(),
  /**
   * The national code this version is published under when the catalog key is not one (the
   * interlinked groups keep their keys LT.01 and 1.011537; from 2026-09-01 their national codes
   * are 3.000722 and 2.002913). Null: the key is the national code, or none is known.
   */
  nationalCode: NationalProcedureCode.nullable().default(null),
  fees: Fees,
  documents: z.array(RequiredDocument).max(30),
  form: ProcedureForm,
  components: z.array(ComponentProcedure).max(10),
  /** What the citizen receives when the result is issued (none declared: nothing generated). */
  resultDocuments: z.array(ResultDocumentKind).max(3).default([]),
  /**
   * How many days the result document may be used from its issue (printed on it and checked by its
   * QR verification; e.g. a CT07 confirmation). Null: no limit.
   */
  resultValidDays: z.number().int().min(1).max(3650).nullable().default(null),
  /** What the approval of a dossier does to the population registry; null: nothing (registry_effect.ts). */
  registryEffect: RegistryEffect.nullable().default(null),
  legalBasis: z.array(z.string().max(300)).max(20),
  sources: z.array(Source).max(20),
  /** Facts not yet checked against the official gazette, e.g. ['timeLimit'] (DOMAIN.md "(?)"). */
  unconfirmed: z.array(z.string().max(40)).max(20),
});
export type ProcedureDefinition = z.infer<typeof ProcedureDefinition>;

/** Body of POST /procedures/:code/versions. */
export const NewVersionBody = ProcedureDefinition.extend({
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate.nullable().optional(),
  changeNote: z.string().trim().min(3, bilingual('Ghi rõ lý do thay đổi', 'Say why the procedure changes')).max(1000),
}).strict();
export type NewVersionBody = z.infer<typeof NewVersionBody>;

/** One immutable version of a procedure, in force from `effectiveFrom` to `effectiveTo` (null = open). */
export const ProcedureVersion = ProcedureDefinition.extend({
  id: z.string(),
  code: z.string(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  changeNote: z.string().nullable(),
  createdAt: z.string(),
});
export type ProcedureVersion = z.infer<typeof ProcedureVersion>;

/** A catalog line. */
export const ProcedureSummary = ProcedureVersion.pick({
  id: true,
  code: true,
  version: true,
  nameVi: true,
  nameEn: true,
  field: true,
  handledByRole: true,
  onlineLevel: true,
  requiredEidLevel: true,
  timeLimitWorkingDays: true,
  sameDayCutoff: true,
  timeLimitNote: true,
  timeLimitNoteEn: true,
  nationalCode: true,
  effectiveFrom: true,
  effectiveTo: true,
}).extend({ feeDirect: z.number().int(), feeOnline: z.number().int() });
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;
export const ProcedureList = z.object({ items: z.array(ProcedureSummary), total: z.number().int() });
export type ProcedureList = z.infer<typeof ProcedureList>;

export const ProcedureListQuery = z.object({
  q: z
    .string()
    .trim()
    .max(100, bilingual('Từ khoá tối đa 100 ký tự', 'Search text is at most 100 characters'))
    .optional(),
  field: ProcedureField.optional(),
  asOf: IsoDate.optional(),
});
export type ProcedureListQuery = z.infer<typeof ProcedureListQuery>;

export const ProcedureCodeParams = z.object({ code: ProcedureCode });
export const VersionIdParams = z.object({
  id: z.string().uuid(bilingual('Mã phiên bản không hợp lệ', 'Invalid version id')),
});
export const AsOfQuery = z.object({ asOf: IsoDate.optional() });

export const VersionList = z.object({ items: z.array(ProcedureVersion) });
export type VersionList = z.infer<typeof VersionList>;

/** GET /procedures/:code/form */
export const FormResponse = z.object({
  versionId: z.string(),
  code: z.string(),
  version: z.number().int(),
  form: ProcedureForm,
});
export type FormResponse = z.infer<typeof FormResponse>;

/** Prefilled values of a citizen's form: value, source and editability per top-level field. */
export const PrefillResult = z.object({
  versionId: z.string(),
  code: z.string(),
  values: z.record(z.string(), z.unknown()),
  sources: z.record(z.string(), FieldSource),
  editable: z.record(z.string(), z.boolean()),
  /** Fields the registry could have answered but holds no value for (the citizen types them). */
  missing: z.array(z.string()),
  /**
   * Rows the citizen may pick for a table, none picked yet: the other living members of their
   * household for a `members` table (issue 14 §2 — the applicant alone unless they choose others).
   */
  choices: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  /** Inputs this citizen still types (same counting as prefill-stats). */
  typedCount: z.number().int(),
  /** Does the signed-in e-ID level meet the procedure's requirement? */
  eIdLevelOk: z.boolean(),
});
export type PrefillResult = z.infer<typeof PrefillResult>;

/** GET /procedures/:code/prefill-stats: inputs a citizen types without and with prefill. */
export const PrefillStats = z.object({
  code: z.string(),
  versionId: z.string(),
  inputsTotal: z.number().int(),
  typedBefore: z.number().int(),
  typedAfter: z.number().int(),
  reductionPercent: z.number(),
  byField: z.array(
    z.object({
      field: z.string(),
      labelVi: z.string(),
      labelEn: z.string(),
      source: FieldSource,
      inputs: z.number().int(),
      prefilled: z.boolean(),
    }),
  ),
  methodVi: z.string(),
  methodEn: z.string(),
});
export type PrefillStats = z.infer<typeof PrefillStats>;
