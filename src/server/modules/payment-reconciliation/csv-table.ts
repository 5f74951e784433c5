import { parse } from 'csv-parse/sync';
import type { FieldProblem } from '../../../contracts/messages';
import { fileInvalid, RECONCILIATION_ERRORS } from './payment-reconciliation.errors';

/**
 * Reading the CSV files staff upload (bank statements, the gateway's settlement file): strict
 * UTF-8 (with or without BOM), comma / semicolon / tab separated, a header line whose column
 * names are matched without case, diacritics or punctuation, so "Số tiền", "so_tien" and
 * "SO TIEN" are one column. Pure.
 */

/** Largest file accepted, in bytes. */
export const CSV_MAX_BYTES = 2 * 1024 * 1024;
/** Most data lines in one file. */
export const CSV_MAX_LINES = 20_000;

const SAVE_AS = {
  vi: 'Hãy lưu tệp dạng "CSV UTF-8" rồi tải lên lại.',
  en: 'Save the file as "CSV UTF-8" and upload it again.',
};

/** A header name reduced to lower-case ASCII words joined by "_" ("Số tiền (VND)" → "so_tien_vnd"). */
export function headerKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export interface CsvRow {
  /** Line number in the file (1 = header). */
  line: number;
  cells: Record<string, string>;
}

/** Strict UTF-8 decoding: a file in TCVN3 / VNI / Windows-1258 or UTF-16 is refused, not misread. */
export function decodeUtf8(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw fileInvalid(
      `Tệp được lưu dạng UTF-16, không phải UTF-8. ${SAVE_AS.vi}`,
      `The file is saved as UTF-16, not UTF-8. ${SAVE_AS.en}`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fileInvalid(
      `Tệp không phải văn bản UTF-8 (có thể dùng bảng mã TCVN3/VNI hoặc Windows-1258). ${SAVE_AS.vi}`,
      `The file is not UTF-8 text (it may use TCVN3/VNI or Windows-1258). ${SAVE_AS.en}`,
    );
  }
  if (text.includes('\u0000'))
    throw fileInvalid(
      `Tệp chứa dữ liệu nhị phân, không phải CSV. ${SAVE_AS.vi}`,
      `The file holds binary data, not CSV. ${SAVE_AS.en}`,
    );
  return text.replace(/^\uFEFF/, '');
}

function delimiterOf(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/**
 * Parses `bytes` as CSV whose header must name every column of `columns` (each one a canonical
 * name with its accepted header aliases). Returns rows keyed by canonical name. Throws
 * PAYMENT.FILE_INVALID naming the missing column, or the line of a broken quote.
 */
export function readCsvTable<K extends string>(
  bytes: Uint8Array,
  columns: Record<K, readonly string[]>,
  what: { vi: string; en: string },
): CsvRow[] {
  if (bytes.byteLength === 0) throw fileInvalid('Tệp rỗng', 'The file is empty');
  const text = decodeUtf8(bytes).replace(/\r\n?/g, '\n');
  let records: string[][];
  try {
    const parsed: unknown = parse(text, {
      delimiter: delimiterOf(text.split('\n', 1)[0]!),
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    });
    records = parsed as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw fileInvalid(
      `Tệp CSV bị lỗi cấu trúc${line ? ` ở dòng ${line}` : ''} (dấu ngoặc kép chưa đóng?). ${SAVE_AS.vi}`,
      `The CSV file is malformed${line ? ` at line ${line}` : ''} (an unclosed quote?). ${SAVE_AS.en}`,
    );
  }
  const header = (records[0] ?? []).map(headerKey);
  const index = {} as Record<K, number>;
  const missing: FieldProblem[] = [];
  for (const [key, aliases] of Object.entries(columns) as Array<[K, readonly string[]]>) {
    const at = header.findIndex((h) => aliases.map(headerKey).includes(h));
    if (at < 0) {
      const vi = `${what.vi}: thiếu cột "${aliases[0]}" (chấp nhận: ${aliases.join(', ')})`;
      const en = `${what.en}: column "${aliases[0]}" is missing (accepted: ${aliases.join(', ')})`;
      missing.push({ field: `header.${key}`, code: RECONCILIATION_ERRORS.FILE_INVALID, messageVi: vi, messageEn: en });
    }
    index[key] = at;
  }
  if (missing.length)
    throw fileInvalid(missing.map((m) => m.messageVi).join('; '), missing.map((m) => m.messageEn).join('; '), missing);
  const rows: CsvRow[] = [];
  records.slice(1).forEach((record, i) => {
    if (record.every((c) => c === '')) return;
    const cells = {} as Record<string, string>;
    for (const key of Object.keys(columns)) cells[key] = record[index[key as K]] ?? '';
    rows.push({ line: i + 2, cells });
  });
  if (rows.length > CSV_MAX_LINES) {
    throw fileInvalid(
      `Tệp có ${rows.length} dòng, tối đa ${CSV_MAX_LINES} dòng. Hãy chia thành nhiều tệp.`,
      `The file has ${rows.length} lines; at most ${CSV_MAX_LINES}. Split it into several files.`,
    );
  }
  return rows;
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
