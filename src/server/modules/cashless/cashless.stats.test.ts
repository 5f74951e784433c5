import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { addMonths, monthOf, type CashlessStats, type StatsRow } from '../../../contracts/cashless';
import { todayInVietnam } from '../../../contracts/common';
import { cashlessFacilityStats } from './index';
import {
  BINH_LU,
  DOAN_KET,
  createFacility,
  createFixtureFacilities,
  csv,
  importOk,
  type ErrorBody,
} from './test-support';

let t: TestApp;
let admin: Session;
const M2 = addMonths(monthOf(todayInVietnam()), -1);
const M1 = addMonths(M2, -1);

/**
 * Figures (cashless / cash transactions, amounts in VND):
 *   TH-DK-1  school, ward     M1 90/10 (9,000,000 / 1,000,000)   M2 100/0 (10,000,000 / 0)
 *   MN-TP-1  school, ward     M1 50/0  (5,000,000 / 0)           M2 60/0  (6,000,000 / 0)
 *   TH-BL-1  school           M1 20/80 (1,000,000 / 4,000,000)   M2 30/70 (1,500,000 / 3,500,000)
 *   TYT-DK-1 health, ward     —                                  M2 40/0  (2,000,000 / 0)
 *   TYT-BL-1 health           M1 0/0                             M2 10/30 (100,000 / 300,000)
 *   TYT-MT-1 health           —                                  —
 *   OLD-BL-1 school, inactive M1 5/5   (50,000 / 50,000)         —
 */
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.staff('admin', '12');
  await createFixtureFacilities(admin);
  const old = await createFacility(admin, {
    code: 'OLD-BL-1',
    typeCode: 'primary',
    name: 'Trường Tiểu học số 9 xã Bình Lư (đã sáp nhập)',
    communeCode: BINH_LU,
  });
  await importOk(
    admin,
    csv(
      `TH-DK-1,,${M1},90,10,9000000,1000000`,
      `TH-DK-1,,${M2},100,0,10000000,0`,
      `MN-TP-1,,${M1},50,0,5000000,0`,
      `MN-TP-1,,${M2},60,0,6000000,0`,
      `TH-BL-1,,${M1},20,80,1000000,4000000`,
      `TH-BL-1,,${M2},35,65,1750000,3250000`,
      `TYT-DK-1,,${M2},40,0,2000000,0`,
      `TYT-BL-1,,${M1},0,0,0,0`,
      `TYT-BL-1,,${M2},10,30,100000,300000`,
      `OLD-BL-1,,${M1},5,5,50000,50000`,
    ),
  );
  // A correction replaces TH-BL-1's first figures for M2 (35/65): only the figures in force count.
  const correction = await importOk(
    admin,
    csv(`TH-BL-1,,${M2},30,70,1500000,3500000`, `TYT-DK-1,,${M2},40,0,2000000,0`),
  );
  expect(correction).toMatchObject({ replaced: 1, unchanged: 1 });
  const off = await admin.inject({
    method: 'PATCH',
    url: `/api/v1/cashless/facilities/${old.id}`,
    payload: { active: false },
  });
  expect(off.statusCode).toBe(200);
});
afterAll(async () => t?.close());

const get = async (query: string) => {
  const res = await admin.inject(`/api/v1/cashless/stats${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CashlessStats>();
};
const pick = (rows: StatsRow[], unitCode: string, month: string | null, kind: string, area = 'all') => {
  const row = rows.find((r) => r.unitCode === unitCode && r.month === month && r.kind === kind && r.area === area);
  expect(row, `${unitCode} ${month} ${kind} ${area}`).toBeDefined();
  return row!;
};

describe('GET /api/v1/cashless/stats', () => {
  it('gives the province per month and for the period, and each commune for the period', async () => {
    const stats = await get(`?from=${M1}&to=${M2}`);
    expect(stats).toMatchObject({
      from: M1,
      to: M2,
      months: [M1, M2],
      unit: { code: '12', fullName: 'Tỉnh Lai Châu', level: 'province' },
    });
    expect(stats.children).toHaveLength(38);
    expect(stats.children.filter((c) => c.type === 'phuong').map((c) => c.code)).toEqual([DOAN_KET, '03408']);
    expect(stats.rows).toHaveLength(2 * 3 * 3 + 38 * 3);
  });

  it('matches the hand-computed province figures of the last month', async () => {
    const { rows } = await get(`?from=${M1}&to=${M2}`);
    // reporting: all but TYT-MT-1 (OLD-BL-1 reported M1 only); fully cashless: TH-DK-1, MN-TP-1, TYT-DK-1
    expect(pick(rows, '12', M2, 'all')).toEqual({
      unitCode: '12',
      month: M2,
      kind: 'all',
      area: 'all',
      registered: 6,
      reporting: 5,
      transacting: 5,
      fullyCashless: 3,
      cashlessCount: 240,
      cashCount: 100,
      cashlessAmount: 19_600_000,
      cashAmount: 3_800_000,
      cashlessShare: 240 / 340,
      cashlessAmountShare: 19_600_000 / 23_400_000,
      fullyCashlessShare: 3 / 5,
    });
    expect(pick(rows, '12', M2, 'school', 'ward')).toMatchObject({
      registered: 2,
      reporting: 2,
      cashlessCount: 160,
      cashCount: 0,
      cashlessShare: 1,
      fullyCashlessShare: 1,
    });
    expect(pick(rows, '12', M2, 'health_facility', 'ward')).toMatchObject({
      registered: 1,
      reporting: 1,
      cashlessShare: 1,
      fullyCashlessShare: 1,
    });
  });

  it('matches the hand-computed period figures: fully cashless means no cash in any month', async () => {
    const { rows } = await get(`?from=${M1}&to=${M2}`);
    // schools: TH-DK-1 190/10, MN-TP-1 110/0, TH-BL-1 50/150, OLD-BL-1 5/5 (inactive: reporting, not registered)
    expect(pick(rows, '12', null, 'school')).toMatchObject({
      registered: 3,
      reporting: 4,
      transacting: 4,
      fullyCashless: 1,
      cashlessCount: 355,
      cashCount: 165,
      cashlessShare: 355 / 520,
      fullyCashlessShare: 0.25,
    });
    // health: TYT-DK-1 40/0, TYT-BL-1 10/30, TYT-MT-1 never reported
    expect(pick(rows, '12', null, 'health_facility')).toMatchObject({
      registered: 3,
      reporting: 2,
      transacting: 2,
      fullyCashless: 1,
      cashlessShare: 50 / 80,
      fullyCashlessShare: 0.5,
    });
    // wards, both kinds: TH-DK-1 190/10, MN-TP-1 110/0, TYT-DK-1 40/0
    expect(pick(rows, '12', null, 'all', 'ward')).toMatchObject({
      registered: 3,
      reporting: 3,
      fullyCashless: 2,
      cashlessCount: 340,
      cashCount: 10,
      fullyCashlessShare: 2 / 3,
    });
    // M1, health: TYT-BL-1 reported no transaction at all → shares are null, not 0
    expect(pick(rows, '12', M1, 'health_facility')).toMatchObject({
      reporting: 1,
      transacting: 0,
      cashlessShare: null,
      fullyCashlessShare: null,
    });
  });

  it('gives each commune its own period figures', async () => {
    const { rows } = await get(`?from=${M1}&to=${M2}`);
    expect(pick(rows, BINH_LU, null, 'all')).toMatchObject({
      registered: 2,
      reporting: 3,
      transacting: 3,
      fullyCashless: 0,
      cashlessCount: 65,
      cashCount: 185,
      cashlessShare: 65 / 250,
      fullyCashlessShare: 0,
    });
    expect(pick(rows, DOAN_KET, null, 'all')).toMatchObject({
      cashlessCount: 230,
      cashCount: 10,
      cashlessShare: 230 / 240,
      fullyCashless: 1,
      fullyCashlessShare: 0.5,
    });
    expect(rows.some((r) => r.unitCode === BINH_LU && r.month !== null)).toBe(false);
  });

  it('gives a commune per month when asked for it', async () => {
    const stats = await get(`?from=${M2}&to=${M2}&unitCode=${BINH_LU}`);
    expect(stats.unit).toMatchObject({ code: BINH_LU, level: 'commune', type: 'xa' });
    expect(stats.children).toEqual([]);
    expect(stats.rows.every((r) => r.area === 'all')).toBe(true);
    expect(pick(stats.rows, BINH_LU, M2, 'school')).toMatchObject({
      reporting: 1,
      cashlessCount: 30,
      cashCount: 70,
      cashlessShare: 0.3,
    });
  });

  it.each([
    [`?from=${M2}&to=${M1}`, 400, 'CASHLESS.STATS_INVALID'],
    ['?from=2020-01&to=2026-01', 400, 'CASHLESS.STATS_INVALID'],
    ['?from=2026-1&to=2026-02', 400, 'VALIDATION.INVALID'],
    [`?from=${M1}`, 400, 'VALIDATION.INVALID'],
    [`?from=${M1}&to=${M2}&unitCode=99999`, 404, 'UNIT.NOT_FOUND'],
  ])('refuses %s with %i %s', async (query, status, code) => {
    const res = await admin.inject(`/api/v1/cashless/stats${query}`);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json<ErrorBody>().error.code).toBe(code);
  });
});

describe('cashlessFacilityStats (for the dashboard)', () => {
  it('computes the same figures for any list of units, monthly only', async () => {
    const stats = await cashlessFacilityStats(t.database.db, {
      from: M2,
      to: M2,
      unitCodes: ['12', DOAN_KET],
      period: false,
    });
    expect(stats.units.map((u) => u.code)).toEqual(['12', DOAN_KET]);
    expect(stats.rows.every((r) => r.month === M2)).toBe(true);
    expect(pick(stats.rows, '12', M2, 'all').cashlessShare).toBe(240 / 340);
    expect(pick(stats.rows, DOAN_KET, M2, 'all')).toMatchObject({
      reporting: 2,
      cashlessCount: 140,
      cashCount: 0,
      fullyCashlessShare: 1,
    });
  });
});
