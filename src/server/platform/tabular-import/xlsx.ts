import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../errors';
import { refuseFile, type RefusalContext } from './refusal';
import type { TableRow } from './rows';
import { checkZipContainer, type ZipProblem } from './zip-guard';

const ZIP_MESSAGES: Record<ZipProblem, [string, string]> = {
  not_zip: ['Tệp Excel bị hỏng', 'The Excel file is damaged'],
  corrupt: ['Tệp Excel bị hỏng', 'The Excel file is damaged'],
  zip64: ['Tệp Excel quá lớn', 'The Excel file is too large'],
  too_many_entries: ['Tệp Excel có cấu trúc bất thường', 'The Excel file has an unusual structure'],
  too_large: ['Nội dung tệp Excel quá lớn khi giải nén', 'The Excel file is too large once unpacked'],
  unsupported_compression: [
    'Tệp Excel dùng kiểu nén không được hỗ trợ',
    'The Excel file uses an unsupported compression',
  ],
};

/**
 * Reads the first worksheet of an XLSX file with exceljs's streaming reader, handing each
 * non-empty row to `onRow` (row numbers are the sheet's). The ZIP container is checked first
 * (zip-guard), so a file that unpacks past `maxUnpackedBytes` is refused before exceljs opens it.
 */
export async function readXlsx(
  bytes: Uint8Array,
  maxUnpackedBytes: number,
  context: RefusalContext,
  onRow: (row: TableRow) => void,
): Promise<void> {
  const problem = checkZipContainer(bytes, maxUnpackedBytes);
  if (problem) throw refuseFile(context, ...ZIP_MESSAGES[problem]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets += 1;
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        const cells = Array.from(values, cellText);
        if (cells.some((c) => c !== '')) onRow({ line: row.number, cells });
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof AppError) throw error; // a refusal from onRow
    throw refuseFile(context, 'Không đọc được tệp Excel', 'The Excel file cannot be read');
  }
  if (sheets === 0)
    throw refuseFile(context, 'Tệp Excel không có trang tính nào', 'The Excel file has no worksheet', {
      advice: false,
    });
}

/** A cell's value as text: numbers as written by JavaScript, dates as YYYY-MM-DD, formulas by their result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: Array<{ text: string }>; text?: unknown; error?: string };
    if ('result' in v) return cellText(v.result);
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return cellText(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return '';
}
