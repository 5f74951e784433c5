import type { PopularProcedures } from '../../../../contracts/dossiers';
import * as repo from '../dossiers.repository';
import { clock, type DossierDeps } from './deps';

/** The window of "most used": the last 90 days of filings. */
export const POPULAR_DAYS = 90;

/** Dossiers filed per procedure in the last 90 days, most first (public: counts, no one's data). */
export async function popularProcedures(deps: DossierDeps): Promise<PopularProcedures> {
  const since = new Date(clock(deps).getTime() - POPULAR_DAYS * 86_400_000);
  return { days: POPULAR_DAYS, items: await repo.filingsPerProcedure(deps.db, since) };
}
