import { describe, expect, it } from 'vitest';
import { type Session } from '../../../../test/app';
import type { FeeList, FeeListMember, FeeListMembers } from '../../../contracts/fees';
import type { ApiErrorBody } from '../../../contracts/messages';
import { seedFeeLists } from './index';
import {
  t,
  admin,
  communeAdmin,
  officer,
  dayBefore,
  today,
  households,
  as,
  quote,
  post,
  expectFieldError,
  useFeesApp,
} from './fees.routes.test-support';

useFeesApp();

describe('exemption lists (administrators edit, officers read)', () => {
  const members = async (s: Session, code: string, query = '') => {
    const res = await s.inject(`/api/v1/fees/lists/${code}/members${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<FeeListMembers>();
  };

  it('shows the seeded lists, provisional, with their counts', async () => {
    const res = await officer.inject('/api/v1/fees/lists');
    expect(res.statusCode).toBe(200);
    const byCode = new Map(res.json<{ items: FeeList[] }>().items.map((l) => [l.code, l]));
    expect(byCode.get('border_communes')).toMatchObject({ kind: 'unit', activeMembers: 9, provisionalMembers: 9 });
    expect(byCode.get('extremely_difficult_communes')).toMatchObject({
      kind: 'unit',
      activeMembers: 19,
      provisionalMembers: 19,
    });
    expect(byCode.get('poor_households')).toMatchObject({ kind: 'household', activeMembers: 0 });
    const border = await members(officer, 'border_communes');
    expect(border.items.find((m) => m.unitCode === '03451')).toMatchObject({
      unitName: 'Xã Mù Cả',
      validFrom: '2025-07-01',
      validTo: null,
      provisional: true,
      active: true,
    });
    expect(
      border.items.every((m) =>
        m.source.startsWith('Danh sách tạm — cần cập nhật theo quyết định của Thủ tướng/UBND tỉnh'),
      ),
    ).toBe(true);
  });

  it('adds a commune from a date with its source, then ends it, and the quote follows', async () => {
    const added = await post(admin, '/api/v1/fees/lists/border_communes/members', {
      unitCode: '03388',
      validFrom: '2025-07-01',
      source: 'Quyết định thử nghiệm 01/QĐ-UBND',
    });
    expect(added.statusCode, added.body).toBe(201);
    const member = added.json<FeeListMember>();
    expect(member).toMatchObject({ unitCode: '03388', unitName: 'Phường Đoàn Kết', provisional: false, active: true });
    expect((await quote('plain', 'procedureCode=1.004222')).calculation).toMatchObject({
      amount: 0,
      exemption: { code: 'border_commune', provisional: false },
    });

    expectFieldError(
      await post(admin, '/api/v1/fees/lists/border_communes/members', {
        unitCode: '03388',
        validFrom: today,
        source: 'Trùng',
      }),
      409,
      'unitCode',
    );

    const ended = await post(admin, `/api/v1/fees/lists/border_communes/members/${member.id}/end`, {
      validTo: dayBefore(today),
      source: 'Quyết định thử nghiệm 02/QĐ-UBND',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json<FeeListMember>()).toMatchObject({
      validTo: dayBefore(today),
      endSource: 'Quyết định thử nghiệm 02/QĐ-UBND',
      active: false,
    });
    expect((await quote('plain', 'procedureCode=1.004222')).calculation).toMatchObject({
      amount: 10_000,
      exemption: null,
    });

    expect((await members(admin, 'border_communes')).items.some((m) => m.id === member.id)).toBe(false);
    expect((await members(admin, 'border_communes', '?show=all')).items.find((m) => m.id === member.id)).toMatchObject({
      active: false,
    });
    expect(
      (await members(admin, 'border_communes', `?asOf=${dayBefore(today)}`)).items.some((m) => m.id === member.id),
    ).toBe(true);

    const again = await post(admin, `/api/v1/fees/lists/border_communes/members/${member.id}/end`, {
      validTo: today,
      source: 'Lần hai',
    });
    expectFieldError(again, 409, 'validTo');
  });

  it('feeds a household into the poor-household list', async () => {
    const householdId = households.get('poor')!;
    const res = await post(admin, '/api/v1/fees/lists/poor_households/members', {
      householdId,
      validFrom: '2026-01-01',
      source: 'Quyết định phê duyệt hộ nghèo năm 2026 (thử nghiệm)',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<FeeListMember>()).toMatchObject({ householdId, unitCode: null });
    expect((await quote('poor', 'procedureCode=1.010038')).calculation).toMatchObject({
      amount: 0,
      exemption: { code: 'poor_household', status: 'granted' },
    });
  });

  it.each([
    [
      'a province instead of a commune',
      'border_communes',
      { unitCode: '12', validFrom: '2025-07-01', source: 'Thử' },
      400,
      'unitCode',
    ],
    [
      'a code no unit carries',
      'border_communes',
      { unitCode: '99999', validFrom: '2025-07-01', source: 'Thử' },
      400,
      'unitCode',
    ],
    [
      'a pre-2025 commune after the merger',
      'border_communes',
      { unitCode: '03386', validFrom: '2025-07-01', source: 'Thử' },
      400,
      'unitCode',
    ],
    [
      'a household in a commune list',
      'border_communes',
      { householdId: '11111111-1111-4111-8111-111111111111', validFrom: '2025-07-01', source: 'Thử' },
      400,
      'unitCode',
    ],
    [
      'a commune in a household list',
      'poor_households',
      { unitCode: '03388', validFrom: '2025-07-01', source: 'Thử' },
      400,
      'householdId',
    ],
    ['no source', 'border_communes', { unitCode: '03390', validFrom: '2025-07-01' }, 400, 'source'],
    [
      'a date that does not exist',
      'border_communes',
      { unitCode: '03390', validFrom: '2025-02-30', source: 'Thử' },
      400,
      'validFrom',
    ],
  ])('refuses %s, naming the field', async (_what, list, payload, status, field) => {
    expectFieldError(await post(admin, `/api/v1/fees/lists/${list}/members`, payload), status, field);
  });

  it('refuses an end before the start, and answers 404 for an unknown list or entry', async () => {
    const { items } = await members(admin, 'extremely_difficult_communes');
    expectFieldError(
      await post(admin, `/api/v1/fees/lists/extremely_difficult_communes/members/${items[0]!.id}/end`, {
        validTo: '2025-06-30',
        source: 'Thử',
      }),
      400,
      'validTo',
    );
    expect(
      (
        await post(admin, '/api/v1/fees/lists/near_poor/members', {
          unitCode: '03388',
          validFrom: '2025-07-01',
          source: 'Thử',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await post(admin, `/api/v1/fees/lists/border_communes/members/${items[0]!.id}/end`, {
          validTo: today,
          source: 'Thử',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('creates a new list once', async () => {
    const body = {
      code: 'near_poor_households',
      kind: 'household',
      nameVi: 'Hộ cận nghèo',
      nameEn: 'Near-poor households',
    };
    const res = await post(admin, '/api/v1/fees/lists', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<FeeList>()).toMatchObject({ code: 'near_poor_households', activeMembers: 0 });
    expectFieldError(await post(admin, '/api/v1/fees/lists', body), 409, 'code');
  });

  it('lets only a province-wide administrator edit; officers read; citizens neither', async () => {
    const add = { unitCode: '03390', validFrom: '2025-07-01', source: 'Thử quyền' };
    const commune = await post(communeAdmin, '/api/v1/fees/lists/border_communes/members', add);
    expect(commune.statusCode).toBe(403);
    expect(commune.json<ApiErrorBody>().error.code).toBe('FEE.SCOPE_FORBIDDEN');
    expect((await post(officer, '/api/v1/fees/lists/border_communes/members', add)).statusCode).toBe(403);
    expect(
      (
        await post(officer, '/api/v1/fees/lists', {
          code: 'x_list',
          kind: 'unit',
          nameVi: 'Thử quyền',
          nameEn: 'Permission test',
        })
      ).statusCode,
    ).toBe(403);
    expect((await post(as('plain'), '/api/v1/fees/lists/border_communes/members', add)).statusCode).toBe(403);
    expect((await as('plain').inject('/api/v1/fees/lists')).statusCode).toBe(403);
    expect((await t.app.inject('/api/v1/fees/lists')).statusCode).toBe(401);
    expect((await members(officer, 'border_communes')).items.some((m) => m.unitCode === '03390')).toBe(false);
  });

  it('seeds once: a second start neither duplicates nor restores what administrators changed', async () => {
    const before = await members(admin, 'border_communes', '?show=all');
    expect(await seedFeeLists(t.database.db)).toEqual([]);
    expect((await members(admin, 'border_communes', '?show=all')).items).toHaveLength(before.items.length);
  });
});
