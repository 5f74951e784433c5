import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { foldHeader } from '../../../shared/text';
import { columnOf } from './import-columns';
import type { TableRow as SheetRow } from '../../platform/tabular-import';
import { MAX_COUNT, checkRows, mapHeader, parseMonth, parseWholeNumber } from './import-rows';

const HEADER = [
  'Mã cơ sở',
  'Tên cơ sở',
  'Tháng (YYYY-MM)',
  'Số giao dịch không dùng tiền mặt',
  'Số giao dịch tiền mặt',
  'Số tiền không dùng tiền mặt (đồng)',
  'Số tiền mặt (đồng)',
];
const sheet = (...rows: string[][]): SheetRow[] => rows.map((cells, i) => ({ line: i + 1, cells }));
const CURRENT = '2026-11';

function refusal(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseWholeNumber', () => {
  it.each([
    ['0', 0],
    ['1500', 1500],
    [' 1500 ', 1500],
    ['1.500', 1500],
    ['1,500', 1500],
    ['1 500 000', 1_500_000],
    ['12.345.678', 12_345_678],
    ['-0', 0],
  ])('reads %j as %i', (raw, value) => {
    expect(parseWholeNumber(raw, Number.MAX_SAFE_INTEGER)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'chưa nhập số', 'no number'],
    ['-5', 'không được là số âm', 'must not be negative'],
    ['3.5', 'phải là số nguyên', 'must be a whole number'],
    ['1,50', 'phải là số nguyên', 'must be a whole number'],
    ['abc', 'phải là số', 'must be a number'],
    ['1e+21', 'phải là số', 'must be a number'],
    ['=1+1', 'phải là số', 'must be a number'],
    ['1.50.000', 'phải là số', 'must be a number'],
  ])('refuses %j in both languages', (raw, vi, en) => {
    const parsed = parseWholeNumber(raw, Number.MAX_SAFE_INTEGER);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.vi).toContain(vi);
      expect(parsed.en).toContain(en);
    }
  });

  it('refuses a value above the bound', () => {
    expect(parseWholeNumber(String(MAX_COUNT + 1), MAX_COUNT)).toMatchObject({
      ok: false,
      en: expect.stringContaining('too large') as string,
    });
  });
});

describe('parseMonth', () => {
  it.each([
    ['2026-10', '2026-10'],
    ['2026-1', '2026-01'],
    ['10/2026', '2026-10'],
    ['3/2026', '2026-03'],
    ['2026-10-01', '2026-10'],
    ['2026-11', '2026-11'],
  ])('reads %j as %s', (raw, value) => {
    expect(parseMonth(raw, CURRENT)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'no month'],
    ['2026-13', 'YYYY-MM'],
    ['2026-00', 'YYYY-MM'],
    ['2026-10-15', 'YYYY-MM'],
    ['Tháng 10', 'YYYY-MM'],
    ['2026-12', 'in the future'],
    ['1999-12', 'too far in the past'],
  ])('refuses %j', (raw, en) => {
    expect(parseMonth(raw, CURRENT)).toMatchObject({ ok: false, en: expect.stringContaining(en) as string });
  });
});

describe('header', () => {
  it.each([
    ['Mã cơ sở', 'facility_code'],
    ['ma_co_so', 'facility_code'],
    ['FACILITY_CODE', 'facility_code'],
    ['  Tháng (YYYY-MM) ', 'month'],
    ['Số tiền mặt (đồng)', 'cash_amount'],
    ['Số GD không dùng tiền mặt', 'cashless_count'],
    ['cash amount', 'cash_amount'],
    ['Ghi chú', undefined],
  ])('%j names %s', (cell, key) => {
    expect(columnOf(cell)).toBe(key);
  });

  it('folds diacritics and đ', () => {
    expect(foldHeader('Số tiền không dùng tiền mặt (đồng)')).toBe('so_tien_khong_dung_tien_mat_dong');
  });

  it('accepts the columns in any order and without the name column', () => {
    const columns = mapHeader({
      line: 1,
      cells: ['cash_amount', 'month', 'facility_code', 'cash_count', 'cashless_amount', 'cashless_count'],
    });
    expect(columns.get('facility_code')).toBe(2);
    expect(columns.has('facility_name')).toBe(false);
  });

  it('refuses an unknown or missing column, naming both in both languages', () => {
    const error = refusal(() =>
      mapHeader({ line: 1, cells: ['Mã cơ sở', 'Tháng', 'Ghi chú', 'Số giao dịch tiền mặt'] }),
    );
    expect(error.code).toBe('CASHLESS.FILE_INVALID');
    expect(error.messageVi).toContain('"Ghi chú"');
    expect(error.messageVi).toContain('Số giao dịch không dùng tiền mặt');
    expect(error.messageEn).toContain('missing columns: cashless_count, cashless_amount, cash_amount');
    expect(error.fields?.[0]?.field).toBe('header');
  });

  it('refuses a column given twice', () => {
    expect(refusal(() => mapHeader({ line: 1, cells: [...HEADER, 'month'] })).messageEn).toContain(
      'column month twice',
    );
  });
});

describe('checkRows', () => {
  it('reads valid rows, normalising codes and months, and skips template rows left blank', () => {
    const result = checkRows(
      sheet(
        HEADER,
        ['th-03388-1', 'Trường Tiểu học số 1', '2026-10', '120', '0', '24.000.000', '0'],
        ['', '', '', '', '', '', ''],
        ['MN-03388-1', 'x', '10/2026', '', '', '', ''],
        ['TYT-03390-1', '', '2026-09', '10', '5', '500000', '250000'],
      ),
      CURRENT,
    );
    expect(result.problems).toEqual([]);
    expect(result.skippedLines).toEqual([4]);
    expect(result.rows).toEqual([
      {
        line: 2,
        facilityCode: 'TH-03388-1',
        month: '2026-10',
        figures: { cashlessCount: 120, cashCount: 0, cashlessAmount: 24_000_000, cashAmount: 0 },
      },
      {
        line: 5,
        facilityCode: 'TYT-03390-1',
        month: '2026-09',
        figures: { cashlessCount: 10, cashCount: 5, cashlessAmount: 500_000, cashAmount: 250_000 },
      },
    ]);
  });

  it('reports every problem by line and column, in both languages', () => {
    const result = checkRows(
      sheet(
        HEADER,
        ['TH-1', '', '2026-13', '-1', '2', '3', '4'], // bad month, negative count
        ['', '', '2026-10', '1', '1', '1', '1'], // no code
        ['TH-2', '', '2026-10', '1', '', '1', '1'], // a figure missing
        ['TH-3', '', '2026-10', '0', '5', '1000', '5000'], // amount without transactions
        ['TH-4', '', '2026-10', '1', '1', '1', '1', 'extra'], // more cells than columns
        ['TH 5', '', '2026-10', '1', '1', '1', '1'], // invalid code
      ),
      CURRENT,
    );
    expect(result.rows).toEqual([]);
    expect(result.problems.map((p) => p.field)).toEqual([
      'line.2.month',
      'line.2.cashless_count',
      'line.3.facility_code',
      'line.4.cash_count',
      'line.5.cashless_amount',
      'line.6',
      'line.7.facility_code',
    ]);
    expect(result.problems[1]).toMatchObject({
      code: 'CASHLESS.IMPORT_INVALID',
      messageVi: 'Dòng 2, cột "Số giao dịch không dùng tiền mặt": không được là số âm',
      messageEn: 'Line 2, column cashless_count: must not be negative',
    });
  });

  it('reports a facility and month given twice, pointing at the first line', () => {
    const result = checkRows(
      sheet(HEADER, ['TH-1', '', '2026-10', '1', '0', '1', '0'], ['th-1', '', '10/2026', '2', '0', '2', '0']),
      CURRENT,
    );
    expect(result.rows).toHaveLength(1);
    expect(result.problems).toEqual([
      expect.objectContaining({
        field: 'line.3',
        messageVi: expect.stringContaining('với dòng 2') as string,
        messageEn: expect.stringContaining('of line 2') as string,
      }),
    ]);
  });

  it('keeps injection strings as plain text in messages, cut to 40 characters', () => {
    const payload = `=HYPERLINK("http://x","y")'; DROP TABLE cashless.figures;--<script>alert(1)</script>`;
    const result = checkRows(sheet(HEADER, [payload, '', '2026-10', '1', '0', '1', '0']), CURRENT);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.messageEn).toContain('=HYPERLINK');
    expect(result.problems[0]!.messageEn.length).toBeLessThan(140);
  });

  it('refuses a file without data lines or without a header', () => {
    expect(refusal(() => checkRows(sheet(HEADER), CURRENT)).messageEn).toContain('no data lines');
    expect(refusal(() => checkRows(sheet(['', ''], ['']), CURRENT)).messageEn).toContain('no data');
    expect(refusal(() => checkRows(sheet(['TH-1', '', '2026-10', '1', '0', '1', '0']), CURRENT)).code).toBe(
      'CASHLESS.FILE_INVALID',
    );
  });
});
