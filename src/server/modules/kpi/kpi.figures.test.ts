import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { todayInVietnam } from '../../../contracts/common';
import { KpiTable, type KpiValue } from '../../../contracts/kpi';
import { createFacility, csv, importOk } from '../cashless/test-support';
import { seedProcedures } from '../procedures';
import { currentPeriods, parsePeriod, seedIndicators } from './index';

/*
 * The figures of target 1 (counter), 4 (stay notifications online), 7 (online fee payments, cashless
 * ward facilities) and the service index's timeliness (SI.ONTIME) through a kpi run, from a few
 * rows seeded so that each numerator and denominator is exact — and a query that counted a row it
 * must not (an old revision, a draft, another procedure, a failed payment, a commune's school, a
 * late flag) would give another figure. Both engines.
 */

let t: TestApp;
let standing: Session;
const PROVINCE = '12';
const MUONG_TE = '03445';
const DOAN_KET = '03388'; // a ward (phường)
const TAN_PHONG = '03408'; // a ward
const BINH_LU = '03390'; // a commune (xã)
const TAM_DUONG = '03424';
const SIN_HO = '03478';
const today = todayInVietnam();
const QUARTER = currentPeriods(today)[1]!;
const period = parsePeriod(QUARTER);
/** A moment inside the quarter (its first day, 09:00 in Vietnam) and one the day before it began. */
const IN = `${period.from}T09:00:00+07:00`;
const BEFORE = new Date(Date.parse(`${period.from}T09:00:00+07:00`) - 86_400_000).toISOString();
const MONTH = period.from.slice(0, 7);

/** A dossier as the dossiers module stores it (only what the sources read matters). */
async function dossier(d: {
  unit: string;
  procedure: string;
  channel?: 'online' | 'assisted' | 'paper';
  state?: string;
  submittedAt?: string;
  decidedAt?: string | null;
  dueAt?: string | null;
  late?: boolean;
  feeStatus?: string;
}): Promise<void> {
  await t.database.db.execute(sql`insert into dossiers.dossiers
    (agency_code, procedure_code, procedure_version_id, unit_code, state, channel, applicant_name, form, sources,
     time_limit_working_days, submitted_at, decided_at, due_at, late, fee_status)
    values ('000.00.00.H36', ${d.procedure},
      (select id from procedures.procedure_versions where code = ${d.procedure} order by effective_from desc limit 1),
      ${d.unit}, ${d.state ?? 'submitted'}, ${d.channel ?? 'online'}, 'Người thử', '{}'::jsonb, '{}'::jsonb, 3,
      ${d.submittedAt ?? IN}, ${d.decidedAt ?? null}, ${d.dueAt ?? null}, ${d.late ?? false}, ${d.feeStatus ?? 'none'})`);
}

/** A counter visit with its revisions (each `guided` value one revision, the last in force), in one statement. */
async function visit(unit: string, at: string, guided: boolean[]): Promise<void> {
  const officer = randomUUID();
  const revisions = guided.map(
    (g, i) =>
      sql`(${i + 1}::int, ${g}::boolean, ${g ? 'filed_online' : 'filed_paper'}::text, ${i === 0 ? null : 'sửa'}::text)`,
  );
  await t.database.db.execute(sql`with v as (
      insert into counter.visits (unit_code, counter_label, officer_account_id, officer_role, officer_name, visited_at,
        visit_date, current_revision)
      values (${unit}, 'Quầy 1', ${officer}, 'one_stop_officer', 'Cán bộ thử', ${at}::timestamptz,
        (${at}::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date, ${guided.length})
      returning id)
    insert into counter.visit_revisions (visit_id, revision, person_id, citizen_name, procedure_code, guided_online,
      typed_by, outcome, reason, recorded_by_account_id)
    select v.id, r.revision, ${randomUUID()}::uuid, 'Người Thử', '1.004194', r.guided, null, r.outcome, r.reason,
      ${officer}::uuid
    from v, (values ${sql.join(revisions, sql`, `)}) as r(revision, guided, outcome, reason)`);
}

/** A fee payment credited (or not) online. */
async function payment(unit: string, method: 'gateway' | 'vietqr', state: string, paidAt: string | null) {
  const credited = ['succeeded', 'partially_refunded', 'refunded'].includes(state);
  await t.database.db.execute(sql`insert into payments.payments
    (reference, dossier_id, dossier_code, unit_code, procedure_code, procedure_name_vi, created_by_account_id, method,
     gateway, amount, state, refunded_amount, gateway_transaction_id, expires_at, paid_at)
    values (${`REF${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`}, ${randomUUID()}, null, ${unit},
      '1.004194', 'Đăng ký tạm trú', ${randomUUID()}, ${method}, 'sandbox', 15000, ${state},
      ${state === 'refunded' ? 15000 : 0}, ${credited ? randomUUID() : null}, ${IN}, ${paidAt})`);
}

beforeAll(async () => {
  t = await createTestApp();
  await seedIndicators(t.database.db);
  await seedProcedures(t.database.db);
  standing = await t.staff('standing_agency', PROVINCE);

  // T1: Mường Tè — guided, served, and one first recorded as served then corrected to guided (the
  // current revision counts); one the day before the quarter (not counted). Đoàn Kết — one served.
  // The provincial centre — one guided, counted in the province only.
  await visit(MUONG_TE, IN, [true]);
  await visit(MUONG_TE, IN, [false]);
  await visit(MUONG_TE, IN, [false, true]);
  await visit(MUONG_TE, BEFORE, [true]);
  await visit(DOAN_KET, IN, [false]);
  await visit(PROVINCE, IN, [true]);

  // T4.STAY: Bình Lư — stay notifications online, assisted at the counter, on paper; a draft, one
  // before the quarter and a residence dossier filed online (another procedure) are not counted.
  // Tam Đường — all online.
  await dossier({ unit: BINH_LU, procedure: '2.001159', channel: 'online' });
  await dossier({ unit: BINH_LU, procedure: '2.001159', channel: 'assisted' });
  await dossier({ unit: BINH_LU, procedure: '2.001159', channel: 'paper' });
  await dossier({ unit: BINH_LU, procedure: '2.001159', channel: 'paper', state: 'draft' });
  await dossier({ unit: BINH_LU, procedure: '2.001159', channel: 'paper', submittedAt: BEFORE });
  await dossier({ unit: BINH_LU, procedure: '1.004222', channel: 'online' });
  await dossier({ unit: TAM_DUONG, procedure: '2.001159', channel: 'online' });
  await dossier({ unit: TAM_DUONG, procedure: '2.001159', channel: 'online' });

  // SI.ONTIME in Sìn Hồ: decided before the due time (on time); after it; before it but marked late;
  // decided with no due time, not decided yet, decided before the quarter — the last three not counted.
  const due = `${period.from}T17:00:00+07:00`;
  const decided = (state: string, decidedAt: string | null, dueAt: string | null, late = false) =>
    dossier({ unit: SIN_HO, procedure: '1.004194', state, submittedAt: BEFORE, decidedAt, dueAt, late });
  await decided('approved', `${period.from}T10:00:00+07:00`, due);
  await decided('refused', `${period.from}T18:00:00+07:00`, due);
  await decided('result_issued', `${period.from}T10:00:00+07:00`, due, true);
  await decided('approved', `${period.from}T10:00:00+07:00`, null);
  await decided('in_processing', null, due);
  await decided('approved', BEFORE, BEFORE);

  // T7 online fees in Tam Đường over the quarter's first month: a gateway payment and a VietQR one
  // refunded later (paid online all the same); a failed one and one paid before the quarter are not
  // counted. Cash at the counter: two dossiers; one whose fee was paid online is not cash.
  await payment(TAM_DUONG, 'gateway', 'succeeded', IN);
  await payment(TAM_DUONG, 'vietqr', 'refunded', IN);
  await payment(TAM_DUONG, 'gateway', 'failed', null);
  await payment(
    TAM_DUONG,
    'gateway',
    'succeeded',
    new Date(Date.parse(`${MONTH}-01T00:00:00+07:00`) - 1).toISOString(),
  );
  await dossier({ unit: TAM_DUONG, procedure: '1.004194', channel: 'paper', feeStatus: 'cash' });
  await dossier({ unit: TAM_DUONG, procedure: '1.004194', channel: 'paper', feeStatus: 'cash' });
  await dossier({ unit: TAM_DUONG, procedure: '1.004194', channel: 'online', feeStatus: 'paid' });
  // Bình Lư: cash only.
  await dossier({ unit: BINH_LU, procedure: '1.004194', channel: 'paper', feeStatus: 'cash' });

  // T7 cashless: in the wards, Đoàn Kết's school took no cash and its health station did; Tân
  // Phong's kindergarten took none; a ward school without transactions is neither. Bình Lư (a
  // commune, not a ward) is not counted.
  const admin = await t.staff('admin', PROVINCE);
  for (const f of [
    { code: 'TH-DK-1', typeCode: 'primary', name: 'Trường Tiểu học số 1 phường Đoàn Kết', communeCode: DOAN_KET },
    { code: 'TYT-DK-1', typeCode: 'commune_health_station', name: 'Trạm Y tế phường Đoàn Kết', communeCode: DOAN_KET },
    { code: 'TH-DK-2', typeCode: 'primary', name: 'Trường Tiểu học số 2 phường Đoàn Kết', communeCode: DOAN_KET },
    { code: 'MN-TP-1', typeCode: 'kindergarten', name: 'Trường Mầm non phường Tân Phong', communeCode: TAN_PHONG },
    { code: 'TH-BL-1', typeCode: 'primary', name: 'Trường Tiểu học xã Bình Lư', communeCode: BINH_LU },
  ])
    await createFacility(admin, f);
  await importOk(
    admin,
    csv(
      `TH-DK-1,,${MONTH},100,0,10000000,0`,
      `TYT-DK-1,,${MONTH},40,5,2000000,250000`,
      `TH-DK-2,,${MONTH},0,0,0,0`,
      `MN-TP-1,,${MONTH},50,0,5000000,0`,
      `TH-BL-1,,${MONTH},20,0,1000000,0`,
    ),
  );

  const res = await standing.inject({ method: 'POST', url: '/api/v1/kpi/runs', payload: { period: QUARTER } });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(async () => t?.close());

let tbl: KpiTable | undefined;
async function value(code: string, unit: string): Promise<KpiValue | undefined> {
  if (!tbl) {
    const res = await standing.inject(`/api/v1/kpi/values?period=${QUARTER}`);
    expect(res.statusCode, res.body).toBe(200);
    tbl = KpiTable.parse(res.json());
  }
  return tbl.values.find((v) => v.indicatorCode === code && v.unitCode === unit);
}

describe('the figures of a run from the counter, dossiers, payments and the cashless register', () => {
  it('T1: counter visits guided to file online over every visit of the quarter, the current revision of each', async () => {
    expect(await value('T1.GUIDED', MUONG_TE)).toMatchObject({ numerator: 2, denominator: 3, met: false });
    expect(await value('T1.GUIDED', DOAN_KET)).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
    // The provincial centre's visit counts in the province: 2 + 0 + 1 of 3 + 1 + 1.
    expect(await value('T1.GUIDED', PROVINCE)).toMatchObject({ numerator: 3, denominator: 5, value: 60, met: false });
    expect(await value('T1.GUIDED', BINH_LU)).toMatchObject({ status: 'no_denominator', value: null });
  });

  it('T4.STAY: stay notifications filed online (from home or at a counter device) over those received, = 100 %', async () => {
    expect(await value('T4.STAY', BINH_LU)).toMatchObject({ numerator: 2, denominator: 3, met: false, status: 'ok' });
    expect(await value('T4.STAY', TAM_DUONG)).toMatchObject({ numerator: 2, denominator: 2, value: 100, met: true });
    expect(await value('T4.STAY', PROVINCE)).toMatchObject({ numerator: 4, denominator: 5, met: false });
  });

  it('SI.ONTIME: decided by the due time and not marked late, over the dossiers with a due time decided in the quarter', async () => {
    expect(await value('SI.ONTIME', SIN_HO)).toMatchObject({ numerator: 1, denominator: 3, met: false });
    expect(await value('SI.ONTIME', PROVINCE)).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('T7.ONLINE_FEES: fee payments credited online over those and the fees paid in cash at the counter, > 30 %', async () => {
    expect(await value('T7.ONLINE_FEES', TAM_DUONG)).toMatchObject({
      numerator: 2,
      denominator: 4,
      value: 50,
      met: true,
    });
    expect(await value('T7.ONLINE_FEES', BINH_LU)).toMatchObject({ numerator: 0, denominator: 1, met: false });
    expect(await value('T7.ONLINE_FEES', PROVINCE)).toMatchObject({ numerator: 2, denominator: 5, value: 40 });
  });

  it('T7.CASHLESS: ward schools and health facilities that took no cash over those with transactions', async () => {
    expect(await value('T7.CASHLESS', DOAN_KET)).toMatchObject({ numerator: 1, denominator: 2, met: false });
    expect(await value('T7.CASHLESS', TAN_PHONG)).toMatchObject({ numerator: 1, denominator: 1, met: true });
    expect(await value('T7.CASHLESS', BINH_LU)).toMatchObject({ status: 'no_denominator', value: null, met: null });
    expect(await value('T7.CASHLESS', PROVINCE)).toMatchObject({ numerator: 2, denominator: 3 });
  });
});

describe('the lists behind these figures (drill-down)', () => {
  const list = (s: Session, indicator: string, unitCode: string, side: 'counted' | 'missing', xlsx = false) =>
    s.inject(
      `/api/v1/kpi/lists${xlsx ? '.xlsx' : ''}?${new URLSearchParams({ period: QUARTER, indicator, unitCode, side, purpose: 'data_cleaning' })}`,
    );
  type Page = { total: number; items: Array<Record<string, unknown>>; columns: Array<{ key: string }> };
  const page = async (s: Session, indicator: string, unitCode: string, side: 'counted' | 'missing') => {
    const res = await list(s, indicator, unitCode, side);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    return res.json<Page>();
  };
  const rowsOf = async (res: { rawPayload: Buffer }) => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return workbook.worksheets[0]!.rowCount - 2; // a title row and the headers
  };
  const logged = (action: string) =>
    t.database.rows<{ purpose: string }>(
      sql`select purpose from audit.access_pending where action = ${action}
          union all select purpose from audit.access_log where action = ${action}`,
    );

  it('T1: the counter visits of a commune in the quarter, guided or served — no citizen on it — for readers of the counter log', async () => {
    const police = await t.staff('commune_police', MUONG_TE);
    const guided = await page(police, 'T1.GUIDED', MUONG_TE, 'counted');
    expect(guided.total).toBe(2);
    const served = await page(police, 'T1.GUIDED', MUONG_TE, 'missing');
    expect(served).toMatchObject({ total: 1, items: [{ outcome: 'filed_paper', counterLabel: 'Quầy 1' }] });
    expect(served.columns.map((c) => c.key)).not.toContain('citizenName');
    expect(JSON.stringify(served)).not.toContain('Người Thử');
    const file = await list(police, 'T1.GUIDED', MUONG_TE, 'counted', true);
    expect(file.statusCode, file.body).toBe(200);
    expect(await rowsOf(file)).toBe(2);
    const auditor = await t.staff('auditor', PROVINCE); // reads figures, not the counter log
    expect((await list(auditor, 'T1.GUIDED', MUONG_TE, 'missing')).statusCode).toBe(403);
  });

  it('T7: the fee payments of a commune in the quarter paid online, and the fees paid in cash, for readers of dossiers', async () => {
    const police = await t.staff('commune_police', TAM_DUONG);
    const online = await page(police, 'T7.ONLINE_FEES', TAM_DUONG, 'counted');
    expect(online.total).toBe(2);
    expect(online.items.map((i) => i.method).sort()).toEqual(['gateway', 'vietqr']);
    expect(online.items.map((i) => i.state).sort()).toEqual(['refunded', 'succeeded']);
    const cash = await page(police, 'T7.ONLINE_FEES', TAM_DUONG, 'missing');
    expect(cash.total).toBe(2);
    expect(cash.items.every((i) => i.procedureCode === '1.004194')).toBe(true);
    const file = await list(police, 'T7.ONLINE_FEES', TAM_DUONG, 'missing', true);
    expect(file.statusCode, file.body).toBe(200);
    expect(await rowsOf(file)).toBe(2);
    const leader = await t.staff('leader', PROVINCE);
    expect((await list(leader, 'T7.ONLINE_FEES', TAM_DUONG, 'counted')).statusCode).toBe(403);
  });

  it('SI.ONTIME: the dossiers of a commune decided in the quarter on time, and those late', async () => {
    const onTime = await page(standing, 'SI.ONTIME', SIN_HO, 'counted');
    expect(onTime).toMatchObject({ total: 1, items: [{ state: 'approved' }] });
    const late = await page(standing, 'SI.ONTIME', SIN_HO, 'missing');
    expect(late.items.map((i) => i.state).sort()).toEqual(['refused', 'result_issued']);
    const file = await list(standing, 'SI.ONTIME', SIN_HO, 'missing', true);
    expect(file.statusCode, file.body).toBe(200);
    expect(await rowsOf(file)).toBe(2);
    const leader = await t.staff('leader', PROVINCE); // figures, not dossiers
    expect((await list(leader, 'SI.ONTIME', SIN_HO, 'missing')).statusCode).toBe(403);
  });

  it('T7.CASHLESS: the facilities of a ward that transacted in the quarter, without cash or with some, for readers of the statistics', async () => {
    const without = await page(standing, 'T7.CASHLESS', DOAN_KET, 'counted');
    expect(without).toMatchObject({ total: 1, items: [{ code: 'TH-DK-1', cashlessCount: 100, cashCount: 0 }] });
    const withCash = await page(standing, 'T7.CASHLESS', DOAN_KET, 'missing');
    expect(withCash).toMatchObject({ total: 1, items: [{ code: 'TYT-DK-1', cashCount: 5, months: 1 }] });
    // A commune (xã) has no ward facilities: nothing behind its figure.
    expect((await page(standing, 'T7.CASHLESS', BINH_LU, 'counted')).total).toBe(0);
    const file = await list(standing, 'T7.CASHLESS', DOAN_KET, 'counted', true);
    expect(file.statusCode, file.body).toBe(200);
    expect(await rowsOf(file)).toBe(1);
    const police = await t.staff('commune_police', DOAN_KET); // no cashless.stats.read
    expect((await list(police, 'T7.CASHLESS', DOAN_KET, 'counted')).statusCode).toBe(403);
  });

  it('T14: the pilot models behind the province figure, on track or not, as many as the run counted', async () => {
    const department = await t.staff('pilot_officer', PROVINCE);
    const commune = await t.staff('pilot_officer', MUONG_TE);
    const { modelInput, register, planUpload } = await import('../pilots/test-support');
    const withPlan = await register(department, modelInput(PROVINCE, { title: 'Mô hình có kế hoạch' }));
    expect((await department.inject(planUpload(withPlan.id))).statusCode).toBe(200);
    await register(department, modelInput(PROVINCE, { title: 'Mô hình chưa có kế hoạch' }));
    await register(commune, modelInput(MUONG_TE, { title: 'Mô hình của xã' }));
    const res = await standing.inject({ method: 'POST', url: '/api/v1/kpi/runs', payload: { period: QUARTER } });
    expect(res.statusCode, res.body).toBe(201);
    const figures = KpiTable.parse((await standing.inject(`/api/v1/kpi/values?period=${QUARTER}`)).json());
    const figure = figures.values.find((v) => v.indicatorCode === 'T14.PILOTS' && v.unitCode === PROVINCE)!;
    expect(figure.denominator).toBe(3);
    const onTrack = await page(standing, 'T14.PILOTS', PROVINCE, 'counted');
    const late = await page(standing, 'T14.PILOTS', PROVINCE, 'missing');
    expect(onTrack.total).toBe(figure.numerator);
    expect(late.total).toBe(3 - figure.numerator!);
    expect([...onTrack.items, ...late.items].map((i) => i.title).sort()).toEqual([
      'Mô hình chưa có kế hoạch',
      'Mô hình có kế hoạch',
      'Mô hình của xã',
    ]);
    // A commune's list holds its own models only.
    const own = [
      ...(await page(standing, 'T14.PILOTS', MUONG_TE, 'counted')).items,
      ...(await page(standing, 'T14.PILOTS', MUONG_TE, 'missing')).items,
    ];
    expect(own.map((i) => i.title)).toEqual(['Mô hình của xã']);
    const file = await list(standing, 'T14.PILOTS', PROVINCE, 'missing', true);
    expect(file.statusCode, file.body).toBe(200);
    expect(await rowsOf(file)).toBe(late.total);
    const police = await t.staff('commune_police', PROVINCE); // no pilots.read
    expect((await list(police, 'T14.PILOTS', PROVINCE, 'counted')).statusCode).toBe(403);
  });

  it('T3: the people of a commune with findings in the quality run of the period, each logged with the purpose', async () => {
    const { copyRegistryBatch, QUALITY_RULES } = await import('../population');
    const { makeHousehold, makePerson } = await import('../../../../test/factories');
    const person = (n: number) =>
      makePerson({ nationalId: `01209100${String(n).padStart(4, '0')}`, fullName: `Người Sạch ${n}` });
    const household = makeHousehold(SIN_HO, [person(1), person(2), person(3)]);
    await copyRegistryBatch(t.database, household);
    const [rule1, rule2] = QUALITY_RULES;
    for (const r of [rule1!, rule2!])
      await t.database.db.execute(sql`insert into population.quality_rules (code, class, severity, title_vi, title_en)
        values (${r.code}, ${r.class}, ${r.severity}, ${r.titleVi}, ${r.titleEn}) on conflict (code) do nothing`);
    const [run] = await t.database.rows<{ id: number }>(
      sql`insert into population.quality_runs (as_of, finished_at, persons, findings)
          values (${today}, now(), 3, 2) returning id`,
    );
    const flagged = household.persons[1]!;
    for (const r of [rule1!, rule2!])
      await t.database.db.execute(sql`insert into population.quality_findings (run_id, person_id, rule_code)
        values (${run!.id}, ${flagged.id}, ${r.code})`);
    await t.database.db
      .execute(sql`insert into population.quality_scores (run_id, unit_code, persons, persons_with_findings, score, by_class)
      values (${run!.id}, ${SIN_HO}, 3, 1, 0.6667, '{}'::jsonb)`);
    expect(
      (await standing.inject({ method: 'POST', url: '/api/v1/kpi/runs', payload: { period: QUARTER } })).statusCode,
    ).toBe(201);
    const figures = KpiTable.parse((await standing.inject(`/api/v1/kpi/values?period=${QUARTER}`)).json());
    expect(figures.values.find((v) => v.indicatorCode === 'T3.QUALITY' && v.unitCode === SIN_HO)).toMatchObject({
      numerator: 2,
      denominator: 3,
    });
    const police = await t.staff('commune_police', SIN_HO);
    const before = (await logged('person.list')).length;
    const missing = await page(police, 'T3.QUALITY', SIN_HO, 'missing');
    expect(missing.total).toBe(1);
    expect(missing.items[0]).toMatchObject({ fullName: flagged.fullName, nationalId: flagged.nationalId });
    expect(String(missing.items[0]!.findings)).toContain(rule1!.titleVi);
    expect(String(missing.items[0]!.findings)).toContain(rule2!.titleVi);
    expect((await page(police, 'T3.QUALITY', SIN_HO, 'counted')).total).toBe(2);
    // One entry per person listed, with the purpose: one, then two.
    expect((await logged('person.list')).slice(before)).toEqual([
      { purpose: 'data_cleaning' },
      { purpose: 'data_cleaning' },
      { purpose: 'data_cleaning' },
    ]);
    const file = await list(police, 'T3.QUALITY', SIN_HO, 'missing', true);
    expect(file.statusCode, file.body).toBe(200);
    expect(await rowsOf(file)).toBe(1);
    expect((await logged('person.export')).length).toBe(1);
    const leader = await t.staff('leader', SIN_HO); // figures, not people
    expect((await list(leader, 'T3.QUALITY', SIN_HO, 'missing')).statusCode).toBe(403);
  });
});
