import { z } from 'zod';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_MAX_COUNT,
  DossierCommand,
  DossierSummary,
} from '../../../contracts/dossiers';
import { pageOf } from '../../../contracts/common';
import { ProcedureCode } from '../../../contracts/procedures';
import { bilingual } from '../../../contracts/messages';
import { SLIP_KINDS } from '../slips';

/** Request shapes of the dossier routes that are not contracts of their own. */
export const IdParams = z.object({ id: z.uuid(bilingual('Mã hồ sơ không hợp lệ', 'Invalid dossier id')) });
export const CommandParams = IdParams.extend({ command: DossierCommand });
/** The verification code in a result document's QR code (random, URL-safe). */
export const ResultTokenParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, bilingual('Mã kiểm tra không hợp lệ', 'Invalid verification code')),
});
export const AttachmentParams = IdParams.extend({
  attachmentId: z.uuid(bilingual('Mã tệp không hợp lệ', 'Invalid attachment id')),
});
export const SlipParams = IdParams.extend({
  kind: z.enum(SLIP_KINDS as unknown as ['receipt', 'supplement', 'refusal', 'apology']),
});
export const SearchBody = z
  .object({
    nationalId: z
      .string()
      .regex(/^\d{12}$/, bilingual('Số định danh cá nhân gồm 12 chữ số', 'A personal ID number has 12 digits'))
      .optional(),
    name: z
      .string()
      .trim()
      .min(2, bilingual('Nhập ít nhất 2 chữ cái của họ tên', 'Type at least 2 letters of the name'))
      .max(100, bilingual('Họ tên tối đa 100 ký tự', 'The name is at most 100 characters'))
      .optional(),
  })
  .strict()
  .refine((b) => (b.nationalId === undefined) !== (b.name === undefined), {
    path: ['nationalId'],
    error: bilingual('Nhập số định danh hoặc họ tên (một trong hai)', 'Give the ID number or the name (one of them)'),
  });
export const MinePage = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    /** Only this procedure's dossiers (the filing page asks: is one still open?). */
    procedureCode: ProcedureCode.optional(),
    /** Only the dossiers not finished yet: filed and not decided, withdrawn or refused (drafts excluded). */
    open: z.enum(['true', 'false']).optional(),
  })
  .strict();
export const DossierPage = pageOf(DossierSummary);
/** The public status lookup's limit per client address (shared by every process: identity.rate_limits). */
export const STATUS_LOOKUP_LIMIT = { max: 20, windowMs: 60_000 } as const;
/** Room for every attachment at its maximum plus the form (the app's 1 MB limit is for JSON bodies). */
export const MULTIPART_BODY_LIMIT = (ATTACHMENTS_MAX_COUNT + 1) * ATTACHMENT_MAX_BYTES + 1024 * 1024;
/** The multipart parser's limits: the attachments, the JSON field, nothing else. */
export const MULTIPART_LIMITS = {
  fileSize: ATTACHMENT_MAX_BYTES,
  files: ATTACHMENTS_MAX_COUNT + 1,
  fields: 3,
  fieldSize: 512 * 1024,
  parts: ATTACHMENTS_MAX_COUNT + 4,
};
