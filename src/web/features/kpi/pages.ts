import { lazy } from 'react';

/**
 * The pages of the Project 06 dashboard feature, for the router: loaded (a chunk of its own, with
 * echarts) when the route first opens. The router imports this file rather than index.ts.
 */
export const KpiPage = lazy(() => import('./KpiPage'));
/** /chi-tieu/bao-cao: units enter the values DVC06 cannot count; the Standing Agency approves them. */
export const KpiReportedPage = lazy(() => import('./reported/ReportedPage'));
/** /chi-tieu/chi-so: the indicators in force on a day, their versions; administrators issue a new one. */
export const KpiIndicatorsPage = lazy(() => import('./indicators/IndicatorsPage'));
