import type { PopularProcedures } from '../../../contracts/dossiers';
import { apiGet, type RequestOptions } from '../../api/client';

/** Dossiers filed per procedure in the last 90 days (public counts): the home page's "most used" order. */
export function fetchPopular(options?: RequestOptions): Promise<PopularProcedures> {
  return apiGet<PopularProcedures>('/api/v1/dossiers/popular', options);
}
