import type {
  FormResponse,
  NewVersionBody,
  PrefillResult,
  PrefillStats,
  ProcedureField,
  ProcedureList,
  ProcedureVersion,
  VersionList,
} from '../../../contracts/procedures';
import { apiGet, apiPost, query, type RequestOptions } from '../../api/client';

const base = '/api/v1/procedures';
const code = (c: string) => encodeURIComponent(c);

/** The catalog in force today, by words of the name or code (diacritics ignored) and field. */
export function fetchCatalog(
  params: { q?: string; field?: ProcedureField },
  options?: RequestOptions,
): Promise<ProcedureList> {
  return apiGet<ProcedureList>(`${base}${query(params)}`, options);
}

/** The version of a procedure in force today. */
export function fetchProcedure(c: string, options?: RequestOptions): Promise<ProcedureVersion> {
  return apiGet<ProcedureVersion>(`${base}/${code(c)}`, options);
}

/** A version by id (e.g. the one a dossier was filed under). */
export function fetchVersion(id: string, options?: RequestOptions): Promise<ProcedureVersion> {
  return apiGet<ProcedureVersion>(`${base}/versions/${encodeURIComponent(id)}`, options);
}

/** The form of the version in force (schema + field metadata). */
export function fetchForm(c: string, options?: RequestOptions): Promise<FormResponse> {
  return apiGet<FormResponse>(`${base}/${code(c)}/form`, options);
}

/** The signed-in citizen's prefilled form. */
export function fetchPrefill(c: string, options?: RequestOptions): Promise<PrefillResult> {
  return apiGet<PrefillResult>(`${base}/${code(c)}/prefill`, options);
}

/** Typed inputs before and after prefill. */
export function fetchPrefillStats(c: string, options?: RequestOptions): Promise<PrefillStats> {
  return apiGet<PrefillStats>(`${base}/${code(c)}/prefill-stats`, options);
}

/** Every version of a procedure, newest first (staff). */
export function fetchVersions(c: string, options?: RequestOptions): Promise<VersionList> {
  return apiGet<VersionList>(`${base}/${code(c)}/versions`, options);
}

/** Creates a new version (administrators). */
export function createVersion(
  c: string,
  body: NewVersionBody,
): Promise<{ version: ProcedureVersion; closedVersionId: string | null }> {
  return apiPost(`${base}/${code(c)}/versions`, body);
}
