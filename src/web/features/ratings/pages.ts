import { lazy } from 'react';

/** The ratings feature's page for the router, loaded when its route first opens: the result message's link. */
export const RatingLinkPage = lazy(() => import('./RatingLinkPage'));
