import { lazy } from 'react';

/** The pages of the public front door, for the router (each a chunk of its own). */
export const PublicHomePage = lazy(() => import('./PublicHomePage'));
export const PublicNotFoundPage = lazy(() => import('./PublicNotFoundPage'));
