import type {
  CalendarDay,
  CalendarDayChange,
  CalendarDayInput,
  CalendarYear,
  CalendarYearChange,
  DeadlineResult,
} from '../../../contracts/calendar';
import { apiDelete, apiGet, apiPost, query, type RequestOptions } from '../../api/client';

export type { CalendarDay, CalendarYear, DeadlineResult };

const BASE = '/api/v1/calendar';

export const getYear = (year: number, options?: RequestOptions) =>
  apiGet<CalendarYear>(`${BASE}/years/${year}`, options);

export const setYearSource = (year: number, body: CalendarYearChange) =>
  apiPost<CalendarYear>(`${BASE}/years/${year}`, body);

/** Drops a year's stored schedule: the year goes back to the provisional one derived from the law. */
export const resetYear = (year: number) => apiDelete<CalendarYear>(`${BASE}/years/${year}`);

export const addDay = (body: CalendarDayInput) => apiPost<CalendarDay>(`${BASE}/days`, body);

/** Changes a day's kind, name and source (the API takes POST: the web client has no PUT). */
export const changeDay = (date: string, body: CalendarDayChange) =>
  apiPost<CalendarDay>(`${BASE}/days/${encodeURIComponent(date)}`, body);

export const deleteDay = (date: string) => apiDelete<{ deleted: string }>(`${BASE}/days/${encodeURIComponent(date)}`);

/** Due time of a time limit; `receivedAt` is ISO 8601 with its offset. */
export const computeDeadline = (receivedAt: string, workingDays: number, options?: RequestOptions) =>
  apiGet<DeadlineResult>(`${BASE}/deadline${query({ receivedAt, workingDays })}`, options);
