/**
 * Public face of the `pilots` module: the pilot models (mô hình điểm) agencies register under the
 * province's plan (target 14) — registration, the implementation plan (due by a dated setting),
 * milestones, periodic progress reports, the lifecycle registered → planned → in progress →
 * completed → evaluated with a history row per transition, and the Standing Agency's evaluation.
 */

/** Routes at /api/v1/pilots (registered by app.ts). */
export { pilotsRoutes } from './pilots.routes';

/**
 * `pilotProgress(db, { asOf?: 'YYYY-MM-DD', unitCodes?: string[] | null })` → `{ asOf, rows }`: per
 * registering agency (`unitCode` + `agencyName`), as of the end of `asOf` (default today, Vietnam):
 * `registered` (models registered by then), `planUploaded` (with a plan by then), `planOverdue`
 * (no plan and the due date in force that day passed), `milestonesOverdue` (milestones past due
 * and not done, of models not yet completed), and the models `inProgress`, `completed`, `evaluated`
 * that day (exclusive states: an evaluated model is not counted as completed). Numbers only. States
 * come from the transition history, so a past day gives the same figures later. For target 14 (`kpi`).
 */
export { pilotProgress } from './progress-figures';

/**
 * kpi's source `pilots.on_track` (target 14): per registering agency's unit, the models registered
 * by the day and those on track that day (no plan or milestone overdue, not evaluated as poor).
 */
export { PILOTS_INDICATOR_SOURCES } from './indicator-sources';

/**
 * Records demo pilot models (with back-dated history) into an empty register; a no-op otherwise.
 * For the demo seed only.
 */
export { seedPilotModels, type SeedPilotModel } from './seed';

/** The lifecycle rules and the overdue rules (pure), for callers that hold their own figures. */
export { checkTransition, agencyNextStates } from './lifecycle';
export { dueDateInForce, planOverdue, milestoneOverdue } from './overdue';

/** Error codes (PILOT.TRANSITION_CONFLICT …). */
export { PILOTS_ERRORS } from './pilots.errors';
