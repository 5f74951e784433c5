/**
 * Public face of the `overview` module: the page leaders and the Standing Agency land on (issue 14
 * §5) — the figures other modules already compute (dossiers by state and channel, on-time share,
 * fees paid online, cashless payments of schools and health facilities, the data-quality score),
 * each with its date or period, for the caller's unit. Read only; owns no table.
 */

/** GET /api/v1/overview (registered by app.ts), action `overview.read`. */
export { overviewRoutes } from './overview.routes';
/** The overview of an access context (for the CLI or a later dashboard). */
export { getOverview } from './overview.service';
