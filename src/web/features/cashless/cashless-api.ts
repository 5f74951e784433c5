import type {
  CashlessStats,
  Facility,
  FacilityChange,
  FacilityInput,
  FacilityKind,
  FacilityMonths,
  FacilityPage,
  FacilityType,
  FacilityTypeChange,
  FacilityTypeInput,
  ImportPage,
  ImportResult,
} from '../../../contracts/cashless';
import { apiGet, apiPatch, apiPost, apiPostForm, query, type RequestOptions } from '../../api/client';

export type { CashlessStats, Facility, FacilityMonths, FacilityPage, FacilityType, ImportPage, ImportResult };

const BASE = '/api/v1/cashless';

export const fetchStats = (q: { from: string; to: string; unitCode?: string }, options?: RequestOptions) =>
  apiGet<CashlessStats>(`${BASE}/stats${query(q)}`, options);

export const fetchFacilityTypes = (options?: RequestOptions) =>
  apiGet<{ items: FacilityType[] }>(`${BASE}/facility-types`, options);
export const createFacilityType = (body: FacilityTypeInput) => apiPost<FacilityType>(`${BASE}/facility-types`, body);
export const changeFacilityType = (code: string, body: FacilityTypeChange) =>
  apiPatch<FacilityType>(`${BASE}/facility-types/${encodeURIComponent(code)}`, body);

/** Filters of the register list (all optional). */
export interface FacilityFilters {
  kind?: FacilityKind;
  communeCode?: string;
  inWard?: 'true' | 'false';
  active?: 'true' | 'false';
  q?: string;
  page?: number;
  pageSize?: number;
}

export const fetchFacilities = (filters: FacilityFilters, options?: RequestOptions) =>
  apiGet<FacilityPage>(`${BASE}/facilities${query({ ...filters })}`, options);
export const createFacility = (body: FacilityInput) => apiPost<Facility>(`${BASE}/facilities`, body);
export const changeFacility = (id: string, body: FacilityChange) =>
  apiPatch<Facility>(`${BASE}/facilities/${encodeURIComponent(id)}`, body);
export const fetchFacilityMonths = (id: string, options?: RequestOptions) =>
  apiGet<FacilityMonths>(`${BASE}/facilities/${encodeURIComponent(id)}/months`, options);

export const fetchImports = (page: number, options?: RequestOptions) =>
  apiGet<ImportPage>(`${BASE}/imports${query({ page, pageSize: 10 })}`, options);

/** The CSV template of a month (a plain link: the session cookie authorises the download). */
export const templateUrl = (month: string) => `${BASE}/imports/template.csv${query({ month })}`;

/** Uploads a file; `dryRun` checks and classifies without writing. */
export function uploadFigures(file: File, dryRun: boolean): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiPostForm<ImportResult>(`${BASE}/imports${query({ dryRun: dryRun ? 'true' : undefined })}`, form);
}
