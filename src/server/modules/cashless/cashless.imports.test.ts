import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import {
  addMonths,
  monthOf,
  type Facility,
  type FacilityMonths,
  type ImportPage,
  type ImportResult,
} from '../../../contracts/cashless';
import { todayInVietnam } from '../../../contracts/common';
import { recordFigures } from './imports.service';
import { createFixtureFacilities, csv, importOk, upload, type ErrorBody } from './test-support';

let t: TestApp;
let admin: Session;
let facilities: Record<string, Facility>;
const LAST = addMonths(monthOf(todayInVietnam()), -1);
const BEFORE = addMonths(LAST, -1);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.staff('admin', '12');
  facilities = await createFixtureFacilities(admin);
});
afterAll(async () => t?.close());

const count = async (table: 'figures' | 'reports' | 'imports') =>
  Number((await t.database.rows<{ n: string | number }>(sql.raw(`select count(*) as n from cashless.${table}`)))[0]!.n);
const months = async (id: string) =>
  (await admin.inject(`/api/v1/cashless/facilities/${id}/months`)).json<FacilityMonths>();

describe('POST /api/v1/cashless/imports — all or nothing', () => {
  it('refuses a file with one bad row among good ones, listing the line, and writes nothing', async () => {
    const res = await upload(
      admin,
      csv(
        `TH-DK-1,,${LAST},100,0,5000000,0`,
        `TH-BL-1,,${LAST},40,-3,2000000,60000`,
        `NO-SUCH,,${LAST},1,1,1,1`,
        `TYT-DK-1,,${LAST},10,0,100000,0`,
        `th-dk-1,,${LAST},1,0,1,0`,
      ),
    );
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json<ErrorBody>().error;
    expect(error.code).toBe('CASHLESS.IMPORT_INVALID');
    expect(error.messageVi).toContain('3 lỗi');
    expect(error.messageEn).toContain('nothing was imported');
    expect(error.fields?.map((f) => f.field)).toEqual(['line.3.cash_count', 'line.4.facility_code', 'line.6']);
    expect(error.fields?.[1]?.messageVi).toBe('Dòng 4, cột "Mã cơ sở": không có cơ sở mã "NO-SUCH" trong danh mục');
    expect(await count('figures')).toBe(0);
    expect(await count('imports')).toBe(0);
  });

  it('a dry run checks and classifies but writes nothing', async () => {
    const res = await upload(admin, csv(`TH-DK-1,,${LAST},100,0,5000000,0`), { dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ImportResult>()).toMatchObject({ id: null, dryRun: true, created: 1, replaced: 0 });
    expect(await count('figures')).toBe(0);
  });

  it('imports a valid file in one go, skipping template lines left blank', async () => {
    const result = await importOk(
      admin,
      csv(
        `TH-DK-1,Trường Tiểu học số 1,${LAST},100,0,5.000.000,0`,
        `TH-BL-1,,${LAST},40,60,2000000,3000000`,
        `TYT-DK-1,,${LAST},10,0,100000,0`,
        `TYT-BL-1,,${LAST},,,,`,
        `TH-DK-1,,${BEFORE},90,10,4500000,500000`,
      ),
    );
    expect(result).toMatchObject({
      dryRun: false,
      format: 'csv',
      fileName: 'so-lieu.csv',
      rows: 5,
      created: 4,
      replaced: 0,
      unchanged: 0,
      skipped: 1,
      skippedLines: [5],
      months: [BEFORE, LAST],
      facilities: 3,
      replacements: [],
    });
    expect(result.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await count('figures')).toBe(4);
    expect(await count('reports')).toBe(4);
  });

  it('re-importing a month replaces its figures and keeps the earlier ones with who and when', async () => {
    const result = await importOk(
      admin,
      csv(`TH-DK-1,,${LAST},120,0,6000000,0`, `TH-BL-1,,${LAST},40,60,2000000,3000000`),
    );
    expect(result).toMatchObject({ created: 0, replaced: 1, unchanged: 1 });
    expect(result.replacements).toEqual([
      {
        line: 2,
        facilityCode: 'TH-DK-1',
        month: LAST,
        previous: { cashlessCount: 100, cashCount: 0, cashlessAmount: 5_000_000, cashAmount: 0 },
        next: { cashlessCount: 120, cashCount: 0, cashlessAmount: 6_000_000, cashAmount: 0 },
      },
    ]);
    const again = await importOk(admin, csv(`TH-DK-1,,${LAST},130,5,6500000,50000`));
    expect(again.replaced).toBe(1);

    const view = await months(facilities['TH-DK-1']!.id);
    const last = view.months.find((m) => m.month === LAST)!;
    expect(last.current).toMatchObject({
      revision: 3,
      cashlessCount: 130,
      cashCount: 5,
      recordedBy: 'Test admin',
      replacedAt: null,
    });
    expect(last.history.map((h) => [h.revision, h.cashlessCount, h.replacedBy])).toEqual([
      [2, 120, 'Test admin'],
      [1, 100, 'Test admin'],
    ]);
    expect(last.history[1]!.replacedAt).toBe(last.history[0]!.recordedAt);
    expect(view.months.map((m) => m.month)).toEqual([LAST, BEFORE]);
    expect(await count('figures')).toBe(6);
    expect(await count('reports')).toBe(4);
  });

  it('writes in one transaction: a failure on the last row leaves no import, month or figure behind', async () => {
    const before = {
      figures: await count('figures'),
      reports: await count('reports'),
      imports: await count('imports'),
    };
    const figures = { cashlessCount: 1, cashCount: 0, cashlessAmount: 1000, cashAmount: 0 };
    const rows = [
      { line: 2, facilityId: facilities['TYT-MT-1']!.id, facilityCode: 'TYT-MT-1', month: LAST, figures },
      {
        line: 3,
        facilityId: facilities['TH-DK-1']!.id,
        facilityCode: 'TH-DK-1',
        month: BEFORE,
        figures: { ...figures, cashlessCount: 2 },
      },
      { line: 4, facilityId: '8d6c4f7e-0000-4000-8000-000000000000', facilityCode: 'GONE', month: LAST, figures }, // violates a foreign key
    ];
    await expect(
      recordFigures(
        t.database.db,
        { fileName: 'x.csv', format: 'csv', sha256: 'x', accountId: null, accountName: null, skipped: 0 },
        rows,
      ),
    ).rejects.toThrow();
    expect({
      figures: await count('figures'),
      reports: await count('reports'),
      imports: await count('imports'),
    }).toEqual(before);
  });

  it('keeps the history in the database: revisions cannot be changed or deleted, the pointer moves one step only', async () => {
    await expect(t.database.db.execute(sql`update cashless.figures set cashless_count = 1`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from cashless.figures`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from cashless.imports`)).rejects.toThrow();
    await expect(
      t.database.db.execute(sql`update cashless.reports set current_revision = current_revision + 2`),
    ).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from cashless.reports`)).rejects.toThrow();
    expect(await count('figures')).toBe(6);
  });

  it('lists the imports, newest first, with who imported', async () => {
    const res = await admin.inject('/api/v1/cashless/imports?pageSize=10');
    const page = res.json<ImportPage>();
    expect(page.total).toBe(3);
    expect(page.items[0]).toMatchObject({
      importedBy: 'Test admin',
      fileName: 'so-lieu.csv',
      format: 'csv',
      rows: 1,
      replaced: 1,
    });
    expect(page.items[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('imports an XLSX file with a date cell as the month', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Số liệu');
    sheet.addRow([
      'Mã cơ sở',
      'Tháng (YYYY-MM)',
      'Số giao dịch không dùng tiền mặt',
      'Số giao dịch tiền mặt',
      'Số tiền không dùng tiền mặt (đồng)',
      'Số tiền mặt (đồng)',
    ]);
    sheet.addRow(['TYT-BL-1', new Date(`${LAST}-01T00:00:00Z`), 25, 75, 1_250_000, 3_750_000]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const res = await upload(admin, bytes, {
      fileName: 'so-lieu.xlsx',
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<ImportResult>()).toMatchObject({ format: 'xlsx', created: 1, fileName: 'so-lieu.xlsx' });
  });
});
