import { lazy } from 'react';

/**
 * The pages of the the population registry feature, for the router: each is loaded (a chunk of its own) when its
 * route first opens. The router imports this file rather than index.ts so that the main chunk
 * does not carry what index.ts gives other features (forms, cards) before a page needs it.
 */
export const PersonSearchPage = lazy(() => import('./PersonSearchPage'));
export const PersonDetailPage = lazy(() => import('./PersonDetailPage'));
export const StaysPage = lazy(() => import('./StaysPage'));
