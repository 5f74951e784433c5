import { z } from 'zod';
import { bilingual } from '../../../contracts/messages';
import { pageOf } from '../../../contracts/common';

// HTTP shapes of the audit routes. They move to src/contracts/audit.ts when the web app needs them.

export const Purpose = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), active: z.boolean() });
export const PurposeList = z.object({ items: z.array(Purpose) });

export const SubjectAccessItem = z.object({
  at: z.string(),
  action: z.string(),
  actionNameVi: z.string(),
  actionNameEn: z.string(),
  purposeCode: z.string().nullable(),
  purposeNameVi: z.string().nullable(),
  purposeNameEn: z.string().nullable(),
  actorRole: z.string(),
  actorRoleNameVi: z.string().nullable(),
  actorRoleNameEn: z.string().nullable(),
  actorUnitCode: z.string().nullable(),
  actorUnitName: z.string().nullable(),
});
export const SubjectAccessPage = pageOf(SubjectAccessItem);

export const Consent = z.object({
  id: z.string(),
  purposeCode: z.string(),
  textVersion: z.string(),
  textHash: z.string(),
  channel: z.string(),
  grantedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  active: z.boolean(),
});
export const ConsentList = z.object({ items: z.array(Consent) });

const ConsentPurposeCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{2,63}$/, bilingual('Mã mục đích không hợp lệ', 'Invalid purpose code'));

export const ConsentGrantBody = z.object({
  purposeCode: ConsentPurposeCode,
  textVersion: z.string().trim().min(1, bilingual('Thiếu phiên bản văn bản', 'Text version is required')).max(64),
  /** The exact text the person read. */
  text: z.string().min(1, bilingual('Thiếu nội dung văn bản', 'Text is required')).max(20_000),
  agreed: z.literal(true, bilingual('Cần bạn chủ động đồng ý', 'You must actively agree')),
});

export const ConsentPurposeParams = z.object({ purposeCode: ConsentPurposeCode });

export const ChainVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  headSeq: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.enum(['hash', 'prev_hash', 'gap', 'head']) }).optional(),
});
