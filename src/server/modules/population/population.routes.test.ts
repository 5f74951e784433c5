import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import type { PersonDetail, PersonSummary, QualityReport, ValidateIdResult } from '../../../contracts/population';
import { copyRegistryBatch } from './index';

let t: TestApp;
let officer: Session; // Standing Agency: province-wide
const thuy = makePerson();
const pao = makePerson({
  nationalId: '012085000123',
  idCardNumber: '012085000123',
  fullName: 'Giàng A Páo',
  birthDate: '1985-07-02',
  birthYear: 1985,
  sex: 'male',
  ethnicityCode: '08',
});
const child = makePerson({
  nationalId: '012315000777',
  idCardNumber: null,
  idCardKind: null,
  idCardIssuedOn: null,
  idCardExpiresOn: null,
  fullName: 'Giàng Thị Mai',
  birthDate: '2015-01-20',
  birthYear: 2015,
  eIdLevel: 0,
  eIdActivatedOn: null,
  ethnicityCode: '08',
});

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.staff('standing_agency', '12');
  await copyRegistryBatch(t.database, makeHousehold('03445', [thuy])); // Xã Mường Tè
  await copyRegistryBatch(t.database, makeHousehold('03388', [pao, child])); // Phường Đoàn Kết
});
afterAll(async () => t?.close());

const post = (url: string, payload: unknown) => officer.inject({ method: 'POST', url, payload: payload as object });

describe('POST /api/v1/population/validate-id', () => {
  it('accepts an ID number consistent with the birth date and sex, and decodes it', async () => {
    const res = await post('/api/v1/population/validate-id', {
      id: '012190000001',
      birthDate: '1990-03-15',
      sex: 'female',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<ValidateIdResult>();
    expect(body.valid).toBe(true);
    expect(body.decoded).toMatchObject({
      provinceCode: '012',
      provinceName: 'Lai Châu',
      sex: 'female',
      birthYear: 1990,
    });
  });

  it('lists every problem of an inconsistent number, naming the field', async () => {
    const body = (
      await post('/api/v1/population/validate-id', { id: '012290000001', birthDate: '1991-03-15', sex: 'female' })
    ).json<ValidateIdResult>();
    expect(body.valid).toBe(false);
    expect(body.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['ID.SEX_MISMATCH', 'ID.CENTURY_MISMATCH']),
    );
  });

  it.each([
    [{ id: '0121900', birthDate: '1990-02-30' }, 'birthDate'],
    [{ id: '012190000001', sex: 'x' }, 'sex'],
    [{ id: '012190000001', extra: true }, 'extra'],
    [{ id: 'x'.repeat(100) }, 'id'],
  ])('rejects bad input %j with a 400 naming %s', async (payload, field) => {
    const res = await post('/api/v1/population/validate-id', payload);
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ error: { fields: Array<{ field: string }> } }>().error.fields.map((f) => f.field);
    expect(fields).toContain(field);
  });
});

describe('POST /api/v1/population/persons/search', () => {
  it('finds a person by exact ID number', async () => {
    const body = (await post('/api/v1/population/persons/search', { nationalId: '012085000123' })).json<{
      items: PersonSummary[];
      total: number;
    }>();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({
      fullName: 'Giàng A Páo',
      residenceUnitCode: '03388',
      residenceUnitName: 'Phường Đoàn Kết',
    });
  });

  it.each(['giang a pao', 'GIÀNG A PÁO', 'Giang A Pao', 'a pao'])(
    'finds Giàng A Páo by the name "%s" ignoring diacritics and case',
    async (name) => {
      const body = (await post('/api/v1/population/persons/search', { name })).json<{ items: PersonSummary[] }>();
      expect(body.items[0]?.fullName).toBe('Giàng A Páo');
    },
  );

  it('treats both tone-mark placements alike (Thủy ≡ Thuỷ)', async () => {
    const body = (await post('/api/v1/population/persons/search', { name: 'Lò Thị Thủy' })).json<{
      items: PersonSummary[];
    }>();
    expect(body.items.map((p) => p.fullName)).toContain('Lò Thị Thuỷ');
  });

  it('keeps the words of the name in order, the last one as a prefix', async () => {
    const body = (await post('/api/v1/population/persons/search', { name: 'giang a p' })).json<{
      items: PersonSummary[];
      fuzzy: boolean;
    }>();
    expect(body.items.map((p) => p.fullName)).toEqual(['Giàng A Páo']);
    expect(body.fuzzy).toBe(false);
    const none = (await post('/api/v1/population/persons/search', { name: 'pao giang' })).json<{
      items: PersonSummary[];
      fuzzy: boolean;
    }>();
    expect(none.items.map((p) => p.fullName)).not.toContain('Lò Thị Thuỷ');
  });

  it('falls back to similar names, marked fuzzy, when no name has the words (a typo)', async () => {
    const body = (await post('/api/v1/population/persons/search', { name: 'Giang A Pau' })).json<{
      items: PersonSummary[];
      fuzzy: boolean;
    }>();
    expect(body.fuzzy).toBe(true);
    expect(body.items[0]?.fullName).toBe('Giàng A Páo');
  });

  it('filters by commune and birth year', async () => {
    const inUnit = (await post('/api/v1/population/persons/search', { name: 'giang', unitCode: '03445' })).json<{
      total: number;
    }>();
    expect(inUnit.total).toBe(0);
    const byYear = (await post('/api/v1/population/persons/search', { name: 'giang', birthYear: 2015 })).json<{
      items: PersonSummary[];
    }>();
    expect(byYear.items.map((p) => p.fullName)).toEqual(['Giàng Thị Mai']);
  });

  it('pages results', async () => {
    const body = (await post('/api/v1/population/persons/search', { name: 'giang', pageSize: 1, page: 2 })).json<{
      items: PersonSummary[];
      total: number;
      page: number;
    }>();
    expect(body).toMatchObject({ total: 2, page: 2 });
    expect(body.items).toHaveLength(1);
  });

  // Issue #10 point 5: a name of punctuation, CJK or full-width letters folded to an empty key and listed everyone.
  it.each(['!!', '--', '李明', 'ＭＡＩ', '. .', 'a!', 'Đ-'])(
    'refuses the name %j, under 2 letters or digits once folded, with a 400 naming name (not every person)',
    async (name) => {
      const everyone = (await post('/api/v1/population/persons/search', { name: 'giang' })).json<{ total: number }>();
      expect(everyone.total).toBeGreaterThan(0);
      for (const payload of [{ name }, { name, birthYear: 2015 }, { name, nationalId: '012085000123' }]) {
        const res = await post('/api/v1/population/persons/search', payload);
        expect(res.statusCode, res.body).toBe(400);
        const error = res.json<{ error: { messageVi: string; messageEn: string; fields: Array<{ field: string }> } }>()
          .error;
        expect(error.fields.map((f) => f.field)).toEqual(['name']);
        expect(error.messageVi).toMatch(/ít nhất 2/);
        expect(error.messageEn).toMatch(/at least 2/);
      }
    },
  );

  it.each([
    [{}, 'name'],
    [{ nationalId: '12345' }, 'nationalId'],
    [{ name: 'a' }, 'name'],
    [{ name: 'giang', birthDate: '2020-13-01' }, 'birthDate'],
    [{ name: 'giang', unitCode: 'x1' }, 'unitCode'],
    [{ name: 'giang', pageSize: 1000 }, 'pageSize'],
    [{ name: "' OR 1=1 --" }, null],
  ])('answers %j without a 500 (400 naming %s, or an empty page for injection strings)', async (payload, field) => {
    const res = await post('/api/v1/population/persons/search', payload);
    if (field === null) {
      expect(res.statusCode).toBe(200);
      expect(res.json<{ total: number }>().total).toBe(0);
      return;
    }
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { fields: Array<{ field: string }> } }>().error.fields.map((f) => f.field)).toContain(
      field,
    );
  });
});

describe('GET /api/v1/population/persons/:id', () => {
  it('shows the record with household, residence history and no findings for clean data', async () => {
    const res = await officer.inject({
      method: 'GET',
      url: `/api/v1/population/persons/${pao.id}?purpose=data_cleaning`,
    });
    expect(res.statusCode).toBe(200);
    const p = res.json<PersonDetail>();
    expect(p).toMatchObject({ fullName: 'Giàng A Páo', ethnicityName: 'HMông', eId: { level: 2 } });
    expect(p.household?.members.map((m) => m.fullName)).toEqual(['Giàng A Páo', 'Giàng Thị Mai']);
    expect(p.residences[0]).toMatchObject({
      kind: 'permanent',
      unitCode: '03388',
      unitName: 'Phường Đoàn Kết',
      validTo: null,
    });
    expect(p.findings).toEqual([]);
  });

  it('answers an unknown record with 404 and a malformed id with 400', async () => {
    expect(
      (
        await officer.inject({
          method: 'GET',
          url: '/api/v1/population/persons/00000000-0000-4000-8000-000000000000?purpose=data_cleaning',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await officer.inject({ method: 'GET', url: '/api/v1/population/persons/123?purpose=data_cleaning' })).statusCode,
    ).toBe(400);
  });
});

describe('quality runs: bad input', () => {
  it.each([
    [{ asOf: '2026-02-29' }, 'asOf'],
    [{ asOf: 20260101 }, 'asOf'],
    [{ everything: true }, 'everything'],
  ])('rejects %j with a 400 naming %s and starts no run', async (payload, field) => {
    const res = await post('/api/v1/population/quality/runs', payload);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { fields: Array<{ field: string }> } }>().error.fields.map((f) => f.field)).toContain(
      field,
    );
    const runs = await t.database.rows<{ n: number | string }>(sql`select count(*) as n from population.quality_runs`);
    expect(Number(runs[0]?.n)).toBe(0);
  });
});

describe('quality report', () => {
  it('answers 200 with no report (null) before the first run, then scores the province and each commune', async () => {
    const none = await officer.inject({ method: 'GET', url: '/api/v1/population/quality/report' });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toBeNull();
    await t.database.db.execute(
      sql`update population.persons set id_card_number = null where full_name = 'Giàng A Páo'`,
    );
    const res = await post('/api/v1/population/quality/runs', {});
    expect(res.statusCode).toBe(200);
    const report = res.json<QualityReport>();
    expect(report.province).toMatchObject({ persons: 3, personsWithFindings: 1 });
    expect(report.communes.find((c) => c.unitCode === '03388')).toMatchObject({
      persons: 2,
      personsWithFindings: 1,
      score: 0.5,
      unitName: 'Phường Đoàn Kết',
    });
    expect(report.rules.find((r) => r.code === 'COMPLETE.MISSING_ID_CARD')?.findings).toBe(1);
  });
});
