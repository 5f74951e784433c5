import { lazy } from 'react';

/**
 * The pages of the sector-data feature (issue 16 §6), for the router: each is a chunk of its own,
 * with its text (use-sector-text.ts), loaded when its route first opens.
 */
/** /du-lieu-chuyen-nganh: the imported lists (batches), filtered by type and state. */
export const SectorBatchesPage = lazy(() => import('./BatchesPage'));
/** /du-lieu-chuyen-nganh/nhap: the import wizard (type, unit, file, columns, progress, result). */
export const SectorImportPage = lazy(() => import('./ImportPage'));
/** /du-lieu-chuyen-nganh/ra-soat: the review queue of probable links. */
export const SectorReviewPage = lazy(() => import('./ReviewPage'));
/** /du-lieu-chuyen-nganh/:id: one list, its linking to the registry, its rows by outcome. */
export const SectorBatchPage = lazy(() => import('./BatchPage'));
/** /du-lieu-chuyen-nganh/dieu-chinh: the change requests to the commune police (accept, reject, withdraw). */
export const SectorChangeRequestsPage = lazy(() => import('./ChangeRequestsPage'));
