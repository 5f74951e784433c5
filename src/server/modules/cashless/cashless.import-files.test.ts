import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { IMPORT_MAX_BYTES, addMonths, monthOf, type ImportResult } from '../../../contracts/cashless';
import { todayInVietnam } from '../../../contracts/common';
import { BINH_LU, createFacility, createFixtureFacilities, csv, upload, type ErrorBody } from './test-support';

/** Files the import refuses, its size limits, and the template (the import itself: cashless.imports.test.ts). */
let t: TestApp;
let admin: Session;
const LAST = addMonths(monthOf(todayInVietnam()), -1);
const BEFORE = addMonths(LAST, -1);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.staff('admin', '12');
  await createFixtureFacilities(admin);
});
afterAll(async () => t?.close());

const count = async (table: 'figures' | 'reports' | 'imports') =>
  Number((await t.database.rows<{ n: string | number }>(sql.raw(`select count(*) as n from cashless.${table}`)))[0]!.n);

describe('bad files', () => {
  it('refuses a wrong header, naming what is unknown and what is missing', async () => {
    const res = await upload(admin, `ma,thang,so_luong\nTH-DK-1,${LAST},5\n`);
    expect(res.statusCode).toBe(400);
    const error = res.json<ErrorBody>().error;
    expect(error).toMatchObject({ code: 'CASHLESS.FILE_INVALID', fields: [{ field: 'header' }] });
    expect(error.messageEn).toContain('unknown columns: "ma", "so_luong"');
    expect(error.messageVi).toContain('thiếu cột');
  });

  it('refuses a file saved in a legacy Vietnamese encoding', async () => {
    const windows1258 = Buffer.concat([
      Buffer.from('M'),
      Buffer.from([0xe3]),
      Buffer.from(' c'),
      Buffer.from([0xf5]),
      Buffer.from(` s${String.fromCharCode(0xf5)}\nTH-DK-1\n`, 'latin1'),
    ]);
    const res = await upload(admin, windows1258);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.messageVi).toContain('không phải văn bản UTF-8');
  });

  it('reads a file just under the limit (larger than the general 1 MB body limit)', async () => {
    const text = csv(`TYT-MT-1,"${'Trạm '.repeat(260_000)}",${BEFORE},3,1,30000,10000`);
    expect(Buffer.byteLength(text)).toBeGreaterThan(1_500_000);
    expect(Buffer.byteLength(text)).toBeLessThan(IMPORT_MAX_BYTES);
    const res = await upload(admin, text, { dryRun: true });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json<ImportResult>().created).toBe(1);
  });

  it('refuses a file larger than the limit with 413', async () => {
    const before = await count('imports');
    const big = csv(...Array.from({ length: 40_000 }, (_, i) => `TH-DK-1,${'x'.repeat(30)},${LAST},${i},0,0,0`));
    expect(Buffer.byteLength(big)).toBeGreaterThan(IMPORT_MAX_BYTES);
    const res = await upload(admin, big);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json<ErrorBody>().error.code).toBe('CASHLESS.FILE_TOO_LARGE');
    expect(await count('imports')).toBe(before);
  });

  it('refuses a request without a file part, or with another field', async () => {
    const json = await admin.inject({ method: 'POST', url: '/api/v1/cashless/imports', payload: { file: 'x' } });
    expect(json.statusCode).toBe(400);
    expect(json.json<ErrorBody>().error.code).toBe('CASHLESS.FILE_INVALID');
    const boundary = 'b0undary';
    const other = await admin.inject({
      method: 'POST',
      url: '/api/v1/cashless/imports',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="data"; filename="a.csv"\r\n\r\nx\r\n--${boundary}--\r\n`,
    });
    expect(other.statusCode).toBe(400);
  });

  it('refuses injection strings in the file as unknown or invalid codes, keeps names out of the way, and writes nothing', async () => {
    const before = await count('figures');
    const res = await upload(
      admin,
      csv(
        `"=HYPERLINK(""http://evil"")",x,${LAST},1,0,1,0`,
        `TH-DK-1,"'); DROP TABLE cashless.figures;--",${LAST},130,5,6500000,50000`,
        `<script>,=cmd,${LAST},1,0,1,0`,
      ),
    );
    expect(res.statusCode).toBe(400);
    const fields = res.json<ErrorBody>().error.fields!;
    expect(fields.map((f) => f.field)).toEqual(['line.2.facility_code', 'line.4.facility_code']);
    expect(await count('figures')).toBe(before);
  });
});

describe('GET /api/v1/cashless/imports/template.csv', () => {
  it('lists the active facilities with the month, names escaped against formula injection', async () => {
    const before = await count('imports');
    await createFacility(admin, {
      code: 'INJ-1',
      typeCode: 'kindergarten',
      name: '=HYPERLINK("http://evil","Mầm non")',
      communeCode: BINH_LU,
    });
    const off = await createFacility(admin, {
      code: 'OFF-1',
      typeCode: 'kindergarten',
      name: 'Trường đã giải thể',
      communeCode: BINH_LU,
      active: false,
    });
    const res = await admin.inject(`/api/v1/cashless/imports/template.csv?month=${LAST}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="mau-so-lieu-thanh-toan-${LAST}.csv"`);
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFMã cơ sở,Tên cơ sở,Tháng (YYYY-MM),Số giao dịch không dùng tiền mặt,Số giao dịch tiền mặt,Số tiền không dùng tiền mặt (đồng),Số tiền mặt (đồng)',
    );
    expect(lines).toContain(`INJ-1,"'=HYPERLINK(""http://evil"",""Mầm non"")",${LAST},,,,`);
    expect(res.body).not.toContain(off.code);
    expect(lines.filter((l) => l.length > 0)).toHaveLength(1 + 7);
    // The template uploaded as it is has no figures: refused, nothing recorded.
    const blank = await upload(admin, res.rawPayload);
    expect(blank.statusCode, blank.body).toBe(400);
    expect(blank.json<ErrorBody>().error.messageEn).toContain('no line with figures');
    expect(await count('imports')).toBe(before);
  });

  it('refuses a malformed month', async () => {
    expect((await admin.inject('/api/v1/cashless/imports/template.csv?month=2026-13')).statusCode).toBe(400);
  });
});
