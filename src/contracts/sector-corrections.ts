import { z } from 'zod';
import { bilingual } from './messages';
import { PageQuery, UnitCode, pageOf } from './common';

/**
 * HTTP shapes of the change requests (yêu cầu điều chỉnh) proposed from sector lists to the commune
 * police (/api/v1/sector-data/links/:linkId/corrections, /change-requests…; issue 16 §3).
 */

/** Registry fields a change request may correct (IDs and residence have their own procedures). */
export const CORRECTABLE_FIELD_CODES = ['fullName', 'birthDate', 'sex'] as const;
export const CorrectableField = z.enum(CORRECTABLE_FIELD_CODES, {
  error: bilingual(
    'Chỉ điều chỉnh được họ và tên, ngày sinh hoặc giới tính (fullName, birthDate, sex)',
    'Only the full name, birth date or sex can be corrected (fullName, birthDate, sex)',
  ),
});

export const CHANGE_REQUEST_STATE_CODES = ['proposed', 'accepted', 'rejected', 'withdrawn'] as const;
export const ChangeRequestState = z.enum(CHANGE_REQUEST_STATE_CODES, {
  error: bilingual(
    'Trạng thái phải là proposed, accepted, rejected hoặc withdrawn',
    'The state must be proposed, accepted, rejected or withdrawn',
  ),
});

const text = (max: number, vi: string, en: string) =>
  z
    .string({ error: bilingual(`Thiếu ${vi}`, `The ${en} is missing`) })
    .trim()
    .min(1, bilingual(`Thiếu ${vi}`, `The ${en} is missing`))
    .max(max, bilingual(`${vi} tối đa ${max} ký tự`, `The ${en} is at most ${max} characters`));

export const LinkParams = z.object({
  linkId: z.uuid({ error: bilingual('Mã liên kết không hợp lệ', 'Not a link id') }),
});

/**
 * A proposal from one link: the field, the value (by default the list's own value; when given, it
 * must be the list's value — spelled with its tone marks or capitals as the officer reads the list),
 * and the evidence (what the officer checked).
 */
export const CorrectionProposal = z.object({
  field: CorrectableField,
  value: z
    .string()
    .trim()
    .min(1, bilingual('Giá trị đề xuất bị bỏ trống', 'The proposed value is empty'))
    .max(100, bilingual('Giá trị đề xuất tối đa 100 ký tự', 'The proposed value is at most 100 characters'))
    .optional(),
  evidence: text(1000, 'căn cứ đề xuất', 'evidence'),
});

export const ChangeRequestParams = z.object({
  id: z.uuid({ error: bilingual('Mã yêu cầu điều chỉnh không hợp lệ', 'Not a change request id') }),
});

export const ChangeRequestQuery = PageQuery.extend({
  state: ChangeRequestState.optional(),
  /** The person's commune (the deciding commune). */
  unitCode: UnitCode.optional(),
});

/** Accept: the person's registry version as the officer saw it (from the request shown). */
export const AcceptBody = z.object({
  version: z
    .number({ error: bilingual('Thiếu phiên bản hồ sơ (version)', 'The record version (version) is missing') })
    .int(bilingual('Phiên bản là số nguyên', 'The version is a whole number'))
    .min(0, bilingual('Phiên bản không âm', 'The version is not negative')),
});
export const RejectBody = z.object({ reason: text(500, 'lý do từ chối', 'reason for rejecting') });
export const WithdrawBody = z.object({
  reason: z
    .string()
    .trim()
    .max(500, bilingual('Lý do tối đa 500 ký tự', 'The reason is at most 500 characters'))
    .optional(),
});

const Step = z.object({ accountId: z.string(), role: z.string(), at: z.string() });

/** A change request as listed. */
export const ChangeRequest = z.object({
  id: z.uuid(),
  /** The reference people quote, e.g. YCDC-000012 (also the "dossier" of the person's history line). */
  reference: z.string(),
  state: ChangeRequestState,
  field: CorrectableField,
  /** The registry's value when proposed (a birth date known only by year: YYYY). */
  registryValue: z.string().nullable(),
  proposedValue: z.string(),
  /** The registry's value now: when it differs from registryValue, accepting is refused (409). */
  currentValue: z.string().nullable(),
  evidence: z.string(),
  person: z.object({
    personId: z.uuid(),
    nationalId: z.string().nullable(),
    fullName: z.string(),
    birthDate: z.string().nullable(),
    birthYear: z.number().int(),
    sex: z.string(),
    /** The commune of residence: its commune police decide. */
    unitCode: z.string().nullable(),
    status: z.string(),
    /** Send it back as `version` to accept. */
    registryVersion: z.number().int(),
  }),
  source: z.object({
    batchId: z.uuid(),
    rowNumber: z.number().int(),
    datasetType: z.string(),
    sector: z.string(),
    unitCode: z.string(),
  }),
  proposed: Step,
  /** Accepted, rejected or withdrawn: who, when and why (null while proposed). */
  decided: Step.extend({ reason: z.string().nullable() }).nullable(),
  /** What the caller may do with it now. */
  mayDecide: z.boolean(),
  mayWithdraw: z.boolean(),
});
export type ChangeRequest = z.infer<typeof ChangeRequest>;

export const ChangeRequestPage = pageOf(ChangeRequest);
