import type { QualityReport } from '../../../contracts/population';
import { apiGet, apiPost, type RequestOptions } from '../../api/client';

/** Properties of each feature in /api/v1/units/geojson. */
export interface CommuneFeatureProperties {
  code: string;
  name: string;
  fullName: string;
}

export interface CommuneFeatureCollection {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; properties: CommuneFeatureProperties; geometry: unknown }>;
}

/** The latest quality report; null before the first run (the scheduled run makes one when the server starts). */
export function fetchQualityReport(options?: RequestOptions): Promise<QualityReport | null> {
  return apiGet<QualityReport | null>('/api/v1/population/quality/report', options);
}

/** Runs every rule over the registry and returns the new report (can take several seconds). */
export function runQualityCheck(options?: RequestOptions): Promise<QualityReport> {
  return apiPost<QualityReport>('/api/v1/population/quality/runs', {}, options);
}

let geoJsonPromise: Promise<CommuneFeatureCollection> | undefined;

/** Boundaries of the current communes, fetched once per page load. */
export function fetchCommuneGeoJson(): Promise<CommuneFeatureCollection> {
  geoJsonPromise ??= apiGet<CommuneFeatureCollection>('/api/v1/units/geojson').catch((error: unknown) => {
    geoJsonPromise = undefined; // allow a retry
    throw error;
  });
  return geoJsonPromise;
}
