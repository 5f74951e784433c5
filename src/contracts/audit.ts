import { z } from 'zod';
import { bilingual } from './messages';
import { pageOf } from './common';

/**
 * HTTP shapes of /api/v1/audit shared with the web app. Same schemas as the server's
 * modules/audit/audit.contracts.ts, which can re-export these (`export * from`) so they stay one.
 */

/** A purpose an officer states before opening a person's record. */
export const Purpose = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), active: z.boolean() });
export type Purpose = z.infer<typeof Purpose>;
export const PurposeList = z.object({ items: z.array(Purpose) });
export type PurposeList = z.infer<typeof PurposeList>;

/** One line of the citizen's "who looked at my data": a role and a unit, never an officer's name. */
export const SubjectAccessItem = z.object({
  /** The latest access of the line: repeated reads of one thing by one officer for one purpose within 10 minutes are one line. */
  at: z.string(),
  /** The first access of the line, and how many it stands for (every one stays in the chained log). */
  firstAt: z.string(),
  count: z.number().int().min(1),
  /** What was accessed: `dossier` with its code, or `person_record` (code: the dossier it was opened for, if any). */
  target: z.object({ kind: z.string(), code: z.string().nullable() }).nullable(),
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
export type SubjectAccessItem = z.infer<typeof SubjectAccessItem>;
export const SubjectAccessPage = pageOf(SubjectAccessItem);
export type SubjectAccessPage = z.infer<typeof SubjectAccessPage>;

/** A consent the citizen gave (active) or withdrew. */
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
export type Consent = z.infer<typeof Consent>;
export const ConsentList = z.object({ items: z.array(Consent) });
export type ConsentList = z.infer<typeof ConsentList>;

const ConsentPurposeCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{2,63}$/, bilingual('Mã mục đích không hợp lệ', 'Invalid purpose code'));

/** Body of POST /audit/me/consents: the exact text shown, its version, and an active "I agree". */
export const ConsentGrantBody = z.object({
  purposeCode: ConsentPurposeCode,
  textVersion: z.string().trim().min(1, bilingual('Thiếu phiên bản văn bản', 'Text version is required')).max(64),
  /** The exact text the person read. */
  text: z.string().min(1, bilingual('Thiếu nội dung văn bản', 'Text is required')).max(20_000),
  agreed: z.literal(true, bilingual('Cần bạn chủ động đồng ý', 'You must actively agree')),
});
export type ConsentGrantBody = z.infer<typeof ConsentGrantBody>;

export const ConsentPurposeParams = z.object({ purposeCode: ConsentPurposeCode });
