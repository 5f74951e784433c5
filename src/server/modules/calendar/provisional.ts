import { getSolarDate } from '@dqcai/vn-lunar';
import type { CalendarEntry } from './calendar.types';
import { dayNumberOf, isoOfDayNumber, weekdayOf } from './days';
import { formatDateVi } from '../../../contracts/common';

/**
 * The provisional ("tạm tính") schedule of a year without an announced one, derived from the
 * Labour Code 2019 and the Vietnamese lunar calendar (@dqcai/vn-lunar: Hồ Ngọc Đức's algorithm at
 * UTC+7, which is what makes Vietnam's Tết differ from China's in 1985, 2007, 2030, 2053).
 * Rules (docs/adr/0005-working-day-deadlines.md):
 * - Art. 112(1): 1/1; Tết 5 days; Hùng Kings 10/3 lunar; 30/4; 1/5; 2/9 + one adjacent day.
 * - Tết (placed by the Prime Minister, Art. 112(3)): five consecutive weekdays from the day before
 *   the last day of the lunar year, or from the next Monday when that day is a weekend. This
 *   reproduces every announced schedule of 2021–2026.
 * - The day adjacent to 2/9 (Art. 112(3)): 1/9, except when 2/9 is a Thursday: then 3/9 (the
 *   Friday), so that the break joins the weekend — as announced in 2021–2026.
 * - From 2026, 24/11 Vietnamese Culture Day (Ngày Văn hóa Việt Nam) is a paid day off (Politburo
 *   Resolution 80-NQ/TW of 13/01/2026 and Government Resolution 30/NQ-CP directed it; public copies
 *   report Resolution 28/2026/QH16, in force 1/7/2026, unconfirmed) — a fixed holiday like 30/4.
 * - A holiday on a Saturday or Sunday gives a compensatory day off on the next working day
 *   (Art. 111(3)). Swaps (a weekday off for a working Saturday) are never derived: they are
 *   a Government decision each time.
 * Only weekdays off are listed: a holiday on a weekend appears through its compensatory day.
 */

const CODE = 'Bộ luật Lao động 2019';
const TAM_TINH = 'tạm tính, chưa có thông báo chính thức';

/** Source of a derived year as a whole. */
export const PROVISIONAL_YEAR_SOURCE = `Tạm tính theo ${CODE} (Điều 111 khoản 3, Điều 112) và âm lịch Việt Nam (UTC+7); ${TAM_TINH}`;

interface Holiday {
  day: number;
  name: string;
  /** Where the day comes from (the Labour Code's point of Art. 112(1), or another text). */
  basis: string;
}

/** The source of 24/11 Vietnamese Culture Day, a paid day off from 2026. */
export const CULTURE_DAY = {
  from: 2026,
  basis:
    'Ngày Văn hóa Việt Nam: Nghị quyết 80-NQ/TW ngày 13/01/2026 của Bộ Chính trị, Nghị quyết 30/NQ-CP của Chính phủ; ' +
    'Nghị quyết 28/2026/QH16 (hiệu lực 01/7/2026) theo bản sao công khai, chưa đối chiếu văn bản chính thức',
} as const;

const point = (p: string) => `${CODE}, Điều 112 khoản 1 điểm ${p}`;

/** Solar date (YYYY-MM-DD) of a day of the Vietnamese lunar calendar (non-leap month). */
export function lunarToSolar(day: number, month: number, lunarYear: number): string {
  const s = getSolarDate(day, month, lunarYear, false);
  if (!s || !s.year) throw new RangeError(`no solar date for lunar ${day}/${month}/${lunarYear}`);
  return `${String(s.year).padStart(4, '0')}-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`;
}

/** First day of the lunar year (mùng 1 Tết) that starts in the Gregorian year `year`, in Vietnam. */
export function lunarNewYear(year: number): string {
  return lunarToSolar(1, 1, year);
}

/** Hùng Kings' Commemoration (Giỗ Tổ Hùng Vương), 10th day of the 3rd lunar month. */
export function hungKingsDay(year: number): string {
  return lunarToSolar(10, 3, year);
}

const isWeekend = (day: number) => weekdayOf(day) === 0 || weekdayOf(day) === 6;

/** The five weekdays of Tết: from the day before the lunar year's last day (or the next Monday). */
export function tetDays(year: number): number[] {
  const lastDayOfYear = dayNumberOf(lunarNewYear(year)) - 1;
  let day = lastDayOfYear - 1;
  while (isWeekend(day)) day++;
  const result: number[] = [];
  for (; result.length < 5; day++) if (!isWeekend(day)) result.push(day);
  return result;
}

/** The day adjacent to National Day: 1/9, or 3/9 when 2/9 is a Thursday. */
export function nationalDayAdjacent(year: number): string {
  return weekdayOf(dayNumberOf(`${year}-09-02`)) === 4 ? `${year}-09-03` : `${year}-09-01`;
}

/** The derived weekdays off of `year`, in date order. */
export function deriveProvisionalYear(year: number): CalendarEntry[] {
  const holidays: Holiday[] = [
    { day: dayNumberOf(`${year}-01-01`), name: 'Tết Dương lịch (1/1)', basis: point('a') },
    { day: dayNumberOf(hungKingsDay(year)), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', basis: point('e') },
    { day: dayNumberOf(`${year}-04-30`), name: 'Ngày Chiến thắng (30/4)', basis: point('c') },
    { day: dayNumberOf(`${year}-05-01`), name: 'Ngày Quốc tế Lao động (1/5)', basis: point('d') },
    { day: dayNumberOf(`${year}-09-02`), name: 'Quốc khánh (2/9)', basis: point('đ') },
    {
      day: dayNumberOf(nationalDayAdjacent(year)),
      name: `Quốc khánh (ngày liền kề ${nationalDayAdjacent(year).slice(8, 10).replace(/^0/, '')}/9)`,
      basis: point('đ'),
    },
    ...(year >= CULTURE_DAY.from
      ? [{ day: dayNumberOf(`${year}-11-24`), name: 'Ngày Văn hóa Việt Nam (24/11)', basis: CULTURE_DAY.basis }]
      : []),
  ].sort((a, b) => a.day - b.day);
  const off = new Map<number, CalendarEntry>();
  for (const day of tetDays(year)) {
    off.set(day, {
      date: isoOfDayNumber(day),
      kind: 'holiday',
      name: 'Tết Nguyên đán',
      source: `${CODE}, Điều 112 khoản 1 điểm b; 5 ngày làm việc từ ngày trước ngày cuối năm âm lịch (${TAM_TINH})`,
    });
  }
  const needCompensation: Holiday[] = [];
  for (const h of holidays) {
    if (isWeekend(h.day) || off.has(h.day)) needCompensation.push(h);
    else
      off.set(h.day, {
        date: isoOfDayNumber(h.day),
        kind: 'holiday',
        name: h.name,
        source: `${h.basis} (${TAM_TINH})`,
      });
  }
  for (const h of needCompensation) {
    let day = h.day + 1;
    while (isWeekend(day) || off.has(day)) day++;
    off.set(day, {
      date: isoOfDayNumber(day),
      kind: 'compensatory',
      name: `Nghỉ bù ${h.name} (trùng ngày nghỉ ${formatDateVi(isoOfDayNumber(h.day))})`,
      source: `${CODE}, Điều 111 khoản 3; ${h.basis} (${TAM_TINH})`,
    });
  }
  return [...off.values()].sort((a, b) => a.date.localeCompare(b.date));
}
