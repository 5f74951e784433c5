import { lazy } from 'react';
import { lazyPage } from '../../components/lazy-page';

/**
 * The pages of the procedures feature, for the router: each is loaded (a chunk of its own) when its
 * route first opens. The router imports this file rather than index.ts so that the main chunk
 * does not carry what index.ts gives other features (forms, cards) before a page needs it.
 */
export const CatalogPage = lazyPage(() => import('./CatalogPage'));
export const ProcedurePage = lazyPage(() => import('./ProcedurePage'));
export const AdminProceduresPage = lazy(() => import('./AdminProceduresPage'));
