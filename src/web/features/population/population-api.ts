import type { PersonDetail, PersonPageResult, StayList } from '../../../contracts/population';
import { apiGet, apiPost, query, type RequestOptions } from '../../api/client';

/** Criteria of a person search, as the form holds them (birth date already YYYY-MM-DD). */
export interface SearchCriteria {
  nationalId?: string;
  name?: string;
  birthDate?: string;
  birthYear?: number;
  unitCode?: string;
}

/** A page of results (`fuzzy`: no exact match, similar names shown). */
export type PersonPage = PersonPageResult;

/** Search persons by ID number or name; national IDs travel in the body, never in the URL. */
export function searchPersons(
  criteria: SearchCriteria,
  page: number,
  pageSize: number,
  options?: RequestOptions,
): Promise<PersonPage> {
  const body: Record<string, unknown> = { page, pageSize };
  for (const [key, value] of Object.entries(criteria)) {
    if (value !== undefined && value !== null && value !== '') body[key] = value;
  }
  return apiPost<PersonPage>('/api/v1/population/persons/search', body, options);
}

/** One person's record, opened for a stated purpose (a code of GET /audit/purposes); the access is logged. */
export function fetchPersonDetail(id: string, purpose: string, options?: RequestOptions): Promise<PersonDetail> {
  return apiGet<PersonDetail>(`/api/v1/population/persons/${encodeURIComponent(id)}${query({ purpose })}`, options);
}

/** The stays notified (2.001159) covering a day in the officer's communes. */
export function fetchStays(on: string, options?: RequestOptions): Promise<StayList> {
  return apiGet<StayList>(`/api/v1/population/stays${query({ on })}`, options);
}
