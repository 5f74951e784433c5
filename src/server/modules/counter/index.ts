/**
 * Public face of the `counter` module: the one-stop counter support log (target 1 of the plan —
 * every citizen who comes to a counter is supported and guided to use online public services).
 * Each visit records the counter, the officer, the time, the citizen (registry id, found by ID
 * number with the lookup logged), the procedure, whether the citizen was guided to file online,
 * who typed the filing and the outcome; corrections are new revisions, never overwrites.
 */

/** HTTP routes for /api/v1/counter: lookup, visits (record, correct, list, detail), summary. */
export { counterRoutes } from './counter.routes';

/**
 * Counts per unit and day over [from, to] (ISO dates, inclusive) in `unitCodes` (null = every
 * unit): visits, guided online (count and share), who typed, outcomes, and the share of online
 * filings the citizen typed. Current revisions only. Figures for the Project 06 dashboard.
 */
export { counterSummary } from './counter.queries';

/** The audit purpose written with every counter ID lookup (`citizen_request`). */
export { COUNTER_LOOKUP_PURPOSE } from './counter.access';

/** Error codes of the module (the suffix gives the HTTP status). */
export { COUNTER_ERRORS } from './counter.errors';

/**
 * Counter devices: a browser an officer set up at a one-stop counter, where citizens file under
 * their own e-ID with guidance (channel "assisted"). `assistanceOf(db, request)` reads the
 * request's signed device cookie and gives the device in use (unit, counter, guiding officer) or null.
 */
export { assistanceOf, type CounterAssistance } from './counter.devices';
/** What the counter log counts for the plan's target 1 (citizens guided to file online), for the kpi module. */
export { COUNTER_INDICATOR_SOURCES } from './indicator-sources';
