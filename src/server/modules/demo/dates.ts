/**
 * Calendar arithmetic on "day numbers" (days since 1970-01-01, proleptic Gregorian, no time
 * zone). Integers are cheap to compare and add; strings are made only when a record is
 * emitted. Conversions use Howard Hinnant's public-domain civil-date algorithms.
 */

/** Day number of a civil date. */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date [year, month, day] of a day number. */
export function civilFromDay(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const PAD2: string[] = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

/** 'YYYY-MM-DD' of a day number. */
export function dayToIso(dayNumber: number): string {
  const [y, m, d] = civilFromDay(dayNumber);
  return `${y}-${PAD2[m] as string}-${PAD2[d] as string}`;
}

/** Day number of a 'YYYY-MM-DD' string; throws on anything else. */
export function isoToDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const dayNumber = dayFromCivil(y, m, d);
  if (dayToIso(dayNumber) !== iso) throw new RangeError(`not a calendar date: ${iso}`);
  return dayNumber;
}

/** Calendar year of a day number. */
export function yearOf(dayNumber: number): number {
  return civilFromDay(dayNumber)[0];
}

/** Day number of the `years`-th anniversary of `dayNumber` (29 February falls back to 28 February). */
export function addYears(dayNumber: number, years: number): number {
  const [y, m, d] = civilFromDay(dayNumber);
  const leap = (yy: number): boolean => (yy % 4 === 0 && yy % 100 !== 0) || yy % 400 === 0;
  const day = m === 2 && d === 29 && !leap(y + years) ? 28 : d;
  return dayFromCivil(y + years, m, day);
}

/** Completed years of age on `onDay` for someone born on `birthDay`. */
export function ageOn(birthDay: number, onDay: number): number {
  const [by, bm, bd] = civilFromDay(birthDay);
  const [y, m, d] = civilFromDay(onDay);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** A random-looking day in [lo, hi] chosen by u in [0, 1); returns hi when the range is empty. */
export function dayBetween(lo: number, hi: number, u: number): number {
  if (hi <= lo) return hi;
  return lo + Math.floor(u * (hi - lo + 1));
}
