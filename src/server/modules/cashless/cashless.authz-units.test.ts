import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { addMonths, monthOf, type CashlessStats, type Facility, type FacilityPage } from '../../../contracts/cashless';
import { todayInVietnam } from '../../../contracts/common';
import { BINH_LU, DOAN_KET, createFixtureFacilities, csv, upload, type ErrorBody } from './test-support';

/**
 * Authorization within units (the role × route matrix is in cashless.authz.test.ts): staff
 * assigned to one commune or to the province read, edit and import only inside their units.
 */
let t: TestApp;
let admin: Session;
let facilities: Record<string, Facility>;
const M = addMonths(monthOf(todayInVietnam()), -1);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.staff('admin', '12');
  facilities = await createFixtureFacilities(admin);
});
afterAll(async () => t?.close());

describe('a leader of Bình Lư (statistics scoped to the commune)', () => {
  let leader: Session;
  beforeAll(async () => {
    leader = await t.staff('leader', BINH_LU);
  });

  it('sees only the own commune’s facilities; another commune’s facility answers 404', async () => {
    const page = (await leader.inject('/api/v1/cashless/facilities?pageSize=100')).json<FacilityPage>();
    expect(page.items.map((f) => f.code)).toEqual(expect.arrayContaining(['TH-BL-1', 'TYT-BL-1']));
    expect(page.items.every((f) => f.communeCode === BINH_LU)).toBe(true);
    expect((await leader.inject(`/api/v1/cashless/facilities/${facilities['TH-DK-1']!.id}`)).statusCode).toBe(404);
    expect((await leader.inject(`/api/v1/cashless/facilities/${facilities['TH-DK-1']!.id}/months`)).statusCode).toBe(
      404,
    );
  });

  it('gets the own commune’s statistics by default and is refused the province’s (403)', async () => {
    const own = (await leader.inject(`/api/v1/cashless/stats?from=${M}&to=${M}`)).json<CashlessStats>();
    expect(own.unit.code).toBe(BINH_LU);
    const province = await leader.inject(`/api/v1/cashless/stats?from=${M}&to=${M}&unitCode=12`);
    expect(province.statusCode).toBe(403);
    expect(province.json<ErrorBody>().error.code).toBe('CASHLESS.SCOPE_FORBIDDEN');
  });
});

describe('officers who hold units.read only', () => {
  it('a commune police officer and a one-stop officer of the commune read nothing and edit nothing (403)', async () => {
    for (const role of ['commune_police', 'one_stop_officer']) {
      const officer = await t.staff(role, DOAN_KET);
      expect((await officer.inject(`/api/v1/cashless/stats?from=${M}&to=${M}`)).statusCode, role).toBe(403);
      expect((await officer.inject('/api/v1/cashless/facilities')).statusCode, role).toBe(403);
      expect((await upload(officer, csv(`TH-DK-1,,${M},1,0,1,0`))).statusCode, role).toBe(403);
      expect(
        (
          await officer.inject({
            method: 'PATCH',
            url: `/api/v1/cashless/facilities/${facilities['TH-DK-1']!.id}`,
            payload: { active: false },
          })
        ).statusCode,
        role,
      ).toBe(403);
    }
  });
});

describe('a province leader', () => {
  it('reads the province with every commune and edits nothing', async () => {
    const leader = await t.staff('leader', '12');
    const stats = (await leader.inject(`/api/v1/cashless/stats?from=${M}&to=${M}`)).json<CashlessStats>();
    expect(stats.unit.code).toBe('12');
    expect(stats.children).toHaveLength(38);
    expect(
      (
        await leader.inject({
          method: 'POST',
          url: '/api/v1/cashless/facilities',
          payload: { code: 'L-1', typeCode: 'primary', name: 'Trường số 1', communeCode: BINH_LU },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('administrator of one commune (cashless actions scoped to Bình Lư)', () => {
  let local: Session;
  beforeAll(async () => {
    local = await t.staff('admin', BINH_LU);
  });

  it('adds a facility in the own commune but not in another (403 naming the unit)', async () => {
    const ok = await local.inject({
      method: 'POST',
      url: '/api/v1/cashless/facilities',
      payload: {
        code: 'LOCAL-1',
        typeCode: 'kindergarten',
        name: 'Trường Mầm non số 3 xã Bình Lư',
        communeCode: BINH_LU,
      },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const other = await local.inject({
      method: 'POST',
      url: '/api/v1/cashless/facilities',
      payload: {
        code: 'LOCAL-2',
        typeCode: 'kindergarten',
        name: 'Trường Mầm non số 3 phường Đoàn Kết',
        communeCode: DOAN_KET,
      },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json<ErrorBody>().error.code).toBe('CASHLESS.SCOPE_FORBIDDEN');
    const move = await local.inject({
      method: 'PATCH',
      url: `/api/v1/cashless/facilities/${ok.json<Facility>().id}`,
      payload: { communeCode: DOAN_KET },
    });
    expect(move.statusCode).toBe(403);
  });

  it('may not edit the province-wide list of facility types', async () => {
    const res = await local.inject({
      method: 'PATCH',
      url: '/api/v1/cashless/facility-types/primary',
      payload: { nameVi: 'Trường tiểu học' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('imports only the own commune’s facilities: a row of another commune refuses the file by line', async () => {
    const res = await upload(local, csv(`TH-BL-1,,${M},7,0,70000,0`, `TH-DK-1,,${M},7,0,70000,0`));
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.fields).toEqual([
      expect.objectContaining({
        field: 'line.3.facility_code',
        messageEn: expect.stringContaining('outside your assignment') as string,
      }),
    ]);
  });

  it('gets a template of the own commune’s facilities only', async () => {
    const res = await local.inject(`/api/v1/cashless/imports/template.csv?month=${M}`);
    const codes = res.body
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(',')[0]!);
    const own = (await admin.inject(`/api/v1/cashless/facilities?communeCode=${BINH_LU}&active=true&pageSize=100`))
      .json<FacilityPage>()
      .items.map((f) => f.code);
    expect(codes.sort()).toEqual(own.sort());
    expect(codes).toContain('LOCAL-1');
    expect(codes).not.toContain('TH-DK-1');
  });
});
