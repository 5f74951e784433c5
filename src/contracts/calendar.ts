import { z } from 'zod';
import { IsoDate } from './common';
import { bilingual } from './messages';

/**
 * Contracts of the working-day calendar (module `calendar`): days off and working Saturdays of
 * State offices, and the deadline / working-day computations. Times are Vietnam time (UTC+7, no DST).
 */

/**
 * Kinds of calendar entries (docs/GLOSSARY.md):
 * - `holiday` — ngày nghỉ lễ, tết (Labour Code 2019 Art. 112(1)) on a weekday;
 * - `compensatory` — ngày nghỉ bù: a holiday fell on a weekend (Art. 111(3));
 * - `swapped` — ngày nghỉ hoán đổi: a weekday off exchanged for a working Saturday;
 * - `working_saturday` — làm bù thứ Bảy: a Saturday that is a working day.
 */
export const CALENDAR_DAY_KINDS = ['holiday', 'compensatory', 'swapped', 'working_saturday'] as const;
export const CalendarDayKind = z.enum(CALENDAR_DAY_KINDS, {
  error: bilingual(
    'Loại ngày phải là holiday, compensatory, swapped hoặc working_saturday',
    'Kind must be holiday, compensatory, swapped or working_saturday',
  ),
});
export type CalendarDayKind = z.infer<typeof CalendarDayKind>;

/** One day off or working Saturday, with where it comes from. */
export const CalendarDay = z.object({
  date: z.string(),
  kind: CalendarDayKind,
  /** What the day is, in Vietnamese (e.g. "Tết Nguyên đán"). */
  name: z.string(),
  /** The legal text or announcement the day comes from. */
  source: z.string(),
  /** True when the day is not from an announced schedule ("tạm tính"). */
  provisional: z.boolean(),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

/** A year's schedule as the API shows it. */
export const CalendarYear = z.object({
  year: z.number().int(),
  /** The schedule is provisional ("tạm tính"): derived from the law, or stored but not confirmed by an announcement. */
  provisional: z.boolean(),
  /** The schedule is stored in the database (seeded or edited); false = derived on the fly from the law. */
  stored: z.boolean(),
  /** The announcement (or the legal basis of a derived schedule). */
  source: z.string(),
  updatedAt: z.string().nullable(),
  days: z.array(CalendarDay),
  /** Number of working days in the year. */
  workingDays: z.number().int(),
  /** The working hours applied (configuration), e.g. 07:30-11:30,13:30-17:00. */
  workingHours: z.string(),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

/** Years an entry or a computation may concern: the range the API accepts at all. */
export const CALENDAR_YEAR_LIMITS = { min: 1990, max: 2199 } as const;

export const CalendarYearParams = z.object({
  year: z.coerce
    .number({ error: bilingual('Năm phải là một số', 'Year must be a number') })
    .int(bilingual('Năm phải là số nguyên', 'Year must be a whole number'))
    .min(
      CALENDAR_YEAR_LIMITS.min,
      bilingual(
        `Năm không được trước ${CALENDAR_YEAR_LIMITS.min}`,
        `Year may not be before ${CALENDAR_YEAR_LIMITS.min}`,
      ),
    )
    .max(
      CALENDAR_YEAR_LIMITS.max,
      bilingual(`Năm không được sau ${CALENDAR_YEAR_LIMITS.max}`, `Year may not be after ${CALENDAR_YEAR_LIMITS.max}`),
    ),
});

export const CalendarDayParams = z.object({ date: IsoDate });

const name = z
  .string({ error: bilingual('Nhập tên ngày', 'Enter the name of the day') })
  .trim()
  .min(1, bilingual('Nhập tên ngày', 'Enter the name of the day'))
  .max(200, bilingual('Tên ngày tối đa 200 ký tự', 'The name has at most 200 characters'));
const source = z
  .string({ error: bilingual('Nhập căn cứ (văn bản, thông báo)', 'Enter the source (legal text, announcement)') })
  .trim()
  .min(3, bilingual('Nhập căn cứ (văn bản, thông báo)', 'Enter the source (legal text, announcement)'))
  .max(500, bilingual('Căn cứ tối đa 500 ký tự', 'The source has at most 500 characters'));

/** Body of "change a day": kind, name and source (the date is in the path). */
export const CalendarDayChange = z.object({ kind: CalendarDayKind, name, source }).strict();
export type CalendarDayChange = z.infer<typeof CalendarDayChange>;

/** Body of "add a day". */
export const CalendarDayInput = CalendarDayChange.extend({ date: IsoDate }).strict();
export type CalendarDayInput = z.infer<typeof CalendarDayInput>;

/** Body of "set a year's announcement": the announcement and whether the schedule is still provisional. */
export const CalendarYearChange = z
  .object({
    source,
    provisional: z.boolean({
      error: bilingual('Chọn lịch đã công bố hay tạm tính', 'Say whether the schedule is provisional'),
    }),
  })
  .strict();
export type CalendarYearChange = z.infer<typeof CalendarYearChange>;

/** ISO 8601 date-time with an explicit offset (or Z). Seconds and milliseconds optional. */
const OFFSET_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True when `s` is an ISO 8601 date-time with an offset that denotes a real instant. */
export function isOffsetDateTime(s: string): boolean {
  const m = OFFSET_DATE_TIME.exec(s);
  if (!m) return false;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi, sec));
  return (
    probe.getUTCMonth() === mo - 1 &&
    probe.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    sec < 60 &&
    !Number.isNaN(Date.parse(s))
  );
}

/**
 * An instant written as ISO 8601 with its offset (2025-01-24T18:00:00+07:00). A `+` left
 * unencoded in a URL arrives as a space: it is read back as `+`.
 */
export const OffsetDateTime = z.preprocess(
  (v) => (typeof v === 'string' ? v.replace(/ (\d{2}:\d{2})$/, '+$1') : v),
  z
    .string({ error: bilingual('Nhập thời điểm', 'Enter a date-time') })
    .refine(
      isOffsetDateTime,
      bilingual(
        'Thời điểm phải theo ISO 8601 kèm múi giờ, ví dụ 2025-01-24T18:00:00+07:00',
        'Date-time must be ISO 8601 with an offset, e.g. 2025-01-24T18:00:00+07:00',
      ),
    ),
);

/**
 * A same-day cut-off time "HH:MM" (Vietnam time): the time limit "settled the same working day;
 * the next working day when received after HH:MM" (Civil Status Law 2014 Art. 5(3): 15:00).
 */
export const SameDayCutoff = z
  .string()
  .regex(
    /^([01][0-9]|2[0-3]):[0-5][0-9]$/,
    bilingual('Giờ chốt nhận hồ sơ có dạng HH:MM, ví dụ 15:00', 'The cut-off time is HH:MM, e.g. 15:00'),
  );

/** Longest time limit the calculator accepts, in working days. */
export const MAX_WORKING_DAYS = 365;

export const DeadlineQuery = z.object({
  receivedAt: OffsetDateTime,
  workingDays: z.coerce
    .number({ error: bilingual('Số ngày làm việc phải là một số', 'Working days must be a number') })
    .min(0, bilingual('Số ngày làm việc không được âm', 'Working days may not be negative'))
    .max(
      MAX_WORKING_DAYS,
      bilingual(`Số ngày làm việc tối đa là ${MAX_WORKING_DAYS}`, `Working days may not exceed ${MAX_WORKING_DAYS}`),
    )
    .multipleOf(
      0.5,
      bilingual(
        'Số ngày làm việc tính theo nửa ngày: 0; 0,5; 1; 1,5…',
        'Working days come in half days: 0, 0.5, 1, 1.5…',
      ),
    ),
  /** With 0 working days: the same working day, the next one when received after this time. */
  sameDayCutoff: SameDayCutoff.optional(),
});
export type DeadlineQuery = z.infer<typeof DeadlineQuery>;

export const DeadlineResult = z.object({
  receivedAt: z.string(),
  /** When the dossier counts as received: the start of the next working period if outside working hours. */
  effectiveReceivedAt: z.string(),
  dueAt: z.string(),
  workingDays: z.number(),
  sameDayCutoff: z.string().nullable(),
  /** Some day of the period comes from a provisional ("tạm tính") schedule. */
  provisional: z.boolean(),
  provisionalYears: z.array(z.number().int()),
});
export type DeadlineResult = z.infer<typeof DeadlineResult>;

/** Longest range the working-day counter accepts (3 years). */
export const MAX_RANGE_YEARS = 3;

export const WorkingDaysQuery = z.object({ from: IsoDate, to: IsoDate }).superRefine((q, ctx) => {
  if (q.from > q.to) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: bilingual('Ngày kết thúc phải từ ngày bắt đầu trở đi', 'The end date must not be before the start date'),
    });
    return;
  }
  const limit = `${String(Number(q.from.slice(0, 4)) + MAX_RANGE_YEARS).padStart(4, '0')}${q.from.slice(4)}`;
  if (q.to >= limit) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: bilingual(
        `Khoảng ngày phải ngắn hơn ${MAX_RANGE_YEARS} năm`,
        `The range must be shorter than ${MAX_RANGE_YEARS} years`,
      ),
    });
  }
});
export type WorkingDaysQuery = z.infer<typeof WorkingDaysQuery>;

export const WorkingDaysResult = z.object({
  from: z.string(),
  to: z.string(),
  /** Working days from `from` to `to`, both included. */
  workingDays: z.number().int(),
  provisional: z.boolean(),
  provisionalYears: z.array(z.number().int()),
});
export type WorkingDaysResult = z.infer<typeof WorkingDaysResult>;

/** Vietnam's fixed offset from UTC (Asia/Ho_Chi_Minh has no daylight saving time). */
export const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** An instant as ISO 8601 in Vietnam time with its offset: 2025-02-03T07:30:00+07:00. */
export function toVietnamIso(at: Date): string {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString();
  const ms = local.slice(19, 23) === '.000' ? '' : local.slice(19, 23);
  return `${local.slice(0, 19)}${ms}+07:00`;
}

/** The default working hours of State offices (morning, afternoon). */
export const DEFAULT_WORKING_HOURS = '07:30-11:30,13:30-17:00';

/** A working period of a day, in minutes after midnight (Vietnam time). */
export interface WorkingPeriod {
  readonly start: number;
  readonly end: number;
}

/**
 * Parses working hours written as two periods `HH:MM-HH:MM,HH:MM-HH:MM` (morning, afternoon):
 * both non-empty, in order, not overlapping. Two periods, because half-day time limits count
 * mornings and afternoons. Returns the problem in both languages when the text is wrong.
 */
export function parseWorkingHours(
  text: string,
): { periods: readonly [WorkingPeriod, WorkingPeriod] } | { problem: { vi: string; en: string } } {
  const parts = text.split(',').map((p) => p.trim());
  const problem = (vi: string, en: string) => ({ problem: { vi, en } });
  if (parts.length !== 2)
    return problem(
      'Giờ làm việc gồm đúng hai buổi: sáng và chiều',
      'Working hours are exactly two periods: morning and afternoon',
    );
  const periods: WorkingPeriod[] = [];
  for (const part of parts) {
    const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(part);
    if (!m) return problem(`"${part}" phải có dạng HH:MM-HH:MM`, `"${part}" must look like HH:MM-HH:MM`);
    const [h1, m1, h2, m2] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    if (h1 > 23 || h2 > 24 || m1 > 59 || m2 > 59 || (h2 === 24 && m2 > 0))
      return problem(`Giờ không hợp lệ: "${part}"`, `Invalid time: "${part}"`);
    const period = { start: h1 * 60 + m1, end: h2 * 60 + m2 };
    if (period.end <= period.start)
      return problem(`Buổi "${part}" phải kết thúc sau khi bắt đầu`, `Period "${part}" must end after it starts`);
    periods.push(period);
  }
  const [morning, afternoon] = periods as [WorkingPeriod, WorkingPeriod];
  if (afternoon.start < morning.end)
    return problem(
      'Buổi chiều phải bắt đầu sau khi buổi sáng kết thúc',
      'The afternoon must start after the morning ends',
    );
  return { periods: [morning, afternoon] };
}
