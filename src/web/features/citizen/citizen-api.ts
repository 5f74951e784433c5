import type { Consent, ConsentGrantBody, ConsentList, SubjectAccessPage } from '../../../contracts/audit';
import type { PersonDetail } from '../../../contracts/population';
import { apiGet, apiPost, query, type RequestOptions } from '../../api/client';

/** The signed-in citizen's own registry record. */
export function fetchMyRecord(options?: RequestOptions): Promise<PersonDetail> {
  return apiGet<PersonDetail>('/api/v1/population/me', options);
}

/** Who accessed my data, newest first. */
export function fetchAccessLog(page: number, pageSize: number, options?: RequestOptions): Promise<SubjectAccessPage> {
  return apiGet<SubjectAccessPage>(`/api/v1/audit/me/access-log${query({ page, pageSize })}`, options);
}

/** Every consent I gave (active and withdrawn). */
export function fetchConsents(options?: RequestOptions): Promise<ConsentList> {
  return apiGet<ConsentList>('/api/v1/audit/me/consents', options);
}

/** Gives consent with the exact text shown and its version. */
export function grantConsent(body: ConsentGrantBody): Promise<Consent> {
  return apiPost<Consent>('/api/v1/audit/me/consents', body);
}

/** Withdraws the active consent for a purpose. */
export function withdrawConsent(purposeCode: string): Promise<Consent> {
  return apiPost<Consent>(`/api/v1/audit/me/consents/${encodeURIComponent(purposeCode)}/withdraw`, {});
}
