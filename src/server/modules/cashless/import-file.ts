import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { fileInvalid } from './cashless.errors';
import { checkZipContainer, type ZipProblem } from './zip-guard';

/** One row of a sheet: its line number in the file (1-based) and its cells as text. */
export interface SheetRow {
  line: number;
  cells: string[];
}

export interface ImportSheet {
  format: 'csv' | 'xlsx';
  rows: SheetRow[];
}

/** Most bytes an XLSX file may unpack to (a 20,000-row sheet is about 3 MB). */
const XLSX_MAX_UNCOMPRESSED = 40 * 1024 * 1024;

const SAVE_AS = {
  vi: 'Hãy lưu tệp dạng "CSV UTF-8 (Comma delimited)" hoặc Excel (.xlsx) rồi tải lên lại.',
  en: 'Save the file as "CSV UTF-8 (Comma delimited)" or Excel (.xlsx) and upload it again.',
};

/**
 * Reads an uploaded file into rows of text cells, recognising the format by its bytes (not its
 * name): XLSX (a ZIP container, checked by zip-guard first) or CSV in UTF-8 (with or without a
 * BOM; comma, semicolon or tab separated — Excel in the Vietnamese locale saves with ';').
 * Throws CASHLESS.FILE_INVALID for anything else: an old .xls, UTF-16 text, bytes that are not
 * UTF-8 (e.g. a TCVN3 or Windows-1258 export), a broken quote.
 */
export async function readImportFile(bytes: Uint8Array): Promise<ImportSheet> {
  if (bytes.byteLength === 0) throw fileInvalid('Tệp rỗng', 'The file is empty');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { format: 'xlsx', rows: await readXlsx(bytes) };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw fileInvalid(
      `Tệp Excel 97-2003 (.xls) không được hỗ trợ. ${SAVE_AS.vi}`,
      `Excel 97-2003 files (.xls) are not supported. ${SAVE_AS.en}`,
    );
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw fileInvalid(
      `Tệp được lưu dạng Unicode UTF-16, không phải UTF-8. ${SAVE_AS.vi}`,
      `The file is saved as UTF-16 text, not UTF-8. ${SAVE_AS.en}`,
    );
  }
  return { format: 'csv', rows: readCsv(decodeUtf8(bytes)) };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Strict UTF-8: a byte sequence that is not UTF-8 is refused rather than read as mojibake. */
export function decodeUtf8(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw fileInvalid(
      `Tệp không phải văn bản UTF-8 (có thể lưu bằng bảng mã TCVN3/VNI hoặc Windows-1258). ${SAVE_AS.vi}`,
      `The file is not UTF-8 text (it may use a TCVN3/VNI or Windows-1258 encoding). ${SAVE_AS.en}`,
    );
  }
  if (text.includes('\u0000'))
    throw fileInvalid(
      `Tệp chứa dữ liệu nhị phân, không phải CSV. ${SAVE_AS.vi}`,
      `The file holds binary data, not CSV. ${SAVE_AS.en}`,
    );
  return text;
}

/** The separator of the header line: the most frequent of ',', ';' and tab outside quotes. */
export function detectDelimiter(text: string): string {
  const firstLine = text
    .replace(/^\s*\n/, '')
    .split('\n', 1)[0]!
    .replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/** Parses CSV text; each row keeps the line it starts on (quoted fields may span lines). */
export function readCsv(text: string): SheetRow[] {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let records: Array<{ record: string[]; raw: string; info: { lines: number } }>;
  try {
    records = parse(normalized, {
      delimiter: detectDelimiter(normalized),
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
      raw: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw fileInvalid(
      `Tệp CSV bị lỗi cấu trúc${line ? ` ở dòng ${line}` : ''} (dấu ngoặc kép chưa đóng?). ${SAVE_AS.vi}`,
      `The CSV file is malformed${line ? ` at line ${line}` : ''} (an unclosed quote?). ${SAVE_AS.en}`,
    );
  }
  return records.map(({ record, raw, info }) => ({
    line: info.lines - (raw.replace(/\n$/, '').split('\n').length - 1),
    cells: record,
  }));
}

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

/** Reads the first worksheet of an XLSX file; row numbers are the sheet's. */
async function readXlsx(bytes: Uint8Array): Promise<SheetRow[]> {
  const problem = checkZipContainer(bytes, XLSX_MAX_UNCOMPRESSED);
  if (problem) {
    const [vi, en] = ZIP_MESSAGES[problem];
    throw fileInvalid(`${vi}. ${SAVE_AS.vi}`, `${en}. ${SAVE_AS.en}`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw fileInvalid(`Không đọc được tệp Excel. ${SAVE_AS.vi}`, `The Excel file cannot be read. ${SAVE_AS.en}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fileInvalid('Tệp Excel không có trang tính nào', 'The Excel file has no worksheet');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push({ line, cells: Array.from(values, cellText) });
  });
  return rows;
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
