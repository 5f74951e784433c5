/**
 * The overdue rules of pilot models (pure; table-tested in overdue.test.ts). Dates are
 * YYYY-MM-DD days in Vietnam; "as of" a day means at the end of that day.
 */

/** A plan due date as dated data: from `effectiveFrom` on, plans are due by `dueOn`. */
export interface DueDateSetting {
  dueOn: string;
  effectiveFrom: string;
  /** When it was set (ISO): of two settings effective the same day, the later one holds. */
  setAt: string;
}

/** The setting in force on `day`: the latest `effectiveFrom` on or before it, the latest set among equals. */
export function dueDateInForce<T extends DueDateSetting>(settings: readonly T[], day: string): T | undefined {
  let best: T | undefined;
  for (const s of settings) {
    if (s.effectiveFrom > day) continue;
    if (
      !best ||
      s.effectiveFrom > best.effectiveFrom ||
      (s.effectiveFrom === best.effectiveFrom && s.setAt > best.setAt)
    )
      best = s;
  }
  return best;
}

/**
 * Is the plan overdue on `asOf`? Only while no plan has been uploaded (on or before `asOf`) and
 * the due date in force that day has passed. A plan uploaded late stops being overdue: the flag
 * says what is missing now, not what was late once. A model registered after the due date is not
 * held to it (a deadline that passed before the model existed): a new due date is set for it.
 */
export function planOverdue(input: {
  firstPlanOn: string | null;
  asOf: string;
  dueOn: string | null;
  registeredOn: string;
}): boolean {
  if (input.dueOn === null || input.registeredOn > input.dueOn) return false;
  if (input.firstPlanOn !== null && input.firstPlanOn <= input.asOf) return false;
  return input.asOf > input.dueOn;
}

/** Is a milestone overdue on `asOf`? Its due day has passed and it was not done by then. */
export function milestoneOverdue(input: { dueOn: string; doneOn: string | null; asOf: string }): boolean {
  if (input.doneOn !== null && input.doneOn <= input.asOf) return false;
  return input.asOf > input.dueOn;
}

/** Milestones overdue on `asOf` of a model in `state` that day: none once the model is completed or evaluated. */
export function overdueMilestones(
  milestones: ReadonlyArray<{ dueOn: string; doneOn: string | null }>,
  state: string,
  asOf: string,
): number {
  if (state === 'completed' || state === 'evaluated') return 0;
  return milestones.filter((m) => milestoneOverdue({ ...m, asOf })).length;
}
