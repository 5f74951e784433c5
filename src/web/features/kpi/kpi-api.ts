import type { KpiRun, KpiTable } from '../../../contracts/kpi';
import { apiGet, apiPost, query, type RequestOptions } from '../../api/client';

/** The latest finished run of a period with its indicators and the values the session may read (kpi.read). */
export function fetchKpiTable(period: string, options?: RequestOptions): Promise<KpiTable> {
  return apiGet<KpiTable>(`/api/v1/kpi/values${query({ period })}`, options);
}

/** Recomputes every indicator of the period now (kpi.run, at the province); answers once the run is done. */
export function startKpiRun(period: string, options?: RequestOptions): Promise<KpiRun> {
  return apiPost<KpiRun>('/api/v1/kpi/runs', { period }, options);
}

/** The name of each current commune in /api/v1/units/geojson, and the boundaries the map draws. */
export interface CommuneShapes {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; properties: { code: string; fullName: string }; geometry: unknown }>;
}

/** Today's 38 communes as GeoJSON (the server lets the browser cache it for a day). */
export function fetchCommuneShapes(options?: RequestOptions): Promise<CommuneShapes> {
  return apiGet<CommuneShapes>('/api/v1/units/geojson', options);
}
