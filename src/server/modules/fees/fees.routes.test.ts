import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { todayInVietnam } from '../../../contracts/common';
import type { FeeList, FeeListMember, FeeListMembers, FeeQuote } from '../../../contracts/fees';
import type { ApiErrorBody } from '../../../contracts/messages';
import { DEFAULT_ROLES, type Action } from '../identity';
import { copyRegistryBatch, type PersonImport } from '../population';
import { seedProcedures } from '../procedures';
import { seedFeeLists } from './index';

let t: TestApp;
let admin: Session;
let communeAdmin: Session;
let officer: Session;
const sessions = new Map<string, Session>();

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const today = todayInVietnam();

/** Synthetic citizens, each in a household of their own commune. */
const people: Array<[key: string, unit: string, person: Partial<PersonImport>]> = [
  [
    'border',
    '03451',
    {
      nationalId: '012085000301',
      fullName: 'Nguyễn Văn Biên',
      ethnicityCode: '01',
      birthDate: '1985-04-02',
      birthYear: 1985,
    },
  ], // Xã Mù Cả
  [
    'plain',
    '03388',
    {
      nationalId: '012085000302',
      fullName: 'Trần Văn Phường',
      ethnicityCode: '01',
      birthDate: '1985-04-02',
      birthYear: 1985,
    },
  ], // Phường Đoàn Kết
  [
    'mong',
    '03517',
    {
      nationalId: '012085000303',
      fullName: 'Giàng A Páo',
      ethnicityCode: '08',
      birthDate: '1985-04-02',
      birthYear: 1985,
    },
  ], // Xã Nậm Tăm
  [
    'kinh',
    '03517',
    {
      nationalId: '012085000304',
      fullName: 'Lê Văn Kinh',
      ethnicityCode: '01',
      birthDate: '1985-04-02',
      birthYear: 1985,
    },
  ],
  [
    'poor',
    '03390',
    {
      nationalId: '012085000305',
      fullName: 'Lò Văn Nghèo',
      ethnicityCode: '01',
      birthDate: '1985-04-02',
      birthYear: 1985,
    },
  ], // Xã Bình Lư
];
const households = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  await seedProcedures(t.database.db);
  await seedFeeLists(t.database.db);
  for (const [key, unit, overrides] of people) {
    const batch = makeHousehold(unit, [makePerson({ ...overrides, idCardNumber: overrides.nationalId })]);
    households.set(key, batch.households[0]!.id);
    await copyRegistryBatch(t.database, batch);
    sessions.set(key, await t.citizen({ nationalId: overrides.nationalId!, fullName: overrides.fullName! }));
  }
  sessions.set('stranger', await t.citizen({ nationalId: '001090000399', fullName: 'Người Ngoài Tỉnh' }));
  [admin, communeAdmin, officer] = await Promise.all([
    t.staff('admin', '12'),
    t.staff('admin', '03388'),
    t.staff('one_stop_officer', '03445'),
  ]);
});
afterAll(async () => t?.close());

const as = (key: string) => sessions.get(key)!;
const quote = async (key: string, params: string) => {
  const res = await as(key).inject(`/api/v1/fees/quote?${params}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<FeeQuote>();
};
const post = (s: Session, url: string, payload: unknown) =>
  s.inject({ method: 'POST', url, payload: payload as Record<string, unknown> });

function expectFieldError(res: LightMyRequestResponse, status: number, field: string): ApiErrorBody['error'] {
  expect(res.statusCode, res.body).toBe(status);
  const { error } = res.json<ApiErrorBody>();
  expect(error.fields?.map((f) => f.field)).toContain(field);
  const problem = error.fields!.find((f) => f.field === field)!;
  expect(problem.messageVi).toMatch(/[À-ỹ]/);
  expect(problem.messageEn).not.toBe(problem.messageVi);
  return error;
}

describe('GET /api/v1/fees/quote (a signed-in citizen, before filing)', () => {
  it('charges a resident of a border commune nothing without being asked, and says why', async () => {
    const { calculation, procedure, registryRecordFound } = await quote('border', 'procedureCode=1.004222');
    expect(registryRecordFound).toBe(true);
    expect(procedure).toMatchObject({ code: '1.004222', nameVi: 'Đăng ký thường trú' });
    expect(calculation).toMatchObject({
      base: 10_000,
      amount: 0,
      channel: 'online',
      exemption: { code: 'border_commune', status: 'granted', check: 'registry', provisional: true },
    });
    expect(calculation.exemption!.reasonVi).toContain('Xã Mù Cả');
    expect(calculation.explanationVi.join(' ')).toContain('danh sách tạm');
  });

  it('quotes the online, assisted and paper rates and per-person fees for a citizen no reason covers', async () => {
    expect((await quote('plain', 'procedureCode=1.004222')).calculation).toMatchObject({
      amount: 10_000,
      exemption: null,
    });
    expect((await quote('plain', 'procedureCode=1.004222&channel=assisted')).calculation.amount).toBe(10_000);
    expect((await quote('plain', 'procedureCode=1.004222&channel=paper')).calculation.amount).toBe(20_000);
    expect((await quote('plain', 'procedureCode=1.004194&persons=3&variant=list')).calculation).toMatchObject({
      base: 15_000,
      amount: 15_000,
      persons: 3,
    });
    expect((await quote('plain', 'procedureCode=1.010041')).calculation).toMatchObject({
      base: 0,
      amount: 0,
      lines: [],
    });
  });

  it('exempts an ethnic-minority resident of an extremely difficult commune but not a Kinh neighbour', async () => {
    expect((await quote('mong', 'procedureCode=1.004222')).calculation.exemption).toMatchObject({
      code: 'ethnic_minority_difficult_commune',
      status: 'granted',
    });
    const kinh = (await quote('kinh', 'procedureCode=1.004222')).calculation;
    expect(kinh).toMatchObject({ exemption: null, amount: 10_000 });
  });

  it('leaves a claimed proof-based reason pending with nothing due yet', async () => {
    const { calculation } = await quote('plain', 'procedureCode=1.004222&claim=disability');
    expect(calculation).toMatchObject({
      amount: 0,
      claim: 'disability',
      exemption: { code: 'disability', check: 'proof', status: 'pending', proofVi: 'Giấy xác nhận khuyết tật' },
    });
  });

  it('quotes a citizen the province registry does not hold without automatic exemptions', async () => {
    const q = await quote('stranger', 'procedureCode=1.004222');
    expect(q.registryRecordFound).toBe(false);
    expect(q.calculation.amount).toBe(10_000);
    expect(q.calculation.explanationVi.join(' ')).toContain('Không tìm thấy bạn trong cơ sở dữ liệu dân cư');
  });

  it.each([
    ['an unknown procedure', 'procedureCode=9.999999', 'procedureCode'],
    ['no procedure', 'channel=online', 'procedureCode'],
    ['a malformed procedure code', 'procedureCode=abc', 'procedureCode'],
    ['no person', 'procedureCode=1.004222&persons=0', 'persons'],
    ['too many persons', 'procedureCode=1.004222&persons=51', 'persons'],
    ['persons not a number', 'procedureCode=1.004222&persons=many', 'persons'],
    ['an unknown claim', 'procedureCode=1.004222&claim=student', 'claim'],
    ['an unknown channel', 'procedureCode=1.004222&channel=fax', 'channel'],
    ['an unknown fee variant', 'procedureCode=1.004222&variant=group', 'variant'],
  ])('answers %s with a bilingual 400 naming the field', async (_what, params, field) => {
    expectFieldError(await as('plain').inject(`/api/v1/fees/quote?${params}`), 400, field);
  });

  it('is for signed-in citizens only', async () => {
    expect((await t.app.inject('/api/v1/fees/quote?procedureCode=1.004222')).statusCode).toBe(401);
    expect((await officer.inject('/api/v1/fees/quote?procedureCode=1.004222')).statusCode).toBe(403);
  });
});

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
