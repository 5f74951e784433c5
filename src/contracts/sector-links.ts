import { z } from 'zod';
import { bilingual } from './messages';
import { PageQuery, UnitCode, pageOf } from './common';
import { DatasetTypeCode } from './sector-data';

/** HTTP shapes of the linking of sector lists to the registry (/api/v1/sector-data/…/link, /review). */

export const LINK_OUTCOME_CODES = [
  'matched',
  'matched_with_discrepancies',
  'probable',
  'not_found',
  'duplicate_in_list',
  'id_belongs_to_someone_else',
] as const;
export const LinkOutcome = z.enum(LINK_OUTCOME_CODES, {
  error: bilingual('Kết quả liên kết không hợp lệ', 'Not a link outcome'),
});
/**
 * A row's outcome as listed: a link outcome, `invalid` for a row that failed validation at import
 * (never linked), or `unlinked` for a valid row of a batch not linked yet.
 */
export const RowOutcome = z.enum([...LINK_OUTCOME_CODES, 'invalid', 'unlinked'], {
  error: bilingual('Kết quả liên kết không hợp lệ', 'Not a link outcome'),
});

export type RowOutcomeCode = z.infer<typeof RowOutcome>;

/** POST /batches/:id/link: `wait=true` answers when the linking is done (200, the counts); else at once (202, the batch: poll it). */
export const LinkQuery = z.object({
  wait: z
    .enum(['true', 'false'], { error: bilingual('wait phải là true hoặc false', 'wait must be true or false') })
    .default('false')
    .transform((v) => v === 'true'),
});

/** The counts of a linking done (`?wait=true`). */
export const LinkRun = z.object({
  batchId: z.uuid(),
  linked: z.number().int(),
  invalid: z.number().int(),
  reviewed: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
});

/** A person's registry fields, shown beside the list's cells. */
export const LinkedPerson = z.object({
  personId: z.uuid(),
  nationalId: z.string().nullable(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  birthYear: z.number().int(),
  sex: z.string(),
  unitCode: z.string().nullable(),
  status: z.string(),
});

export const LinkReview = z.object({
  decision: z.enum(['accept', 'reject']),
  reason: z.string().nullable(),
  decidedAt: z.string(),
});

export const LinkedRow = z.object({
  /** The link's id (null for a row not linked: an invalid row). */
  linkId: z.uuid().nullable(),
  row: z.number().int(),
  outcome: RowOutcome,
  score: z.number().nullable(),
  disagreements: z.array(z.string()),
  /** The list's original cells, under the batch's header. */
  cells: z.array(z.string()),
  /** Validation errors of an invalid row. */
  errors: z.array(z.object({ field: z.string().nullable(), vi: z.string(), en: z.string() })),
  /** The person linked (for id_belongs_to_someone_else: the holder of the row's ID number). */
  person: LinkedPerson.nullable(),
  /** id_belongs_to_someone_else: the person the row really is, when found. */
  actualPerson: LinkedPerson.nullable(),
  duplicateOfRow: z.number().int().nullable(),
  explanation: z.unknown(),
  review: LinkReview.nullable(),
});

export const LinksQuery = PageQuery.extend({ outcome: RowOutcome.optional() });
export const LinksPage = pageOf(LinkedRow).extend({
  batchId: z.uuid(),
  header: z.array(z.string()),
  /** Rows per outcome in the whole batch (`invalid`: rows that failed validation). */
  counts: z.record(z.string(), z.number().int()),
});

export const ReviewQuery = PageQuery.extend({
  datasetType: DatasetTypeCode.optional(),
  unitCode: UnitCode.optional(),
});
export const ReviewItem = LinkedRow.extend({
  batch: z.object({ id: z.uuid(), datasetType: z.string(), unitCode: z.string(), fileName: z.string() }),
  header: z.array(z.string()),
});
export const ReviewPage = pageOf(ReviewItem);

export const ReviewParams = z.object({
  linkId: z.uuid({ error: bilingual('Mã liên kết không hợp lệ', 'Not a link id') }),
});
export const ReviewBody = z.object({
  decision: z.enum(['accept', 'reject'], {
    error: bilingual('Quyết định phải là accept hoặc reject', 'The decision must be accept or reject'),
  }),
  reason: z
    .string()
    .trim()
    .max(500, bilingual('Lý do tối đa 500 ký tự', 'The reason is at most 500 characters'))
    .optional(),
});
