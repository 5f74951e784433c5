import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import type { Facility, FacilityPage, FacilityType } from '../../../contracts/cashless';
import { BINH_LU, DOAN_KET, TAN_PHONG, createFacility, type ErrorBody } from './test-support';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.staff('admin', '12');
});
afterAll(async () => t?.close());

const list = async (query = '') => {
  const res = await admin.inject(`/api/v1/cashless/facilities${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<FacilityPage>();
};

describe('facility types', () => {
  it('come with the migration: school and health sub-kinds, in order', async () => {
    const res = await admin.inject('/api/v1/cashless/facility-types');
    const items = res.json<{ items: FacilityType[] }>().items;
    expect(items.map((i) => i.code)).toEqual([
      'kindergarten',
      'primary',
      'lower_secondary',
      'upper_secondary',
      'ethnic_boarding',
      'ethnic_semi_boarding',
      'commune_health_station',
      'regional_polyclinic',
      'district_hospital',
      'provincial_hospital',
    ]);
    expect(items.find((i) => i.code === 'commune_health_station')).toMatchObject({
      kind: 'health_facility',
      nameVi: 'Trạm y tế xã, phường',
      active: true,
    });
  });

  it('are data: an administrator adds one, renames it and retires it', async () => {
    const created = await admin.inject({
      method: 'POST',
      url: '/api/v1/cashless/facility-types',
      payload: {
        code: 'continuing_education',
        kind: 'school',
        nameVi: 'Trung tâm GDNN-GDTX',
        nameEn: 'Continuing education centre',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const again = await admin.inject({
      method: 'POST',
      url: '/api/v1/cashless/facility-types',
      payload: { code: 'continuing_education', kind: 'school', nameVi: 'x y', nameEn: 'x y' },
    });
    expect(again.statusCode).toBe(409);
    const renamed = await admin.inject({
      method: 'PATCH',
      url: '/api/v1/cashless/facility-types/continuing_education',
      payload: { nameVi: 'Trung tâm Giáo dục thường xuyên', active: false },
    });
    expect(renamed.json<FacilityType>()).toMatchObject({
      nameVi: 'Trung tâm Giáo dục thường xuyên',
      active: false,
      kind: 'school',
    });
    const retired = await admin.inject({
      method: 'POST',
      url: '/api/v1/cashless/facilities',
      payload: { code: 'GDTX-1', typeCode: 'continuing_education', name: 'Trung tâm số 1', communeCode: BINH_LU },
    });
    expect(retired.statusCode).toBe(400);
    expect(retired.json<ErrorBody>().error.fields?.[0]?.field).toBe('typeCode');
    const missing = await admin.inject({
      method: 'PATCH',
      url: '/api/v1/cashless/facility-types/no_such_type',
      payload: { active: true },
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('facilities', () => {
  it('creates a school in a ward: kind from its type, code upper-cased, in a ward from the unit type', async () => {
    const facility = await createFacility(admin, {
      code: 'th-dk-1',
      typeCode: 'primary',
      name: '  Trường Tiểu học số 1 phường Đoàn Kết ',
      communeCode: DOAN_KET,
    });
    expect(facility).toMatchObject({
      code: 'TH-DK-1',
      kind: 'school',
      typeCode: 'primary',
      typeNameVi: 'Trường tiểu học',
      name: 'Trường Tiểu học số 1 phường Đoàn Kết',
      communeCode: DOAN_KET,
      communeName: 'Phường Đoàn Kết',
      inWard: true,
      active: true,
    });
    const station = await createFacility(admin, {
      code: 'TYT-BL-1',
      typeCode: 'commune_health_station',
      name: 'Trạm Y tế số 1 xã Bình Lư',
      communeCode: BINH_LU,
    });
    expect(station).toMatchObject({ kind: 'health_facility', inWard: false, communeName: 'Xã Bình Lư' });
  });

  it.each([
    [
      { code: 'X-1', typeCode: 'primary', name: 'Trường số 1', communeCode: '105' },
      'communeCode',
      'not a current commune',
    ], // a pre-2025 district
    [
      { code: 'X-1', typeCode: 'primary', name: 'Trường số 1', communeCode: '03391' },
      'communeCode',
      'not a current commune',
    ], // a commune merged in 2025
    [{ code: 'X-1', typeCode: 'hospital', name: 'Trường số 1', communeCode: BINH_LU }, 'typeCode', 'No facility type'],
    [{ code: 'X 1', typeCode: 'primary', name: 'Trường số 1', communeCode: BINH_LU }, 'code', 'facility code'],
    [{ code: 'X-1', typeCode: 'primary', name: 'ab', communeCode: BINH_LU }, 'name', 'at least 3'],
    [{ code: 'X-1', typeCode: 'primary', name: 'Trường\nsố 1', communeCode: BINH_LU }, 'name', 'control character'],
    [
      { code: 'X-1', typeCode: 'primary', name: 'Trường số 1', communeCode: BINH_LU, kind: 'school' },
      '',
      'Unrecognized',
    ],
  ])('refuses %j naming the field %s (400, both languages)', async (payload, field, en) => {
    const res = await admin.inject({ method: 'POST', url: '/api/v1/cashless/facilities', payload });
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json<ErrorBody>().error;
    if (field) expect(error.fields?.map((f) => f.field)).toContain(field);
    expect(JSON.stringify(error)).toContain(en);
    expect(error.messageVi).not.toBe(error.messageEn);
  });

  it('refuses a code already used (409) and stores injection strings in names as plain text', async () => {
    const dup = await admin.inject({
      method: 'POST',
      url: '/api/v1/cashless/facilities',
      payload: { code: 'TH-DK-1', typeCode: 'primary', name: 'Trường khác', communeCode: DOAN_KET },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json<ErrorBody>().error).toMatchObject({
      code: 'CASHLESS.FACILITY_ALREADY_EXISTS',
      fields: [{ field: 'code' }],
    });
    const names = [
      `Trường '); DROP TABLE cashless.facilities; --`,
      '<script>alert("x")</script> Trường',
      '=HYPERLINK("http://evil","Trường")',
      "+cmd|' /C calc'!A0",
    ];
    for (const [i, name] of names.entries()) {
      const f = await createFacility(admin, {
        code: `INJ-${i}`,
        typeCode: 'kindergarten',
        name,
        communeCode: TAN_PHONG,
      });
      expect(f.name).toBe(name);
    }
    const rows = await t.database.rows<{ n: string | number }>(
      sql`select count(*) as n from cashless.facilities where code like 'INJ-%'`,
    );
    expect(Number(rows[0]!.n)).toBe(4);
  });

  it('lists with filters: kind, ward, commune, accent-insensitive name search, active', async () => {
    expect((await list('?kind=health_facility')).items.map((f) => f.code)).toEqual(['TYT-BL-1']);
    expect((await list('?inWard=false')).items.map((f) => f.code)).toEqual(['TYT-BL-1']);
    const wards = await list('?inWard=true&pageSize=100');
    expect(wards.items.every((f) => f.inWard)).toBe(true);
    expect(wards.total).toBe(5);
    expect((await list(`?communeCode=${DOAN_KET}`)).items.map((f) => f.code)).toEqual(['TH-DK-1']);
    expect((await list('?q=tram y te so 1 xa binh')).items.map((f) => f.code)).toEqual(['TYT-BL-1']);
    expect((await list('?q=th-dk')).items.map((f) => f.code)).toEqual(['TH-DK-1']);
    const page = await list('?pageSize=2&page=2');
    expect(page).toMatchObject({ total: 6, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    const bad = await admin.inject('/api/v1/cashless/facilities?active=yes');
    expect(bad.statusCode).toBe(400);
  });

  it('changes a facility: moving it to a commune changes "in a ward", a new type its kind; deactivating keeps it', async () => {
    const facility = (await list('?q=TH-DK-1')).items[0]!;
    const moved = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/cashless/facilities/${facility.id}`,
      payload: { communeCode: BINH_LU, typeCode: 'commune_health_station', name: 'Trạm Y tế số 2 xã Bình Lư' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<Facility>()).toMatchObject({
      communeCode: BINH_LU,
      inWard: false,
      kind: 'health_facility',
      code: 'TH-DK-1',
    });
    const off = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/cashless/facilities/${facility.id}`,
      payload: { active: false },
    });
    expect(off.json<Facility>().active).toBe(false);
    expect((await list('?active=false')).items.map((f) => f.id)).toEqual([facility.id]);
    const taken = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/cashless/facilities/${facility.id}`,
      payload: { code: 'TYT-BL-1' },
    });
    expect(taken.statusCode).toBe(409);
    const got = await admin.inject(`/api/v1/cashless/facilities/${facility.id}`);
    expect(got.json<Facility>()).toMatchObject({ active: false, code: 'TH-DK-1' });
  });

  it('answers 404 for an unknown facility and 400 for a malformed id', async () => {
    expect((await admin.inject('/api/v1/cashless/facilities/8d6c4f7e-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
    expect((await admin.inject('/api/v1/cashless/facilities/not-a-uuid')).statusCode).toBe(400);
  });

  it('never deletes a facility: the database refuses it', async () => {
    await expect(t.database.db.execute(sql`delete from cashless.facilities where code = 'TYT-BL-1'`)).rejects.toThrow();
    expect((await list('?q=TYT-BL-1')).total).toBe(1);
  });
});
