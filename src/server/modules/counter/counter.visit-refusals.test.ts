import { describe, expect, it } from 'vitest';
import { testConfig } from '../../../../test/db';
import type { CitizenLookup } from '../../../contracts/counter';
import { listAccessForSubject, subjectFor } from '../audit';
import { PEOPLE, post, type ErrorBody } from './test-support';
import { colleague, officer, record, t, useCounterApp, visitCount } from './counter.routes.test-support';

useCounterApp();

describe('POST /api/v1/counter/visits', () => {
  it('answers an unknown procedure code with a bilingual 404 naming procedureCode, and records nothing', async () => {
    const before = await visitCount();
    const res = await record(officer, { procedureCode: '9.999999' });
    expect(res.statusCode).toBe(404);
    const body = res.json<ErrorBody>();
    expect(body.error.code).toBe('COUNTER.PROCEDURE_NOT_FOUND');
    expect(body.error.fields?.[0]).toMatchObject({ field: 'procedureCode' });
    expect(body.error.messageVi).toContain('9.999999');
    expect(body.error.messageEn).toContain('9.999999');
    expect(await visitCount()).toBe(before);
  });

  it('answers an unknown ID number with a clear 404 naming nationalId, without echoing the number', async () => {
    const before = await visitCount();
    const res = await record(officer, { nationalId: '012190099999' });
    expect(res.statusCode).toBe(404);
    const body = res.json<ErrorBody>();
    expect(body.error).toMatchObject({
      code: 'COUNTER.PERSON_NOT_FOUND',
      fields: [expect.objectContaining({ field: 'nationalId' })],
    });
    expect(body.error.messageVi).toMatch(/Không tìm thấy công dân/);
    expect(body.error.messageEn).toMatch(/No person with this ID number/);
    expect(res.body).not.toContain('012190099999');
    expect(await visitCount()).toBe(before);
  });

  it('refuses a deceased person as the visitor (400 naming nationalId)', async () => {
    const res = await record(officer, { nationalId: PEOPLE.late.nationalId });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error).toMatchObject({
      code: 'COUNTER.PERSON_DECEASED_INVALID',
      fields: [expect.objectContaining({ field: 'nationalId' })],
    });
  });

  it.each([
    [{ outcome: 'done' }, 'outcome'],
    [{ typedBy: 'robot' }, 'typedBy'],
    [{ guidedOnline: 'yes' }, 'guidedOnline'],
    [{ nationalId: '0121900' }, 'nationalId'],
    [{ counterLabel: '' }, 'counterLabel'],
    [{ procedureCode: 'tạm trú' }, 'procedureCode'],
    [{ unitCode: 'abc' }, 'unitCode'],
    [{ note: 'số 012190000001' }, 'note'],
  ])('rejects %j with a bilingual 400 naming %s', async (over, field) => {
    const res = await record(officer, over);
    expect(res.statusCode).toBe(400);
    const fields = res.json<ErrorBody>().error.fields ?? [];
    const problem = fields.find((f) => f.field === field);
    expect(problem, JSON.stringify(fields)).toBeDefined();
    expect(problem!.messageVi).not.toBe(problem!.messageEn);
  });

  it.each([
    [{ typedBy: null }, 'typedBy'],
    [{ procedureCode: null }, 'procedureCode'],
    [{ outcome: 'referred', typedBy: null, procedureCode: null, dossierCode: 'X-260302-0001' }, 'dossierCode'],
  ])('rejects the inconsistent visit %j naming %s', async (over, field) => {
    const res = await record(officer, over);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error).toMatchObject({
      code: 'COUNTER.VISIT_INVALID',
      fields: [expect.objectContaining({ field })],
    });
  });

  it('refuses a visit time on another day', async () => {
    const res = await record(officer, { visitedAt: new Date(Date.now() - 2 * 86_400_000).toISOString() });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.fields?.[0]?.field).toBe('visitedAt');
  });

  it('refuses an unknown unit code (400 naming unitCode)', async () => {
    const res = await record(officer, { unitCode: '99999' });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error).toMatchObject({
      code: 'COUNTER.UNIT_INVALID',
      fields: [expect.objectContaining({ field: 'unitCode' })],
    });
  });
});

describe('POST /api/v1/counter/lookup', () => {
  it('shows the name and birth year to confirm with the citizen, and logs the lookup', async () => {
    const lookups = async () => {
      const log = await listAccessForSubject(
        t.database.db,
        subjectFor(testConfig().AUDIT_PSEUDONYM_KEY!, { nationalId: PEOPLE.thuy.nationalId }),
        { page: 1, pageSize: 50 },
      );
      return log.items.filter((e) => e.purposeCode === 'citizen_request').length;
    };
    const before = await lookups();
    const res = await post(colleague, '/api/v1/counter/lookup', { nationalId: PEOPLE.thuy.nationalId! });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CitizenLookup>()).toEqual({
      personId: PEOPLE.thuy.id,
      fullName: 'Lò Thị Thuỷ',
      birthYear: 1990,
      residenceUnitName: 'Xã Mường Tè',
      deceased: false,
    });
    expect(await lookups()).toBe(before + 1);
  });

  it('flags a deceased person instead of refusing the lookup', async () => {
    const res = await post(officer, '/api/v1/counter/lookup', { nationalId: PEOPLE.late.nationalId! });
    expect(res.json<CitizenLookup>()).toMatchObject({ fullName: 'Lò Văn Khăm', deceased: true });
  });

  it('answers an unknown number with 404 naming nationalId', async () => {
    const res = await post(officer, '/api/v1/counter/lookup', { nationalId: '012190099998' });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().error.fields?.[0]?.field).toBe('nationalId');
  });
});
