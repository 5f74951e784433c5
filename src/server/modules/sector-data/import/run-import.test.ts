import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../../test/db';
import { holdings, refusal, tempFiles } from '../test-support';
import { prepareImport, runImport, type ImportRequest } from './run-import';
import * as repo from '../sector-data.repository';

let database: TestDatabase;
const files = tempFiles();

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
  files.cleanup();
});

const HEADER = 'STT;Mã thẻ BHYT;Họ và tên;Ngày sinh;Giới tính;Số CCCD;Nơi ĐKKCB';
const request = (path: string, extra: Partial<ImportRequest> = {}): ImportRequest => ({
  datasetType: 'health-insurance',
  unitCode: '03388',
  fileName: 'bhyt.csv',
  path,
  createdBy: 'test',
  ...extra,
});
const importFile = async (path: string, extra: Partial<ImportRequest> = {}, options = {}) =>
  runImport(database, await prepareImport(database, request(path, extra)), options);

describe('importing a CSV list', () => {
  it('reads a semicolon CSV with a BOM and a title row, keeps error rows beside valid ones, and commits the batch', async () => {
    const csv = [
      'DANH SÁCH THẺ BHYT PHƯỜNG ĐOÀN KẾT NĂM 2026;;;;;;',
      HEADER,
      '1;HS4121234567890;Lò Văn Thuỷ;15/03/1990;Nam;012190000001;Trạm y tế',
      '2;HS4121234567891;Giàng Thị Mai;31/02/1990;Nữ;012190000002;Trạm y tế',
      ';;;;;;',
      '3;;Vàng A Pao;1985;nam;;',
    ].join('\r\n');
    const outcome = await importFile(files.write('a.csv', `\uFEFF${csv}`));
    expect(outcome).toMatchObject({ duplicate: false, rowCount: 3, validCount: 1, errorCount: 2, supersedes: null });
    const rows = await database.rows<{ row_number: number; values: Record<string, unknown>; errors: unknown[] }>(
      sql`select row_number, "values", errors from sector_data.rows where batch_id = ${outcome.batchId} order by row_number`,
    );
    // Data rows are numbered from 1 below the header; the blank line counts and is not stored.
    expect(rows.map((r) => r.row_number)).toEqual([1, 2, 4]);
    expect(rows[0]!.values).toMatchObject({ fullName: 'Lò Văn Thuỷ', birthDate: '1990-03-15', sex: 'male' });
    expect(rows[1]!.errors).toHaveLength(1);
    expect(rows[2]!.errors).toHaveLength(1); // the card number is required
    const batch = await repo.findBatch(database.db, outcome.batchId);
    expect(batch).toMatchObject({ state: 'committed', rowsRead: 3, format: 'csv', sector: 'health_insurance' });
    expect(batch!.mapping).toMatchObject({ cardNumber: 'Mã thẻ BHYT', idNumber: 'Số CCCD', clinic: 'Nơi ĐKKCB' });
  });

  it('recognises the same file imported again and creates nothing new', async () => {
    const path = files.write('same.csv', `${HEADER}\n1;HS1;Lò Thị A;01/01/2000;Nữ;;`);
    const first = await importFile(path, { unitCode: '03445' });
    const before = await holdings(database);
    const again = await importFile(files.write('same-copy.csv', `${HEADER}\n1;HS1;Lò Thị A;01/01/2000;Nữ;;`), {
      unitCode: '03445',
    });
    expect(again).toMatchObject({ duplicate: true, batchId: first.batchId });
    expect(await holdings(database)).toEqual(before);
  });

  it('supersedes the previous list of the same type and unit with a diff of added, removed and changed rows', async () => {
    const unitCode = '03457';
    const old = await importFile(
      files.write(
        'v1.csv',
        [
          HEADER,
          '1;C1;Lò Văn A;01/01/1990;Nam;;',
          '2;C2;Lò Văn B;01/01/1991;Nam;;',
          '3;C3;Lò Văn C;01/01/1992;Nam;;',
        ].join('\n'),
      ),
      { unitCode },
    );
    const newer = await importFile(
      files.write(
        'v2.csv',
        [
          HEADER,
          '1;C1;Lò Văn A;01/01/1990;Nam;;',
          '2;C2;Lò Văn B;02/01/1991;Nam;;',
          '3;C4;Lò Văn D;01/01/1993;Nữ;;',
        ].join('\n'),
      ),
      { unitCode },
    );
    expect(newer).toMatchObject({ supersedes: old.batchId, diff: { added: 1, removed: 1, changed: 1 } });
    expect((await repo.findBatch(database.db, old.batchId))!.supersededBy).toBe(newer.batchId);
  });

  it('applies a mapping set by hand, for headers it would not recognise', async () => {
    const csv = ['So the,Ten,NS', 'HS9,Lò Văn E,1970'].join('\n');
    const mapping = { cardNumber: 'So the', fullName: 'Ten', birthDate: 'NS' };
    const outcome = await importFile(files.write('manual.csv', csv), { unitCode: '03460', mapping });
    expect(outcome).toMatchObject({ rowCount: 1, validCount: 1 });
    expect((await repo.findBatch(database.db, outcome.batchId))!.mapping).toEqual(mapping);
  });
});

describe('importing an XLSX list', () => {
  it('streams the first sheet, reading date cells and numbers as text', async () => {
    const path = await files.xlsx('list.xlsx', [
      ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số định danh cá nhân', 'Hội'],
      [1, 'Hoàng Văn Nam', new Date(Date.UTC(1960, 4, 2)), 'Nam', '012060000001', 'Cựu chiến binh'],
      [2, 'Lù Thị Dua', 'không rõ', 'Nữ', '', 'Phụ nữ'],
    ]);
    const prepared = await prepareImport(
      database,
      request(path, { datasetType: 'association-members', fileName: 'hoi.xlsx' }),
    );
    expect(prepared.format).toBe('xlsx');
    const outcome = await runImport(database, prepared);
    expect(outcome).toMatchObject({ rowCount: 2, validCount: 1, errorCount: 1 });
    const [row] = await database.rows<{ values: Record<string, unknown> }>(
      sql`select "values" from sector_data.rows where batch_id = ${outcome.batchId} and row_number = 1`,
    );
    expect(row!.values).toMatchObject({ birthDate: '1960-05-02', association: 'veterans', idNumber: '012060000001' });
  });
});

describe('cancelling an import', () => {
  it('keeps no row and no committed batch when the import is cancelled after its first chunk', async () => {
    const lines = [HEADER];
    for (let i = 1; i <= 50; i++) lines.push(`${i};X${i};Lò Văn ${i};01/01/1990;Nam;;`);
    const before = await holdings(database);
    const controller = new AbortController();
    const prepared = await prepareImport(
      database,
      request(files.write('big.csv', lines.join('\n')), { unitCode: '03463' }),
    );
    const error = await refusal(() =>
      runImport(database, prepared, {
        limits: { maxDataRows: 1000, maxUnpackedBytes: 1e6, chunkRows: 10 },
        onProgress: () => controller.abort(),
        signal: controller.signal,
      }),
    );
    expect(error.code).toBe('SECTOR.CANCELLED_CONFLICT');
    const after = await holdings(database);
    expect(after).toMatchObject({ committed: before.committed, rows: before.rows });
  });

  it('stops an import cancelled from elsewhere (the batch marked cancelled) at its next chunk', async () => {
    const lines = [HEADER];
    for (let i = 1; i <= 50; i++) lines.push(`${i};Y${i};Lò Văn ${i};01/01/1990;Nam;;`);
    const before = await holdings(database);
    const prepared = await prepareImport(
      database,
      request(files.write('big2.csv', lines.join('\n')), { unitCode: '03466' }),
    );
    let id = '';
    const error = await refusal(() =>
      runImport(database, prepared, {
        limits: { maxDataRows: 1000, maxUnpackedBytes: 1e6, chunkRows: 10 },
        onBatch: (batchId) => (id = batchId),
        onProgress: async (read) => {
          if (read === 10) await repo.markCancelled(database.db, id);
        },
      }),
    );
    expect(error.code).toBe('SECTOR.CANCELLED_CONFLICT');
    expect((await repo.findBatch(database.db, id))!.state).toBe('cancelled');
    expect((await holdings(database)).rows).toBe(before.rows);
  });
});
