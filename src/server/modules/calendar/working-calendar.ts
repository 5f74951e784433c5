import { DEFAULT_WORKING_HOURS, parseWorkingHours } from '../../../contracts/calendar';
import type { CalendarEntry, StoredYear, WorkingHours, YearSchedule } from './calendar.types';
import { CalendarYearError } from './calendar.errors';
import { dayNumberOf, weekdayOf, yearOfDay } from './days';
import { deriveProvisionalYear, PROVISIONAL_YEAR_SOURCE } from './provisional';

/**
 * The working calendar as an immutable snapshot, and day arithmetic on it (pure, no database).
 * Days are "day numbers" (days.ts).
 */

/**
 * Years for which a schedule may be derived from the law when none is stored: from 2021, when
 * the Labour Code 2019 took effect (earlier years followed the 2012 Code: 2/9 was one day), to 2100.
 * The law may change before then — which is why derived years are marked provisional.
 */
export const DERIVABLE_YEARS = { from: 2021, to: 2100 } as const;

/**
 * Immutable snapshot of the working calendar: which weekdays are off, which Saturdays are working
 * days, which years are provisional, and the working hours. Built by `buildWorkingCalendar`
 * (pure) or `loadWorkingCalendar` (from the tables, cached).
 */
export interface WorkingCalendar {
  readonly workingHours: WorkingHours;
  /** Every year the snapshot can answer for, stored or derived. */
  readonly years: ReadonlyMap<number, YearSchedule>;
  /** Day numbers of weekdays off (holidays, compensatory and swapped days). */
  readonly daysOff: ReadonlySet<number>;
  /** Day numbers of Saturdays that are working days. */
  readonly workingSaturdays: ReadonlySet<number>;
  /** Years whose schedule is provisional ("tạm tính"). */
  readonly provisionalYears: ReadonlySet<number>;
  /** Human-readable coverage for errors, e.g. "2021–2100". */
  readonly coverage: string;
}

/** Parses configured working hours; throws on a bad value (config.ts has already validated it). */
export function workingHoursFrom(text: string = DEFAULT_WORKING_HOURS): WorkingHours {
  const parsed = parseWorkingHours(text);
  if ('problem' in parsed) throw new RangeError(`WORKING_HOURS: ${parsed.problem.en}`);
  return Object.freeze({ text, periods: parsed.periods });
}

const derivedCache = new Map<number, readonly CalendarEntry[]>();

/** The law-derived schedule of a year, computed once per process (it depends only on the year). */
function derivedYear(year: number): readonly CalendarEntry[] {
  let days = derivedCache.get(year);
  if (!days) {
    days = Object.freeze(deriveProvisionalYear(year));
    derivedCache.set(year, days);
  }
  return days;
}

/**
 * Builds the snapshot from the stored years: each stored year as stored, every other year of
 * DERIVABLE_YEARS derived from the Labour Code 2019 and the lunar calendar (provisional).
 */
export function buildWorkingCalendar(
  stored: readonly StoredYear[],
  workingHours: WorkingHours = workingHoursFrom(),
): WorkingCalendar {
  const years = new Map<number, YearSchedule>();
  for (let year = DERIVABLE_YEARS.from; year <= DERIVABLE_YEARS.to; year++) {
    years.set(year, {
      year,
      provisional: true,
      stored: false,
      source: PROVISIONAL_YEAR_SOURCE,
      updatedAt: null,
      days: derivedYear(year),
    });
  }
  for (const y of stored)
    years.set(y.year, { ...y, days: [...y.days].sort((a, b) => a.date.localeCompare(b.date)), stored: true });
  const daysOff = new Set<number>();
  const workingSaturdays = new Set<number>();
  const provisionalYears = new Set<number>();
  for (const y of years.values()) {
    if (y.provisional) provisionalYears.add(y.year);
    for (const d of y.days) (d.kind === 'working_saturday' ? workingSaturdays : daysOff).add(dayNumberOf(d.date));
  }
  const outside = [...years.keys()]
    .filter((y) => y < DERIVABLE_YEARS.from || y > DERIVABLE_YEARS.to)
    .sort((a, b) => a - b);
  const coverage = [
    ...outside.filter((y) => y < DERIVABLE_YEARS.from),
    `${DERIVABLE_YEARS.from}–${DERIVABLE_YEARS.to}`,
    ...outside.filter((y) => y > DERIVABLE_YEARS.to),
  ].join(', ');
  return Object.freeze({ workingHours, years, daysOff, workingSaturdays, provisionalYears, coverage });
}

/** Throws CALENDAR.YEAR_INVALID unless the snapshot covers the day's year. */
export function requireCovered(cal: WorkingCalendar, day: number): void {
  const year = yearOfDay(day);
  if (!cal.years.has(year)) throw new CalendarYearError(year, cal.coverage);
}

/**
 * Is the day a working day of State offices? Monday–Friday unless a day off, and Saturdays
 * announced as working days. Sundays never are.
 */
export function isWorkingDayNumber(cal: WorkingCalendar, day: number): boolean {
  requireCovered(cal, day);
  const weekday = weekdayOf(day);
  if (weekday === 6) return cal.workingSaturdays.has(day);
  if (weekday === 0) return false;
  return !cal.daysOff.has(day);
}

/** The years between two days (inclusive) whose schedule is provisional, in order. */
export function provisionalYearsBetween(cal: WorkingCalendar, firstDay: number, lastDay: number): number[] {
  const result: number[] = [];
  for (let y = yearOfDay(firstDay); y <= yearOfDay(lastDay); y++) if (cal.provisionalYears.has(y)) result.push(y);
  return result;
}
