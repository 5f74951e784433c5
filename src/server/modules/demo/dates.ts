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

/**
 * Civil date of a day number packed into one integer: year × 512 + month × 32 + day
 * (no array allocation: this runs several times per generated person).
 */
export function packedCivil(dayNumber: number): number {
  const cached = CIVIL_TABLE[dayNumber - TABLE_START];
  return cached === undefined ? computePackedCivil(dayNumber) : cached;
}

function computePackedCivil(dayNumber: number): number {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (month <= 2 ? 1 : 0)) * 512 + month * 32 + day;
}

// Lookup table of packed dates for 1850–2149 (~110k days, 440 KB): the generator converts
// millions of day numbers, almost all in this range.
const TABLE_START = dayFromCivil(1850, 1, 1);
const CIVIL_TABLE = Int32Array.from({ length: dayFromCivil(2150, 1, 1) - TABLE_START }, (_, i) =>
  computePackedCivil(TABLE_START + i),
);

const PAD2: string[] = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

// ISO strings of the table's days, made on first use and then shared by every record.
const ISO_CACHE: Array<string | undefined> = new Array<string | undefined>(CIVIL_TABLE.length);

/** 'YYYY-MM-DD' of a day number. */
export function dayToIso(dayNumber: number): string {
  const slot = dayNumber - TABLE_START;
  const cached = ISO_CACHE[slot];
  if (cached !== undefined) return cached;
  const p = packedCivil(dayNumber);
  const iso = `${Math.floor(p / 512)}-${PAD2[Math.floor(p / 32) % 16] as string}-${PAD2[p % 32] as string}`;
  if (slot >= 0 && slot < ISO_CACHE.length) ISO_CACHE[slot] = iso;
  return iso;
}

/** Day number of a 'YYYY-MM-DD' string; throws on anything else. */
export function isoToDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  const dayNumber = dayFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
  if (dayToIso(dayNumber) !== iso) throw new RangeError(`not a calendar date: ${iso}`);
  return dayNumber;
}

/** Calendar year of a day number. */
export function yearOf(dayNumber: number): number {
  return Math.floor(packedCivil(dayNumber) / 512);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Day number of the `years`-th anniversary of `dayNumber` (29 February falls back to 28 February). */
export function addYears(dayNumber: number, years: number): number {
  const p = packedCivil(dayNumber);
  const y = Math.floor(p / 512) + years;
  const m = Math.floor(p / 32) % 16;
  const d = p % 32;
  return dayFromCivil(y, m, m === 2 && d === 29 && !isLeap(y) ? 28 : d);
}

/** Completed years of age on `onDay` for someone born on `birthDay`. */
export function ageOn(birthDay: number, onDay: number): number {
  const b = packedCivil(birthDay);
  const o = packedCivil(onDay);
  return Math.floor(o / 512) - Math.floor(b / 512) - (o % 512 < b % 512 ? 1 : 0);
}

/** A random-looking day in [lo, hi] chosen by u in [0, 1); returns hi when the range is empty. */
export function dayBetween(lo: number, hi: number, u: number): number {
  if (hi <= lo) return hi;
  return lo + Math.floor(u * (hi - lo + 1));
}
