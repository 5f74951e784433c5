import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { addMonths, monthOf, type Facility } from '../../../contracts/cashless';
import { todayInVietnam } from '../../../contracts/common';
import { DEFAULT_ROLES, type Action } from '../identity';
import { BINH_LU, createFixtureFacilities, csv, fileUpload, upload, type ErrorBody } from './test-support';

/**
 * Role × action: the statistics, the register and its monthly figures are read with
 * cashless.stats.read; the register is edited with cashless.facilities.manage; the import history,
 * template and imports need cashless.figures.import — always within the caller's units.
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

type Call = { name: string; action: Action; request: () => InjectOptions };
let n = 0;
const calls: Call[] = [
  {
    name: 'GET facility-types',
    action: 'cashless.stats.read',
    request: () => ({ method: 'GET', url: '/api/v1/cashless/facility-types' }),
  },
  {
    name: 'GET facilities',
    action: 'cashless.stats.read',
    request: () => ({ method: 'GET', url: '/api/v1/cashless/facilities' }),
  },
  {
    name: 'GET a facility',
    action: 'cashless.stats.read',
    request: () => ({ method: 'GET', url: `/api/v1/cashless/facilities/${facilities['TH-BL-1']!.id}` }),
  },
  {
    name: 'GET a facility’s months',
    action: 'cashless.stats.read',
    request: () => ({ method: 'GET', url: `/api/v1/cashless/facilities/${facilities['TH-BL-1']!.id}/months` }),
  },
  {
    name: 'GET stats',
    action: 'cashless.stats.read',
    request: () => ({ method: 'GET', url: `/api/v1/cashless/stats?from=${M}&to=${M}&unitCode=${BINH_LU}` }),
  },
  {
    name: 'POST facility-types',
    action: 'cashless.facilities.manage',
    request: () => ({
      method: 'POST',
      url: '/api/v1/cashless/facility-types',
      payload: { code: `type_${++n}`, kind: 'school', nameVi: 'Loại thử', nameEn: 'Test type' },
    }),
  },
  {
    name: 'PATCH a facility type',
    action: 'cashless.facilities.manage',
    request: () => ({
      method: 'PATCH',
      url: '/api/v1/cashless/facility-types/primary',
      payload: { nameEn: 'Primary school' },
    }),
  },
  {
    name: 'POST facilities',
    action: 'cashless.facilities.manage',
    request: () => ({
      method: 'POST',
      url: '/api/v1/cashless/facilities',
      payload: {
        code: `NEW-${++n}`,
        typeCode: 'primary',
        name: 'Trường Tiểu học số 5 xã Bình Lư',
        communeCode: BINH_LU,
      },
    }),
  },
  {
    name: 'PATCH a facility',
    action: 'cashless.facilities.manage',
    request: () => ({
      method: 'PATCH',
      url: `/api/v1/cashless/facilities/${facilities['TH-BL-1']!.id}`,
      payload: { name: 'Trường Tiểu học số 1 xã Bình Lư' },
    }),
  },
  {
    name: 'GET imports',
    action: 'cashless.figures.import',
    request: () => ({ method: 'GET', url: '/api/v1/cashless/imports' }),
  },
  {
    name: 'GET the template',
    action: 'cashless.figures.import',
    request: () => ({ method: 'GET', url: '/api/v1/cashless/imports/template.csv' }),
  },
  {
    name: 'POST imports',
    action: 'cashless.figures.import',
    request: () => {
      const body = fileUpload(csv(`TH-BL-1,,${M},${++n},0,0,0`));
      return { method: 'POST', url: '/api/v1/cashless/imports', payload: body.payload, headers: body.headers };
    },
  },
];

const holders = (action: Action) =>
  DEFAULT_ROLES.filter((r) => r.actions.includes(action))
    .map((r) => r.code)
    .sort();

describe('the default roles', () => {
  it('give the statistics to the Standing Agency, leaders, auditors and administrators, the register and imports to administrators only', () => {
    expect(holders('cashless.stats.read')).toEqual(['admin', 'auditor', 'leader', 'standing_agency']);
    expect(holders('cashless.facilities.manage')).toEqual(['admin']);
    expect(holders('cashless.figures.import')).toEqual(['admin']);
  });
});

describe.each(DEFAULT_ROLES.filter((r) => r.staff).map((r) => [r.code, r] as const))(
  '%s with a province-wide grant',
  (code, role) => {
    let session: Session;
    beforeAll(async () => {
      session = await t.staff(code, '12', role.needsSector ? 'health_insurance' : undefined);
    });

    it.each(calls.map((c) => [role.actions.includes(c.action) ? 'may' : 'may not', c.name, c.action, c] as const))(
      '%s %s (%s)',
      async (verdict, _name, _action, call) => {
        const res = await session.inject(call.request());
        if (verdict === 'may') {
          expect(res.statusCode, res.body).toBeLessThan(300);
        } else {
          expect(res.statusCode, res.body).toBe(403);
          expect(res.json<ErrorBody>().error.code).toBe('AUTH.FORBIDDEN');
        }
      },
    );
  },
);

describe('citizen', () => {
  let citizen: Session;
  beforeAll(async () => {
    citizen = await t.citizen({ nationalId: '012190000001', fullName: 'Lò Thị Thuỷ' });
  });
  it.each(calls.map((c) => [c.name, c] as const))('may not %s (403)', async (_name, call) => {
    const res = await citizen.inject(call.request());
    expect(res.statusCode, res.body).toBe(403);
  });
});

describe('signed out', () => {
  it.each(calls.map((c) => [c.name, c] as const))('may not %s (401)', async (_name, call) => {
    const res = await t.app.inject(call.request());
    expect(res.statusCode).toBe(401);
  });
});

describe('roles made by an administrator (the three actions are separate)', () => {
  async function roleWith(code: string, actions: string[]): Promise<void> {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/v1/identity/roles',
      payload: { code, nameVi: `Vai trò thử ${code}`, nameEn: `Test role ${code}`, actions },
    });
    expect(res.statusCode, res.body).toBe(200);
  }

  it('a role holding only the former placeholders units.read and units.manage is refused every cashless route (403)', async () => {
    await roleWith('units_keeper', ['units.read', 'units.manage']);
    const keeper = await t.staff('units_keeper', '12');
    for (const call of calls) expect((await keeper.inject(call.request())).statusCode, call.name).toBe(403);
  });

  it('a data clerk of Bình Lư with cashless.figures.import alone imports the commune’s figures but reads no statistics', async () => {
    await roleWith('cashless_clerk', ['cashless.figures.import']);
    const clerk = await t.staff('cashless_clerk', BINH_LU);
    expect((await upload(clerk, csv(`TYT-BL-1,,${M},3,1,30000,5000`))).statusCode).toBe(201);
    const template = await clerk.inject(`/api/v1/cashless/imports/template.csv?month=${M}`);
    expect(template.statusCode).toBe(200);
    expect(template.body).toContain('TYT-BL-1');
    expect(template.body).not.toContain('TH-DK-1');
    expect((await upload(clerk, csv(`TH-DK-1,,${M},3,1,30000,5000`))).statusCode).toBe(400);
    expect((await clerk.inject(`/api/v1/cashless/stats?from=${M}&to=${M}`)).statusCode).toBe(403);
    expect((await clerk.inject('/api/v1/cashless/facilities')).statusCode).toBe(403);
  });

  it('a register keeper of Bình Lư with cashless.facilities.manage alone edits the commune’s facilities; another commune’s answers 404', async () => {
    await roleWith('facility_keeper', ['cashless.facilities.manage']);
    const keeper = await t.staff('facility_keeper', BINH_LU);
    const own = await keeper.inject({
      method: 'PATCH',
      url: `/api/v1/cashless/facilities/${facilities['TYT-BL-1']!.id}`,
      payload: { name: 'Trạm Y tế xã Bình Lư' },
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json<Facility>().name).toBe('Trạm Y tế xã Bình Lư');
    expect(
      (
        await keeper.inject({
          method: 'PATCH',
          url: `/api/v1/cashless/facilities/${facilities['TH-DK-1']!.id}`,
          payload: { name: 'Khác' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await keeper.inject('/api/v1/cashless/imports')).statusCode).toBe(403);
  });
});
