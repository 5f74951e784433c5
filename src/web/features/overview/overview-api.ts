import type { Overview } from '../../../contracts/overview';
import { apiGet, type RequestOptions } from '../../api/client';

/** The figures of the caller's unit (GET /api/v1/overview, action overview.read). */
export function fetchOverview(options?: RequestOptions): Promise<Overview> {
  return apiGet<Overview>('/api/v1/overview', options);
}
