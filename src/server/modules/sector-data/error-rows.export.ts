import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db } from '../../platform/db';
import * as repo from './sector-data.repository';

/**
 * A cell that a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1", "-2", "@SUM") is
 * written with a leading apostrophe, so the export of someone else's file never executes it
 * (CSV/formula injection, OWASP).
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const PAGE = 2_000;

/**
 * The error rows of a batch as an XLSX stream (exceljs's streaming WorkbookWriter, read from the
 * database a page at a time): the data row number, the file's line, the original cells under the
 * file's header, and the reasons in Vietnamese and in English.
 */
export function errorRowsXlsx(db: Db, batch: repo.BatchRow): NodeJS.ReadableStream {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Dòng lỗi');
  const write = async () => {
    sheet.addRow(['Dòng dữ liệu', 'Dòng trong tệp', ...batch.header.map(neutralise), 'Lý do', 'Reason']).commit();
    for (let after = 0; ;) {
      const rows = await repo.errorRowsPage(db, batch.id, after, PAGE);
      for (const r of rows)
        sheet
          .addRow([
            r.rowNumber,
            r.line,
            ...batch.header.map((_, i) => neutralise(r.cells[i] ?? '')),
            r.errors.map((e) => e.vi).join('; '),
            r.errors.map((e) => e.en).join('; '),
          ])
          .commit();
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.rowNumber;
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
