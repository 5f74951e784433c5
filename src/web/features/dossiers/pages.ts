import { lazy } from 'react';
import { lazyPage } from '../../components/lazy-page';

/**
 * The pages of the dossiers feature, for the router: each is loaded (a chunk of its own) when its
 * route first opens. The router imports this file rather than index.ts so that the main chunk
 * does not carry what index.ts gives other features (forms, cards) before a page needs it.
 */
// Its data is asked for as soon as its code is here (FilingPage.askAhead): at start when it is the first page.
export const FilingPage = lazyPage(() =>
  import('./FilingPage').then((page) => {
    page.askAhead(window.location.pathname);
    return page;
  }),
);
export const MyDossiersPage = lazy(() => import('./MyDossiersPage'));
export const MyDossierPage = lazy(() => import('./MyDossierPage'));
export const StatusLookupPage = lazyPage(() => import('./StatusLookupPage'));
export const WorkqueuePage = lazy(() => import('./WorkqueuePage'));
export const DossierDetailPage = lazy(() => import('./DossierDetailPage'));
export const PaperFilingPage = lazy(() => import('./PaperFilingPage'));
export const ResultVerificationPage = lazy(() => import('./ResultVerificationPage'));
