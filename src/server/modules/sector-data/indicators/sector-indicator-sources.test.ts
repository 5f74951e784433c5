import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../../test/db';
import { makeHousehold, makePerson } from '../../../../../test/factories';
import { todayInVietnam } from '../../../../contracts/common';
import type { IndicatorSourceQuery, SourceCount } from '../../../platform/indicator-sources';
import { indicatorSources } from '../../../indicator-sources';
import { copyRegistryBatch } from '../../population';
import { computeRun, currentPeriods, seedIndicators } from '../../kpi';
import { prepareImport, runImport } from '../import/run-import';
import { linkBatch } from '../links/link-batch';
import { tempFiles } from '../test-support';
import { SECTOR_INDICATOR_SOURCES } from './sector-indicator-sources';

/*
 * Issue 16 §4 on a real database: the sector lists in force on a day, placed on communes, counted
 * for kpi's `sector.*` sources — matched rows of living people over every row, error rows included;
 * a list superseded from its successor's (Vietnam) day; a province list's linked rows in each
 * person's commune; attribute shares; and a kpi run that gives T8.INSURANCE a value.
 */

let database: TestDatabase;
const files = tempFiles();
const PROVINCE = '12';
const DOAN_KET = '03388';
const MUONG_TE = '03445';

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
// Died on 10/02/2026: alive at the end of January, not at the end of March.
const chu = makePerson({
  nationalId: '012080000003',
  idCardNumber: null,
  fullName: 'Vàng A Chứ',
  birthDate: '1980-07-14',
  birthYear: 1980,
  sex: 'male',
  status: 'deceased',
  deathDate: '2026-02-10',
});
const sang = makePerson({
  nationalId: '012085000004',
  idCardNumber: null,
  fullName: 'Lò Văn Sáng',
  birthDate: '1985-11-02',
  birthYear: 1985,
  sex: 'male',
});

async function importList(datasetType: string, unitCode: string, lines: string[], committedAt: string) {
  const path = files.write(`list-${Math.random()}.csv`, lines.join('\n'));
  const prepared = await prepareImport(database, {
    datasetType,
    unitCode,
    fileName: 'list.csv',
    path,
    createdBy: 'test',
  });
  const batch = await runImport(database, prepared);
  // The commit time decides from which day the list is in force.
  await database.rows(
    sql`update sector_data.batches set finished_at = ${committedAt}::timestamptz where id = ${batch.batchId}`,
  );
  return batch.batchId;
}

const INSURANCE_HEADER = 'STT;Mã thẻ BHYT;Họ và tên;Ngày sinh;Giới tính;Số CCCD';
const source = (key: string) => SECTOR_INDICATOR_SOURCES.find((s) => s.key === key)!;
const QUARTER = { code: '2026-Q1', type: 'quarter' as const, from: '2026-01-01', to: '2026-03-31' };
const query = (asOf: string): IndicatorSourceQuery => ({ period: QUARTER, asOf, communeCodes: [DOAN_KET, MUONG_TE] });
/** A source's rows by unit, for exact comparison. */
const counts = async (key: string, asOf: string): Promise<Record<string, [number, number]>> => {
  const rows: SourceCount[] = await source(key).count(database.db, query(asOf));
  return Object.fromEntries(rows.map((r) => [r.unitCode, [r.numerator, r.denominator]]));
};
const outcomes = (batchId: string) =>
  database.rows<{ row_number: number; outcome: string }>(
    sql`select row_number, outcome from sector_data.links where batch_id = ${batchId} order by row_number`,
  );

let firstList: string;
let provinceList: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await copyRegistryBatch(database, makeHousehold(DOAN_KET, [pao, my, chu]));
  await copyRegistryBatch(database, makeHousehold(MUONG_TE, [sang]));
  // Đoàn Kết's card list, committed on 2/1/2026.
  firstList = await importList(
    'health-insurance',
    DOAN_KET,
    [
      INSURANCE_HEADER,
      '1;HS1;Giàng A Páo;25/03/1990;Nam;012090000001', // matched
      '2;HS2;Lò Văn Không;31/02/1990;Nam;', // invalid date: an error row, never linked
      '3;HS3;Vàng A Chứ;14/07/1980;Nam;012080000003', // matched, died 10/2/2026
      '4;HS4;Lý Thị Mỹ;03/05/1995;Nam;012195000002', // her number, the wrong sex: with discrepancies
      '5;HS5;Tẩn Láo Sài;01/01/1970;Nam;', // nobody
    ],
    '2026-01-02T09:00:00+07:00',
  );
  await linkBatch(database, firstList);
  // The province's card list, committed on 2/1/2026: Sáng lives in Mường Tè.
  provinceList = await importList(
    'health-insurance',
    PROVINCE,
    [
      INSURANCE_HEADER,
      // Linked to Sáng: counts (clean) in Mường Tè. A province's list names no commune, so the engine
      // holds no unit against where Sáng lives.
      '1;HT1;Lò Văn Sáng;02/11/1985;Nam;012085000004',
      '2;HT2;Tẩn Láo Sài;01/01/1970;Nam;', // nobody: the province only
      '3;HT3;Lò Văn Không;32/01/1990;Nam;', // an error row: the province only
    ],
    '2026-01-02T10:00:00+07:00',
  );
  await linkBatch(database, provinceList);
});
afterAll(async () => {
  await database?.dispose();
  files.cleanup();
});

describe('link shares of the lists in force (T8.INSURANCE)', () => {
  it('links the test lists as the counts below assume', async () => {
    expect(await outcomes(firstList)).toEqual([
      { row_number: 1, outcome: 'matched' },
      { row_number: 3, outcome: 'matched' },
      { row_number: 4, outcome: 'matched_with_discrepancies' },
      { row_number: 5, outcome: 'not_found' },
    ]);
    expect(await outcomes(provinceList)).toEqual([
      { row_number: 1, outcome: 'matched' },
      { row_number: 2, outcome: 'not_found' },
    ]);
  });

  it('counts matched rows of living people over every row of the list, error rows included, per commune', async () => {
    // 31/1/2026: Páo and Chứ (alive then) of five rows; discrepancies, not found and the error row are not clean.
    expect(await counts('sector.health_insurance_linked', '2026-01-31')).toEqual({
      [DOAN_KET]: [2, 5],
      [MUONG_TE]: [1, 1],
      [PROVINCE]: [0, 2],
    });
  });

  it("gives each dataset type's linked and discrepancies shares over every row", async () => {
    // Páo, Chứ (alive on 31/1) and Mỹ (her sex differs) linked; Mỹ's row needs a correction.
    expect(await counts('sector.linked_health_insurance', '2026-01-31')).toEqual({
      [DOAN_KET]: [3, 5],
      [MUONG_TE]: [1, 1],
      [PROVINCE]: [0, 2],
    });
    expect(await counts('sector.discrepancies_health_insurance', '2026-01-31')).toEqual({
      [DOAN_KET]: [1, 5],
      [MUONG_TE]: [0, 1],
      [PROVINCE]: [0, 2],
    });
    expect((await counts('sector.linked_health_insurance', '2026-02-10'))[DOAN_KET]).toEqual([2, 5]);
  });

  it('does not count a person who died on or before the as-of day', async () => {
    expect((await counts('sector.health_insurance_linked', '2026-02-10'))[DOAN_KET]).toEqual([1, 5]);
    expect((await counts('sector.health_insurance_linked', '2026-02-09'))[DOAN_KET]).toEqual([2, 5]);
  });

  it('leaves a commune out before its first list was committed (no denominator, not 0 %)', async () => {
    expect(await counts('sector.health_insurance_linked', '2026-01-01')).toEqual({});
    expect(await counts('sector.vaccination_linked', '2026-03-31')).toEqual({});
  });

  it("counts a superseded list until its successor's Vietnam day, and the successor from that day", async () => {
    // Committed 16/3/2026 00:30 in Vietnam — still 15/3 in UTC.
    const next = await importList(
      'health-insurance',
      DOAN_KET,
      [INSURANCE_HEADER, '1;HS1;Giàng A Páo;25/03/1990;Nam;012090000001', '2;HS6;Lý Thị Mỹ;03/05/1995;Nữ;012195000002'],
      '2026-03-16T00:30:00+07:00',
    );
    const [superseded] = await database.rows<{ superseded_by: string }>(
      sql`select superseded_by from sector_data.batches where id = ${firstList}`,
    );
    expect(superseded!.superseded_by).toBe(next);
    // Not linked yet: its rows count, none matched.
    expect((await counts('sector.health_insurance_linked', '2026-03-16'))[DOAN_KET]).toEqual([0, 2]);
    await linkBatch(database, next);
    expect((await counts('sector.health_insurance_linked', '2026-03-15'))[DOAN_KET]).toEqual([1, 5]);
    expect((await counts('sector.health_insurance_linked', '2026-03-16'))[DOAN_KET]).toEqual([2, 2]);
    // The province's list is of another unit: it is not superseded.
    expect((await counts('sector.health_insurance_linked', '2026-03-16'))[MUONG_TE]).toEqual([1, 1]);
  });
});

describe('the rows behind a commune figure (drill-down)', () => {
  const reader = {
    accountId: null,
    role: 'standing_agency',
    unitCode: PROVINCE,
    requestId: 'req-sector-list',
    pseudonymKey: 'a-test-pseudonym-key-of-32-characters!!',
    purpose: 'data_cleaning',
  };
  const page = (side: 'missing' | 'counted') =>
    source('sector.health_insurance_linked').list!.page(
      database.db,
      { ...query('2026-03-15'), unitCode: DOAN_KET, side, offset: 0, limit: 50 },
      reader,
    );

  it('lists the rows not clean — error row, dead, discrepancies, not found — and logs each registry person shown', async () => {
    expect(source('sector.health_insurance_linked').list!.action).toBe('sector.read');
    const missing = await page('missing');
    expect(missing.total).toBe(4);
    expect(missing.items.map((i) => [i.rowNumber, i.outcome, i.nationalId, i.reason !== null])).toEqual([
      [2, 'Dòng lỗi', null, true],
      [3, 'Khớp', '012080000003', true],
      [4, 'Khớp, có sai khác', '012195000002', false],
      [5, 'Không tìm thấy', null, false],
    ]);
    expect(missing.items[1]).toMatchObject({ name: 'Vàng A Chứ', reason: 'Người đã mất', list: 'Thẻ bảo hiểm y tế' });
    const logged = await database.rows<{ purpose: string; action: string }>(
      sql`select purpose, action from audit.access_pending where request_id = ${reader.requestId}
          union all select purpose, action from audit.access_log where request_id = ${reader.requestId}`,
    );
    expect(logged).toEqual([
      { purpose: 'data_cleaning', action: 'person.list' },
      { purpose: 'data_cleaning', action: 'person.list' },
    ]);
    const counted = await page('counted');
    expect([counted.total, counted.items.map((i) => i.nationalId)]).toEqual([1, ['012090000001']]);
  });
});

describe('attribute shares', () => {
  it('counts social-assistance beneficiaries paid to a bank or mobile-money account (T11), an unreadable row in the denominator only', async () => {
    await importList(
      'social-assistance',
      MUONG_TE,
      [
        'STT;Họ và tên;Ngày sinh;Giới tính;Hình thức chi trả;Số tài khoản',
        '1;Lò Văn Sáng;02/11/1985;Nam;Tài khoản ngân hàng;123456789',
        '2;Lò Thị Ban;01/01/1950;Nữ;Tiền mặt;',
        '3;Lò Văn Hặc;01/01/1948;Nam;Ví điện tử;',
        '4;Lò Thị Ún;31/02/1949;Nữ;Ví điện tử;', // invalid date
      ],
      '2026-02-01T08:00:00+07:00',
    );
    expect(await counts('sector.welfare_cashless', '2026-03-31')).toEqual({ [MUONG_TE]: [2, 4] });
    // Never linked: T10 counts nothing matched, every row in its denominator.
    expect(await counts('sector.social_data_standardised', '2026-03-31')).toEqual({ [MUONG_TE]: [0, 4] });
  });

  it('counts household businesses on eTax Mobile (T13) and facilities accepting the chip card or VNeID (T9)', async () => {
    await importList(
      'household-businesses',
      DOAN_KET,
      [
        'Mã số thuế;Tên hộ kinh doanh;Chủ hộ kinh doanh;eTax Mobile',
        '6200000001;Tạp hoá Páo;Giàng A Páo;Có',
        '6200000002;Quán Mỹ;Lý Thị Mỹ;Không',
        '6200000003;Sửa xe;Lò Văn Sáng;',
      ],
      '2026-02-01T08:00:00+07:00',
    );
    expect(await counts('sector.etax_mobile', '2026-03-31')).toEqual({ [DOAN_KET]: [1, 3] });
    await importList(
      'facilities-eid',
      PROVINCE,
      [
        'Mã cơ sở KCB;Tên cơ sở;Dùng CCCD gắn chíp;Dùng VNeID',
        '12001;Trạm y tế Đoàn Kết;Có;Không',
        '12002;Trạm y tế Mường Tè;Không;Có',
        '12003;Phòng khám tư;Không;Không',
      ],
      '2026-02-01T08:00:00+07:00',
    );
    expect(await counts('sector.facilities_eid', '2026-03-31')).toEqual({ [PROVINCE]: [2, 3] });
  });
});

describe('registry people missing from a list that should cover them (children under 6)', () => {
  // Đoàn Kết: Dình (3 years old) is on the commune's list, Pà turns 6 on 1/4/2026 and is not; in
  // Mường Tè Tủa is on the province's list only.
  const dinh = makePerson({
    nationalId: '012222000011',
    idCardNumber: null,
    fullName: 'Giàng A Dình',
    birthDate: '2022-05-01',
    birthYear: 2022,
    sex: 'male',
  });
  const pa = makePerson({
    nationalId: '012320000012',
    idCardNumber: null,
    fullName: 'Giàng Thị Pà',
    birthDate: '2020-04-01',
    birthYear: 2020,
  });
  const tua = makePerson({
    nationalId: '012223000013',
    idCardNumber: null,
    fullName: 'Lò Văn Tủa',
    birthDate: '2023-06-10',
    birthYear: 2023,
    sex: 'male',
  });
  const CHILDREN_HEADER = 'STT;Họ và tên;Ngày sinh;Giới tính;Số định danh cá nhân;Mã thẻ BHYT';
  const KEY = 'sector.covered_children';
  const reader = {
    accountId: null,
    role: 'sector_officer',
    unitCode: DOAN_KET,
    requestId: 'req-sector-coverage',
    pseudonymKey: 'a-test-pseudonym-key-of-32-characters!!',
    purpose: 'data_cleaning',
  };

  beforeAll(async () => {
    await copyRegistryBatch(database, makeHousehold(DOAN_KET, [dinh, pa]));
    await copyRegistryBatch(database, makeHousehold(MUONG_TE, [tua]));
    const commune = await importList(
      'children',
      DOAN_KET,
      [CHILDREN_HEADER, '1;Giàng A Dình;01/05/2022;Nam;012222000011;TE1120000001'],
      '2026-02-01T08:00:00+07:00',
    );
    await linkBatch(database, commune);
  });

  it('counts, in a commune with a list in force, the children under 6 linked to a row of it', async () => {
    expect(await counts(KEY, '2026-01-31')).toEqual({});
    // Mường Tè has no list of its own and the province none yet: left out, not 0 %.
    expect(await counts(KEY, '2026-03-31')).toEqual({ [DOAN_KET]: [1, 2] });
  });

  it("counts a province list's children in their communes, and a child from the day they turn 6 no more", async () => {
    const province = await importList(
      'children',
      PROVINCE,
      [CHILDREN_HEADER, '1;Lò Văn Tủa;10/06/2023;Nam;012223000013;TE1120000002'],
      '2026-03-01T08:00:00+07:00',
    );
    await linkBatch(database, province);
    expect(await counts(KEY, '2026-03-31')).toEqual({ [DOAN_KET]: [1, 2], [MUONG_TE]: [1, 1] });
    expect(await counts(KEY, '2026-04-01')).toEqual({ [DOAN_KET]: [1, 1], [MUONG_TE]: [1, 1] });
    // The adults of the registry are never in the cohort; health-insurance lists have their own figure.
    expect((await counts('sector.covered_health_insurance', '2026-03-31'))[DOAN_KET]).toEqual([0, 2]);
  });

  it('lists the children missing from the lists, each logged with the purpose, and those on them', async () => {
    const page = (side: 'missing' | 'counted') =>
      source(KEY).list!.page(
        database.db,
        { ...query('2026-03-31'), unitCode: DOAN_KET, side, offset: 0, limit: 50 },
        { ...reader, requestId: `${reader.requestId}-${side}` },
      );
    expect(source(KEY).list!.action).toBe('sector.read');
    const missing = await page('missing');
    expect(missing.total).toBe(1);
    expect(missing.items).toEqual([
      {
        fullName: 'Giàng Thị Pà',
        birthDate: '2020-04-01',
        nationalId: '012320000012',
        address: 'Bản Mường, xã thử nghiệm',
        covered: 'Không',
      },
    ]);
    const counted = await page('counted');
    expect(counted.items.map((i) => [i.nationalId, i.covered])).toEqual([['012222000011', 'Có']]);
    const logged = await database.rows<{ action: string }>(
      sql`select action from audit.access_pending where request_id like ${`${reader.requestId}-%`}
          union all select action from audit.access_log where request_id like ${`${reader.requestId}-%`}`,
    );
    expect(logged).toEqual([{ action: 'person.list' }, { action: 'person.list' }]);
  });
});

describe('a kpi run', () => {
  it('gives T8.INSURANCE a value (status ok) per commune and for the province instead of no_source', async () => {
    await seedIndicators(database.db);
    const today = todayInVietnam();
    const period = currentPeriods(today)[1]!;
    const runId = await computeRun(database, indicatorSources(), {
      period,
      today,
      provinceCode: PROVINCE,
      trigger: 'manual',
    });
    const values = await database.rows<{ unit_code: string; status: string; numerator: number; denominator: number }>(
      sql`select v.unit_code, v.status, v.numerator, v.denominator from kpi.values v join kpi.indicators i on i.id = v.indicator_id
           where v.run_id = ${runId} and i.code = 'T8.INSURANCE' and v.unit_code in (${PROVINCE}, ${DOAN_KET}, ${MUONG_TE})
           order by v.unit_code`,
    );
    // Đoàn Kết's second list (2 of 2), Sáng's row in Mường Tè, the province's unlinked and error rows.
    expect(values.map((v) => [v.unit_code, v.status, Number(v.numerator), Number(v.denominator)])).toEqual([
      [DOAN_KET, 'ok', 2, 2],
      [MUONG_TE, 'ok', 1, 1],
      [PROVINCE, 'ok', 3, 5],
    ]);
  });
});
