import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import type {
  FormResponse,
  PrefillStats,
  ProcedureList,
  ProcedureVersion,
  VersionList,
} from '../../../contracts/procedures';
import { seedProcedures } from './procedures.seed';
import { daysFromToday, versionBody } from './test-support';

let t: TestApp;
let admin: Session;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp();
  await seedProcedures(t.database.db);
  admin = await t.staff('admin', '12');
  officer = await t.staff('commune_police', '03445');
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
type ErrorBody = {
  error: {
    code: string;
    messageVi: string;
    messageEn: string;
    fields?: Array<{ field: string; messageVi: string; messageEn: string }>;
  };
};

describe('public catalog', () => {
  it('lists the 15 procedures in force with their standard fees, without signing in', async () => {
    const res = await get('/api/v1/procedures');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json<ProcedureList>();
    expect(total).toBe(15);
    expect(items.find((i) => i.code === '1.004222')).toMatchObject({
      nameVi: 'Đăng ký thường trú',
      field: 'residence',
      feeDirect: 20_000,
      feeOnline: 10_000,
      timeLimitWorkingDays: 7,
      requiredEidLevel: 2,
      onlineLevel: 'full',
    });
  });

  it('filters by field', async () => {
    const field = async (f: string) =>
      (await get(`/api/v1/procedures?field=${f}`))
        .json<ProcedureList>()
        .items.map((i) => i.code)
        .sort();
    expect(await field('residence')).toHaveLength(10);
    expect(await field('civil_status')).toEqual(['1.000656', '1.000894', '1.001193']);
    expect(await field('interlinked')).toEqual(['1.011537', 'LT.01']);
  });

  it.each([
    ['dang ky tam tru', ['1.004194', '1.010028']], // registration and its deletion
    ['ĐĂNG KÝ TẠM TRÚ', ['1.004194', '1.010028']],
    ['gia han tam tru', ['1.002755']],
    ['khai sinh', ['1.001193', 'LT.01']],
    ['tach ho', ['1.010038']],
    ['luu tru', ['2.001159']],
    ['1.004222', ['1.004222']],
    ['marriage', ['1.000894']],
    ['khong co thu tuc nay', []],
  ])('finds "%s" ignoring diacritics and case', async (q, codes) => {
    const res = await get(`/api/v1/procedures?q=${encodeURIComponent(q)}`);
    expect(
      res
        .json<ProcedureList>()
        .items.map((i) => i.code)
        .sort(),
    ).toEqual(codes);
  });

  it('shows a procedure: documents (with what the registry replaces), fees and exemptions, time limit, online and e-ID levels', async () => {
    const res = await get('/api/v1/procedures/1.004194');
    expect(res.statusCode).toBe(200);
    const v = res.json<ProcedureVersion>();
    expect(v).toMatchObject({
      code: '1.004194',
      version: 1,
      effectiveFrom: '2025-07-01',
      effectiveTo: null,
      handledByRole: 'commune_police',
      agencyLevel: 'commune',
    });
    expect(v.fees.items.map((i) => [i.code, i.basis, i.direct, i.online])).toEqual([
      ['standard', 'per_dossier', 15_000, 7_000],
      ['list', 'per_person', 10_000, 5_000],
    ]);
    expect(v.fees.exemptions.length).toBe(8);
    expect(v.documents.map((d) => d.code)).toContain('lawful_dwelling');
    expect(v.form.formCode).toBe('CT01');
  });

  it('lists the component procedures of an interlinked group', async () => {
    const v = (await get('/api/v1/procedures/LT.01')).json<ProcedureVersion>();
    expect(v.components.map((c) => c.code)).toEqual(['1.001193', '1.004222', null]);
    expect(v.requiredEidLevel).toBe(2);
    expect(v.unconfirmed).toContain('code');
  });

  it('gives the form: JSON Schema and the source of every field', async () => {
    const res = await get('/api/v1/procedures/1.010038/form');
    const { form, versionId, version } = res.json<FormResponse>();
    expect(version).toBe(1);
    expect(versionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(form.schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      additionalProperties: false,
    });
    expect(Object.keys(form.fields).sort()).toEqual(Object.keys(form.schema.properties as object).sort());
    expect(form.fields.members).toMatchObject({
      source: 'registry.household',
      path: 'members',
      widget: 'table',
      editable: true,
    });
    expect(form.fields.address).toMatchObject({ source: 'registry.household', path: 'addressLine', editable: false });
  });

  it('reports typed inputs before and after prefill, with the method', async () => {
    const s = (await get('/api/v1/procedures/1.004222/prefill-stats')).json<PrefillStats>();
    expect(s).toMatchObject({ code: '1.004222', typedBefore: 19, typedAfter: 8, reductionPercent: 57.9 });
    expect(s.methodVi.length).toBeGreaterThan(50);
  });

  it('answers a version by id, also after it stopped being in force', async () => {
    const current = (await get('/api/v1/procedures/1.003197')).json<ProcedureVersion>();
    const byId = await get(`/api/v1/procedures/versions/${current.id}`);
    expect(byId.json<ProcedureVersion>()).toEqual(current);
  });

  it.each([
    ['/api/v1/procedures/9.999999', 404, 'PROCEDURE.NOT_FOUND'],
    ['/api/v1/procedures/1.004222?asOf=2025-06-30', 404, 'PROCEDURE.NOT_FOUND'],
    ['/api/v1/procedures/versions/00000000-0000-4000-8000-000000000000', 404, 'PROCEDURE.VERSION_NOT_FOUND'],
    ['/api/v1/procedures/1.004222?asOf=2025-02-30', 400, 'VALIDATION.INVALID'],
    ['/api/v1/procedures/not%20a%20code', 400, 'VALIDATION.INVALID'],
    ['/api/v1/procedures?field=taxes', 400, 'VALIDATION.INVALID'],
    [`/api/v1/procedures?q=${'a'.repeat(101)}`, 400, 'VALIDATION.INVALID'],
    ['/api/v1/procedures/versions/123', 400, 'VALIDATION.INVALID'],
  ])('%s → %i %s with messages in both languages', async (url, status, code) => {
    const res = await get(url);
    expect(res.statusCode).toBe(status);
    const { error } = res.json<ErrorBody>();
    expect(error.code).toBe(code);
    expect(error.messageVi).not.toBe(error.messageEn);
  });
});

describe('versions (administrators)', () => {
  const post = (s: Session, code: string, payload: unknown) =>
    s.inject({ method: 'POST', url: `/api/v1/procedures/${code}/versions`, payload: payload as object });

  it('lets an administrator create a new version; the old one keeps its content and gets an end date', async () => {
    const before = (await get('/api/v1/procedures/1.010038')).json<ProcedureVersion>();
    const start = daysFromToday(10);
    const body = await versionBody('1.010038', start, { timeLimitWorkingDays: 4 });
    body.fees.items[0]!.online = 4_000;
    const res = await post(admin, '1.010038', body);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<{ version: ProcedureVersion; closedVersionId: string }>();
    expect(created.version).toMatchObject({
      version: 2,
      effectiveFrom: start,
      timeLimitWorkingDays: 4,
      changeNote: 'Thay đổi để kiểm thử',
    });
    expect(created.closedVersionId).toBe(before.id);
    const old = (await get(`/api/v1/procedures/versions/${before.id}`)).json<ProcedureVersion>();
    expect(old.fees.items[0]!.online).toBe(5_000);
    expect(old.timeLimitWorkingDays).toBe(5);
    expect(old.effectiveTo).toBe(daysFromToday(9));
    expect((await get('/api/v1/procedures/1.010038')).json<ProcedureVersion>().id).toBe(before.id); // still in force today
    expect((await get(`/api/v1/procedures/1.010038?asOf=${start}`)).json<ProcedureVersion>().id).toBe(
      created.version.id,
    );
    const versions = await officer.inject('/api/v1/procedures/1.010038/versions');
    expect(versions.json<VersionList>().items.map((v) => v.version)).toEqual([2, 1]);
  });

  it('answers an overlapping version with 409', async () => {
    const start = daysFromToday(20);
    expect((await post(admin, '1.003677', await versionBody('1.003677', start))).statusCode).toBe(201);
    const res = await post(
      admin,
      '1.003677',
      await versionBody('1.003677', daysFromToday(15), { effectiveTo: daysFromToday(25) }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.code).toBe('PROCEDURE.VERSION_CONFLICT');
  });

  it('creates the first version of a new procedure code', async () => {
    const res = await post(
      admin,
      '1.999001',
      await versionBody('1.010041', daysFromToday(1), { nameVi: 'Thủ tục thử nghiệm', nameEn: 'Trial procedure' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect((await get('/api/v1/procedures?q=thu nghiem')).json<ProcedureList>().items).toEqual([]); // not in force before tomorrow
    expect(
      (await get(`/api/v1/procedures?q=thu%20nghiem&asOf=${daysFromToday(1)}`))
        .json<ProcedureList>()
        .items.map((i) => i.code),
    ).toEqual(['1.999001']);
  });

  it.each<
    [
      string,
      (
        b: Record<string, unknown> & {
          form: { schema: Record<string, unknown>; fields: Record<string, { source: string; path: string | null }> };
        },
      ) => void,
      string,
    ]
  >([
    [
      'a JSON Schema that does not compile',
      (b) => {
        (b.form.schema.properties as Record<string, Record<string, unknown>>).email!.maxLenght = 5;
      },
      'form.schema',
    ],
    [
      'a field source the registry does not have',
      (b) => {
        b.form.fields.phone!.path = 'mobile';
      },
      'form.fields.phone.path',
    ],
    [
      'a half-day step broken',
      (b) => {
        b.timeLimitWorkingDays = 2.3;
      },
      'timeLimitWorkingDays',
    ],
    [
      'a negative fee',
      (b) => {
        (b.fees as { items: Array<{ direct: number }> }).items[0]!.direct = -1;
      },
      'fees.items.0.direct',
    ],
    [
      'an unknown top-level property',
      (b) => {
        b.colour = 'blue';
      },
      'colour',
    ],
    [
      'a start in the past',
      (b) => {
        b.effectiveFrom = daysFromToday(-3);
      },
      'effectiveFrom',
    ],
    [
      'a missing change note',
      (b) => {
        delete b.changeNote;
      },
      'changeNote',
    ],
  ])('refuses %s with a 400 naming the field', async (_name, change, field) => {
    const body = (await versionBody('1.004222', daysFromToday(200))) as unknown as Parameters<typeof change>[0];
    change(body);
    const res = await post(admin, '1.004222', body);
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json<ErrorBody>();
    expect(error.fields?.map((f) => f.field).join(' ')).toContain(field);
    expect(error.fields?.[0]?.messageVi).toBeTruthy();
    expect(error.fields?.[0]?.messageEn).toBeTruthy();
  });

  it('refuses officers and anonymous callers (403 / 401) and lists versions only for staff with procedures.read', async () => {
    const body = await versionBody('1.010041', daysFromToday(300));
    expect((await post(officer, '1.010041', body)).statusCode).toBe(403);
    const civil = await t.staff('civil_status_officer', '03445');
    expect((await post(civil, '1.010041', body)).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/procedures/1.010041/versions', payload: body })).statusCode,
    ).toBe(401);
    expect((await get('/api/v1/procedures/1.010041/versions')).statusCode).toBe(401);
    expect((await admin.inject('/api/v1/procedures/1.010041/versions')).statusCode).toBe(200);
    expect((await admin.inject('/api/v1/procedures/0.000000/versions')).statusCode).toBe(404);
  });
});
