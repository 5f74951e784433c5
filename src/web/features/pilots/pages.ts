import { lazy } from 'react';

/**
 * The pages of the pilot models feature (target 14), for the router: each is loaded (a chunk of
 * its own) when its route first opens.
 */
export const PilotsPage = lazy(() => import('./PilotsPage'));
export const PilotDetailPage = lazy(() => import('./PilotDetailPage'));
export const PilotDueDatesPage = lazy(() => import('./PilotDueDatesPage'));
