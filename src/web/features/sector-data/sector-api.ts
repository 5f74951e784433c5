import type { z } from 'zod';
import type {
  Batch,
  DatasetTypeInfo,
  ImportAnswer as ImportAnswerShape,
  Mapping as MappingShape,
} from '../../../contracts/sector-data';
import type {
  LinkedPerson as LinkedPersonShape,
  LinkedRow as LinkedRowShape,
  LinksPage as LinksPageShape,
  ReviewPage as ReviewPageShape,
} from '../../../contracts/sector-links';
import { apiGet, apiPost, apiPostForm, apiPut, query, type RequestOptions } from '../../api/client';
import type { BatchStateCode } from './sector-labels';

/** Calls of /api/v1/sector-data (src/server/modules/sector-data/README.md); the shapes are the contracts'. */
const BASE = '/api/v1/sector-data';

export type { Batch };
export type DatasetType = z.infer<typeof DatasetTypeInfo>;
export type ImportAnswer = z.infer<typeof ImportAnswerShape>;
export type Mapping = z.infer<typeof MappingShape>;
export type LinkedPerson = z.infer<typeof LinkedPersonShape>;
export type LinkedRow = z.infer<typeof LinkedRowShape>;
export type LinksPage = z.infer<typeof LinksPageShape>;
export type ReviewPage = z.infer<typeof ReviewPageShape>;
export type ReviewItem = ReviewPage['items'][number];
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const fetchTypes = (options?: RequestOptions) => apiGet<{ items: DatasetType[] }>(`${BASE}/types`, options);

export interface BatchFilters {
  datasetType?: string;
  state?: BatchStateCode;
  page?: number;
  pageSize?: number;
}
export const fetchBatches = (filters: BatchFilters, options?: RequestOptions) =>
  apiGet<Page<Batch>>(`${BASE}/batches${query({ ...filters })}`, options);
export const fetchBatch = (id: string, options?: RequestOptions) =>
  apiGet<Batch>(`${BASE}/batches/${encodeURIComponent(id)}`, options);
export const cancelImport = (id: string) => apiPost<Batch>(`${BASE}/batches/${encodeURIComponent(id)}/cancel`, {});

export interface ImportRequest {
  datasetType: string;
  unitCode?: string;
  /** A mapping set by hand (field → header text). */
  mapping?: Record<string, string>;
  mappingName?: string;
}

/** Uploads a list (multipart part `file`); the answer comes as soon as the import runs: poll the batch. */
export function uploadList(file: File, request: ImportRequest): Promise<ImportAnswer> {
  const form = new FormData();
  form.append('file', file, file.name);
  const params = query({
    datasetType: request.datasetType,
    unitCode: request.unitCode,
    mapping: request.mapping ? JSON.stringify(request.mapping) : undefined,
    mappingName: request.mappingName,
  });
  return apiPostForm<ImportAnswer>(`${BASE}/batches${params}`, form);
}

export const fetchMappings = (datasetType: string, options?: RequestOptions) =>
  apiGet<{ items: Mapping[] }>(`${BASE}/mappings${query({ datasetType })}`, options);
export const saveMapping = (body: { datasetType: string; name: string; columns: Record<string, string> }) =>
  apiPut<Mapping>(`${BASE}/mappings`, body);

/** Starts linking the batch (202: the batch, `link.state` linking): poll the batch for its progress and outcome. */
export const linkBatch = (id: string) => apiPost<Batch>(`${BASE}/batches/${encodeURIComponent(id)}/link`, {});
export const fetchLinks = (
  id: string,
  filters: { outcome?: string; page?: number; pageSize?: number },
  options?: RequestOptions,
) => apiGet<LinksPage>(`${BASE}/batches/${encodeURIComponent(id)}/links${query({ ...filters })}`, options);

/** Downloads: plain links (the session cookie authorises them). */
export const errorsXlsxUrl = (id: string) => `${BASE}/batches/${encodeURIComponent(id)}/errors.xlsx`;
export const linksXlsxUrl = (id: string) => `${BASE}/batches/${encodeURIComponent(id)}/links.xlsx`;

export const fetchReview = (
  filters: { datasetType?: string; page?: number; pageSize?: number },
  options?: RequestOptions,
) => apiGet<ReviewPage>(`${BASE}/review${query({ ...filters })}`, options);
export const decideReview = (linkId: string, body: { decision: 'accept' | 'reject'; reason?: string }) =>
  apiPost<{ linkId: string; outcome: string; decision: string; reason: string | null }>(
    `${BASE}/review/${encodeURIComponent(linkId)}`,
    body,
  );
