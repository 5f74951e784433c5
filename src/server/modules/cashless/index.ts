/**
 * Public face of the `cashless` module: cashless payment in schools and health facilities
 * (target 7 of the plan) — a register of facilities (kind, sub-kind as data, commune; "in a ward"
 * from the unit's type), a monthly all-or-nothing import of each facility's cashless vs cash
 * transactions with every replaced figure kept as history, and the statistics.
 * (The share of DVC06's own fee payments made online belongs to the `payments` module.)
 */

/** Routes at /api/v1/cashless (registered by app.ts). */
export { cashlessRoutes } from './cashless.routes';

/**
 * `cashlessFacilityStats(db, { from: 'YYYY-MM', to: 'YYYY-MM', unitCodes, monthly?, period?, asOf? })`
 * → `{ from, to, months, units, rows }`: for each unit (today's structure; a unit covers the
 * communes below it), each month and/or the whole period, kind ('school' | 'health_facility' |
 * 'all') and area ('all'; 'ward' as well for the province) — facilities registered (active today),
 * reporting, transacting, fully cashless; transaction counts and amounts (VND); `cashlessShare`
 * (of transactions), `cashlessAmountShare`, `fullyCashlessShare` (of transacting facilities), null
 * when the denominator is 0. Throws CASHLESS.STATS_INVALID (400) for a period over 60 months or
 * reversed, UNIT.NOT_FOUND (404) for an unknown unit. For the dashboard.
 */
export { cashlessFacilityStats, type CashlessStatsOptions, type CashlessFacilityStats } from './stats.service';

/** The pure share computations (no database), for callers that hold their own figures. */
export { computeStats, share, type StatsFacility, type StatsFigures, type StatsUnitScope } from './stats';

/**
 * Seeds the synthetic demo register (schools and health facilities in every commune, numbered
 * names) and six months of synthetic figures when the register is empty; a no-op otherwise.
 * Deterministic. Called by bootstrap.ts only when the demo is seeded.
 */
export { seedDemoFacilities, type DemoFacilitiesResult } from './demo-facilities';

/** Error codes (CASHLESS.IMPORT_INVALID …). */
export { CASHLESS_ERRORS } from './cashless.errors';
/** What the register counts for the plan's target 7 (ward facilities fully cashless), for the kpi module. */
export { CASHLESS_INDICATOR_SOURCES } from './indicator-sources';
