/**
 * Dates and times as Vietnamese administrative documents print them, in Asia/Ho_Chi_Minh
 * (UTC+7 all year: Vietnam has no daylight saving time, so a fixed offset is exact).
 */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

interface VietnamParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function vietnamParts(at: Date): VietnamParts {
  const t = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
  };
}

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * "ngày 05 tháng 02 năm 2026", "ngày 27 tháng 11 năm 2026". Decree 30/2020 (Appendix I):
 * a day below 10 and the months 1 and 2 take a leading zero; months 3–9 do not
 * ("ngày 05 tháng 3 năm 2026").
 */
export function dateVi(at: Date): string {
  const { year, month, day } = vietnamParts(at);
  return `ngày ${two(day)} tháng ${month <= 2 ? two(month) : String(month)} năm ${year}`;
}

/** "08 giờ 30 phút, ngày 27 tháng 11 năm 2026" (hours 00–23). */
export function dateTimeVi(at: Date): string {
  const { hour, minute } = vietnamParts(at);
  return `${two(hour)} giờ ${two(minute)} phút, ${dateVi(at)}`;
}

/** The place-and-date line under the national motto: "Lai Châu, ngày 27 tháng 11 năm 2026". */
export function placeDateVi(place: string, at: Date): string {
  return `${place}, ${dateVi(at)}`;
}

/** A number of working days as printed: 7 → "07", 0.5 → "0,5", 2.5 → "2,5" (decimal comma). */
export function workingDaysVi(days: number): string {
  return Number.isInteger(days) ? two(days) : String(days).replace('.', ',');
}
