import type { MonthlyFigures } from '../../../contracts/cashless';
import type { FieldProblem } from '../../../contracts/messages';
import { CASHLESS_ERRORS, fileInvalid } from './cashless.errors';
import {
  FIGURE_COLUMNS,
  IMPORT_COLUMNS,
  columnLabel,
  type FigureColumnKey,
  type ImportColumnKey,
} from './import-columns';
import { matchHeader, rowProblem, splitHeader, type TableRow } from '../../platform/tabular-import';

/** A valid data row: facility code (upper case), month YYYY-MM and its figures. */
export interface ImportRow {
  line: number;
  facilityCode: string;
  month: string;
  figures: MonthlyFigures;
}

export interface CheckedSheet {
  rows: ImportRow[];
  /** Lines with a facility and a month but no figures at all (a template row left blank). */
  skippedLines: number[];
  /** Problems by line, in line order (empty when every row is valid). */
  problems: FieldProblem[];
}

/** Upper bounds that catch typing errors (a monthly count of 10 million is not a school's). */
export const MAX_COUNT = 10_000_000;
export const MAX_AMOUNT = 10_000_000_000_000;
/** The earliest month accepted. */
export const MIN_MONTH = '2000-01';

const FIELD_OF: Record<FigureColumnKey, keyof MonthlyFigures> = {
  cashless_count: 'cashlessCount',
  cash_count: 'cashCount',
  cashless_amount: 'cashlessAmount',
  cash_amount: 'cashAmount',
};

/** At most 40 characters of a user's value, for a message. */
export function shown(value: string): string {
  const s = value.replace(/\p{Cc}/gu, ' ');
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** A problem at a line (and column). */
export function problemAt(line: number, column: ImportColumnKey | null, vi: string, en: string): FieldProblem {
  const where = column ? { key: column, labelVi: columnLabel(column) } : null;
  return rowProblem(CASHLESS_ERRORS.IMPORT_INVALID, line, where, vi, en);
}

/** Maps the header row's cells to columns; throws FILE_INVALID for an unknown, repeated or missing column. */
export function mapHeader(row: TableRow): Map<ImportColumnKey, number> {
  const match = matchHeader(row, IMPORT_COLUMNS);
  const repeated = match.repeated[0];
  if (repeated)
    throw fileInvalid(
      `Dòng tiêu đề có cột "${columnLabel(repeated)}" hai lần`,
      `The header names column ${repeated} twice`,
      'header',
    );
  const unknown = match.unknown.map(shown);
  const missing = IMPORT_COLUMNS.filter((c) => match.missing.includes(c.key));
  if (unknown.length > 0 || missing.length > 0) {
    const expected = IMPORT_COLUMNS.map((c) => c.labelVi).join(', ');
    const parts = { vi: [] as string[], en: [] as string[] };
    const quoted = unknown.map((u) => `"${u}"`).join(', ');
    if (unknown.length) {
      parts.vi.push(`cột không nhận ra: ${quoted}`);
      parts.en.push(`unknown columns: ${quoted}`);
    }
    if (missing.length) {
      parts.vi.push(`thiếu cột: ${missing.map((c) => `"${c.labelVi}"`).join(', ')}`);
      parts.en.push(`missing columns: ${missing.map((c) => c.key).join(', ')}`);
    }
    throw fileInvalid(
      `Dòng tiêu đề (dòng ${row.line}) không đúng mẫu — ${parts.vi.join('; ')}. Các cột cần có: ${expected}. Hãy dùng tệp mẫu.`,
      `The header (line ${row.line}) does not match the template — ${parts.en.join('; ')}. Expected columns: ${IMPORT_COLUMNS.map((c) => c.key).join(', ')}. Use the template.`,
      'header',
    );
  }
  return match.index;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; vi: string; en: string };

/** A whole number ≥ 0 as people type it: "1500", "1.500", "1,500" or "1 500" (groups of three). */
export function parseWholeNumber(raw: string, max: number): Parsed<number> {
  const s = raw.trim().replace(/[\s\u00a0]/g, '');
  if (s === '') return { ok: false, vi: 'chưa nhập số', en: 'no number' };
  const negative = s.startsWith('-');
  const digits = negative ? s.slice(1) : s;
  let plain: string | undefined;
  if (/^\d+$/.test(digits)) plain = digits;
  else if (/^\d{1,3}(\.\d{3})+$/.test(digits) || /^\d{1,3}(,\d{3})+$/.test(digits)) plain = digits.replace(/[.,]/g, '');
  else if (/^\d+[.,]\d+$/.test(digits))
    return {
      ok: false,
      vi: `phải là số nguyên, không phải "${shown(raw.trim())}"`,
      en: `must be a whole number, not "${shown(raw.trim())}"`,
    };
  if (plain === undefined)
    return {
      ok: false,
      vi: `phải là số, không phải "${shown(raw.trim())}"`,
      en: `must be a number, not "${shown(raw.trim())}"`,
    };
  const value = Number(plain);
  if (negative && value !== 0) return { ok: false, vi: 'không được là số âm', en: 'must not be negative' };
  if (value > max)
    return {
      ok: false,
      vi: `quá lớn (tối đa ${max.toLocaleString('vi-VN')})`,
      en: `is too large (at most ${max.toLocaleString('en-GB')})`,
    };
  return { ok: true, value };
}

/** A month as written: "2026-10", "10/2026", "2026-10-01" (an Excel date cell); not after `currentMonth`. */
export function parseMonth(raw: string, currentMonth: string): Parsed<string> {
  const s = raw.trim();
  const iso = /^(\d{4})-(\d{1,2})(?:-01)?$/.exec(s);
  const vn = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  const [year, month] = iso
    ? [Number(iso[1]), Number(iso[2])]
    : vn
      ? [Number(vn[2]), Number(vn[1])]
      : [Number.NaN, Number.NaN];
  if (!s) return { ok: false, vi: 'chưa nhập tháng', en: 'no month' };
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    return {
      ok: false,
      vi: `tháng phải có dạng YYYY-MM (ví dụ 2026-10), không phải "${shown(s)}"`,
      en: `the month must be YYYY-MM (e.g. 2026-10), not "${shown(s)}"`,
    };
  }
  const value = `${year}-${String(month).padStart(2, '0')}`;
  if (value < MIN_MONTH)
    return { ok: false, vi: `tháng ${value} quá xa trong quá khứ`, en: `month ${value} is too far in the past` };
  if (value > currentMonth) return { ok: false, vi: `tháng ${value} chưa tới`, en: `month ${value} is in the future` };
  return { ok: true, value };
}

/** Checks every data row after the header; all problems are collected, none thrown (the row limit is the reader's). */
export function checkRows(sheet: readonly TableRow[], currentMonth: string): CheckedSheet {
  const { header, data } = splitHeader(sheet);
  if (!header)
    throw fileInvalid(
      'Tệp không có dữ liệu (cần dòng tiêu đề và các dòng số liệu)',
      'The file holds no data (a header and data lines are needed)',
    );
  const columns = mapHeader(header);
  if (data.length === 0)
    throw fileInvalid('Tệp chỉ có dòng tiêu đề, không có dòng số liệu nào', 'The file has a header but no data lines');
  const result: CheckedSheet = { rows: [], skippedLines: [], problems: [] };
  const seen = new Map<string, number>();
  const width = Math.max(...columns.values()) + 1;
  for (const row of data) {
    const checked = checkRow(row, columns, width, currentMonth);
    result.problems.push(...checked.problems);
    if (checked.skipped) result.skippedLines.push(row.line);
    if (!checked.row) continue;
    const key = `${checked.row.facilityCode}\u0000${checked.row.month}`;
    const first = seen.get(key);
    if (first !== undefined) {
      result.problems.push(
        problemAt(
          row.line,
          null,
          `trùng cơ sở ${shown(checked.row.facilityCode)} và tháng ${checked.row.month} với dòng ${first}`,
          `repeats facility ${shown(checked.row.facilityCode)} and month ${checked.row.month} of line ${first}`,
        ),
      );
      continue;
    }
    seen.set(key, row.line);
    result.rows.push(checked.row);
  }
  return result;
}

function checkRow(
  row: TableRow,
  columns: Map<ImportColumnKey, number>,
  width: number,
  currentMonth: string,
): { row?: ImportRow; skipped?: boolean; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const cell = (key: ImportColumnKey) => (columns.has(key) ? (row.cells[columns.get(key)!] ?? '') : '');
  const extra = row.cells.slice(width).some((c) => c.trim() !== '');
  if (extra)
    problems.push(
      problemAt(row.line, null, 'có nhiều ô hơn số cột của dòng tiêu đề', 'has more cells than the header has columns'),
    );

  const code = cell('facility_code').trim().toUpperCase();
  if (!code) problems.push(problemAt(row.line, 'facility_code', 'chưa nhập mã cơ sở', 'no facility code'));
  else if (!/^[A-Z0-9][A-Z0-9._-]{0,39}$/.test(code))
    problems.push(
      problemAt(
        row.line,
        'facility_code',
        `mã cơ sở "${shown(code)}" không hợp lệ`,
        `facility code "${shown(code)}" is not valid`,
      ),
    );

  const month = parseMonth(cell('month'), currentMonth);
  if (!month.ok) problems.push(problemAt(row.line, 'month', month.vi, month.en));

  if (FIGURE_COLUMNS.every((k) => cell(k).trim() === '')) return { skipped: problems.length === 0, problems };
  const figures: Partial<MonthlyFigures> = {};
  for (const key of FIGURE_COLUMNS) {
    const parsed = parseWholeNumber(cell(key), key.endsWith('_count') ? MAX_COUNT : MAX_AMOUNT);
    if (parsed.ok) figures[FIELD_OF[key]] = parsed.value;
    else problems.push(problemAt(row.line, key, parsed.vi, parsed.en));
  }
  const f = figures as MonthlyFigures;
  if (f.cashlessCount === 0 && (f.cashlessAmount ?? 0) > 0) {
    problems.push(
      problemAt(
        row.line,
        'cashless_amount',
        'có số tiền nhưng số giao dịch không dùng tiền mặt là 0',
        'has an amount but no cashless transactions',
      ),
    );
  }
  if (f.cashCount === 0 && (f.cashAmount ?? 0) > 0)
    problems.push(
      problemAt(
        row.line,
        'cash_amount',
        'có số tiền nhưng số giao dịch tiền mặt là 0',
        'has an amount but no cash transactions',
      ),
    );
  if (problems.length > 0 || !month.ok) return { problems };
  return { row: { line: row.line, facilityCode: code, month: month.value, figures: f }, problems };
}
