import type { Db } from '../../platform/db';
import { findOwnDocument, isValidOn } from './documents.service';
import { documentCodesServedBy } from './document-types';

/** A store document offered in place of an upload, as a filing attaches it. */
export interface ReusableDocument {
  id: string;
  documentType: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  validUntil: string | null;
}

/** Why a store document cannot stand in for a procedure's document. */
export type ReuseRefusal = 'not_found' | 'expired' | 'not_accepted';

/**
 * The store document `id` of `ownerAccountId`, checked to stand in for document `documentCode`
 * on `today` (Vietnam date): it must be the owner's (another's answers as not found), still valid,
 * and of a type that serves that code. Pure reads; the caller turns a refusal into its error.
 */
export async function resolveReusableDocument(
  db: Db,
  q: { ownerAccountId: string; id: string; documentCode: string; today: string },
): Promise<ReusableDocument | ReuseRefusal> {
  const row = await findOwnDocument(db, q.ownerAccountId, q.id);
  if (!row) return 'not_found';
  if (!isValidOn(row.validUntil, q.today)) return 'expired';
  if (!documentCodesServedBy(row.documentType).includes(q.documentCode)) return 'not_accepted';
  return {
    id: row.id,
    documentType: row.documentType,
    fileName: row.fileName,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256,
    validUntil: row.validUntil,
  };
}
