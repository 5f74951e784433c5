import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import type { Batch } from '../../../contracts/sector-data';
import { fileBody } from './test-support';

let t: TestApp;
let officer: Session;
const HEADER = 'STT,Mã thẻ BHYT,Họ và tên,Ngày sinh,Giới tính';
const url = (q: string) => `/api/v1/sector-data/batches?${q}`;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.staff('sector_officer', '03388', 'health_insurance');
});
afterAll(async () => t?.close());

const upload = (session: Session, q: string, data: string | Buffer, name?: string) =>
  session.inject({ method: 'POST', url: url(q), ...fileBody(data, name) });

describe('POST /api/v1/sector-data/batches', () => {
  const csv = `${HEADER}\n1,HS1,Lò Văn A,01/02/1990,Nam\n2,HS2,"=HYPERLINK(""http://x"")",31/02/1990,Nữ\n`;

  it('imports a list for the officer’s unit, answers the batch with its counts, no-store', async () => {
    const res = await upload(officer, 'datasetType=health-insurance&wait=true', csv);
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toContain('no-store');
    const { duplicate, batch } = res.json<{ duplicate: boolean; batch: Batch }>();
    expect(duplicate).toBe(false);
    expect(batch).toMatchObject({ state: 'committed', unitCode: '03388', rowCount: 2, validCount: 1, errorCount: 1 });
  });

  it('answers the earlier batch for the same file, creating nothing', async () => {
    const res = await upload(officer, 'datasetType=health-insurance&wait=true', csv);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ duplicate: boolean }>().duplicate).toBe(true);
    const list = await officer.inject(url('datasetType=health-insurance'));
    expect(list.json<{ total: number }>().total).toBe(1);
  });

  it('answers 202 at once and lets the caller poll the batch until it is committed', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `${i},P${i},Lò Văn ${i},01/01/1990,Nam`);
    const res = await upload(officer, 'datasetType=health-insurance&unitCode=03388', [HEADER, ...rows].join('\n'));
    expect([201, 202]).toContain(res.statusCode);
    const id = res.json<{ batch: Batch }>().batch.id;
    let batch: Batch;
    for (let i = 0; ; i++) {
      batch = (await officer.inject(`/api/v1/sector-data/batches/${id}`)).json<Batch>();
      if (batch.state !== 'importing' || i > 100) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(batch).toMatchObject({ state: 'committed', rowsRead: 300, rowCount: 300 });
    // It supersedes the first list of the unit: its one valid row (HS1) is gone from the new one.
    expect(batch.diff).toEqual({ added: 300, removed: 1, changed: 0 });
  });

  it('exports the error rows as XLSX with the original cells, the reasons, and formulas neutralised', async () => {
    const list = (await officer.inject(url('datasetType=health-insurance'))).json<{ items: Batch[] }>();
    const first = list.items.find((b) => b.rowCount === 2)!;
    const res = await officer.inject(`/api/v1/sector-data/batches/${first.id}/errors.xlsx`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    const row = sheet.getRow(2).values as unknown[];
    expect(row[1]).toBe(2); // data row number
    expect(row).toContain('\'=HYPERLINK("http://x")');
    expect(String(row[row.length - 1])).toContain('Date of birth');
  });

  it('refuses a finished batch’s cancellation with 409', async () => {
    const list = (await officer.inject(url(''))).json<{ items: Batch[] }>();
    const res = await officer.inject({
      method: 'POST',
      url: `/api/v1/sector-data/batches/${list.items[0]!.id}/cancel`,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { messageEn: string } }>().error.messageEn).toContain('cannot be cancelled');
  });

  it.each([
    ['a dataset type that does not exist', 'datasetType=nope&wait=true', csv, 400, 'datasetType'],
    ['a malformed type code', 'datasetType=NOT%20A%20CODE', csv, 400, 'datasetType'],
    ['a mapping that is not JSON', 'datasetType=health-insurance&mapping=%7Bx', csv, 400, 'mapping'],
    ['an empty file', 'datasetType=health-insurance&unitCode=03388', '', 400, 'file'],
    ['a header-only file', 'datasetType=health-insurance&unitCode=03388', `${HEADER}\n`, 400, 'file'],
    ['a unit that does not exist', 'datasetType=health-insurance&unitCode=99999', csv, 400, 'unitCode'],
  ])('refuses %s bilingually, naming the field', async (_name, q, data, status, field) => {
    const res = await upload(officer, q, data);
    expect(res.statusCode).toBe(status);
    const body = res.json<{ error: { messageVi: string; messageEn: string; fields?: Array<{ field: string }> } }>()
      .error;
    expect(body.messageVi).not.toBe(body.messageEn);
    expect(body.fields?.map((f) => f.field).join(' ')).toContain(field);
  });

  it('refuses a request that is not multipart', async () => {
    const res = await officer.inject({ method: 'POST', url: url('datasetType=health-insurance'), payload: { a: 1 } });
    expect(res.statusCode).toBe(400);
  });
});

describe('column mappings', () => {
  it('saves a mapping for the sector and imports with it by name', async () => {
    const columns = { cardNumber: 'So the', fullName: 'Ten', birthDate: 'NS' };
    const put = await officer.inject({
      method: 'PUT',
      url: '/api/v1/sector-data/mappings',
      payload: { datasetType: 'health-insurance', name: 'Mẫu xã', columns },
    });
    expect(put.statusCode).toBe(200);
    const list = await officer.inject('/api/v1/sector-data/mappings?datasetType=health-insurance');
    expect(list.json<{ items: unknown[] }>().items).toEqual([expect.objectContaining({ name: 'Mẫu xã', columns })]);
    const res = await upload(
      officer,
      `datasetType=health-insurance&unitCode=03388&wait=true&mappingName=${encodeURIComponent('Mẫu xã')}`,
      'So the,Ten,NS\nX1,Lò Thị B,1980\n',
    );
    expect(res.statusCode).toBe(201);
    expect(res.json<{ batch: Batch }>().batch).toMatchObject({ mappingName: 'Mẫu xã', validCount: 1 });
  });

  it('refuses a mapping missing a required field or naming an unknown one', async () => {
    const missing = await officer.inject({
      method: 'PUT',
      url: '/api/v1/sector-data/mappings',
      payload: { datasetType: 'health-insurance', name: 'x', columns: { fullName: 'Ten' } },
    });
    expect(missing.statusCode).toBe(400);
    const unknown = await officer.inject({
      method: 'PUT',
      url: '/api/v1/sector-data/mappings',
      payload: {
        datasetType: 'health-insurance',
        name: 'x',
        columns: { cardNumber: 'a', fullName: 'b', birthDate: 'c', zz: 'd' },
      },
    });
    expect(unknown.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]!.field).toBe('columns.zz');
  });
});
