import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../../test/db';
import { makeHousehold, makePerson } from '../../../../../test/factories';
import { copyRegistryBatch } from '../../population';
import { prepareImport, runImport } from '../import/run-import';
import { refusal, tempFiles } from '../test-support';
import { linkBatch } from './link-batch';

let database: TestDatabase;
const files = tempFiles();

const pao = makePerson({
  nationalId: '012090000001',
  idCardNumber: null,
  fullName: 'Giàng A Páo',
  birthDate: '1990-03-25',
  birthYear: 1990,
  sex: 'male',
});
const my = makePerson({
  nationalId: '012195000002',
  idCardNumber: null,
  fullName: 'Lý Thị Mỹ',
  birthDate: '1995-05-03',
  birthYear: 1995,
});

beforeAll(async () => {
  database = await createTestDatabase();
  await copyRegistryBatch(database, makeHousehold('03388', [pao, my]));
});
afterAll(async () => {
  await database?.dispose();
  files.cleanup();
});

const HEADER = 'STT;Mã thẻ BHYT;Họ và tên;Ngày sinh;Giới tính;Số CCCD;Nơi ĐKKCB';
const LIST = [
  HEADER,
  '1;HS1;GIANG A PAO;25/03/1990;Nam;012090000001;Trạm y tế', // by ID, all fields agree
  '2;HS2;Lò Văn Không;31/02/1990;Nam;;Trạm y tế', // invalid date: an error row
  '3;HS3;Lý Thị Mỹ;03/05/1995;Nữ;012090000001;Trạm y tế', // Páo's number on Mỹ's row
  '4;HS4;Tẩn Láo Sài;01/01/1970;Nam;;Trạm y tế', // nobody
  '5;HS5;Giàng A Páo;25/03/1990;Nam;;Trạm y tế', // Páo again
].join('\n');

async function importList(csv: string, unitCode = '03388') {
  const path = files.write(`list-${Math.random()}.csv`, csv);
  const prepared = await prepareImport(database, {
    datasetType: 'health-insurance',
    unitCode,
    fileName: 'bhyt.csv',
    path,
    createdBy: 'test',
  });
  return runImport(database, prepared);
}

const stored = (batchId: string) =>
  database.rows<{ row_number: number; outcome: string; national_id: string | null; actual_national_id: string | null }>(
    sql`select row_number, outcome, national_id, actual_national_id from sector_data.links where batch_id = ${batchId} order by row_number`,
  );

describe('linking a committed batch', () => {
  it('stores one link per valid row with its outcome, and counts per outcome', async () => {
    const batch = await importList(LIST);
    const progress: number[] = [];
    const result = await linkBatch(database, batch.batchId, { onProgress: (n) => progress.push(n) });
    expect(result).toMatchObject({ linked: 4, invalid: 1 });
    expect(result.counts).toMatchObject({
      matched: 1,
      id_belongs_to_someone_else: 1,
      not_found: 1,
      duplicate_in_list: 1,
      probable: 0,
    });
    expect(progress.at(-1)).toBe(4);
    const links = await stored(batch.batchId);
    expect(links).toEqual([
      { row_number: 1, outcome: 'matched', national_id: '012090000001', actual_national_id: null },
      {
        row_number: 3,
        outcome: 'id_belongs_to_someone_else',
        national_id: '012090000001',
        actual_national_id: '012195000002',
      },
      { row_number: 4, outcome: 'not_found', national_id: null, actual_national_id: null },
      { row_number: 5, outcome: 'duplicate_in_list', national_id: '012090000001', actual_national_id: null },
    ]);
  });

  it("does not hold a province's list against where people live: it names no commune", async () => {
    const batch = await importList(LIST.replace('HS1;', 'HS1p;'), '12');
    await linkBatch(database, batch.batchId);
    const [first] = await database.rows<{ outcome: string; disagreements: string[] }>(
      sql`select outcome, disagreements from sector_data.links where batch_id = ${batch.batchId} and row_number = 1`,
    );
    expect(first).toEqual({ outcome: 'matched', disagreements: [] });
  });

  it('replaces the links of the batch when it is linked again', async () => {
    const batch = await importList(LIST.replace('HS1;', 'HS1b;'), '03424');
    await linkBatch(database, batch.batchId);
    await database.rows(sql`update sector_data.links set outcome = 'probable' where batch_id = ${batch.batchId}`);
    await linkBatch(database, batch.batchId);
    const links = await stored(batch.batchId);
    expect(links).toHaveLength(4);
    expect(links.map((l) => l.outcome)).not.toContain('probable');
  });

  it('reuses an earlier review decision for the same row key and person on the next list', async () => {
    const first = await importList(LIST.replace('HS1;', 'HS1c;'), '03390');
    await linkBatch(database, first.batchId);
    const [paoRow] = await database.rows<{ person_id: string; row_key: string }>(
      sql`select l.person_id, r.row_key from sector_data.links l join sector_data.rows r using (batch_id, row_number)
           where l.batch_id = ${first.batchId} and l.row_number = 1`,
    );
    // An officer rejected "card HS1c is Giàng A Páo".
    await database.rows(sql`insert into sector_data.link_reviews
      (dataset_type, sector, row_key, person_id, decision, reason, batch_id, row_number, decided_by)
      values ('health-insurance', 'health_insurance', ${paoRow!.row_key}, ${paoRow!.person_id}, 'reject', 'khác người', ${first.batchId}, 1, 'test')`);
    const next = await importList(LIST.replace('HS1;', 'HS1c;').replace('Trạm y tế', 'Bệnh viện'), '03390');
    const result = await linkBatch(database, next.batchId);
    expect(result.reviewed).toBe(1);
    const [row1] = await stored(next.batchId);
    expect(row1).toMatchObject({ row_number: 1, outcome: 'not_found', national_id: null });
  });

  it('links a list of several chunks as one, duplicates found across chunks in row order', async () => {
    const lines = [HEADER];
    for (let n = 1; n <= 2600; n++) {
      const line =
        n === 1
          ? '1;HL1;Giàng A Páo;25/03/1990;Nam;012090000001;Trạm y tế'
          : n === 1500
            ? '1500;HL1500;GIANG A PAO;25/03/1990;Nam;;Trạm y tế' // Páo again, two chunks on
            : n === 1200 || n === 2600
              ? `${n};HL${n};Tẩn Láo Sài;01/01/1970;Nam;;Trạm y tế` // nobody, twice
              : `${n};HL${n};Vàng Văn Số ${n};${String((n % 28) + 1).padStart(2, '0')}/0${(n % 9) + 1}/1980;Nam;;Trạm y tế`;
      lines.push(line);
    }
    const batch = await importList(lines.join('\n'));
    const progress: number[] = [];
    const result = await linkBatch(database, batch.batchId, { onProgress: (n) => progress.push(n) });
    expect(result.linked).toBe(2600);
    expect(progress).toEqual([1000, 2000, 2600]);
    const links = await database.rows<{ row_number: number; outcome: string; duplicate_of_row: number | null }>(
      sql`select row_number, outcome, duplicate_of_row from sector_data.links
           where batch_id = ${batch.batchId} and row_number in (1, 1200, 1500, 2600) order by row_number`,
    );
    expect(links).toEqual([
      { row_number: 1, outcome: 'matched', duplicate_of_row: null },
      { row_number: 1200, outcome: 'not_found', duplicate_of_row: null },
      { row_number: 1500, outcome: 'duplicate_in_list', duplicate_of_row: 1 },
      { row_number: 2600, outcome: 'duplicate_in_list', duplicate_of_row: 1200 },
    ]);
    expect(result.counts.duplicate_in_list).toBe(2);
  });

  // Embedded PGlite has one connection and a transaction holds it alone: a linking done in one
  // transaction made every request of the server (the session look-up included) wait to its end. (On
  // PostgreSQL other connections are served during a transaction anyway, and when the read is answered
  // depends on the load: not a question to test there.)
  it.skipIf(!!process.env.DATABASE_URL)(
    'leaves the embedded database to others while it links, the earlier links readable until the new ones are in',
    async () => {
      const lines = [HEADER];
      for (let n = 1; n <= 2500; n++)
        lines.push(
          `${n};HW${n};Vàng Văn Số ${n};${String((n % 28) + 1).padStart(2, '0')}/0${(n % 9) + 1}/1981;Nam;;Trạm y tế`,
        );
      const batch = await importList(lines.join('\n'), '03391');
      await linkBatch(database, batch.batchId);
      let linkedSoFar = 0;
      let read: Promise<{ linkedSoFar: number; oldLinks: number }> | undefined;
      await linkBatch(database, batch.batchId, {
        onProgress: (n) => {
          linkedSoFar = n;
          read ??= database
            .rows<{ n: number }>(
              sql`select count(*)::int as n from sector_data.links where batch_id = ${batch.batchId}`,
            )
            .then(([row]) => ({ linkedSoFar, oldLinks: row!.n }));
        },
      });
      // Answered after the first chunk, long before the last, and the earlier linking's links were all there.
      expect(await read).toEqual({ linkedSoFar: 1000, oldLinks: 2500 });
      expect(await stored(batch.batchId)).toHaveLength(2500);
      const [staged] = await database.rows<{ n: number }>(sql`select count(*)::int as n from sector_data.link_staging`);
      expect(staged!.n).toBe(0);
    },
  );

  it('refuses an unknown batch', async () => {
    const error = await refusal(() => linkBatch(database, '00000000-0000-4000-8000-000000000000'));
    expect(error.code).toBe('SECTOR.BATCH_NOT_FOUND');
  });
});
