import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { readCsv } from './csv';
import {
  cellText,
  cellsByColumn,
  checkZipContainer,
  detectDelimiter,
  matchHeader,
  readTable,
  rowProblem,
  splitHeader,
  type TableRow,
} from '.';

const CODE = 'TEST.FILE_INVALID';
const readImportFile = (bytes: Uint8Array, limits: { maxBytes?: number; maxDataRows?: number } = {}) =>
  readTable(bytes, { errorCode: CODE, ...limits });

async function csvRows(text: string): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  await readCsv(text, { errorCode: CODE, formats: ['csv'] }, (row) => rows.push(row));
  return rows;
}

async function refusal(work: () => Promise<unknown>): Promise<AppError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** A ZIP with one stored or deflated entry whose headers may lie about the size. */
function zipOf(name: string, content: Uint8Array, deflate: boolean): Uint8Array {
  const data = deflate ? deflateRawSync(content) : content;
  const nameBytes = utf8(name);
  const local = Buffer.alloc(30 + nameBytes.length);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(deflate ? 8 : 0, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(100, 22); // declared uncompressed size: a lie
  local.writeUInt16LE(nameBytes.length, 26);
  Buffer.from(nameBytes).copy(local, 30);
  const central = Buffer.alloc(46 + nameBytes.length);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(deflate ? 8 : 0, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(100, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  Buffer.from(nameBytes).copy(central, 46);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(local.length + data.length, 16);
  return Buffer.concat([local, data, central, end]);
}

describe('readCsv', () => {
  it('detects comma, semicolon and tab separators from the header', () => {
    expect(detectDelimiter('a,b,c\n1;2,3')).toBe(',');
    expect(detectDelimiter('Mã cơ sở;Tháng;x\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
  });

  it('keeps the line each record starts on, across quoted line breaks and CRLF', async () => {
    const rows = await csvRows('\uFEFFa,b\r\n1,"x\r\ny"\r\n\r\n2,3\r\n');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'x\ny'] },
      { line: 4, cells: [''] },
      { line: 5, cells: ['2', '3'] },
    ]);
  });

  it('refuses an unclosed quote with its line', async () => {
    const error = await refusal(() => readImportFile(utf8('a,b\n1,"2\n3,4\n')));
    expect(error.code).toBe(CODE);
    expect(error.messageEn).toMatch(/malformed at line \d/);
  });
});

describe('readImportFile', () => {
  it('reads UTF-8 CSV with Vietnamese text, with or without a BOM', async () => {
    for (const prefix of ['', '\uFEFF']) {
      const sheet = await readImportFile(utf8(`${prefix}Mã cơ sở;Tên cơ sở\nTH-1;Trường Tiểu học số 1 xã Bình Lư\n`));
      expect(sheet.format).toBe('csv');
      expect(sheet.rows[1]!.cells).toEqual(['TH-1', 'Trường Tiểu học số 1 xã Bình Lư']);
    }
  });

  it.each([
    ['Windows-1258 bytes', Uint8Array.from([0x4d, 0xe3, 0x20, 0x63, 0xf5, 0x20, 0x73, 0xf5, 0x0a]), 'not UTF-8'],
    ['UTF-16 with a BOM', Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00]), 'UTF-16'],
    ['an Excel 97-2003 file', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), '.xls'],
    ['binary with NUL bytes', Uint8Array.from([0x61, 0x00, 0x62]), 'binary'],
    ['an empty file', new Uint8Array(0), 'empty'],
    ['a damaged ZIP', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'damaged'],
  ])('refuses %s in both languages', async (_label, bytes, en) => {
    const error = await refusal(() => readImportFile(bytes));
    expect(error.code).toBe(CODE);
    expect(error.messageEn).toContain(en);
    expect(error.messageVi).toMatch(/Tệp/);
  });

  it('reads the first worksheet of an XLSX file: numbers, date cells, formulas and rich text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Số liệu');
    sheet.addRow(['Mã cơ sở', 'Tháng (YYYY-MM)', 'Số giao dịch']);
    sheet.addRow(['TH-1', new Date(Date.UTC(2026, 9, 1)), 120]);
    sheet.addRow([{ richText: [{ text: 'TH-' }, { text: '2' }] }, '2026-09', { formula: '40+2', result: 42 }]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await readImportFile(bytes);
    expect(read.format).toBe('xlsx');
    expect(read.rows).toEqual([
      { line: 1, cells: ['Mã cơ sở', 'Tháng (YYYY-MM)', 'Số giao dịch'] },
      { line: 2, cells: ['TH-1', '2026-10-01', '120'] },
      { line: 3, cells: ['TH-2', '2026-09', '42'] },
    ]);
  });

  it('turns cell values into text', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(3.5)).toBe('3.5');
    expect(cellText({ text: 'link', hyperlink: 'http://x' })).toBe('link');
    expect(cellText({ error: '#DIV/0!' })).toBe('#DIV/0!');
  });
});

describe('checkZipContainer', () => {
  it('accepts a small archive', () => {
    expect(checkZipContainer(zipOf('a.xml', utf8('<a/>'), true), 1024)).toBeNull();
  });

  it('refuses an entry that inflates past the budget even when its header claims 100 bytes', () => {
    const bomb = zipOf('sheet.xml', new Uint8Array(5 * 1024 * 1024), true); // ~5 KB compressed
    expect(bomb.byteLength).toBeLessThan(20_000);
    expect(checkZipContainer(bomb, 1024 * 1024)).toBe('too_large');
  });

  it('refuses what is not a ZIP', () => {
    expect(checkZipContainer(utf8('hello'), 1024)).toBe('not_zip');
  });

  it('refuses an XLSX bomb through readImportFile', async () => {
    const error = await refusal(() =>
      readImportFile(zipOf('xl/worksheets/sheet1.xml', new Uint8Array(60 * 1024 * 1024), true)),
    );
    expect(error.messageEn).toContain('too large once unpacked');
  });
});

describe('limits', () => {
  it('refuses a file over maxBytes and more data rows than maxDataRows, in both languages', async () => {
    const big = await refusal(() => readImportFile(utf8('a\n'.repeat(100)), { maxBytes: 100 }));
    expect(big.messageEn).toContain('larger than');
    const long = await refusal(() => readImportFile(utf8('a\n1\n2\n\n3\n'), { maxDataRows: 2 }));
    expect([long.code, long.fields?.[0]?.field]).toEqual([CODE, 'file']);
    expect(long.messageVi).toContain('tối đa 2');
    expect(long.messageEn).toContain('at most 2');
    expect((await readImportFile(utf8('a\n1\n\n2\n'), { maxDataRows: 2 })).rows).toHaveLength(4);
  });
});

describe('headers', () => {
  const columns = [
    { key: 'code', aliases: ['Mã cơ sở', 'code'], required: true },
    { key: 'amount', aliases: ['so_tien', 'amount'], required: true },
    { key: 'note', aliases: ['Ghi chú'] },
  ] as const;

  it('finds the header after blank rows and matches cells whatever their case, diacritics or punctuation', () => {
    const { header, data } = splitHeader([
      { line: 1, cells: ['', ' '] },
      { line: 2, cells: ['MÃ CƠ SỞ', 'Số tiền', 'Khác', 'so tien'] },
      { line: 3, cells: ['TH-1', '15.000'] },
      { line: 4, cells: [''] },
    ]);
    const match = matchHeader(header!, columns);
    expect(match).toEqual({
      index: new Map([
        ['code', 0],
        ['amount', 1],
      ]),
      unknown: ['Khác'],
      repeated: ['amount'],
      missing: [],
    });
    expect(data.map((r) => cellsByColumn(r, match.index))).toEqual([{ code: 'TH-1', amount: '15.000' }]);
    expect(matchHeader({ line: 1, cells: ['ghi chu'] }, columns).missing).toEqual(['code', 'amount']);
  });

  it('words a row problem with its line and column', () => {
    expect(rowProblem('X.IMPORT_INVALID', 4, { key: 'code', labelVi: 'Mã cơ sở' }, 'trống', 'empty')).toEqual({
      field: 'line.4.code',
      code: 'X.IMPORT_INVALID',
      messageVi: 'Dòng 4, cột "Mã cơ sở": trống',
      messageEn: 'Line 4, column code: empty',
    });
  });
});
