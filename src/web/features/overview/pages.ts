import { lazy } from 'react';

/**
 * The overview, for the router: loaded (a chunk of its own) only for a session that may see it,
 * on the home page. The router imports this file rather than index.ts.
 */
export const OverviewPanel = lazy(() => import('./OverviewPanel'));
