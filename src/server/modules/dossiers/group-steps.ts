import type { ComponentProcedure, GroupStepAction } from '../../../contracts/procedures';
import type { WorkingCalendar } from '../calendar';
import { deadlineAtReceipt } from './deadline';

/**
 * The steps of an interlinked group (Decree 63/2024, issue 13 §3), pure: which versions run as
 * steps, who handles the dossier while a step runs, each step's deadline. The group's dossier has
 * one code, one payment and one deadline; behind it each agency performs its step in turn.
 */

export type StepState = 'waiting' | 'in_processing' | 'done' | 'refused' | 'stopped';

/** What the rules need of a stored step. */
export interface StepFacts {
  seq: number;
  role: string;
  sector: string | null;
  unitCode: string;
  state: string;
}

/** A component that runs as a step: it says who performs it and what completing it does. */
export type StepComponent = ComponentProcedure & { role: string; step: GroupStepAction };

/** The steps of a version, in order, or none when the version does not run as steps (older versions, ordinary procedures). */
export function stepComponents(components: readonly ComponentProcedure[]): StepComponent[] {
  if (components.length === 0 || !components.every((c) => c.step && c.role)) return [];
  return components as StepComponent[];
}

/** The step running now (at most one: steps run in order). */
export function currentStep<S extends StepFacts>(steps: readonly S[]): S | undefined {
  return steps.find((s) => s.state === 'in_processing');
}

/**
 * Who processes the dossier now: the role (and sector) of the step running, or the version's
 * handling role before the first step starts and after the last ends (receiving it, returning the result).
 */
export function handlerOf(
  handledByRole: string,
  steps: readonly StepFacts[],
): { role: string; sector: string | null; step: StepFacts | null } {
  const step = currentStep(steps);
  return step ? { role: step.role, sector: step.sector, step } : { role: handledByRole, sector: null, step: null };
}

/**
 * The due time of a step started at `at`: its own limit when the version gives one (a same-day
 * limit with its cut-off, or working days), the group's due time otherwise and never later than it.
 */
export function stepDueAt(
  cal: WorkingCalendar,
  component: Pick<ComponentProcedure, 'timeLimitWorkingDays' | 'sameDayCutoff'>,
  at: Date,
  groupDueAt: Date | null,
): Date | null {
  const days = component.timeLimitWorkingDays;
  if (days === null || days === undefined) return groupDueAt;
  const own = deadlineAtReceipt(cal, at, days, component.sameDayCutoff ?? null).dueAt;
  return groupDueAt && groupDueAt < own ? groupDueAt : own;
}

/** The rows of a group's steps when its dossier is received: the first runs, the others wait. */
export function plannedSteps(
  components: readonly StepComponent[],
  unitCode: string,
  at: Date,
  firstDueAt: Date | null,
): Array<StepFacts & { startedAt: Date | null; dueAt: Date | null }> {
  return components.map((c, i) => ({
    seq: i + 1,
    role: c.role,
    sector: c.sector ?? null,
    unitCode,
    state: i === 0 ? 'in_processing' : 'waiting',
    startedAt: i === 0 ? at : null,
    dueAt: i === 0 ? firstDueAt : null,
  }));
}
