import { lazy } from 'react';

/**
 * The pages of the cashless payment statistics, import and facilities feature, for the router: each is loaded (a chunk of its own) when its
 * route first opens. The router imports this file rather than index.ts so that the main chunk
 * does not carry what index.ts gives other features (forms, cards) before a page needs it.
 */
export const CashlessStatsPage = lazy(() => import('./CashlessStatsPage'));
export const CashlessImportPage = lazy(() => import('./CashlessImportPage'));
export const FacilitiesPage = lazy(() => import('./FacilitiesPage'));
