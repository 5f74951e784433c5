import type { FieldProblem } from '../../../contracts/messages';
import { cellsByColumn, matchHeader, readTable, splitHeader } from '../../platform/tabular-import';
import { fileInvalid, RECONCILIATION_ERRORS } from './payment-reconciliation.errors';

/**
 * Reading the files staff upload (bank statements, the gateway's settlement file) through the
 * platform's tabular-import kit: strict UTF-8 CSV (with or without BOM; UTF-16, legacy Vietnamese
 * encodings, binary data and broken quotes are refused in both languages), comma / semicolon / tab
 * separated, a header line whose column names are matched through the text kernel's header fold,
 * so "Số tiền", "so_tien" and "SO TIEN" are one column; then the value parsers of those files. Pure.
 */

/** Largest file accepted, in bytes. */
export const CSV_MAX_BYTES = 2 * 1024 * 1024;
/** Most data lines in one file. */
export const CSV_MAX_LINES = 20_000;

export interface CsvRow<K extends string = string> {
  /** Line number in the file (1 = header). */
  line: number;
  /** Each column's cell, trimmed. */
  cells: Record<K, string>;
}

/**
 * Reads `bytes` as CSV whose header must name every column of `columns` (each one a canonical
 * name with its accepted header aliases). Returns the non-blank rows keyed by canonical name.
 * Throws PAYMENT.FILE_INVALID naming each missing column, or what makes the file unreadable.
 */
export async function readCsvTable<K extends string>(
  bytes: Uint8Array,
  columns: Record<K, readonly string[]>,
  what: { vi: string; en: string },
): Promise<Array<CsvRow<K>>> {
  const table = await readTable(bytes, {
    errorCode: RECONCILIATION_ERRORS.FILE_INVALID,
    formats: ['csv'],
    maxBytes: CSV_MAX_BYTES,
    maxDataRows: CSV_MAX_LINES,
  });
  const specs = (Object.entries(columns) as Array<[K, readonly string[]]>).map(([key, aliases]) => ({
    key,
    aliases,
    required: true,
  }));
  const { header, data } = splitHeader(table.rows);
  const match = matchHeader(header ?? { line: 1, cells: [] }, specs);
  const missing: FieldProblem[] = match.missing.map((key) => {
    const aliases = columns[key];
    const vi = `${what.vi}: thiếu cột "${aliases[0]}" (chấp nhận: ${aliases.join(', ')})`;
    const en = `${what.en}: column "${aliases[0]}" is missing (accepted: ${aliases.join(', ')})`;
    return { field: `header.${key}`, code: RECONCILIATION_ERRORS.FILE_INVALID, messageVi: vi, messageEn: en };
  });
  if (missing.length)
    throw fileInvalid(missing.map((m) => m.messageVi).join('; '), missing.map((m) => m.messageEn).join('; '), missing);
  return data.map((row) => {
    const cells = cellsByColumn(row, match.index);
    for (const key of Object.keys(cells) as K[]) cells[key] = cells[key].trim();
    return { line: row.line, cells };
  });
}

/**
 * An amount of VND written the way Vietnamese bank exports write it: "15000", "15.000", "15,000",
 * "15.000,00", "+15 000 VND", "-15,000". Returns the integer (negative for a debit) or null when
 * it is not a whole number of đồng.
 */
export function parseVnd(text: string): number | null {
  const s = text.replace(/\s|VND|VNĐ|đ|₫/gi, '');
  const m = /^([+-]?)(\d{1,3}(?:([.,])\d{3})*|\d+)(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const [, sign, whole, separator, decimals] = m;
  // "15.000" is fifteen thousand; "15.00" is fifteen with cents: a 3-digit group after the only separator is thousands.
  if (decimals !== undefined && separator !== undefined && decimals.length === 3) return null;
  if (decimals !== undefined && /[^0]/.test(decimals)) return null;
  const value = Number(whole!.replace(/[.,]/g, ''));
  if (!Number.isSafeInteger(value)) return null;
  return sign === '-' ? -value : value;
}

/**
 * A date-time in Vietnam time: "2026-10-05 14:03[:09]", "2026-10-05T14:03:09[+07:00]",
 * "05/10/2026 14:03[:09]", "05/10/2026" (midnight). Null when not a real time.
 */
export function parseVietnamTime(text: string): Date | null {
  const s = text.trim();
  let y: string,
    mo: string,
    d: string,
    h = '00',
    mi = '00',
    se = '00';
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (m) {
    [, y, mo, d] = m as unknown as [string, string, string, string];
    [h, mi, se] = [m[4] ?? '00', m[5] ?? '00', m[6] ?? '00'];
    if (m[7]) {
      const date = new Date(
        `${y}-${mo}-${d}T${h}:${mi}:${se}${m[7] === 'Z' ? 'Z' : m[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`,
      );
      return Number.isNaN(date.getTime()) ? null : date;
    }
  } else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
    if (!m) return null;
    [d, mo, y] = [m[1]!.padStart(2, '0'), m[2]!.padStart(2, '0'), m[3]!];
    [h, mi, se] = [(m[4] ?? '00').padStart(2, '0'), m[5] ?? '00', m[6] ?? '00'];
  }
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${se}+07:00`);
  if (Number.isNaN(date.getTime())) return null;
  // Reject rolled-over dates such as 31/02.
  const back = new Date(date.getTime() + 7 * 3600_000).toISOString();
  return back.slice(0, 10) === `${y}-${mo}-${d}` && Number(h) < 24 ? date : null;
}

/** The Vietnam calendar day (YYYY-MM-DD) of an instant. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Text safe to store and show: control characters removed, NFC, at most `max` characters. */
export function cleanText(text: string, max: number): string {
  return text
    .replace(/\p{Cc}/gu, ' ')
    .normalize('NFC')
    .trim()
    .slice(0, max);
}
