import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { todayInVietnam } from '../../../contracts/common';
import { indicatorSources } from '../../indicator-sources';
import { computeRun, currentPeriods, seedIndicators } from '../kpi';
import { listCommunes } from '../units';
import { seedDemoProvince } from './demo.seed';
import { DEMO_LIST_SKIP, demoListFiles, readListPeople, seedDemoSectorLists } from './sector-lists';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoProvince(database, { people: 800, provinceCode: '12', seed: 'lists', referenceDate: todayInVietnam() });
}, 120_000);
afterAll(async () => database?.dispose());

const TYPES = [
  'association-members',
  'children',
  'civil-status-records',
  'facilities-eid',
  'health-insurance',
  'household-businesses',
  'merit',
  'poor-households',
  'social-assistance',
  'vaccination',
];

describe('the demo’s sector lists', () => {
  it('are the same files for the same registry and day, messy as typed, with Vietnamese headers', async () => {
    const people = await readListPeople(database.db);
    const communes = (await listCommunes(database.db, '2026-12-07')).map((u) => ({
      code: u.code,
      fullName: u.fullName,
    }));
    const options = { provinceCode: '12', referenceDate: '2026-12-07', skip: DEMO_LIST_SKIP };
    const files = demoListFiles(people, communes, options);
    expect(demoListFiles(people, communes, options)).toEqual(files);
    expect(demoListFiles(people, communes, { ...options, seed: 'other' })).not.toEqual(files);
    expect([...new Set(files.map((f) => f.datasetType))].sort()).toEqual(TYPES);
    expect(files.some((f) => f.datasetType === 'health-insurance' && f.unitCode === '03388')).toBe(false);
    expect(files.filter((f) => f.datasetType === 'facilities-eid').map((f) => f.unitCode)).toEqual(['12']);
    const insurance = files.filter((f) => f.datasetType === 'health-insurance');
    expect(insurance.length).toBeGreaterThan(30); // one per commune
    expect(insurance[0]!.text.split('\r\n')[0]).toBe(
      'STT,Mã thẻ BHYT,Họ và tên,Ngày sinh,Giới tính,Số CCCD,Địa chỉ,Nơi ĐKKCB,Từ ngày,Đến ngày',
    );
    const all = files.map((f) => f.text).join('\n');
    expect(all).toMatch(/\n\d+,[A-Z]{2}[1-5]12\d{10},/); // card numbers as issued: GD4121234567890
    expect(all).toMatch(/,\d{1,2}\/\d{1,2}\/\d{2},/); // d/m/yy
    expect(all).toMatch(/,[A-ZĐ ]{2,}[ÀÁẢÃẠĂÂÊÔƠƯ][A-ZĐ ]*,|,[A-ZĐ][A-ZĐÀ-Ỹ ]+ [A-ZĐÀ-Ỹ]+,/u); // a name in capitals
    expect(files.reduce((n, f) => n + f.impossible, 0)).toBeGreaterThan(0);
  });

  it('are imported and linked through the real pipeline, once', async () => {
    const result = await seedDemoSectorLists(database, { provinceCode: '12', skip: DEMO_LIST_SKIP });
    expect(result.batches).toBeGreaterThan(80);
    expect(result.errorRows).toBeGreaterThan(0);
    // The error rows are those written with an impossible date, and only those.
    const day = todayInVietnam();
    const communes = (await listCommunes(database.db, day)).map((u) => ({ code: u.code, fullName: u.fullName }));
    const files = demoListFiles(await readListPeople(database.db), communes, {
      provinceCode: '12',
      referenceDate: day,
      skip: DEMO_LIST_SKIP,
    });
    expect(result.errorRows).toBe(files.reduce((n, f) => n + f.impossible, 0));
    expect(result.linked / result.rows).toBeGreaterThan(0.85);
    const batches = await database.rows<{
      dataset_type: string;
      n: number | string;
      rows: number | string;
      errors: number | string;
      valid: number | string;
      links: number | string;
      state: string;
      link_state: string;
    }>(
      sql`select b.dataset_type, count(*) as n, sum(b.row_count) as rows, sum(b.error_count) as errors,
                 sum(b.valid_count) as valid, sum((select count(*) from sector_data.links l where l.batch_id = b.id)) as links,
                 string_agg(distinct b.state, ',') as state, string_agg(distinct b.link_state, ',') as link_state
            from sector_data.batches b group by b.dataset_type order by b.dataset_type`,
    );
    expect(batches.map((b) => b.dataset_type)).toEqual(TYPES);
    for (const b of batches) {
      expect(b.state).toBe('committed');
      if (b.dataset_type === 'facilities-eid') {
        expect(b.link_state, 'a list naming no one is not linked').toBe('none');
        continue;
      }
      expect(b.link_state, `${b.dataset_type}: linked as the API's job records it`).toBe('linked');
      expect(Number(b.links), `${b.dataset_type}: every valid row linked`).toBe(Number(b.valid));
    }
    expect(batches.reduce((n, b) => n + Number(b.rows), 0)).toBe(result.rows);
    expect(batches.reduce((n, b) => n + Number(b.errors), 0)).toBe(result.errorRows);
    const outcomes = await database.rows<{ outcome: string }>(sql`select distinct outcome from sector_data.links`);
    expect(outcomes.map((o) => o.outcome)).toEqual(expect.arrayContaining(['matched', 'not_found']));
    const [ward] = await database.rows<{ n: number | string }>(
      sql`select count(*) as n from sector_data.batches where unit_code = '03388' and dataset_type = 'health-insurance'`,
    );
    expect(Number(ward!.n)).toBe(0);

    const again = await seedDemoSectorLists(database, { provinceCode: '12', skip: DEMO_LIST_SKIP });
    expect(again.batches).toBe(0);
    const [count] = await database.rows<{ n: number | string }>(sql`select count(*) as n from sector_data.batches`);
    expect(Number(count!.n)).toBe(result.batches);
  }, 300_000);

  it('are finished at the next start when the server stopped mid-way, and never seeded beside the province’s own lists', async () => {
    const count = async (where = sql`true`) =>
      Number(
        (
          await database.rows<{ n: number | string }>(sql`select count(*) as n from sector_data.batches where ${where}`)
        )[0]!.n,
      );
    const facilities = sql`dataset_type = 'facilities-eid'`;
    // Cut short: one list imported but not linked, the last file (the health facilities') never imported.
    const [children] = await database.rows<{ id: string }>(
      sql`select id from sector_data.batches where dataset_type = 'children' order by unit_code limit 1`,
    );
    await database.rows(sql`delete from sector_data.links where batch_id = ${children!.id}`);
    await database.rows(
      sql`update sector_data.batches set link_state = 'none', link_rows_linked = 0 where id = ${children!.id}`,
    );
    await database.rows(sql`delete from sector_data.batches where ${facilities}`);
    const before = await count();

    const finished = await seedDemoSectorLists(database, { provinceCode: '12', skip: DEMO_LIST_SKIP });
    expect(finished.batches).toBe(1); // the facilities' list; the others are found by their content
    expect(finished.linked).toBeGreaterThan(0);
    expect(await count()).toBe(before + 1);
    const [relinked] = await database.rows<{ link_state: string; n: number | string }>(
      sql`select b.link_state, (select count(*) from sector_data.links l where l.batch_id = b.id) as n
            from sector_data.batches b where b.id = ${children!.id}`,
    );
    expect(relinked!.link_state).toBe('linked');
    expect(Number(relinked!.n)).toBeGreaterThan(0);
    expect((await seedDemoSectorLists(database, { provinceCode: '12', skip: DEMO_LIST_SKIP })).batches).toBe(0);

    // A list the province imported itself: no demo list is added beside it, even an unfinished seeding.
    await database.rows(sql`delete from sector_data.batches where ${facilities}`);
    await database.rows(sql`update sector_data.batches set created_by = 'cli:officer' where id = ${children!.id}`);
    expect((await seedDemoSectorLists(database, { provinceCode: '12', skip: DEMO_LIST_SKIP })).batches).toBe(0);
    expect(await count(facilities)).toBe(0);
    await database.rows(sql`update sector_data.batches set created_by = 'demo:seed' where id = ${children!.id}`);
    expect((await seedDemoSectorLists(database, { provinceCode: '12', skip: DEMO_LIST_SKIP })).batches).toBe(1);
  }, 300_000);

  it('give the sector targets of a kpi run figures for most communes', async () => {
    await seedIndicators(database.db);
    const today = todayInVietnam();
    const runId = await computeRun(database, indicatorSources(), {
      period: currentPeriods(today)[1]!,
      today,
      provinceCode: '12',
      trigger: 'manual',
    });
    const values = await database.rows<{ code: string; province: string; communes: number | string }>(
      sql`select i.code,
                 max(v.status) filter (where v.unit_code = '12') as province,
                 count(*) filter (where length(v.unit_code) = 5 and v.status = 'ok') as communes
            from kpi.values v join kpi.indicators i on i.id = v.indicator_id
           where v.run_id = ${runId} and i.source like 'sector.%'
           group by i.code order by i.code`,
    );
    const byCode = Object.fromEntries(values.map((v) => [v.code, v]));
    const communes = 38;
    for (const code of [
      'T6.CIVIL',
      'T8.VACCINATION',
      'T8.INSURANCE',
      'T10.SOCIAL',
      'T11.WELFARE_CASHLESS',
      'T12.ASSOCIATIONS',
      'T13.ETAX',
    ]) {
      expect(byCode[code]?.province, code).toBe('ok');
      expect(Number(byCode[code]?.communes), `${code}: communes with a figure`).toBeGreaterThan(communes / 2);
    }
    // The facilities list is the province's and names no person: a figure for the province only.
    expect(byCode['T9.FACILITIES_EID']?.province).toBe('ok');
  }, 120_000);
});
