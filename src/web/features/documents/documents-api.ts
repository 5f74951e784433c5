import type { StoredDocumentList } from '../../../contracts/documents';
import { apiGet, type RequestOptions } from '../../api/client';

const BASE = '/api/v1/documents';

/** The signed-in citizen's document store. */
export const getMyDocuments = (options?: RequestOptions) => apiGet<StoredDocumentList>(`${BASE}/mine`, options);

/** Where a store document's file downloads (owner only; the session cookie goes with the link). */
export const documentFileUrl = (id: string) => `${BASE}/${encodeURIComponent(id)}/file`;
