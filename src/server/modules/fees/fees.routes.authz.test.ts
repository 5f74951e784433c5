import { beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { type Session } from '../../../../test/app';
import type { FeeListMember, FeeListMembers } from '../../../contracts/fees';
import type { ApiErrorBody } from '../../../contracts/messages';
import { DEFAULT_ROLES, type Action } from '../identity';
import { t, admin, today, post, useFeesApp } from './fees.routes.test-support';

useFeesApp();

describe('role × route: fees.lists.read reads the lists, fees.lists.manage edits them province-wide', () => {
  let n = 0;
  /** A fresh unit list made by the administrator, with Bình Lư as a member from 01/07/2025. */
  const freshList = async () => {
    const code = `authz_list_${++n}`;
    expect(
      (
        await post(admin, '/api/v1/fees/lists', {
          code,
          kind: 'unit',
          nameVi: 'Danh sách thử quyền',
          nameEn: 'Permission test list',
        })
      ).statusCode,
    ).toBe(201);
    const member = await post(admin, `/api/v1/fees/lists/${code}/members`, {
      unitCode: '03390',
      validFrom: '2025-07-01',
      source: 'Thử quyền',
    });
    return { code, memberId: member.json<FeeListMember>().id };
  };
  type Call = { name: string; action: Action; send: (s: Session) => Promise<LightMyRequestResponse> };
  const calls: Call[] = [
    {
      name: 'GET /quote',
      action: 'dossiers.own.file',
      send: (s) => s.inject('/api/v1/fees/quote?procedureCode=1.004222'),
    },
    { name: 'GET /lists', action: 'fees.lists.read', send: (s) => s.inject('/api/v1/fees/lists') },
    {
      name: 'GET /lists/:code/members',
      action: 'fees.lists.read',
      send: (s) => s.inject('/api/v1/fees/lists/border_communes/members'),
    },
    {
      name: 'POST /lists',
      action: 'fees.lists.manage',
      send: (s) =>
        post(s, '/api/v1/fees/lists', {
          code: `authz_new_${++n}`,
          kind: 'unit',
          nameVi: 'Danh sách mới',
          nameEn: 'New list',
        }),
    },
    {
      name: 'POST /lists/:code/members',
      action: 'fees.lists.manage',
      send: async (s) =>
        post(s, `/api/v1/fees/lists/${(await freshList()).code}/members`, {
          unitCode: '03388',
          validFrom: '2025-07-01',
          source: 'Thử quyền',
        }),
    },
    {
      name: 'POST /lists/:code/members/:id/end',
      action: 'fees.lists.manage',
      send: async (s) => {
        const { code, memberId } = await freshList();
        return post(s, `/api/v1/fees/lists/${code}/members/${memberId}/end`, { validTo: today, source: 'Thử quyền' });
      },
    },
  ];

  it('gives the lists to counter officers and auditors to read, and to administrators to edit', () => {
    const holders = (action: Action) =>
      DEFAULT_ROLES.filter((r) => r.actions.includes(action))
        .map((r) => r.code)
        .sort();
    expect(holders('fees.lists.read')).toEqual([
      'admin',
      'auditor',
      'civil_status_officer',
      'commune_police',
      'one_stop_officer',
    ]);
    expect(holders('fees.lists.manage')).toEqual(['admin']);
  });

  describe.each(DEFAULT_ROLES.filter((r) => r.staff).map((r) => [r.code, r] as const))(
    '%s with a province-wide grant',
    (code, role) => {
      let session: Session;
      beforeAll(async () => {
        session = await t.staff(code, '12', role.needsSector ? 'social_protection' : undefined);
      });
      it.each(calls.map((c) => [role.actions.includes(c.action) ? 'may' : 'may not', c.name, c.action, c] as const))(
        '%s %s (%s)',
        async (verdict, _name, _action, call) => {
          const res = await call.send(session);
          if (verdict === 'may') {
            expect(res.statusCode, res.body).toBeLessThan(300);
          } else {
            expect(res.statusCode, res.body).toBe(403);
            expect(res.json<ApiErrorBody>().error.code).toBe('AUTH.FORBIDDEN');
          }
        },
      );
    },
  );

  it('refuses a role holding only the former placeholders units.read and units.manage (403)', async () => {
    const role = await post(admin, '/api/v1/identity/roles', {
      code: 'units_only',
      nameVi: 'Chỉ đơn vị hành chính',
      nameEn: 'Units only',
      actions: ['units.read', 'units.manage'],
    });
    expect(role.statusCode, role.body).toBe(200);
    const keeper = await t.staff('units_only', '12');
    for (const call of calls) expect((await call.send(keeper)).statusCode, call.name).toBe(403);
  });

  it('lets a commune officer read the lists of the whole province (they apply everywhere)', async () => {
    const police = await t.staff('commune_police', '03390');
    const res = await police.inject('/api/v1/fees/lists/extremely_difficult_communes/members');
    expect(res.statusCode, res.body).toBe(200);
    expect(new Set(res.json<FeeListMembers>().items.map((m) => m.unitCode)).size).toBeGreaterThan(1);
  });
});
