import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../../platform/errors';
import {
  cellText,
  detectDelimiter,
  type TableFormat,
  type TableRow,
  type ZipProblem,
} from '../../../platform/tabular-import';
import { fileInvalid } from '../sector-data.errors';
import { checkZipFile } from './zip-guard';

/** Limits of one source file. */
export interface SourceLimits {
  /** Most bytes an XLSX file may unpack to. */
  maxUnpackedBytes: number;
}

const SAVE_AS_VI = 'Hãy lưu tệp dạng "CSV UTF-8" hoặc Excel (.xlsx) rồi nhập lại.';
const SAVE_AS_EN = 'Save the file as "CSV UTF-8" or Excel (.xlsx) and import it again.';
const refuse = (vi: string, en: string) => fileInvalid(`${vi}. ${SAVE_AS_VI}`, `${en}. ${SAVE_AS_EN}`);

const ZIP_MESSAGES: Record<ZipProblem, [string, string]> = {
  not_zip: ['Tệp Excel bị hỏng', 'The Excel file is damaged'],
  corrupt: ['Tệp Excel bị hỏng', 'The Excel file is damaged'],
  zip64: ['Tệp Excel quá lớn', 'The Excel file is too large'],
  too_many_entries: [
    'Tệp Excel có cấu trúc bất thường (quá nhiều thành phần)',
    'The Excel file has an unusual structure (too many parts)',
  ],
  too_large: ['Nội dung tệp Excel quá lớn khi giải nén', 'The Excel file is too large once unpacked'],
  unsupported_compression: [
    'Tệp Excel dùng kiểu nén không được hỗ trợ',
    'The Excel file uses an unsupported compression',
  ],
};

/** A readable table on disk: its format and its rows as a stream (bounded memory whatever the size). */
export interface Source {
  format: TableFormat;
  rows: AsyncIterable<TableRow>;
}

/**
 * Opens a CSV or XLSX file for streaming, recognising the format from its first bytes (never the
 * name): an empty file, an old .xls, UTF-16 text and a ZIP that is not a sane XLSX are refused
 * before anything is read; CSV text is decoded as strict UTF-8 while it streams (see `csvRows`).
 */
export async function openSource(path: string, limits: SourceLimits): Promise<Source> {
  const handle = await open(path, 'r');
  const head = Buffer.alloc(8);
  let size: number;
  try {
    size = (await handle.stat()).size;
    await handle.read(head, 0, 8, 0);
  } finally {
    await handle.close();
  }
  if (size === 0) throw fileInvalid('Tệp rỗng', 'The file is empty');
  if (head.readUInt32LE(0) === 0x04034b50) {
    const problem = await checkZipFile(path, limits.maxUnpackedBytes);
    if (problem) throw refuse(...ZIP_MESSAGES[problem]);
    return { format: 'xlsx', rows: xlsxRows(path) };
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)
    throw refuse('Tệp Excel 97-2003 (.xls) không được hỗ trợ', 'Excel 97-2003 files (.xls) are not supported');
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    throw refuse('Tệp được lưu dạng Unicode UTF-16, không phải UTF-8', 'The file is saved as UTF-16 text, not UTF-8');
  return { format: 'csv', rows: csvRows(path) };
}

/** The first worksheet's non-empty rows, streamed by exceljs's WorkbookReader (row numbers are the sheet's). */
async function* xlsxRows(path: string): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
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
        if (cells.some((c) => c.trim() !== '')) yield { line: row.number, cells };
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse('Không đọc được tệp Excel', 'The Excel file cannot be read');
  }
  if (sheets === 0) throw fileInvalid('Tệp Excel không có trang tính nào', 'The Excel file has no worksheet');
}

/**
 * Decodes a file as strict UTF-8 while it streams (a BOM removed): bytes that are not UTF-8 are
 * refused — as a legacy single-byte encoding (TCVN3, VNI, Windows-1258) when no Unicode letter
 * came before them, as mixed encodings when one did — and so is text holding NUL characters
 * (binary data, "garbage"), all before the rest of the file is read. A NUL byte is looked for in the
 * bytes first: no text encoding a list can be in writes one, and random bytes that happen to begin
 * with a valid UTF-8 letter were refused as "mixed encodings" (the garbage test failed so, now and then).
 */
async function* decodedText(path: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let sawMultibyte = false;
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    if (chunk.includes(0))
      throw refuse('Tệp chứa dữ liệu nhị phân, không phải CSV', 'The file holds binary data, not CSV');
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const before = new TextDecoder('utf-8').decode(chunk);
      const good = before.slice(0, Math.max(0, before.indexOf('\uFFFD')));
      const at = line + (good.match(/\n/g)?.length ?? 0);
      throw sawMultibyte || /[\u0080-\uffff]/.test(good.replace(/^\uFEFF/, ''))
        ? refuse(
            `Tệp lẫn hai bảng mã: phần đầu là UTF-8, từ dòng ${at} là bảng mã khác (TCVN3, VNI hoặc Windows-1258)`,
            `The file mixes encodings: UTF-8 first, another one (TCVN3, VNI or Windows-1258) from line ${at}`,
          )
        : refuse(
            `Tệp không phải văn bản UTF-8 (dòng ${at}; có thể lưu bằng bảng mã TCVN3, VNI hoặc Windows-1258)`,
            `The file is not UTF-8 text (line ${at}; it may use a TCVN3, VNI or Windows-1258 encoding)`,
          );
    }
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    if (!sawMultibyte && /[\u0080-\uffff]/.test(text)) sawMultibyte = true;
    line += text.match(/\n/g)?.length ?? 0;
    yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

interface CsvRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/**
 * The records of a CSV file as a stream (csv-parse), each with the line it starts on. The delimiter
 * (comma, semicolon or tab) is detected from the header line; a broken quote is refused naming its line.
 */
async function* csvRows(path: string): AsyncGenerator<TableRow> {
  const text = decodedText(path);
  let head = '';
  let next = await text.next();
  while (!next.done && !/\n[^\n]/.test(head.replace(/^\s*\n/, '')) && head.length < 1024 * 1024) {
    head += next.value;
    next = await text.next();
  }
  const remaining = next;
  async function* pieces(): AsyncGenerator<string> {
    yield head;
    if (remaining.done) return;
    yield remaining.value;
    yield* text;
  }
  async function* all(): AsyncGenerator<string> {
    let carry = '';
    for await (const piece of pieces()) {
      // A CR at the end of a piece may be followed by the LF in the next one.
      const joined = carry + piece;
      const cut = joined.endsWith('\r') ? joined.length - 1 : joined.length;
      yield joined.slice(0, cut).replace(/\r\n?/g, '\n');
      carry = joined.slice(cut);
    }
    if (carry) yield '\n';
  }
  const parser = parse({
    delimiter: detectDelimiter(head.replace(/\r\n?/g, '\n')),
    relax_column_count: true,
    skip_empty_lines: false,
    info: true,
    raw: true,
  });
  const feeding = pipeline(Readable.from(all()), parser).catch(() => undefined);
  try {
    for await (const { record, raw, info } of parser as AsyncIterable<CsvRecord>)
      yield { line: info.lines - (raw.replace(/\n$/, '').split('\n').length - 1), cells: record };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const line = (error as { lines?: number }).lines;
    throw refuse(
      `Tệp CSV bị lỗi cấu trúc${line ? ` ở dòng ${line}` : ''} (dấu ngoặc kép chưa đóng?)`,
      `The CSV file is malformed${line ? ` at line ${line}` : ''} (an unclosed quote?)`,
    );
  } finally {
    parser.destroy();
    await feeding;
  }
}
