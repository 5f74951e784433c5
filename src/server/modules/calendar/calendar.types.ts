import type { CalendarDayKind, WorkingPeriod } from '../../../contracts/calendar';

/** Value types of the calendar module (no behaviour). */

/** One day off or working Saturday. */
export interface CalendarEntry {
  readonly date: string;
  readonly kind: CalendarDayKind;
  readonly name: string;
  readonly source: string;
}

/** A year's schedule as stored in the database. */
export interface StoredYear {
  readonly year: number;
  readonly provisional: boolean;
  readonly source: string;
  readonly updatedAt: Date | null;
  readonly days: readonly CalendarEntry[];
}

/** A year of the snapshot: stored, or derived from the law (then always provisional). */
export interface YearSchedule extends StoredYear {
  readonly stored: boolean;
}

/** Working hours: the configured text and its two periods (morning, afternoon) in minutes after midnight. */
export interface WorkingHours {
  readonly text: string;
  readonly periods: readonly [WorkingPeriod, WorkingPeriod];
}
