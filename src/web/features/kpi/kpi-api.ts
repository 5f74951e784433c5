import type { KpiList, KpiRun, KpiStructure, KpiTable, KpiTrend } from '../../../contracts/kpi';
import type { Unit } from '../../../contracts/units';
import { apiGet, apiPost, query, type RequestOptions } from '../../api/client';

/** Today's structure is the API's default: it is sent only when the former one is asked for. */
const structureParam = (structure: KpiStructure) => (structure === 'current' ? undefined : structure);

/** The latest finished run of a period with its indicators and the values the session may read (kpi.read). */
export function fetchKpiTable(period: string, structure: KpiStructure, options?: RequestOptions): Promise<KpiTable> {
  return apiGet<KpiTable>(`/api/v1/kpi/values${query({ period, structure: structureParam(structure) })}`, options);
}

/** Recomputes every indicator of the period now (kpi.run, at the province); answers once the run is done. */
export function startKpiRun(period: string, structure: KpiStructure, options?: RequestOptions): Promise<KpiRun> {
  const body = structure === 'current' ? { period } : { period, structure };
  return apiPost<KpiRun>('/api/v1/kpi/runs', body, options);
}

/** Each indicator's values for one unit over the last `count` periods, ending with `period` (oldest first). */
export function fetchKpiTrend(
  params: { period: string; unitCode: string; structure: KpiStructure; count: number },
  options?: RequestOptions,
): Promise<KpiTrend> {
  const { period, unitCode, structure, count } = params;
  return apiGet<KpiTrend>(
    `/api/v1/kpi/trends${query({ period, unitCode, structure: structureParam(structure), count })}`,
    options,
  );
}

/** What names the list behind a commune's figure (drill-down). */
export interface ListParams {
  period: string;
  indicator: string;
  unitCode: string;
  side: 'missing' | 'counted';
  /** A code of the access log's purposes (GET /api/v1/audit/purposes). */
  purpose: string;
}

/** One page of the people or dossiers behind a commune's figure; each one listed is logged with the purpose. */
export function fetchKpiList(
  params: ListParams & { page: number; pageSize: number },
  options?: RequestOptions,
): Promise<KpiList> {
  return apiGet<KpiList>(`/api/v1/kpi/lists${query({ ...params })}`, options);
}

/** The address of the whole list as an XLSX file: a plain download with the session cookie. */
export function kpiListXlsxUrl(params: ListParams): string {
  return `/api/v1/kpi/lists.xlsx${query({ ...params })}`;
}

/** The address of the periodic report of a run (readers of the province): a plain download. */
export function kpiReportUrl(params: { period: string; runId: number; format: 'pdf' | 'xlsx' }): string {
  return `/api/v1/kpi/report${query({ ...params })}`;
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

/** The units in force on a day (the districts and communes before the 2025 merger, on 30/6/2025). */
export function fetchUnitsOn(asOf: string, options?: RequestOptions): Promise<{ items: Unit[] }> {
  return apiGet<{ items: Unit[] }>(`/api/v1/units${query({ asOf })}`, options);
}
