import type {
  CommandBody,
  DossierCommand,
  DossierDetail,
  DraftBody,
  DossierListQuery,
  DossierSummary,
  StatusLookupResult,
  ResultVerification,
  SubmissionBody,
} from '../../../contracts/dossiers';
import type { PersonDetail } from '../../../contracts/population';
import { apiGet, apiPatch, apiPost, apiPostForm, query, type RequestOptions } from '../../api/client';

/** A page of dossiers as the list endpoints return it. */
export interface DossierPage {
  items: DossierSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** Files chosen for the dossier, by the procedure's document code (several files per document allowed). */
export type FilesByDocument = Record<string, File[]>;

/** The kinds of printable slips. */
export type SlipKind = DossierDetail['slips'][number];

const BASE = '/api/v1/dossiers';
const enc = encodeURIComponent;

/** The input of a submission as the web app sends it: `draft` and `channel` may be left to the server's defaults. */
export type SubmissionInput = Omit<SubmissionBody, 'draft' | 'channel'> &
  Partial<Pick<SubmissionBody, 'draft' | 'channel'>>;

function hasFiles(files: FilesByDocument | undefined): files is FilesByDocument {
  return !!files && Object.values(files).some((list) => list.length > 0);
}

/**
 * The multipart body of a submission or a resubmission: the JSON part under `jsonField`, then
 * one part `file:<documentKey>` per file (the server's field naming).
 */
export function multipartBody(jsonField: 'dossier' | 'command', json: unknown, files: FilesByDocument): FormData {
  const form = new FormData();
  form.append(jsonField, JSON.stringify(json));
  for (const [documentKey, list] of Object.entries(files)) {
    for (const file of list) form.append(`file:${documentKey}`, file, file.name);
  }
  return form;
}

/** Files a dossier (or saves a draft): JSON without files, multipart with them. */
export function submitDossier(body: SubmissionInput, files?: FilesByDocument): Promise<DossierDetail> {
  return hasFiles(files)
    ? apiPostForm<DossierDetail>(BASE, multipartBody('dossier', body, files))
    : apiPost<DossierDetail>(BASE, body);
}

/** Saves what was typed on the citizen's own draft (compare-and-set on the version read). */
export function saveDraft(id: string, body: DraftBody): Promise<DossierDetail> {
  return apiPatch<DossierDetail>(`${BASE}/${enc(id)}/draft`, body);
}

/** The signed-in citizen's dossiers, newest first. */
export function fetchMyDossiers(page: number, pageSize: number, options?: RequestOptions): Promise<DossierPage> {
  return apiGet<DossierPage>(`${BASE}/mine${query({ page, pageSize })}`, options);
}

/** The citizen's dossiers of one procedure that are still open (filed, not yet finished). */
export function fetchMyOpenDossiers(procedureCode: string, options?: RequestOptions): Promise<DossierPage> {
  return apiGet<DossierPage>(`${BASE}/mine${query({ procedureCode, open: 'true', pageSize: 10 })}`, options);
}

/** Filters of the back-office workqueue (page and size included). */
export type WorkqueueFilters = Partial<DossierListQuery>;

/** A back-office workqueue page. */
export function fetchWorkqueue(filters: WorkqueueFilters, options?: RequestOptions): Promise<DossierPage> {
  return apiGet<DossierPage>(`${BASE}${query({ ...filters })}`, options);
}

/**
 * Dossiers of one person: 12 digits are a personal ID number, anything else the applicant's name
 * (without tone marks is fine). In the body: ID numbers and names never go in URLs.
 */
export function searchDossiersByPerson(typed: string, options?: RequestOptions): Promise<DossierPage> {
  const text = typed.trim();
  const body = /^\d{12}$/.test(text.replace(/\s+/g, '')) ? { nationalId: text.replace(/\s+/g, '') } : { name: text };
  return apiPost<DossierPage>(`${BASE}/search`, body, options);
}

/** One dossier in full, with the commands the caller may run now. */
export function fetchDossier(id: string, options?: RequestOptions): Promise<DossierDetail> {
  return apiGet<DossierDetail>(`${BASE}/${enc(id)}`, options);
}

/** Staff: the applicant's registry record (the access is logged with purpose dossier_processing). */
export function fetchApplicant(id: string, options?: RequestOptions): Promise<PersonDetail> {
  return apiGet<PersonDetail>(`${BASE}/${enc(id)}/applicant`, options);
}

/** Runs a command on a dossier; with files (a resubmission) the body goes as multipart. */
export function runCommand(
  id: string,
  command: DossierCommand,
  body: CommandBody,
  files?: FilesByDocument,
): Promise<DossierDetail> {
  const path = `${BASE}/${enc(id)}/commands/${enc(command)}`;
  return hasFiles(files)
    ? apiPostForm<DossierDetail>(path, multipartBody('command', body, files))
    : apiPost<DossierDetail>(path, body);
}

/** Where an attachment is downloaded (same-origin GET with the session cookie). */
export function attachmentUrl(id: string, attachmentId: string): string {
  return `${BASE}/${enc(id)}/attachments/${enc(attachmentId)}`;
}

/** Where a slip's PDF is rendered. */
export function slipUrl(id: string, kind: SlipKind): string {
  return `${BASE}/${enc(id)}/slips/${enc(kind)}`;
}

/** Public: a dossier's state from its code and the applicant's ID number. */
/** The public check of a result document by the code in its QR (GET /dossiers/results/:token). */
export function fetchResultVerification(token: string, options?: RequestOptions): Promise<ResultVerification> {
  return apiGet<ResultVerification>(`${BASE}/results/${encodeURIComponent(token)}`, options);
}

export function lookupStatus(code: string, nationalId: string, options?: RequestOptions): Promise<StatusLookupResult> {
  return apiPost<StatusLookupResult>(`${BASE}/status-lookup`, { code, nationalId }, options);
}
