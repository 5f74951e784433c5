import type { PortalPush, PortalPushList, PortalSandboxSettings, PushState } from '../../../contracts/portal-sync';
import { apiGet, apiPost, apiPut, type RequestOptions } from '../../api/client';

export type { PortalPush, PortalPushList, PortalSandboxSettings, PushState };

const BASE = '/api/v1/portal-sync';

export function fetchPushes(q: { state?: PushState; dossierCode?: string }, options?: RequestOptions) {
  const params = new URLSearchParams({ limit: '100' });
  if (q.state) params.set('state', q.state);
  if (q.dossierCode) params.set('dossierCode', q.dossierCode);
  return apiGet<PortalPushList>(`${BASE}/pushes?${params.toString()}`, options);
}
export const retryPush = (id: string) => apiPost<PortalPush>(`${BASE}/pushes/${encodeURIComponent(id)}/retry`, {});
export const fetchSandbox = (options?: RequestOptions) => apiGet<PortalSandboxSettings>(`${BASE}/sandbox`, options);
export const saveSandbox = (settings: PortalSandboxSettings) =>
  apiPut<PortalSandboxSettings>(`${BASE}/sandbox`, settings);
