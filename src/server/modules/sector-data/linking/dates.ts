/**
 * Birth dates as hand-typed lists write them (issue 16 §3): dd/mm/yyyy, d/m/yy, dd-mm-yyyy,
 * dd.mm.yyyy, yyyy-mm-dd, yyyymmdd, mm/yyyy, a year alone, "ngày 5 tháng 3 năm 1990", Excel
 * serial numbers (a date cell read as a number) and JavaScript dates (a date cell read by exceljs).
 * The reading is day-first (Vietnamese usage); when day and month could be swapped the other
 * reading is returned as an alternative, and a day-first reading that cannot be a date (month 13+)
 * is read month-first with the note `day_month_swapped`.
 */
import type { Cell } from './types';

/** How much of the date is known. */
export type DatePrecision = 'day' | 'month' | 'year';

/** A date known to a precision: month and day absent when not known. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

/** The form the cell was written in. */
export type DateForm = 'dmy' | 'mdy' | 'ymd' | 'month_year' | 'year' | 'excel_serial' | 'date_cell';

/** Result of reading a date cell. */
export type ParsedDate =
  | { kind: 'missing' }
  | { kind: 'invalid'; raw: string }
  | {
      kind: 'date';
      date: PartialDate;
      precision: DatePrecision;
      form: DateForm;
      /** Other readings of the same text (day and month swapped). */
      alternatives: PartialDate[];
      /** `day_month_swapped`: read month-first because day-first is impossible; `two_digit_year`: century inferred. */
      notes: DateNote[];
    };

export interface DateReadOptions {
  /** The current year, for two-digit years (yy after it means 19yy) and for refusing future years. */
  referenceYear: number;
}

/** Excel's day 0 for serials ≥ 61 (the 1900 leap-year bug makes earlier serials off by one; no birth date is there). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MIN_YEAR = 1880;

/** True when year-month-day is a real calendar day. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 'YYYY-MM-DD' of a day-precision date, or undefined. */
export function isoOf(d: PartialDate): string | undefined {
  if (d.month === undefined || d.day === undefined) return undefined;
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Reads 'YYYY-MM-DD' (as the registry stores it). */
export function fromIso(iso: string): PartialDate {
  // Every registry person a list is compared with comes through here: slices, not split + map.
  if (iso.length === 10 && iso[4] === '-' && iso[7] === '-')
    return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8)) };
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { year: y, month: m, day: d };
}

type DateNote = 'day_month_swapped' | 'two_digit_year';

function dayDate(year: number, month: number, day: number, form: DateForm, notes: DateNote[] = []): ParsedDate {
  return { kind: 'date', date: { year, month, day }, precision: 'day', form, alternatives: [], notes };
}

function fromExcelSerial(serial: number): ParsedDate {
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000);
  return dayDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 'excel_serial');
}

function fullYear(text: string, opts: DateReadOptions): { year: number; twoDigit: boolean } {
  const n = Number(text);
  if (text.length > 2) return { year: n, twoDigit: false };
  const century = opts.referenceYear - (opts.referenceYear % 100);
  return { year: n <= opts.referenceYear % 100 ? century + n : century - 100 + n, twoDigit: true };
}

/** Day-first reading of a, b with the swapped alternative; month-first when day-first is impossible. */
function readDayMonth(a: number, b: number, yearText: string, raw: string, opts: DateReadOptions): ParsedDate {
  const { year, twoDigit } = fullYear(yearText, opts);
  const notes: DateNote[] = twoDigit ? ['two_digit_year'] : [];
  const dmy = isCalendarDate(year, b, a);
  const mdy = isCalendarDate(year, a, b);
  if (!validYear(year, opts) || (!dmy && !mdy)) return { kind: 'invalid', raw };
  if (dmy) {
    const parsed = dayDate(year, b, a, 'dmy', notes);
    if (mdy && a !== b && parsed.kind === 'date') parsed.alternatives.push({ year, month: a, day: b });
    return parsed;
  }
  return dayDate(year, a, b, 'mdy', [...notes, 'day_month_swapped']);
}

function validYear(year: number, opts: DateReadOptions): boolean {
  return year >= MIN_YEAR && year <= opts.referenceYear;
}

/** Reads one birth-date cell (string, number or Date); never throws. */
export function parseListDate(raw: Cell, opts: DateReadOptions): ParsedDate {
  if (raw === null || raw === undefined) return { kind: 'missing' };
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { kind: 'invalid', raw: String(raw) };
    return dayDate(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate(), 'date_cell');
  }
  const text = String(raw).normalize('NFC').trim().toLowerCase();
  if (text === '') return { kind: 'missing' };
  return parseText(text, String(raw), opts);
}

function parseText(text: string, raw: string, opts: DateReadOptions): ParsedDate {
  const invalid: ParsedDate = { kind: 'invalid', raw };
  let m = /^ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})$/.exec(text);
  if (m) return readDayMonth(Number(m[1]), Number(m[2]), m[3]!, raw, opts);
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isCalendarDate(y, mo, d) && validYear(y, opts) ? dayDate(y, mo, d, 'ymd') : invalid;
  }
  m = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})$/.exec(text);
  if (m) return readDayMonth(Number(m[1]), Number(m[2]), m[3]!, raw, opts);
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(text);
  if (m) {
    const [mo, y] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12 || !validYear(y, opts)) return invalid;
    return {
      kind: 'date',
      date: { year: y, month: mo },
      precision: 'month',
      form: 'month_year',
      alternatives: [],
      notes: [],
    };
  }
  if (/^(năm\s*)?\d{4}$/.test(text)) {
    const y = Number(text.replace(/\D/g, ''));
    if (validYear(y, opts))
      return { kind: 'date', date: { year: y }, precision: 'year', form: 'year', alternatives: [], notes: [] };
  }
  if (/^\d{8}$/.test(text)) {
    const [y, mo, d] = [Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6))];
    if (isCalendarDate(y, mo, d) && validYear(y, opts)) return dayDate(y, mo, d, 'ymd');
    return readDayMonth(Number(text.slice(0, 2)), Number(text.slice(2, 4)), text.slice(4), raw, opts);
  }
  if (/^\d{3,5}(\.0+)?$/.test(text)) {
    const serial = Number(text);
    const parsed = fromExcelSerial(serial);
    if (serial >= 61 && parsed.kind === 'date' && validYear(parsed.date.year, opts)) return parsed;
  }
  return invalid;
}
