import type { PopularProcedures } from '../../../contracts/dossiers';
import type { HelpDeskList } from '../../../contracts/help-desks';
import type { Unit } from '../../../contracts/units';
import { apiGet, query, type RequestOptions } from '../../api/client';

/** Dossiers filed per procedure in the last 90 days (public counts): the home page's "most used" order. */
export function fetchPopular(options?: RequestOptions): Promise<PopularProcedures> {
  return apiGet<PopularProcedures>('/api/v1/dossiers/popular', options);
}

/** Today's communes (and wards) of the province, for the visitor to pick theirs. */
export async function fetchCommunes(options?: RequestOptions): Promise<Unit[]> {
  return (await apiGet<{ items: Unit[] }>('/api/v1/units?level=commune', options)).items;
}

/** The help desks in force for a commune and the province above it (the province's alone without one). */
export function fetchHelpDesks(unitCode: string | null, options?: RequestOptions): Promise<HelpDeskList> {
  return apiGet<HelpDeskList>(`/api/v1/units/help-desks${query({ unit: unitCode })}`, options);
}
