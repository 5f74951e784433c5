import { lazy } from 'react';

/**
 * The pages of the the working-day calendar feature, for the router: each is loaded (a chunk of its own) when its
 * route first opens. The router imports this file rather than index.ts so that the main chunk
 * does not carry what index.ts gives other features (forms, cards) before a page needs it.
 */
export const CalendarAdminPage = lazy(() => import('./CalendarAdminPage'));
