import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { todayInVietnam } from '../../contracts/common';
import { currentPeriods } from '../modules/kpi';
import { writeReport } from './kpi-commands';

/*
 * `dvc06 report --period … --format pdf|xlsx --out <file>` (issue 15 §5), its body called in-process on
 * the test's database (PostgreSQL or PGlite): a process per case would cost seconds of loading each.
 * test/cli.test.ts runs the command as a process once (xlsx, on an embedded data directory).
 */

let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'dvc06-cli-report-'));
const QUARTER = currentPeriods(todayInVietnam())[1]!;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('dvc06 report', () => {
  let runId: number;

  it('writes the PDF of a period computed now: a PDF of one page or more with its font embedded', async () => {
    const file = join(dir, 'bao-cao.pdf');
    const line = await writeReport(t.database, '12', { period: QUARTER, format: 'pdf', out: file, compute: true });
    const match = new RegExp(
      `^${file}: report of ${QUARTER}, run (\\d+) \\(figures as of \\d{4}-\\d{2}-\\d{2}\\), (\\d+) bytes$`,
    ).exec(line);
    expect(match, line).not.toBeNull();
    runId = Number(match![1]);
    const bytes = readFileSync(file);
    expect(bytes.length).toBe(Number(match![2]));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(20_000); // the Vietnamese font is embedded: not an empty shell
    const { PDFDocument } = await import('pdf-lib');
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThanOrEqual(1);
  });

  it('writes the same bytes again for the same run (--run), and the XLSX of it', async () => {
    const again = join(dir, 'lai.pdf');
    await writeReport(t.database, '12', { period: QUARTER, format: 'pdf', out: again, run: String(runId) });
    expect(Buffer.compare(readFileSync(again), readFileSync(join(dir, 'bao-cao.pdf')))).toBe(0);
    const xlsx = join(dir, 'bao-cao.xlsx');
    const line = await writeReport(t.database, '12', {
      period: QUARTER,
      format: 'xlsx',
      out: xlsx,
      run: String(runId),
    });
    expect(line).toContain(`run ${runId} `);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('Xã, phường');
  });

  it('refuses another format and a run number that is not one, writing nothing', async () => {
    const file = join(dir, 'khong.doc');
    await expect(writeReport(t.database, '12', { period: QUARTER, format: 'doc', out: file })).rejects.toThrow(
      '--format is pdf or xlsx',
    );
    await expect(
      writeReport(t.database, '12', { period: QUARTER, format: 'pdf', out: file, run: 'abc' }),
    ).rejects.toThrow('--run is a run number');
    expect(() => readFileSync(file)).toThrow();
  });
});
