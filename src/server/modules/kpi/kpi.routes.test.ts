import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { todayInVietnam } from '../../../contracts/common';
import { KpiTable, KpiTrend, type Indicator, type KpiRun, type KpiValue } from '../../../contracts/kpi';
import { DEFAULT_ROLES } from '../identity';
import { copyRegistryBatch } from '../population';
import { getProcedureVersionById, prefillStats, seedProcedures } from '../procedures';
import { indicatorSources } from '../../indicator-sources';
import { computeRun, currentPeriods, runScheduledKpi, seedIndicators } from './index';

/*
 * Issue 15 §1–2 through HTTP on a real database: the plan's indicators computed per commune and for
 * the province from the registry, "no data" where no module publishes a source, snapshots that a
 * later registry or threshold change does not move, and who may read, recompute and change them.
 */

let t: TestApp;
const PROVINCE = '12';
const MUONG_TE = '03445';
const DOAN_KET = '03388';
const today = todayInVietnam();
const QUARTER = currentPeriods(today)[1]!;

const adult = (n: number, over: Partial<Parameters<typeof makePerson>[0]> = {}) =>
  makePerson({ nationalId: `01209000${String(n).padStart(4, '0')}`, fullName: `Người Thử ${n}`, ...over });
const noEid = { eIdLevel: 0, eIdActivatedOn: null };

let standing: Session;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  await seedIndicators(t.database.db);
  await seedProcedures(t.database.db); // the catalog: which procedures are residence procedures (T4)
  // Mường Tè: four aged 14 or over, three with an activated level-2 e-ID; a child of ten (not counted).
  const child = { birthDate: `${Number(today.slice(0, 4)) - 10}-01-01`, birthYear: Number(today.slice(0, 4)) - 10 };
  await copyRegistryBatch(
    t.database,
    makeHousehold(MUONG_TE, [adult(1), adult(2), adult(3), adult(4, noEid), adult(5, { ...child, ...noEid })]),
  );
  // Đoàn Kết: two adults without e-ID, one without a chip card.
  await copyRegistryBatch(
    t.database,
    makeHousehold(DOAN_KET, [adult(6, noEid), adult(7, { ...noEid, idCardKind: null })]),
  );
  standing = await t.staff('standing_agency', PROVINCE);
  admin = await t.staff('admin', PROVINCE);
});
afterAll(async () => t?.close());

const run = async (session: Session, period = QUARTER) =>
  session.inject({ method: 'POST', url: '/api/v1/kpi/runs', payload: { period } });
const table = async (session: Session, query = `period=${QUARTER}`) => {
  const res = await session.inject(`/api/v1/kpi/values?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('application/json');
  return KpiTable.parse(res.json()); // the answer is made once per run as a string: it keeps the documented shape
};
const valueOf = (tbl: KpiTable, code: string, unit: string): KpiValue | undefined =>
  tbl.values.find((v) => v.indicatorCode === code && v.unitCode === unit);

describe('who may read, recompute and change the indicators', () => {
  const staff = DEFAULT_ROLES.filter((r) => r.staff);
  it.each(staff.map((r) => [r.code, r.actions.includes('kpi.read'), r.actions.includes('kpi.run')] as const))(
    '%s → read %s, recompute %s',
    async (role, read, recompute) => {
      const s = await t.staff(role, PROVINCE, role === 'sector_officer' ? 'health_insurance' : undefined);
      expect((await s.inject(`/api/v1/kpi/values?period=${QUARTER}`)).statusCode).toBe(read ? 200 : 403);
      expect((await s.inject('/api/v1/kpi/indicators')).statusCode).toBe(read ? 200 : 403);
      expect((await run(s)).statusCode).toBe(recompute ? 201 : 403);
    },
  );

  it('lets only administrators start a new indicator version; no one signed out or a citizen', async () => {
    expect(staff.filter((r) => r.actions.includes('kpi.indicators.manage')).map((r) => r.code)).toEqual(['admin']);
    expect(staff.filter((r) => r.actions.includes('kpi.run')).map((r) => r.code)).toEqual(['standing_agency']);
    expect((await t.app.inject(`/api/v1/kpi/values?period=${QUARTER}`)).statusCode).toBe(401);
    const citizen = await t.citizen({ nationalId: '012090000001', fullName: 'Người Thử 1' });
    expect((await citizen.inject(`/api/v1/kpi/values?period=${QUARTER}`)).statusCode).toBe(403);
    const leader = await t.staff('leader', PROVINCE);
    const body = { code: 'T2.EID', threshold: 60 };
    expect((await leader.inject({ method: 'POST', url: '/api/v1/kpi/indicators', payload: body })).statusCode).toBe(
      403,
    );
  });

  it('refuses a recomputation by a Standing Agency officer granted a commune only', async () => {
    const communeOfficer = await t.staff('standing_agency', MUONG_TE);
    const res = await run(communeOfficer);
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('KPI.PROVINCE_FORBIDDEN');
  });
});

describe('the figures of a run', () => {
  let tbl: KpiTable;
  beforeAll(async () => {
    const res = await run(standing);
    expect(res.statusCode, res.body).toBe(201);
    tbl = await table(standing);
  });

  it('counts e-ID accounts per commune and for the province from the registry, against "> 50 %"', () => {
    expect(valueOf(tbl, 'T2.EID', MUONG_TE)).toMatchObject({
      numerator: 3,
      denominator: 4,
      value: 75,
      met: true,
      status: 'ok',
    });
    expect(valueOf(tbl, 'T2.EID', DOAN_KET)).toMatchObject({ numerator: 0, denominator: 2, value: 0, met: false });
    // 3 of 6 is 50 %: not over 50 %.
    expect(valueOf(tbl, 'T2.EID', PROVINCE)).toMatchObject({
      unitLevel: 'province',
      numerator: 3,
      denominator: 6,
      value: 50,
      met: false,
    });
    expect(valueOf(tbl, 'T2.CHIP', DOAN_KET)).toMatchObject({ numerator: 1, denominator: 2, met: false });
  });

  it('says "no data" where nothing counts — no list to count yet, or no one to count — never 0 % or 100 %', () => {
    // sector-data publishes the source, and no list of household businesses was imported.
    const etax = valueOf(tbl, 'T13.ETAX', PROVINCE)!;
    expect(etax).toMatchObject({ status: 'no_denominator', value: null, met: null, denominator: 0 });
    expect(tbl.indicators.find((i) => i.code === 'T13.ETAX')).toMatchObject({ sourceAvailable: true });
    expect(tbl.indicators.find((i) => i.code === 'T2.EID')).toMatchObject({
      sourceAvailable: true,
      listAvailable: true,
      listAction: 'population.person.read',
    });
    expect(tbl.indicators.find((i) => i.code === 'SI.REUSE')).toMatchObject({
      listAvailable: false,
      listAction: null,
    });
    const empty = tbl.values.find(
      (v) => v.indicatorCode === 'T2.EID' && v.unitLevel === 'commune' && v.denominator === 0,
    );
    expect(empty).toMatchObject({ status: 'no_denominator', value: null, met: null });
  });

  it("has a row for each of today's communes and the province, for each indicator that applies to them", async () => {
    const communes = new Set(tbl.values.filter((v) => v.unitLevel === 'commune').map((v) => v.unitCode));
    expect(communes.size).toBe(38);
    // Pilot models are followed at the province only.
    expect(tbl.values.filter((v) => v.indicatorCode === 'T14.PILOTS').map((v) => v.unitCode)).toEqual([PROVINCE]);
  });

  it('shows a commune leader their commune only', async () => {
    const leader = await t.staff('leader', MUONG_TE);
    const own = await table(leader);
    expect(new Set(own.values.map((v) => v.unitCode))).toEqual(new Set([MUONG_TE]));
  });

  it('refuses a future period and a malformed one, naming the field', async () => {
    const future = await run(standing, `${Number(today.slice(0, 4)) + 1}`);
    expect(future.statusCode).toBe(400);
    expect(future.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]!.field).toBe('period');
    const bad = await standing.inject('/api/v1/kpi/values?period=2026-Q9');
    expect(bad.statusCode).toBe(400);
  });
});

describe('registry data instead of paper (target 5)', () => {
  it('counts the decided dossiers whose replaceable documents were not asked for on paper, with the list behind it', async () => {
    const decidedAt = `${today}T09:00:00+07:00`;
    const dossier = async (procedure: string) => {
      const [row] = await queryRows<{ id: string }>(
        t.database.db,
        sql`insert into dossiers.dossiers
          (agency_code, procedure_code, procedure_version_id, unit_code, state, channel, applicant_name, form, sources,
           time_limit_working_days, submitted_at, decided_at, fee_status)
          values ('000.00.00.H36', ${procedure},
            (select id from procedures.procedure_versions where code = ${procedure} order by effective_from desc limit 1),
            ${DOAN_KET}, 'approved', 'online', 'Người thử', '{}'::jsonb, '{}'::jsonb, 3, ${decidedAt}, ${decidedAt}, 'none')
          returning id`,
      );
      return row!.id;
    };
    // Đăng ký thường trú (1.004222) may use the registry for the proof of relationship.
    await dossier('1.004222'); // decided from the registry
    const withPaper = await dossier('1.004222');
    await t.database.db
      .execute(sql`insert into dossiers.attachments (dossier_id, document_key, file_name, media_type, size, sha256)
      values (${withPaper}, 'relationship', 'giay-khai-sinh.pdf', 'application/pdf', 10, 'x')`);
    await dossier('2.001159'); // a stay notification: no document the registry replaces — not counted
    expect((await run(standing)).statusCode).toBe(201);
    const tbl = await table(standing);
    expect(valueOf(tbl, 'T5.REGISTRY', DOAN_KET)).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 50,
      met: false,
    });
    expect(tbl.indicators.find((i) => i.code === 'T5.REGISTRY')).toMatchObject({ sourceAvailable: true });
    const police = await t.staff('commune_police', DOAN_KET);
    const list = await police.inject(
      `/api/v1/kpi/lists?period=${QUARTER}&indicator=T5.REGISTRY&unitCode=${DOAN_KET}&side=missing&purpose=data_cleaning`,
    );
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ total: number }>().total).toBe(1);
    const [first] = list.json<{ items: Array<Record<string, unknown>> }>().items;
    expect(first?.procedureCode).toBe('1.004222');
    expect(String(first?.decidedAt)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });
});

describe('the registry quality of a period (target 3)', () => {
  it('reads the quality run of the period’s time, not today’s', async () => {
    const qualityRun = async (asOf: string, withFindings: number) => {
      const [row] = await queryRows<{ id: number }>(
        t.database.db,
        sql`insert into population.quality_runs (as_of, finished_at, persons, findings)
            values (${asOf}, ${`${asOf}T23:00:00+07:00`}, 10, ${withFindings}) returning id`,
      );
      await t.database.db
        .execute(sql`insert into population.quality_scores (run_id, unit_code, persons, persons_with_findings, score, by_class)
        values (${row!.id}, ${MUONG_TE}, 10, ${withFindings}, 0.5, '{}'::jsonb)`);
    };
    await qualityRun('2025-11-15', 2);
    await qualityRun(today, 5);
    expect((await run(standing, '2025-Q4')).statusCode).toBe(201);
    expect(valueOf(await table(standing, 'period=2025-Q4'), 'T3.QUALITY', MUONG_TE)).toMatchObject({
      numerator: 8,
      denominator: 10,
    });
    expect((await run(standing)).statusCode).toBe(201);
    expect(valueOf(await table(standing), 'T3.QUALITY', MUONG_TE)).toMatchObject({ numerator: 5, denominator: 10 });
  });
});

describe('trends over periods', () => {
  it('gives each indicator of a unit over the last periods from their latest runs, a period never computed as a gap', async () => {
    const previous = (await run(standing, currentPeriods(today)[0])).json<KpiRun>(); // the month: another type
    expect(previous.periodType).toBe('month');
    expect((await run(standing)).statusCode).toBe(201);
    const res = await standing.inject(`/api/v1/kpi/trends?period=${QUARTER}&unitCode=${MUONG_TE}&count=3`);
    expect(res.statusCode, res.body).toBe(200);
    const trend = KpiTrend.parse(res.json());
    expect(trend).toMatchObject({ unitCode: MUONG_TE, structure: 'current' });
    expect(trend.periods.map((p) => p.period).at(-1)).toBe(QUARTER);
    expect(trend.periods).toHaveLength(3);
    // The two quarters before were never computed in this database: gaps, not zeros.
    expect(trend.periods.slice(0, 2).map((p) => p.runId)).toEqual([null, null]);
    const eid = trend.series.find((s) => s.indicatorCode === 'T2.EID')!;
    expect(eid.points.map((p) => p.value)).toEqual([null, null, 75]);
    expect(eid.points[2]).toMatchObject({ met: true, status: 'ok' });
    // The province by default.
    const province = KpiTrend.parse((await standing.inject(`/api/v1/kpi/trends?period=${QUARTER}`)).json());
    expect(province.series.find((s) => s.indicatorCode === 'T2.EID')!.points.at(-1)).toMatchObject({ value: 50 });
  });

  it("refuses a unit outside the reader's grant and a count out of range, naming the field", async () => {
    const leader = await t.staff('leader', MUONG_TE);
    const other = await leader.inject(`/api/v1/kpi/trends?period=${QUARTER}&unitCode=${DOAN_KET}`);
    expect(other.statusCode).toBe(403);
    expect(other.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]!.field).toBe('unitCode');
    expect((await leader.inject(`/api/v1/kpi/trends?period=${QUARTER}`)).statusCode).toBe(403); // the province
    expect((await leader.inject(`/api/v1/kpi/trends?period=${QUARTER}&unitCode=${MUONG_TE}`)).statusCode).toBe(200);
    const nan = await standing.inject(`/api/v1/kpi/trends?period=${QUARTER}&count=abc`);
    expect(nan.statusCode).toBe(400);
    expect(nan.body).toContain('Số kỳ phải là số');
    const bad = await standing.inject(`/api/v1/kpi/trends?period=${QUARTER}&count=40`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('count');
  });
});

describe('snapshots', () => {
  it('keeps a past run as computed after the registry and the threshold change', async () => {
    const first = (await run(standing)).json<KpiRun>();
    // The registry changes (two more adults with an e-ID in Đoàn Kết) and the threshold becomes 70 % from today.
    await copyRegistryBatch(t.database, makeHousehold(DOAN_KET, [adult(8), adult(9)]));
    const current = (await standing.inject('/api/v1/kpi/indicators'))
      .json<Indicator[]>()
      .find((i) => i.code === 'T2.EID')!;
    const { id: _id, validTo: _to, sourceAvailable: _s, listAvailable: _l, listAction: _a, ...body } = current;
    const created = await admin.inject({
      method: 'POST',
      url: '/api/v1/kpi/indicators',
      payload: { ...body, threshold: 70, validFrom: today },
    });
    expect(created.statusCode, created.body).toBe(201);
    const second = (await run(standing)).json<KpiRun>();

    const now = await table(standing);
    expect(now.run!.id).toBe(second.id);
    expect(now.indicators.find((i) => i.code === 'T2.EID')!.threshold).toBe(70);
    expect(valueOf(now, 'T2.EID', PROVINCE)).toMatchObject({ numerator: 5, denominator: 8, value: 62.5, met: false });

    const then = await table(standing, `period=${QUARTER}&runId=${first.id}`);
    expect(then.indicators.find((i) => i.code === 'T2.EID')!.threshold).toBe(50);
    expect(valueOf(then, 'T2.EID', PROVINCE)).toMatchObject({ numerator: 3, denominator: 6, met: false });
    const runs = (await standing.inject(`/api/v1/kpi/runs?period=${QUARTER}`)).json<KpiRun[]>();
    expect(runs.map((r) => r.id)).toEqual(expect.arrayContaining([first.id, second.id]));

    // The version history: the old one closed the day before, the new one open.
    const versions = (await standing.inject('/api/v1/kpi/indicators/T2.EID/versions')).json<Indicator[]>();
    expect(versions.map((v) => [v.threshold, v.validTo])).toEqual([
      [70, null],
      [50, expect.any(String)],
    ]);
  });

  it('refuses a version that does not start after the latest one, and values cannot be rewritten', async () => {
    const current = (await standing.inject('/api/v1/kpi/indicators'))
      .json<Indicator[]>()
      .find((i) => i.code === 'T2.EID')!;
    const { id: _id, validTo: _to, sourceAvailable: _s, listAvailable: _l, listAction: _a, ...body } = current;
    const res = await admin.inject({
      method: 'POST',
      url: '/api/v1/kpi/indicators',
      payload: { ...body, validFrom: '2024-01-01' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]!.field).toBe('validFrom');
    // Changes every constraint allows are refused by the triggers alone.
    const refusal = (q: ReturnType<typeof sql>) =>
      t.database.db.execute(q).then(
        () => 'accepted',
        (e: Error & { cause?: unknown }) => `${e.message} ${String(e.cause)}`,
      );
    expect(await refusal(sql`update kpi.values set met = not met where status = 'ok'`)).toMatch(/snapshots/);
    expect(await refusal(sql`update kpi.indicators set name_en = name_en || ' ' where valid_to is null`)).toMatch(
      /never rewritten/,
    );
  });

  it('refuses a threshold with no unit level, naming the field in Vietnamese and English, and adds no version', async () => {
    const before = (await standing.inject('/api/v1/kpi/indicators/T2.EID/versions')).json<Indicator[]>();
    const current = before.find((v) => v.validTo === null)!;
    const { id: _id, validTo: _to, sourceAvailable: _s, listAvailable: _l, listAction: _a, ...body } = current;
    const res = await admin.inject({
      method: 'POST',
      url: '/api/v1/kpi/indicators',
      payload: { ...body, unitLevels: [], validFrom: `${Number(today.slice(0, 4)) + 1}-01-01` },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['cache-control']).toBe('no-store');
    const error = res.json<{
      error: {
        messageVi: string;
        messageEn: string;
        fields: Array<{ field: string; messageVi: string; messageEn: string }>;
      };
    }>().error;
    expect(error.messageVi.length).toBeGreaterThan(0);
    expect(error.messageEn.length).toBeGreaterThan(0);
    expect(error.fields).toHaveLength(1);
    expect(error.fields[0]!.field).toBe('unitLevels');
    expect(error.fields[0]!.messageVi).toContain('Chọn ít nhất một cấp đơn vị áp dụng');
    expect(error.fields[0]!.messageEn).toContain('Choose at least one unit level it applies to');
    expect((await standing.inject('/api/v1/kpi/indicators/T2.EID/versions')).json<Indicator[]>()).toEqual(before);
  });

  it('refuses a run asked for another period', async () => {
    const [latest] = (await standing.inject(`/api/v1/kpi/runs?period=${QUARTER}`)).json<KpiRun[]>();
    const res = await standing.inject(`/api/v1/kpi/values?period=${today.slice(0, 4)}&runId=${latest!.id}`);
    expect(res.statusCode).toBe(404);
  });
});

describe('a source that appears later', () => {
  it('turns "no data" into a figure on the next run, with no change in kpi', async () => {
    const without = new Map(indicatorSources());
    without.delete('sector.etax_mobile');
    await computeRun(t.database, without, { period: QUARTER, today, provinceCode: PROVINCE, trigger: 'manual' });
    expect(valueOf(await table(standing), 'T13.ETAX', PROVINCE)).toMatchObject({
      status: 'no_source',
      value: null,
      met: null,
      numerator: null,
    });
    const sources = new Map(indicatorSources());
    sources.set('sector.etax_mobile', {
      key: 'sector.etax_mobile',
      count: async () => [{ unitCode: MUONG_TE, numerator: 9, denominator: 12 }],
    });
    await computeRun(t.database, sources, { period: QUARTER, today, provinceCode: PROVINCE, trigger: 'manual' });
    const tbl = await table(standing);
    expect(valueOf(tbl, 'T13.ETAX', MUONG_TE)).toMatchObject({
      status: 'ok',
      numerator: 9,
      denominator: 12,
      value: 75,
      met: false,
    });
    expect(valueOf(tbl, 'T13.ETAX', PROVINCE)).toMatchObject({ numerator: 9, denominator: 12 });
  });

  it('stops a run whose source gives an impossible row (numerator over denominator): nothing is stored', async () => {
    const before = (await standing.inject(`/api/v1/kpi/runs?period=${QUARTER}`)).json<KpiRun[]>().length;
    const sources = new Map(indicatorSources());
    sources.set('sector.etax_mobile', {
      key: 'sector.etax_mobile',
      count: async () => [{ unitCode: MUONG_TE, numerator: 5, denominator: 4 }],
    });
    await expect(
      computeRun(t.database, sources, { period: QUARTER, today, provinceCode: PROVINCE, trigger: 'manual' }),
    ).rejects.toThrow(/sector.etax_mobile/);
    expect((await standing.inject(`/api/v1/kpi/runs?period=${QUARTER}`)).json<KpiRun[]>().length).toBe(before);
  });
});

describe('the list behind a commune figure (drill-down)', () => {
  const url = (q: Record<string, string>) =>
    `/api/v1/kpi/lists?${new URLSearchParams({ period: QUARTER, indicator: 'T2.EID', unitCode: MUONG_TE, purpose: 'data_cleaning', ...q })}`;
  const logged = async (action: string) =>
    t.database.rows<{ purpose: string; actor_role: string }>(
      sql`select purpose, actor_role from audit.access_pending where action = ${action}
          union all select purpose, actor_role from audit.access_log where action = ${action}`,
    );

  it('gives the commune police the people aged 14 or over without an activated e-ID, each logged with the purpose', async () => {
    const police = await t.staff('commune_police', MUONG_TE);
    const res = await police.inject(url({}));
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<{ items: Array<Record<string, unknown>>; total: number; columns: Array<{ key: string }> }>();
    // Người Thử 4 (no e-ID); the child of ten is not counted; the three with an e-ID are on the other side.
    expect(list.items.map((i) => i.fullName)).toEqual(['Người Thử 4']);
    expect(list).toMatchObject({ total: 1 });
    expect(list.columns.map((c) => c.key)).toContain('nationalId');
    expect(await logged('person.list')).toEqual([{ purpose: 'data_cleaning', actor_role: 'commune_police' }]);
    const counted = (await police.inject(url({ side: 'counted', pageSize: '2' }))).json<{
      items: unknown[];
      total: number;
    }>();
    expect(counted.total).toBe(3);
    expect(counted.items).toHaveLength(2);
  });

  it('exports the list to XLSX, logged as an export', async () => {
    const police = await t.staff('commune_police', MUONG_TE);
    const res = await police.inject(url({}).replace('/lists?', '/lists.xlsx?'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0]!;
    expect(ws.getRow(2).getCell(1).value).toBe('Họ, chữ đệm và tên');
    expect(ws.getRow(3).getCell(1).value).toBe('Người Thử 4');
    expect(ws.rowCount).toBe(3);
    expect((await logged('person.export')).length).toBe(1);
  });

  it('refuses another commune, a reader without the registry permission, no purpose, and an indicator with no list', async () => {
    const police = await t.staff('commune_police', MUONG_TE);
    const other = await police.inject(url({ unitCode: DOAN_KET }));
    expect(other.statusCode).toBe(403);
    expect(other.json<{ error: { code: string } }>().error.code).toBe('KPI.LIST_FORBIDDEN');
    const leader = await t.staff('leader', PROVINCE); // figures, not people
    expect((await leader.inject(url({}))).statusCode).toBe(403);
    const noPurpose = await police.inject(url({}).replace('&purpose=data_cleaning', ''));
    expect(noPurpose.statusCode).toBe(400);
    expect((await police.inject(url({ purpose: 'curiosity' }))).statusCode).toBe(400);
    const noList = await standing.inject(url({ indicator: 'SI.REUSE' }));
    expect(noList.statusCode).toBe(404);
    expect(noList.json<{ error: { code: string } }>().error.code).toBe('KPI.LIST_NOT_FOUND');
  });

  it('lists the residence dossiers of a commune received on paper for the Standing Agency', async () => {
    const res = await standing.inject(url({ indicator: 'T4.RESIDENCE', side: 'missing' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ total: number; columns: Array<{ key: string }> }>()).toMatchObject({ total: 0 });
  });
});

describe('the periodic report', () => {
  it('is an XLSX with a sheet per level, a row per indicator and unit, made from the run: the same run gives the same content', async () => {
    const [latest] = (await standing.inject(`/api/v1/kpi/runs?period=${QUARTER}`)).json<KpiRun[]>();
    const get = () => standing.inject(`/api/v1/kpi/report?period=${QUARTER}&format=xlsx&runId=${latest!.id}`);
    const res = await get();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(`lan-${latest!.id}.xlsx`);
    const ExcelJS = (await import('exceljs')).default;
    const read = async (bytes: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      return wb;
    };
    const wb = await read(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tỉnh',
      'Xã, phường',
      'Dưới ngưỡng',
      'Số liệu báo cáo',
      'Mô hình điểm',
      'Thông tin',
    ]);
    const province = wb.getWorksheet('Tỉnh')!;
    expect(province.getRow(2).values).toEqual(
      expect.arrayContaining(['Mã chỉ tiêu', 'Giá trị (%)', 'Tử số', 'Mẫu số', 'Ngưỡng', 'Kết quả']),
    );
    const eid = province.getRows(3, province.rowCount - 2)!.find((r) => r.getCell(1).value === 'T2.EID')!;
    expect([eid.getCell(7).value, eid.getCell(8).value, eid.getCell(10).value]).toEqual([5, 8, 'Chưa đạt']);
    const vaccination = province
      .getRows(3, province.rowCount - 2)!
      .find((r) => r.getCell(1).value === 'T8.VACCINATION')!;
    expect(vaccination.getCell(6).value).toBeNull(); // no data is not 0 %
    expect(wb.getWorksheet('Xã, phường')!.rowCount).toBeGreaterThan(38);
    // Later the registry changes again: the report of the same run reads the same.
    await copyRegistryBatch(t.database, makeHousehold(DOAN_KET, [adult(10)]));
    const again = await read((await get()).rawPayload);
    const cells = (w: typeof wb) => w.worksheets.flatMap((s) => s.getSheetValues().map((r) => JSON.stringify(r)));
    expect(cells(again)).toEqual(cells(wb));
  });

  // `dvc06 report --format pdf` writes the same report: src/server/cli/kpi-commands.test.ts.
  it('is a PDF the same run renders identically', async () => {
    const url = `/api/v1/kpi/report?period=${QUARTER}&format=pdf`;
    const a = await standing.inject(url);
    expect(a.statusCode, a.body).toBe(200);
    expect(a.headers['content-type']).toBe('application/pdf');
    expect(a.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const b = await standing.inject(url);
    expect(Buffer.compare(a.rawPayload, b.rawPayload)).toBe(0);
    const { PDFDocument } = await import('pdf-lib');
    expect((await PDFDocument.load(a.rawPayload)).getPageCount()).toBeGreaterThanOrEqual(1);
  });

  it("shows each unit's reported value in the state it had when the run finished, and the pilot models' progress", async () => {
    const officer = await t.staff('one_stop_officer', MUONG_TE);
    const entered = await officer.inject({
      method: 'PUT',
      url: '/api/v1/kpi/reported',
      payload: { indicator: 'T5.OFFICERS', period: QUARTER, unitCode: MUONG_TE, numerator: 3, denominator: 4 },
    });
    expect(entered.statusCode, entered.body).toBe(201);
    const id = entered.json<{ id: string }>().id;
    const boundary = '----dvc06report';
    const evidence = await officer.inject({
      method: 'POST',
      url: `/api/v1/kpi/reported/${id}/evidence`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bb.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(evidence.statusCode, evidence.body).toBe(200);
    const submitted = await officer.inject({
      method: 'POST',
      url: `/api/v1/kpi/reported/${id}/submit`,
      payload: { version: evidence.json<{ version: number }>().version },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const runId = (await run(standing)).json<KpiRun>().id;
    // Approved after the run: the run's report still says it was waiting.
    const approved = await standing.inject({
      method: 'POST',
      url: `/api/v1/kpi/reported/${id}/approve`,
      payload: { version: submitted.json<{ version: number }>().version },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const res = await standing.inject(`/api/v1/kpi/report?period=${QUARTER}&format=xlsx&runId=${runId}`);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Số liệu báo cáo')!;
    const rows = sheet
      .getRows(3, sheet.rowCount - 2)!
      .map((r) => [r.getCell(1).value, r.getCell(2).value, r.getCell(6).value]);
    expect(rows).toContainEqual(['T5.OFFICERS', MUONG_TE, 'Đã gửi, chờ duyệt']);
    expect(rows).toContainEqual(['T5.OFFICERS', DOAN_KET, 'Chưa nhập']);
    expect(rows.filter((r) => r[0] === 'T5.OFFICERS').length).toBe(38); // today's communes owe it; the province only if it entered one
    // No pilot model in this database: the sheet has its header and no row.
    expect(wb.getWorksheet('Mô hình điểm')!.rowCount).toBe(2);
    const pdf = await standing.inject(`/api/v1/kpi/report?period=${QUARTER}&format=pdf&runId=${runId}`);
    expect(pdf.statusCode).toBe(200);
  });

  it('is for readers of the province; a future period or an unknown run is refused', async () => {
    const communeLeader = await t.staff('leader', MUONG_TE);
    expect((await communeLeader.inject(`/api/v1/kpi/report?period=${QUARTER}`)).statusCode).toBe(403);
    expect((await standing.inject(`/api/v1/kpi/report?period=${QUARTER}&runId=999999`)).statusCode).toBe(404);
    expect((await standing.inject(`/api/v1/kpi/report?period=${QUARTER}&format=doc`)).statusCode).toBe(400);
  });
});

describe('across the 2025 merger', () => {
  it("shows a period before 1/7/2025 on today's communes: a dossier of a former commune counts in the commune it merged into", async () => {
    // Nậm Khao (03457) merged whole into Mường Tè (03445) on 1/7/2025 (units.mergers).
    for (const [unit, channel] of [
      ['03457', 'online'],
      ['03457', 'paper'],
      [MUONG_TE, 'online'],
    ] as const)
      await t.database.db.execute(sql`insert into dossiers.dossiers
        (agency_code, procedure_code, procedure_version_id, unit_code, state, channel, applicant_name, form, sources,
         time_limit_working_days, submitted_at, fee_status)
        values ('000.00.00.H36', '1.004194',
          (select id from procedures.procedure_versions where code = '1.004194' order by effective_from limit 1),
          ${unit}, 'submitted', ${channel}, 'Người thử', '{}'::jsonb,
         '{}'::jsonb, 3, '2025-02-10T09:00:00+07:00', 'none')`);
    const res = await run(standing, '2025-Q1');
    expect(res.statusCode, res.body).toBe(201);
    const tbl = await table(standing, 'period=2025-Q1');
    expect(tbl.run).toMatchObject({ period: '2025-Q1', asOf: '2025-03-31', structure: 'current' });
    expect(valueOf(tbl, 'T4.RESIDENCE', MUONG_TE)).toMatchObject({ numerator: 2, denominator: 3, status: 'ok' });
    expect(valueOf(tbl, 'T4.RESIDENCE', PROVINCE)).toMatchObject({ numerator: 2, denominator: 3 });
    expect(tbl.values.some((v) => v.unitCode === '03457')).toBe(false);
  });

  it('shows the same period on the former districts and communes: each dossier where it was filed, and in its district', async () => {
    const res = await standing.inject({
      method: 'POST',
      url: '/api/v1/kpi/runs',
      payload: { period: '2025-Q1', structure: 'former' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<KpiRun>()).toMatchObject({ structure: 'former' });
    const tbl = await table(standing, 'period=2025-Q1&structure=former');
    expect(tbl.run).toMatchObject({ structure: 'former' });
    expect(valueOf(tbl, 'T4.RESIDENCE', '03457')).toMatchObject({ unitLevel: 'commune', numerator: 1, denominator: 2 });
    expect(valueOf(tbl, 'T4.RESIDENCE', MUONG_TE)).toMatchObject({ numerator: 1, denominator: 1 });
    // Mường Tè district (107) held both communes.
    expect(valueOf(tbl, 'T4.RESIDENCE', '107')).toMatchObject({ unitLevel: 'district', numerator: 2, denominator: 3 });
    expect(valueOf(tbl, 'T4.RESIDENCE', PROVINCE)).toMatchObject({ numerator: 2, denominator: 3 });
    // A source keyed by today's units (cashless facilities) has nothing below the province there.
    expect(valueOf(tbl, 'T7.CASHLESS', '03457')).toMatchObject({ status: 'no_structure', value: null });
    // Today's table of the period is still the current structure's run.
    expect((await table(standing, 'period=2025-Q1')).run).toMatchObject({ structure: 'current' });
  });

  it("places today's figures on the former communes through the residence history; what it cannot place counts in the province only", async () => {
    // Two people of today's Mường Tè who lived in Nậm Khao on 30/6/2025, and one who came after the merger.
    const movers = makeHousehold(MUONG_TE, [adult(20), adult(21, noEid)]);
    movers.residences = movers.persons.flatMap((p) => [
      { ...movers.residences[0]!, id: randomUUID(), personId: p.id, unitCode: '03457', validTo: '2025-06-30' },
      { ...movers.residences[0]!, id: randomUUID(), personId: p.id, validFrom: '2025-07-01' },
    ]);
    await copyRegistryBatch(t.database, movers);
    const newcomer = makeHousehold(MUONG_TE, [adult(22)]);
    newcomer.residences[0]!.validFrom = '2025-09-01';
    await copyRegistryBatch(t.database, newcomer);
    expect((await run(standing)).statusCode).toBe(201);
    const former = await standing.inject({
      method: 'POST',
      url: '/api/v1/kpi/runs',
      payload: { period: QUARTER, structure: 'former' },
    });
    expect(former.statusCode, former.body).toBe(201);
    const now = await table(standing);
    const then = await table(standing, `period=${QUARTER}&structure=former`);
    expect(valueOf(then, 'T2.EID', '03457')).toMatchObject({ numerator: 1, denominator: 2, status: 'ok' });
    // The district is the sum of its communes; the province is the same on both structures.
    const communesOf107 = then.values.filter(
      (v) => v.indicatorCode === 'T2.EID' && v.unitLevel === 'commune' && ['03445', '03457'].includes(v.unitCode),
    );
    const district = valueOf(then, 'T2.EID', '107')!;
    expect(district.denominator).toBe(communesOf107.reduce((n, v) => n + (v.denominator ?? 0), 0));
    expect(valueOf(then, 'T2.EID', PROVINCE)).toEqual(valueOf(now, 'T2.EID', PROVINCE));
    // Only the two whose record was closed at the merger are placed: everyone else's record is still
    // open under a code today's communes reuse (03445, 03388 …) — it may have been re-coded, so it does
    // not say which former commune they lived in — or began after the merger (the newcomer). They count
    // in the province only.
    const placedTotal = then.values
      .filter((v) => v.indicatorCode === 'T2.EID' && v.unitLevel === 'commune')
      .reduce((n, v) => n + (v.denominator ?? 0), 0);
    expect(placedTotal).toBe(2);
    expect(valueOf(then, 'T2.EID', MUONG_TE)).toMatchObject({ denominator: 0, status: 'no_denominator' });
    expect(valueOf(then, 'T2.EID', DOAN_KET)).toMatchObject({ denominator: 0 }); // not Quyết Tiến's people
    // Dossiers know only the unit they were filed in: after the merger, not on this structure — never a guess.
    expect(valueOf(then, 'T4.RESIDENCE', '03457')).toMatchObject({ status: 'no_structure', value: null, met: null });
    expect(valueOf(then, 'T4.RESIDENCE', '107')).toMatchObject({ status: 'no_structure' });
    expect(valueOf(then, 'T4.RESIDENCE', PROVINCE)).toEqual(valueOf(now, 'T4.RESIDENCE', PROVINCE));
    // Only units of 30/6/2025 and the province.
    expect(new Set(then.values.map((v) => v.unitLevel))).toEqual(new Set(['province', 'district', 'commune']));
  });
});

describe('the service index from the dossiers (Bộ chỉ số 766)', () => {
  const TAM_DUONG = '03424';
  it('counts the inputs prefilled from reused data over those the forms ask, weighted by the dossiers filed online', async () => {
    const versionOf = async (code: string) =>
      (
        await queryRows<{ id: string }>(
          t.database.db,
          sql`select id from procedures.procedure_versions where code = ${code} order by effective_from desc limit 1`,
        )
      )[0]!.id;
    const at = `${today}T10:00:00+07:00`;
    for (const [code, channel] of [
      ['1.004222', 'online'],
      ['1.004222', 'online'],
      ['2.001159', 'assisted'],
      ['1.004222', 'paper'], // no form filled by the citizen: not counted
    ] as const)
      await t.database.db.execute(sql`insert into dossiers.dossiers
        (agency_code, procedure_code, procedure_version_id, unit_code, state, channel, applicant_name, form, sources,
         time_limit_working_days, submitted_at, received_at, fee_status)
        values ('000.00.00.H36', ${code}, ${await versionOf(code)}, ${TAM_DUONG}, 'received', ${channel}, 'Người thử',
         '{}'::jsonb, '{}'::jsonb, 3, ${at}, ${at}, 'none')`);
    const stats = async (code: string) =>
      prefillStats(await getProcedureVersionById(t.database.db, await versionOf(code)));
    const residence = await stats('1.004222');
    const stay = await stats('2.001159');
    // Each form reuses some data and still asks something typed: the figure is a real share.
    expect(residence.typedAfter).toBeGreaterThan(0);
    expect(residence.typedAfter).toBeLessThan(residence.typedBefore);
    expect((await run(standing)).statusCode).toBe(201);
    const tbl = await table(standing);
    const reuse = valueOf(tbl, 'SI.REUSE', TAM_DUONG)!;
    expect(reuse).toMatchObject({
      status: 'ok',
      numerator: 2 * (residence.typedBefore - residence.typedAfter) + (stay.typedBefore - stay.typedAfter),
      denominator: 2 * residence.typedBefore + stay.typedBefore,
    });
    expect(reuse.met).toBe((reuse.numerator! / reuse.denominator!) * 100 >= 20);
    expect(tbl.indicators.find((i) => i.code === 'SI.REUSE')).toMatchObject({ comparison: '>=', threshold: 20 });
  });

  it("lets an administrator add the online share of every dossier with the province's threshold: it computes on the next run", async () => {
    const body = {
      code: 'SI.ONLINE',
      target: null,
      nameVi: 'Hồ sơ tiếp nhận trực tuyến (Bộ chỉ số 766: dịch vụ công trực tuyến)',
      nameEn: 'Dossiers received online (service index 766: online services)',
      numeratorVi: 'Hồ sơ nộp trực tuyến',
      numeratorEn: 'Dossiers filed online',
      denominatorVi: 'Hồ sơ tiếp nhận',
      denominatorEn: 'Dossiers received',
      comparison: '>=',
      threshold: 50,
      unitLevels: ['province', 'commune'],
      periodType: 'quarter',
      method: 'computed',
      source: 'dossiers.received_online',
      validFrom: today,
    };
    const created = await admin.inject({ method: 'POST', url: '/api/v1/kpi/indicators', payload: body });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<Indicator>()).toMatchObject({ sourceAvailable: true, listAvailable: true });
    // Tam Đường: three of its four dossiers received in the quarter filed online (one of them at the counter,
    // assisted); a dossier not received — waiting, or refused at intake — is not counted (ADR 0033 decision 6).
    for (const state of ['submitted', 'not_accepted'])
      await t.database.db.execute(sql`insert into dossiers.dossiers
        (agency_code, procedure_code, procedure_version_id, unit_code, state, channel, applicant_name, form, sources,
         time_limit_working_days, submitted_at, fee_status)
        values ('000.00.00.H36', '1.004222',
          (select id from procedures.procedure_versions where code = '1.004222' order by effective_from desc limit 1),
          ${TAM_DUONG}, ${state}, 'online', 'Người thử', '{}'::jsonb, '{}'::jsonb, 3, ${`${today}T11:00:00+07:00`}, 'none')`);
    expect((await run(standing)).statusCode).toBe(201);
    expect(valueOf(await table(standing), 'SI.ONLINE', TAM_DUONG)).toMatchObject({
      numerator: 3,
      denominator: 4,
      value: 75,
      met: true,
    });
  });
});

describe('the schedule', () => {
  it('recomputes a period once more the day after it ends, so its last day is counted whole, and then leaves it', async () => {
    const sources = indicatorSources();
    // The quarter's run made at 00:30 on its last day (as the first pass of that day does).
    await computeRun(t.database, sources, {
      period: '2026-Q3',
      today: '2026-09-30',
      provinceCode: PROVINCE,
      trigger: 'schedule',
      now: new Date('2026-09-30T00:30:00+07:00'),
    });
    const after = await runScheduledKpi(t.database, sources, PROVINCE, new Date('2026-10-01T01:00:00+07:00'));
    const runs = (await standing.inject('/api/v1/kpi/runs?period=2026-Q3')).json<KpiRun[]>();
    expect(runs[0]).toMatchObject({ asOf: '2026-09-30', trigger: 'schedule' });
    expect(after).toContain(runs[0]!.id);
    const again = await runScheduledKpi(t.database, sources, PROVINCE, new Date('2026-10-01T02:00:00+07:00'));
    expect(again).toEqual([]); // the month, quarter and year under way were computed an hour ago; Q3 is final
    expect((await standing.inject('/api/v1/kpi/runs?period=2026-Q3')).json<KpiRun[]>()).toHaveLength(runs.length);
  });

  it('computes a recent past period never computed once, as of its last day, and leaves it then', async () => {
    // The pass on 1/10/2026 above: 2026-Q1 (three quarters back) had no run in this database.
    const q1 = (await standing.inject('/api/v1/kpi/runs?period=2026-Q1')).json<KpiRun[]>();
    expect(q1).toHaveLength(1);
    expect(q1[0]).toMatchObject({ asOf: '2026-03-31', trigger: 'schedule' });
    // The quarter that ended is on both structures; a backfilled one on today's only.
    const q3 = (await standing.inject('/api/v1/kpi/runs?period=2026-Q3')).json<KpiRun[]>();
    expect(new Set(q3.map((r) => r.structure))).toEqual(new Set(['current', 'former']));
    expect(q1[0]!.structure).toBe('current');
    // Older than the last four quarters: left alone.
    expect((await standing.inject('/api/v1/kpi/runs?period=2025-Q3')).json<KpiRun[]>()).toEqual([]);
    await runScheduledKpi(t.database, indicatorSources(), PROVINCE, new Date('2026-10-02T01:00:00+07:00'));
    expect((await standing.inject('/api/v1/kpi/runs?period=2026-Q1')).json<KpiRun[]>()).toHaveLength(1);
    expect((await standing.inject('/api/v1/kpi/runs?period=2026-05')).json<KpiRun[]>()).toHaveLength(1);
  });
});
