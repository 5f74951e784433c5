/**
 * The tabular-import kit: reading an uploaded spreadsheet (CSV or XLSX) into rows of text cells,
 * for every import (cashless figures, bank statements, sector data). ADR 0011 tells why each
 * guard is there.
 *
 *   const table = await readTable(bytes, {
 *     errorCode: 'CASHLESS.FILE_INVALID', formats: ['csv', 'xlsx'], maxDataRows: 20_000,
 *   });
 *   const { header, data } = splitHeader(table.rows);          // first non-blank row, then the rest
 *   const match = matchHeader(header!, [{ key: 'amount', aliases: ['Số tiền', 'amount'], required: true }]);
 *   // match.missing / match.unknown / match.repeated: word the refusal; else per row:
 *   const cells = cellsByColumn(row, match.index);              // { amount: '15.000' }
 *   problems.push(rowProblem(code, row.line, { key: 'amount', labelVi: 'Số tiền' }, 'phải là số', 'must be a number'));
 *
 * - The format is recognised from the bytes, not the file name: XLSX (a ZIP, checked by the
 *   zip-bomb guard before exceljs's streaming reader opens it) or CSV text. An old .xls, UTF-16
 *   text (with a BOM or NUL bytes), bytes that are not UTF-8 (TCVN3, VNI, Windows-1258) and a
 *   broken CSV quote are refused with a bilingual AppError carrying the caller's `errorCode`.
 * - CSV: strict UTF-8 with or without BOM, comma / semicolon / tab detected from the header line,
 *   csv-parse as a stream; every row keeps the line it starts on.
 * - Limits: `maxBytes` (refused before reading), `maxDataRows` (non-blank rows after the header),
 *   `maxUnpackedBytes` for XLSX.
 * - Header cells are matched through the Vietnamese text kernel's foldHeader, so "Số tiền",
 *   "SO TIEN" and "so_tien" name one column.
 */
import { refuseFile, type RefusalContext, type TableFormat } from './refusal';
import { readCsv, decodeUtf8 } from './csv';
import { readXlsx } from './xlsx';
import { isBlankRow, type TableRow } from './rows';

export { cellsByColumn, columnOfHeader, matchHeader, splitHeader, type ColumnSpec, type HeaderMatch } from './header';
export { rowProblem } from './problems';
export { checkZipContainer, type ZipProblem } from './zip-guard';
export { cellText } from './xlsx';
export { detectDelimiter } from './csv';
export { isBlankRow, type TableFormat, type TableRow };

export interface ReadTableOptions {
  /** The caller's error code for an unreadable file, e.g. `CASHLESS.FILE_INVALID`. */
  errorCode: string;
  /** Formats accepted (default both). */
  formats?: readonly TableFormat[];
  /** Largest file, in bytes (default 2 MB). */
  maxBytes?: number;
  /** Most non-blank rows after the header (default 20,000). */
  maxDataRows?: number;
  /** Most bytes an XLSX file may unpack to (default 40 MB: a 20,000-row sheet is about 3 MB). */
  maxUnpackedBytes?: number;
}

export interface Table {
  format: TableFormat;
  /** Every row as read, blank rows included (XLSX: non-empty rows only), in file order. */
  rows: TableRow[];
}

const DEFAULTS = { maxBytes: 2 * 1024 * 1024, maxDataRows: 20_000, maxUnpackedBytes: 40 * 1024 * 1024 };

const startsWith = (bytes: Uint8Array, prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b);

/** Reads an uploaded file into rows of text cells; throws the caller's `errorCode` (HTTP 400) for what it cannot read. */
export async function readTable(bytes: Uint8Array, options: ReadTableOptions): Promise<Table> {
  const formats = options.formats ?? ['csv', 'xlsx'];
  const limits = { ...DEFAULTS, ...options };
  const context: RefusalContext = { errorCode: options.errorCode, formats };
  if (bytes.byteLength === 0) throw refuseFile(context, 'Tệp rỗng', 'The file is empty', { advice: false });
  if (bytes.byteLength > limits.maxBytes) {
    const mb = Math.round((limits.maxBytes / 1024 / 1024) * 10) / 10;
    throw refuseFile(context, `Tệp lớn hơn ${mb} MB`, `The file is larger than ${mb} MB`, { advice: false });
  }
  const rows: TableRow[] = [];
  let nonBlank = 0;
  const onRow = (row: TableRow): void => {
    rows.push(row);
    if (!isBlankRow(row)) nonBlank += 1;
    if (nonBlank > limits.maxDataRows + 1) throw tooManyRows(context, limits.maxDataRows);
  };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && formats.includes('xlsx')) {
    await readXlsx(bytes, limits.maxUnpackedBytes, context, onRow);
    return { format: 'xlsx', rows };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    throw refuseFile(
      context,
      'Tệp Excel 97-2003 (.xls) không được hỗ trợ',
      'Excel 97-2003 files (.xls) are not supported',
    );
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
    throw refuseFile(
      context,
      'Tệp được lưu dạng Unicode UTF-16, không phải UTF-8',
      'The file is saved as UTF-16 text, not UTF-8',
    );
  if (!formats.includes('csv'))
    throw refuseFile(context, 'Tệp không phải tệp Excel (.xlsx)', 'The file is not an Excel (.xlsx) file');
  await readCsv(decodeUtf8(bytes, context), context, onRow);
  return { format: 'csv', rows };
}

function tooManyRows(context: RefusalContext, max: number) {
  return refuseFile(
    context,
    `Tệp có hơn ${max} dòng số liệu, tối đa ${max}. Hãy chia thành nhiều tệp`,
    `The file has more than ${max} data lines; at most ${max}. Split it into several files`,
    { advice: false },
  );
}
