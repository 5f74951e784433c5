import { lazy } from 'react';

/** The notifications feature's pages for the router, each loaded when its route first opens. */
export const InboxPage = lazy(() => import('./InboxPage'));
export const OutboxPage = lazy(() => import('./OutboxPage'));
export const TemplatesPage = lazy(() => import('./TemplatesPage'));
