import type { StoredDocument } from '../../../contracts/documents';
import type { RequiredDocument } from '../../../contracts/procedures';

/** For each document a procedure asks for, the newest valid store document that may stand in for it. */
export function reuseOffers(
  documents: readonly Pick<RequiredDocument, 'code'>[],
  store: readonly StoredDocument[],
): Record<string, StoredDocument> {
  const offers: Record<string, StoredDocument> = {};
  for (const d of documents) {
    const doc = store.find((s) => s.valid && s.servesDocumentCodes.includes(d.code));
    if (doc) offers[d.code] = doc;
  }
  return offers;
}
