import { VIETNAM_OFFSET_MS } from '../../../contracts/calendar';

/**
 * Day arithmetic of the calendar. A "day number" counts days since 1970-01-01 in Vietnam time
 * (UTC+7 all year: Asia/Ho_Chi_Minh has no daylight saving time, so a fixed offset is exact).
 */

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** Day number of a YYYY-MM-DD date. */
export function dayNumberOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

/** YYYY-MM-DD of a day number. */
export function isoOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The Vietnam-time day an instant (ms since epoch) falls on. */
export function localDayOf(ms: number): number {
  return Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS);
}

/** The instant of `minute` minutes after midnight (Vietnam time) of a day. */
export function instantOf(day: number, minute: number): number {
  return day * DAY_MS - VIETNAM_OFFSET_MS + minute * MINUTE_MS;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Gregorian year of a day number, without allocating a Date (H. Hinnant's civil_from_days). */
export function yearOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return yoe + era * 400 + (month <= 2 ? 1 : 0);
}
