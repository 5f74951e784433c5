/**
 * Public face of the `service-index` module: the citizen's rating of a service once a dossier's
 * result is returned (hài lòng / bình thường / không hài lòng, once per dossier, from the dossier
 * page or the result message's link), and the national service index's ratios (Bộ chỉ số 766,
 * Decision 766/QĐ-TTg) per period, unit of either structure and procedure — counted from the
 * dossiers' own columns (dossiers' `serviceIndexCounts`); only the rating is stored here.
 */

/** Routes at /api/v1 (`/ratings/…`, `/service-index`; registered by app.ts). */
export { serviceIndexRoutes } from './service-index.routes';

/**
 * The link a result message gives the citizen to rate the service (`<PUBLIC_URL>/danh-gia/<token>`,
 * signed, valid RATING_LINK_DAYS days; rating still needs the owner signed in — ADR 0033). For the
 * notifications module's "result ready" template.
 */
export { buildRatingLink, RATING_LINK_DAYS } from './rating-link';

/** kpi sources `service_index.*` (fully online, paid online, results digitised, documents reused, satisfied). */
export { SERVICE_INDEX_INDICATOR_SOURCES } from './indicator-sources';

/** The index's ratios for a period, unit and procedure (for a later dashboard). */
export { serviceIndex } from './service-index.service';

/** Error codes (RATING.ALREADY_EXISTS …). */
export { SERVICE_INDEX_ERRORS } from './service-index.errors';
