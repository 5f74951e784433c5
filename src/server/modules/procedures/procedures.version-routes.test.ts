import { describe, expect, it } from 'vitest';
import type { Session } from '../../../../test/app';
import type { ProcedureList, ProcedureVersion, VersionList } from '../../../contracts/procedures';
import { daysFromToday, versionBody } from './test-support';
import { admin, get, officer, t, useCatalogApp, type ErrorBody } from './procedures.routes.test-support';

useCatalogApp();

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
      version: before.version + 1,
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
    expect(versions.json<VersionList>().items.map((v) => v.version)).toEqual([
      before.version + 1,
      before.version,
      ...Array.from({ length: before.version - 1 }, (_, i) => before.version - 1 - i),
    ]);
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
