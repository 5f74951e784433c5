import type { Indicator, IndicatorVersionBody, KpiSource } from '../../../../contracts/kpi';
import { apiGet, apiPost, query, type RequestOptions } from '../../../api/client';

const BASE = '/api/v1/kpi/indicators';

/** The indicators in force on a day (YYYY-MM-DD). */
export function fetchIndicators(on: string, options?: RequestOptions): Promise<Indicator[]> {
  return apiGet<Indicator[]>(`${BASE}${query({ on })}`, options);
}

/** Every version of an indicator, newest first. */
export function fetchVersions(code: string, options?: RequestOptions): Promise<Indicator[]> {
  return apiGet<Indicator[]>(`${BASE}/${encodeURIComponent(code)}/versions`, options);
}

/** A new version from `validFrom` (the one in force the day before is closed then). */
export function addVersion(body: IndicatorVersionBody): Promise<Indicator> {
  return apiPost<Indicator>(BASE, body);
}

/** The sources the modules publish today, sorted by key (what an indicator's source may name). */
export function fetchSources(options?: RequestOptions): Promise<KpiSource[]> {
  return apiGet<KpiSource[]>('/api/v1/kpi/sources', options);
}
