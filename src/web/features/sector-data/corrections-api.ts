import type { ChangeRequest } from '../../../contracts/sector-corrections';
import { apiGet, apiPost, query, type RequestOptions } from '../../api/client';
import type { CorrectableFieldCode, RequestStateCode } from './correction-labels';
import type { Page } from './sector-api';

/** Calls of the change requests (sector-data README, "Change requests to the commune police"). */
const BASE = '/api/v1/sector-data';

export type { ChangeRequest };

export interface CorrectionProposal {
  field: CorrectableFieldCode;
  /** The list's value spelled better (a name's capitals or tone marks); absent: the list's own value. */
  value?: string;
  evidence: string;
}

/** Proposes a correction of one field of the person a `matched_with_discrepancies` row is linked to. */
export const proposeCorrection = (linkId: string, body: CorrectionProposal) =>
  apiPost<ChangeRequest>(`${BASE}/links/${encodeURIComponent(linkId)}/corrections`, body);

export interface ChangeRequestFilters {
  state?: RequestStateCode;
  unitCode?: string;
  page?: number;
  pageSize?: number;
}
export const fetchChangeRequests = (filters: ChangeRequestFilters, options?: RequestOptions) =>
  apiGet<Page<ChangeRequest>>(`${BASE}/change-requests${query({ ...filters })}`, options);

const at = (id: string, verb: string) => `${BASE}/change-requests/${encodeURIComponent(id)}/${verb}`;
/** Accepts: `version` is the person's `registryVersion` as the request showed it (409 when it moved on). */
export const acceptChangeRequest = (id: string, version: number) =>
  apiPost<ChangeRequest>(at(id, 'accept'), { version });
export const rejectChangeRequest = (id: string, reason: string) => apiPost<ChangeRequest>(at(id, 'reject'), { reason });
export const withdrawChangeRequest = (id: string, reason?: string) =>
  apiPost<ChangeRequest>(at(id, 'withdraw'), reason ? { reason } : {});
