import { lazy } from 'react';
import { lazyPage } from '../../components/lazy-page';

/** The pages of the public front door, for the router (each a chunk of its own). */
export const PublicHomePage = lazyPage(() => import('./PublicHomePage'));
export const PublicNotFoundPage = lazy(() => import('./PublicNotFoundPage'));
