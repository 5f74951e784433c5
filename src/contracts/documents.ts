import { z } from 'zod';
import { bilingual } from './messages';

/*
 * The citizen's document store (kho dữ liệu, issue 17 §3): the electronic result documents of their
 * dossiers, listed, downloadable and reusable in a later filing.
 */

/** One document of the citizen's store. */
export const StoredDocument = z.object({
  id: z.string(),
  /** Document type: the result document's kind (CT03, CT07, CT08, BIRTH_EXTRACT), a slip's (SLIP_*) or RECEIPT. */
  documentType: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  /** The issuing agency as printed; null when unknown. */
  issuingUnit: z.string().nullable(),
  dossierCode: z.string().nullable(),
  procedureCode: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  issuedAt: z.string(),
  /** Last day it may be used (Vietnam date, YYYY-MM-DD); null: no limit. */
  validUntil: z.string().nullable(),
  /** Still usable today (no limit, or valid until today or later). */
  valid: z.boolean(),
  /** The procedure document codes it may stand in for in a later filing (while valid). */
  servesDocumentCodes: z.array(z.string()),
});
export type StoredDocument = z.infer<typeof StoredDocument>;

export const StoredDocumentList = z.object({ items: z.array(StoredDocument) });
export type StoredDocumentList = z.infer<typeof StoredDocumentList>;

export const StoredDocumentParams = z.object({
  id: z.uuid({ error: bilingual('Mã giấy tờ không hợp lệ', 'Not a valid document id') }),
});
