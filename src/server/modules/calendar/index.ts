/**
 * Public face of the `calendar` module: the working-day calendar of State offices (days off,
 * compensatory days, swapped days and working Saturdays as data with their sources; a provisional
 * schedule derived from the Labour Code 2019 and the Vietnamese lunar calendar for years without
 * an announced one) and the deadline rules in working days with half-day granularity
 * (Civil Code Art. 147/148; docs/adr/0005-working-day-deadlines.md). Times are Vietnam time (UTC+7).
 *
 * Typical use (dossiers): `const cal = await loadWorkingCalendar(database.db);` then the pure
 * functions below on that snapshot.
 */
import type { Db } from '../../platform/db';
import type { WorkingCalendar } from './working-calendar';
import * as service from './calendar.service';

/**
 * Immutable snapshot: days off, working Saturdays, provisional years, working hours. Covers the
 * stored years and every year of DERIVABLE_YEARS (2021–2100); other years are refused with
 * CALENDAR.YEAR_INVALID (400) rather than guessed.
 */
export type { WorkingCalendar } from './working-calendar';
export type { CalendarEntry, StoredYear, WorkingHours, YearSchedule } from './calendar.types';

/**
 * The calendar of a database: stored years from the tables, other years derived (provisional).
 * Cached in memory per database handle (pass `database.db`, not a transaction); invalidated at
 * once by edits made through this process, re-read after 60 s otherwise. Working hours are the
 * configured WORKING_HOURS once `calendarRoutes` has been built for that database (buildApp),
 * the default 07:30–11:30, 13:30–17:00 before that.
 */
export async function loadWorkingCalendar(db: Db): Promise<WorkingCalendar> {
  return service.loadWorkingCalendar(db);
}

/**
 * Pure deadline functions on a snapshot:
 * - `effectiveReceipt(cal, at)`: `at` inside working hours of a working day, else the start of the next working period.
 * - `computeDeadline(cal, receivedAt, workingDays)` → `{ effectiveReceivedAt, dueAt, provisional, provisionalYears }`:
 *   `workingDays` a multiple of 0.5; counting starts the working day after the effective receipt
 *   (Art. 147); N days = 2N half-day periods; due at the end of the last period; 0 → due = effective receipt.
 * - `computeSameDayDeadline(cal, receivedAt, 'HH:MM')`: the same working day as the effective receipt
 *   (due at its end), the next working day when the effective receipt is after the cut-off
 *   (Civil Status Law 2014 Art. 5(3): 15:00).
 * - `deadlineOfRule(cal, receivedAt, { workingDays, sameDayCutoff })`: a procedure's time limit, either rule.
 * - `workingMinutesBetween(cal, from, to)`: working time between two instants in minutes (0 if to <= from).
 * - `addWorkingMinutes(cal, from, minutes)`: the instant when that much working time has passed (resume a paused deadline).
 * - `workingDaysBetween(cal, from, to)`: working days between two YYYY-MM-DD dates, both included (0 if to < from).
 * - `isWorkingDay(cal, day)`: is a YYYY-MM-DD date a working day.
 * - `workingDayMinutes(cal)`: minutes in a working day (450 by default).
 */
export {
  effectiveReceipt,
  computeDeadline,
  computeSameDayDeadline,
  deadlineOfRule,
  workingMinutesBetween,
  addWorkingMinutes,
  workingDaysBetween,
  isWorkingDay,
  workingDayMinutes,
  type Deadline,
  type TimeLimitRule,
} from './deadline';

/**
 * Builds a snapshot without a database (tests, benchmarks):
 * `buildWorkingCalendar(await readReferenceSchedules(), workingHoursFrom('07:30-11:30,13:30-17:00'))`
 * gives the real announced 2024–2026 schedule with other years derived.
 */
export { buildWorkingCalendar, workingHoursFrom, DERIVABLE_YEARS } from './working-calendar';
export { readReferenceSchedules } from './calendar.service';

/** The law-derived provisional schedule of a year, and the lunar dates it rests on. */
export { deriveProvisionalYear, lunarNewYear, hungKingsDay } from './provisional';

/** Routes at /api/v1/calendar (registered by app.ts). */
export { calendarRoutes } from './calendar.routes';

/** Error codes (CALENDAR.YEAR_INVALID …) and the year-out-of-range error class. */
export { CALENDAR_ERRORS, CalendarYearError } from './calendar.errors';

/**
 * Stores the announced 2024–2026 schedules of reference/calendar for every year not stored yet.
 * Idempotent, never overwrites an administrator's edits; called at start by bootstrap.ts.
 */
export async function seedCalendar(db: Db): Promise<void> {
  return service.seedCalendar(db);
}
