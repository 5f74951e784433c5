import { parse } from 'csv-parse';
import { AppError } from '../errors';
import { refuseFile, type RefusalContext } from './refusal';
import type { TableRow } from './rows';

/**
 * Strict UTF-8 decoding: bytes that are not UTF-8 (a TCVN3, VNI or Windows-1258 export) and
 * text holding NUL characters (binary data, UTF-16 without a BOM) are refused, not misread.
 * A leading BOM is removed.
 */
export function decodeUtf8(bytes: Uint8Array, context: RefusalContext): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuseFile(
      context,
      'Tệp không phải văn bản UTF-8 (có thể lưu bằng bảng mã TCVN3/VNI hoặc Windows-1258)',
      'The file is not UTF-8 text (it may use a TCVN3/VNI or Windows-1258 encoding)',
    );
  }
  if (text.includes('\u0000'))
    throw refuseFile(context, 'Tệp chứa dữ liệu nhị phân, không phải CSV', 'The file holds binary data, not CSV');
  return text.replace(/^\uFEFF/, '');
}

/** The separator of the header line: the most frequent of ',', ';' and tab outside quotes (',' when none). */
export function detectDelimiter(text: string): string {
  const firstLine = text
    .replace(/^\s*\n/, '')
    .split('\n', 1)[0]!
    .replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

interface Record {
  record: string[];
  raw: string;
  info: { lines: number };
}

/**
 * Parses CSV text as a stream of records (csv-parse), handing each row to `onRow` with the line
 * it starts on (quoted fields may span lines; CRLF and CR are line breaks). Refuses a broken
 * quote naming its line.
 */
export async function readCsv(text: string, context: RefusalContext, onRow: (row: TableRow) => void): Promise<void> {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const parser = parse({
    delimiter: detectDelimiter(normalized),
    relax_column_count: true,
    skip_empty_lines: false,
    info: true,
    raw: true,
  });
  parser.end(normalized);
  try {
    for await (const { record, raw, info } of parser as AsyncIterable<Record>) {
      onRow({ line: info.lines - (raw.replace(/\n$/, '').split('\n').length - 1), cells: record });
    }
  } catch (error) {
    if (error instanceof AppError) throw error; // a refusal from onRow
    const line = (error as { lines?: number }).lines;
    throw refuseFile(
      context,
      `Tệp CSV bị lỗi cấu trúc${line ? ` ở dòng ${line}` : ''} (dấu ngoặc kép chưa đóng?)`,
      `The CSV file is malformed${line ? ` at line ${line}` : ''} (an unclosed quote?)`,
    );
  }
}
