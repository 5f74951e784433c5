import { MINUTE_MS, dayNumberOf, instantOf, localDayOf } from './days';
import { sameDayCutoffInvalid, workingDaysInvalid } from './calendar.errors';
import { isWorkingDayNumber, provisionalYearsBetween, requireCovered, type WorkingCalendar } from './working-calendar';

/**
 * Deadline rules (pure functions; docs/adr/0005-working-day-deadlines.md):
 * - A dossier received outside working hours or on a day off counts as received at the start of
 *   the next working period (Decree 118/2025 practice; DOMAIN.md §5).
 * - A time limit of N working days starts on the day after the (effective) receipt
 *   (Civil Code 2015 Art. 147) and is N × 2 half-day periods (morning, afternoon) of working
 *   days; it ends at the end of the last period. Counting only working days, the last day is
 *   always a working day, which is what Art. 148 asks for when a period ends on a day off.
 * - 0 working days ("immediate"): due at the effective receipt.
 * - "The same working day; the next working day when received after HH:MM" (a same-day cut-off,
 *   Civil Status Law 2014 Art. 5(3) with 15:00): due at the end of the effective receipt's working
 *   day when that receipt is at or before the cut-off, at the end of the next working day otherwise.
 */

/** Days a walk may cover before giving up: a calendar with no working day for a year is broken. */
const MAX_WALK_DAYS = 3 * 366;

function noWorkingDay(cal: WorkingCalendar, from: number): never {
  requireCovered(cal, from + MAX_WALK_DAYS); // a year out of range explains it best
  throw new RangeError('no working day within three years: the calendar data is inconsistent');
}

/** Minutes after Vietnam midnight of an instant, with its day. */
function split(ms: number): { day: number; minute: number } {
  const day = localDayOf(ms);
  return { day, minute: (ms - instantOf(day, 0)) / MINUTE_MS };
}

/**
 * When a dossier received at `at` counts as received: `at` itself inside a working period of a
 * working day, otherwise the start of the next working period (the afternoon after a lunch-break
 * receipt, the next working morning after hours or on a day off).
 */
export function effectiveReceipt(cal: WorkingCalendar, at: Date): Date {
  let { day, minute } = split(at.getTime());
  for (let i = 0; i <= MAX_WALK_DAYS; i++, day++, minute = -1) {
    if (!isWorkingDayNumber(cal, day)) continue;
    for (const p of cal.workingHours.periods) {
      if (minute < p.start) return new Date(instantOf(day, p.start));
      if (minute < p.end) return new Date(at.getTime());
    }
  }
  return noWorkingDay(cal, localDayOf(at.getTime()));
}

/** The result of a deadline computation; `provisional` when a day of it comes from a provisional schedule. */
export interface Deadline {
  effectiveReceivedAt: Date;
  dueAt: Date;
  provisional: boolean;
  provisionalYears: number[];
}

/**
 * Due time of a time limit of `workingDays` (a multiple of 0.5) for a dossier received at
 * `receivedAt`. Throws CALENDAR.WORKING_DAYS_INVALID for a negative or non-half-day value and
 * CALENDAR.YEAR_INVALID when the period reaches a year the calendar does not cover.
 */
export function computeDeadline(cal: WorkingCalendar, receivedAt: Date, workingDays: number): Deadline {
  if (!Number.isFinite(workingDays) || workingDays < 0 || !Number.isInteger(workingDays * 2))
    throw workingDaysInvalid(workingDays);
  const effectiveReceivedAt = effectiveReceipt(cal, receivedAt);
  let dueAt = effectiveReceivedAt;
  let halves = workingDays * 2;
  const [morning, afternoon] = cal.workingHours.periods;
  let day = localDayOf(effectiveReceivedAt.getTime());
  const firstDay = day;
  while (halves > 0) {
    day++;
    if (day - firstDay > MAX_WALK_DAYS * 2) noWorkingDay(cal, day);
    if (!isWorkingDayNumber(cal, day)) continue;
    if (halves <= 2) dueAt = new Date(instantOf(day, halves === 1 ? morning.end : afternoon.end));
    halves -= 2;
  }
  const provisionalYears = provisionalYearsBetween(cal, localDayOf(receivedAt.getTime()), localDayOf(dueAt.getTime()));
  return { effectiveReceivedAt, dueAt, provisional: provisionalYears.length > 0, provisionalYears };
}

/** Minutes after midnight of a cut-off "HH:MM"; CALENDAR.CUTOFF_INVALID for anything else. */
export function cutoffMinute(cutoff: string): number {
  const m = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(cutoff);
  if (!m) throw sameDayCutoffInvalid(cutoff);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * Due time under "settled the same working day; the next working day when received after
 * `cutoff`" (HH:MM, Vietnam time). The receipt is first made effective (outside hours, in the lunch
 * break or on a day off → the start of the next working period, which then is "the same day");
 * at or before the cut-off the dossier is due at the end of that working day, after it at the end
 * of the next working day. Civil Status Law 2014 Art. 5(3), 16(2), 18(2), 34(2).
 */
export function computeSameDayDeadline(cal: WorkingCalendar, receivedAt: Date, cutoff: string): Deadline {
  const limit = cutoffMinute(cutoff);
  const effectiveReceivedAt = effectiveReceipt(cal, receivedAt);
  const { day: receiptDay, minute } = split(effectiveReceivedAt.getTime());
  let day = receiptDay;
  if (minute > limit) {
    do {
      day++;
      if (day - receiptDay > MAX_WALK_DAYS) noWorkingDay(cal, day);
    } while (!isWorkingDayNumber(cal, day));
  }
  const dueAt = new Date(instantOf(day, cal.workingHours.periods.at(-1)!.end));
  const provisionalYears = provisionalYearsBetween(cal, localDayOf(receivedAt.getTime()), day);
  return { effectiveReceivedAt, dueAt, provisional: provisionalYears.length > 0, provisionalYears };
}

/** A procedure's time limit: working days (½-day steps), or 0 with a same-day cut-off. */
export interface TimeLimitRule {
  workingDays: number;
  /** "HH:MM": the same working day, the next one when received after it (only with 0 working days). */
  sameDayCutoff?: string | null;
}

/**
 * Due time of a procedure's time limit: the same-day rule when the limit has a cut-off (its
 * working days must then be 0), `computeDeadline` otherwise.
 */
export function deadlineOfRule(cal: WorkingCalendar, receivedAt: Date, rule: TimeLimitRule): Deadline {
  if (rule.sameDayCutoff == null) return computeDeadline(cal, receivedAt, rule.workingDays);
  if (rule.workingDays !== 0) throw workingDaysInvalid(rule.workingDays, 'with a same-day cut-off');
  return computeSameDayDeadline(cal, receivedAt, rule.sameDayCutoff);
}

/** Working time in ms of one day that lies within [from, to). */
function workingMsOfDay(cal: WorkingCalendar, day: number, from: number, to: number): number {
  if (!isWorkingDayNumber(cal, day)) return 0;
  let total = 0;
  for (const p of cal.workingHours.periods) {
    const start = Math.max(instantOf(day, p.start), from);
    const end = Math.min(instantOf(day, p.end), to);
    if (end > start) total += end - start;
  }
  return total;
}

/**
 * Working time between two instants, in minutes (fractional when the instants are not on whole
 * minutes); 0 when `to` is not after `from`. Used to freeze the rest of a paused deadline.
 */
export function workingMinutesBetween(cal: WorkingCalendar, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  let total = 0;
  for (let day = localDayOf(a); day <= localDayOf(b); day++) total += workingMsOfDay(cal, day, a, b);
  return total / MINUTE_MS;
}

/**
 * The earliest instant at which `minutes` of working time have passed since `from` — ending at
 * a period's end rather than the next period's start when the time runs out exactly there.
 * `minutes` = 0 gives `from`. Used to resume a paused deadline with the working time it had left.
 */
export function addWorkingMinutes(cal: WorkingCalendar, from: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`minutes must be a non-negative number, not ${minutes}`);
  let remaining = minutes * MINUTE_MS;
  const start = from.getTime();
  if (remaining === 0) return new Date(start);
  const firstDay = localDayOf(start);
  for (let day = firstDay; day - firstDay <= MAX_WALK_DAYS * 2; day++) {
    if (!isWorkingDayNumber(cal, day)) continue;
    for (const p of cal.workingHours.periods) {
      const begin = Math.max(instantOf(day, p.start), start);
      const end = instantOf(day, p.end);
      if (end <= begin) continue;
      if (remaining <= end - begin) return new Date(begin + remaining);
      remaining -= end - begin;
    }
  }
  return noWorkingDay(cal, firstDay);
}

/** Working days from `from` to `to` (YYYY-MM-DD), both included; 0 when `to` is before `from`. */
export function workingDaysBetween(cal: WorkingCalendar, from: string, to: string): number {
  let count = 0;
  for (let day = dayNumberOf(from), last = dayNumberOf(to); day <= last; day++)
    if (isWorkingDayNumber(cal, day)) count++;
  return count;
}

/** Is the date (YYYY-MM-DD) a working day of State offices? */
export function isWorkingDay(cal: WorkingCalendar, day: string): boolean {
  return isWorkingDayNumber(cal, dayNumberOf(day));
}

/** The length of a working day in minutes (both periods), e.g. 450 for 07:30–11:30 + 13:30–17:00. */
export function workingDayMinutes(cal: WorkingCalendar): number {
  return cal.workingHours.periods.reduce((n, p) => n + p.end - p.start, 0);
}
