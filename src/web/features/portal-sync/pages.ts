import { lazy } from 'react';

/** The national-portal sync page (administrators, portal_sync.manage), loaded when its route first opens. */
export const PortalSyncPage = lazy(() => import('./PortalSyncPage'));
