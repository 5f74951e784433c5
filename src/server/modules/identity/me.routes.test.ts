import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../../test/app';
import { assignRole, createStaffUser } from './users.service';
import type { Me } from '../../../contracts/identity';
import { currentTotp } from './totp';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('GET /auth/me', () => {
  it('gives a staff member their roles with role names, unit code and unit name, and whether TOTP is on', async () => {
    const s = await t.staff('commune_police', '03388');
    const me = (await s.inject('/api/v1/auth/me')).json<Me>();
    expect(me.account).toMatchObject({ kind: 'staff', totpEnabled: false });
    const [assignment, ...others] = me.account!.assignments;
    expect(others).toEqual([]);
    expect(assignment).toMatchObject({
      role: 'commune_police',
      roleNameVi: 'Công an cấp xã (cư trú)',
      roleNameEn: 'Commune police (residence)',
      unitCode: '03388',
      sector: null,
    });
    expect(assignment!.unitNameVi).toMatch(/Đoàn Kết/);
    expect(assignment!.unitNameEn).toMatch(/Doan Ket/);

    const { secret } = (await s.inject({ method: 'POST', url: '/api/v1/auth/totp/setup' })).json<{ secret: string }>();
    expect((await s.inject('/api/v1/auth/me')).json<Me>().account!.totpEnabled).toBe(false); // set up, not yet confirmed
    expect(
      (await s.inject({ method: 'POST', url: '/api/v1/auth/totp/enable', payload: { code: currentTotp(secret) } }))
        .statusCode,
    ).toBe(200);
    expect((await s.inject('/api/v1/auth/me')).json<Me>().account!.totpEnabled).toBe(true);
  });

  it('names the sector of a sector officer and a province-wide unit', async () => {
    const s = await t.staff('sector_officer', '12', 'tax');
    const [assignment] = (await s.inject('/api/v1/auth/me')).json<Me>().account!.assignments;
    expect(assignment).toMatchObject({ role: 'sector_officer', unitCode: '12', sector: 'tax' });
    expect(assignment!.unitNameVi).toMatch(/Lai Châu/);
  });

  it('lists per action the units where it is allowed: an officer enters dossiers in the commune of that role only', async () => {
    const { user } = await createStaffUser(t.database.db, {
      username: 'me.twounits',
      displayName: 'Two units',
      password: TEST_PASSWORD,
    });
    await assignRole(t.database.db, null, user.id, { role: 'one_stop_officer', unitCode: '03388' });
    await assignRole(t.database.db, null, user.id, { role: 'leader', unitCode: '03445' });
    const me = (await (await t.login('me.twounits', TEST_PASSWORD)).inject('/api/v1/auth/me')).json<Me>();
    expect(me.actions).toContain('dossiers.enter');
    expect(me.actionUnits['dossiers.enter']).toEqual(['03388']);
    expect([...me.actionUnits['units.read']!].sort()).toEqual(['03388', '03445']);
    expect(me.actionUnits['payments.refund']).toBeUndefined();
    const anonymous = (await t.app.inject('/api/v1/auth/me')).json<Me>();
    expect(anonymous.actionUnits).toEqual({});
  });

  it('shows an account without roles an empty list, and nobody no account at all', async () => {
    const { user } = await createStaffUser(t.database.db, {
      username: 'me.noroles',
      displayName: 'No roles',
      password: TEST_PASSWORD,
    });
    const s = await t.login('me.noroles', TEST_PASSWORD);
    const me = (await s.inject('/api/v1/auth/me')).json<Me>();
    expect(me.account).toMatchObject({ id: user.id, assignments: [], totpEnabled: false });
    const anonymous = (await t.app.inject('/api/v1/auth/me')).json<Me>();
    expect(anonymous).toMatchObject({ authenticated: false, account: null });
  });
});
