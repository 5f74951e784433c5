import type { DeadlineFlag, DossierState } from '../../../contracts/dossiers';
import {
  addWorkingMinutes,
  deadlineOfRule,
  effectiveReceipt,
  workingDayMinutes,
  workingMinutesBetween,
  type WorkingCalendar,
} from '../calendar';
import { CLOSED_STATES } from './states';

/**
 * Deadline rules of a dossier (the legal time limits in working days), pure on a calendar snapshot:
 * - set at receipt: counted from the effective time the complete dossier was submitted (online
 *   outside hours → the next working period; at the counter → the time received), in working days,
 *   or — for a version with a same-day cut-off (civil status: 15:00) — by the end of that working
 *   day, the next one when received after the cut-off;
 * - paused while a supplement is requested (the working minutes left are kept) and resumed from the
 *   citizen's resubmission (effective time) with what was left;
 * - moved only by an apology slip (Mẫu 04), which marks the dossier late.
 */

/**
 * Due time of a dossier received at `at` under a limit of `workingDays`, or under the same-day
 * rule when its procedure version has a cut-off ("HH:MM"; working days are then 0).
 */
export function deadlineAtReceipt(
  cal: WorkingCalendar,
  at: Date,
  workingDays: number,
  sameDayCutoff: string | null = null,
): { startsAt: Date; dueAt: Date } {
  const d = deadlineOfRule(cal, at, { workingDays, sameDayCutoff });
  return { startsAt: d.effectiveReceivedAt, dueAt: d.dueAt };
}

/** Stops the clock at `at`: the working minutes left until `dueAt` (never negative). */
export function pauseDeadline(cal: WorkingCalendar, dueAt: Date, at: Date): number {
  // Whole minutes: the clock stops at the start of the current minute (due times fall on whole
  // minutes), so resuming at once gives back exactly the same due time.
  const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  return Math.round(workingMinutesBetween(cal, minute, new Date(Math.ceil(dueAt.getTime() / 60_000) * 60_000)));
}

/** Restarts the clock at `at` with `remainingMinutes` of working time left. */
export function resumeDeadline(cal: WorkingCalendar, at: Date, remainingMinutes: number): Date {
  const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000); // due times stay on whole minutes
  return addWorkingMinutes(cal, effectiveReceipt(cal, minute), remainingMinutes);
}

/**
 * How long a filing has waited for an officer to receive it, in working minutes (from its
 * effective submission: a Saturday filing starts waiting on Monday morning), and whether that is
 * more than one working day — the "Mới" queue flags it (issue 14 §4).
 */
export function waitingTime(
  cal: WorkingCalendar,
  since: Date,
  now: Date,
): { minutes: number; overDay: boolean; dayMinutes: number } {
  const from = effectiveReceipt(cal, since);
  const minutes = now > from ? Math.floor(workingMinutesBetween(cal, from, now)) : 0;
  const dayMinutes = workingDayMinutes(cal);
  return { minutes, overDay: minutes > dayMinutes, dayMinutes };
}

export interface DeadlineView {
  state: DossierState;
  dueAt: Date | null;
  decidedAt: Date | null;
  pausedRemainingMinutes: number | null;
  late: boolean;
}

/**
 * The workqueue colour: overdue after the due time, due soon within one working day of it,
 * paused while waiting for the citizen; for decided dossiers whether they were on time.
 */
export function deadlineFlag(cal: WorkingCalendar, d: DeadlineView, now: Date): DeadlineFlag {
  if (d.state === 'supplement_requested' && d.pausedRemainingMinutes !== null) return 'paused';
  if (!d.dueAt) return 'none';
  if (CLOSED_STATES.includes(d.state)) {
    if (d.state === 'withdrawn' || d.state === 'not_accepted') return 'none';
    const decided = d.decidedAt ?? now;
    return d.late || decided > d.dueAt ? 'done_late' : 'done_on_time';
  }
  if (now > d.dueAt) return 'overdue';
  return workingMinutesBetween(cal, now, d.dueAt) <= workingDayMinutes(cal) ? 'due_soon' : 'on_time';
}
