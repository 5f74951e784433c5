import { AppError } from '../../platform/errors';
import { formatDateVi } from '../../../contracts/common';

/**
 * Error codes of the `calendar` module. The suffix picks the HTTP status (platform/errors.ts):
 * `_INVALID` 400, `_NOT_FOUND` 404, `_ALREADY_EXISTS` 409.
 */
export const CALENDAR_ERRORS = {
  YEAR_INVALID: 'CALENDAR.YEAR_INVALID',
  WORKING_DAYS_INVALID: 'CALENDAR.WORKING_DAYS_INVALID',
  CUTOFF_INVALID: 'CALENDAR.CUTOFF_INVALID',
  DAY_INVALID: 'CALENDAR.DAY_INVALID',
  DAY_NOT_FOUND: 'CALENDAR.DAY_NOT_FOUND',
  DAY_ALREADY_EXISTS: 'CALENDAR.DAY_ALREADY_EXISTS',
  YEAR_NOT_FOUND: 'CALENDAR.YEAR_NOT_FOUND',
} as const;

/**
 * A computation reached a year the calendar neither stores nor may derive. Refusing is safer than
 * guessing: a deadline computed on an unknown schedule would look authoritative.
 */
export class CalendarYearError extends AppError {
  constructor(
    readonly year: number,
    readonly coverage: string,
    field = 'year',
  ) {
    const vi = `Chưa có lịch ngày làm việc cho năm ${year}. Hệ thống tính được các năm ${coverage} (đã nhập lịch hoặc tạm tính theo Bộ luật Lao động 2019).`;
    const en = `No working-day schedule for ${year}. The calendar covers ${coverage} (stored, or provisional from the Labour Code 2019).`;
    super(CALENDAR_ERRORS.YEAR_INVALID, vi, en, [
      { field, code: CALENDAR_ERRORS.YEAR_INVALID, messageVi: vi, messageEn: en },
    ]);
    this.name = 'CalendarYearError';
  }

  /** The same refusal naming another field (the query parameter that led to the year). */
  forField(field: string): CalendarYearError {
    return new CalendarYearError(this.year, this.coverage, field);
  }
}

/**
 * A number of working days that is not a non-negative multiple of half a day, or (`withCutoff`)
 * not 0 beside a same-day cut-off.
 */
export function workingDaysInvalid(value: number, withCutoff?: 'with a same-day cut-off'): AppError {
  const vi = withCutoff
    ? `Thời hạn "trong ngày, nhận sau giờ chốt thì ngày làm việc tiếp theo" cần số ngày làm việc là 0, không phải ${value}`
    : `Số ngày làm việc phải là số không âm, tính theo nửa ngày (0; 0,5; 1…), không phải ${value}`;
  const en = withCutoff
    ? `A same-day time limit with a cut-off needs 0 working days, not ${value}`
    : `Working days must be a non-negative multiple of 0.5, not ${value}`;
  return new AppError(CALENDAR_ERRORS.WORKING_DAYS_INVALID, vi, en, [
    { field: 'workingDays', code: CALENDAR_ERRORS.WORKING_DAYS_INVALID, messageVi: vi, messageEn: en },
  ]);
}

/** An entry that does not fit its date (a working Saturday on a Tuesday, a day off on a Sunday). */
export function dayInvalid(field: string, messageVi: string, messageEn: string): AppError {
  return new AppError(CALENDAR_ERRORS.DAY_INVALID, messageVi, messageEn, [
    { field, code: CALENDAR_ERRORS.DAY_INVALID, messageVi, messageEn },
  ]);
}

export function dayNotFound(date: string): AppError {
  return new AppError(
    CALENDAR_ERRORS.DAY_NOT_FOUND,
    `Ngày ${formatDateVi(date)} không có trong lịch nghỉ, làm bù`,
    `${date} is not in the calendar`,
  );
}

export function dayAlreadyExists(date: string): AppError {
  const vi = `Ngày ${formatDateVi(date)} đã có trong lịch; hãy sửa ngày đó`;
  const en = `${date} is already in the calendar; edit it instead`;
  return new AppError(CALENDAR_ERRORS.DAY_ALREADY_EXISTS, vi, en, [
    { field: 'date', code: CALENDAR_ERRORS.DAY_ALREADY_EXISTS, messageVi: vi, messageEn: en },
  ]);
}

export function yearNotStored(year: number): AppError {
  return new AppError(
    CALENDAR_ERRORS.YEAR_NOT_FOUND,
    `Năm ${year} chưa có lịch đã lưu (đang dùng lịch tạm tính)`,
    `No stored schedule for ${year} (the provisional one is in use)`,
  );
}

/** A same-day cut-off that is not a time HH:MM. */
export function sameDayCutoffInvalid(value: string): AppError {
  const vi = `Giờ chốt nhận hồ sơ phải có dạng HH:MM (ví dụ 15:00), không phải "${value}"`;
  const en = `The same-day cut-off must be a time HH:MM (e.g. 15:00), not "${value}"`;
  return new AppError(CALENDAR_ERRORS.CUTOFF_INVALID, vi, en, [
    { field: 'sameDayCutoff', code: CALENDAR_ERRORS.CUTOFF_INVALID, messageVi: vi, messageEn: en },
  ]);
}
