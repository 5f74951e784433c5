/**
 * Public face of the `kpi` module (issue 15): the plan's 14 targets as indicators with dated
 * versions, computed per commune and for the province from the sources other modules publish
 * (platform/indicator-sources.ts), kept as runs whose values are snapshots.
 */

/** HTTP routes for /api/v1/kpi (registered by app.ts with the sources the composition root gathers). */
export { kpiRoutes } from './kpi.routes';
/** Computes one period now (the CLI, tests, benchmarks); the run id. */
export { computeRun, type SourceMap } from './compute';
/** The scheduled computation of the periods under way (main.ts). */
export { runScheduledKpi } from './kpi-schedule';
/** Adds the shipped indicators (reference/kpi/indicators.json) the database does not hold yet. */
export { seedIndicators } from './kpi.seed';
/** Reporting periods: 2026, 2026-Q3, 2026-09. */
export { parsePeriod, currentPeriods } from './periods';
/** The periodic report of a run (XLSX, PDF), for the route and the CLI's `dvc06 report`. */
export { reportContent, reportPdf, reportXlsx } from './report';
/** Error codes of the module (the suffix gives the HTTP status). */
export { KPI_ERRORS } from './kpi.errors';
