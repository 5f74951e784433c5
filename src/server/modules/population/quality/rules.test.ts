import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../../../test/db';
import { makeHousehold, makePerson } from '../../../../../test/factories';
import { queryRows } from '../../../platform/db';
import { copyRegistryBatch } from '../population.import';
import { checkNationalId } from '../id-number';
import { ID_PROVINCE_CODES } from '../id-province-codes';
import { QUALITY_RULES } from './rules';
import { checkPerson } from './engine';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

/** A small deterministic generator (LCG) so the cases are the same every run. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return (n: number) => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0), s % n);
}

describe('the ID-consistency rule', () => {
  it('agrees between the SQL check (bulk runs) and the TypeScript check (forms, API) on 600 generated numbers', async () => {
    const rand = lcg(6);
    const provinces = ['012', '001', '011', '079', '099', '000'];
    const people = Array.from({ length: 600 }, (_, i) => {
      const birthYear = 1900 + rand(126);
      const sex = rand(2) === 0 ? ('male' as const) : ('female' as const);
      const d4 = rand(4) === 0 ? rand(10) : 2 * Math.floor(birthYear / 100 - 19) + (sex === 'female' ? 1 : 0);
      const yy = rand(5) === 0 ? rand(100) : birthYear % 100;
      const id = `${provinces[rand(provinces.length)]}${d4}${String(yy).padStart(2, '0')}${String(i).padStart(6, '0')}`;
      return makePerson({
        id: randomUUID(),
        nationalId: id,
        idCardNumber: id,
        birthYear,
        birthDate: `${birthYear}-06-01`,
        sex,
      });
    });
    await copyRegistryBatch(database, makeHousehold('03445', people));
    const rule = QUALITY_RULES.find((r) => r.code === 'CORRECT.ID_INCONSISTENT')!;
    const flagged = new Set(
      (
        await queryRows<{ person_id: string }>(
          database.db,
          rule.query({ asOf: '2026-11-27', params: {}, idProvinceCodes: [...ID_PROVINCE_CODES] }, sql``),
        )
      ).map((r) => r.person_id),
    );
    const expected = people.filter(
      (p) => !checkNationalId({ id: p.nationalId!, birthYear: p.birthYear, sex: p.sex }, ID_PROVINCE_CODES).valid,
    );
    expect(expected.length).toBeGreaterThan(100); // the generator really produces both kinds
    expect(expected.length).toBeLessThan(500);
    expect([...flagged].sort()).toEqual(expected.map((p) => p.id).sort());
  });
});

describe('rules on one person', () => {
  it.each([
    ['CLEAN.TEXT_NOT_NORMALIZED', { fullName: 'Lò  Thị Hoa' }],
    ['CLEAN.TEXT_NOT_NORMALIZED', { fullName: 'Ðiêu Chính Tới' }],
    ['CLEAN.TEXT_NOT_NORMALIZED', { fullName: 'Lò Thị Hoa'.normalize('NFD') }],
    ['LIVE.IMPOSSIBLE_AGE', { nationalId: null, idCardNumber: null, birthYear: 1890, birthDate: null }],
    ['LIVE.NOT_VERIFIED', { lastVerifiedAt: '2020-01-01T00:00:00Z' }],
    ['COMPLETE.MISSING_ID_CARD', { idCardNumber: null }],
    ['CORRECT.INVALID_CODE', { ethnicityCode: '77' }],
    ['CORRECT.IMPLAUSIBLE_DATE', { idCardIssuedOn: '1980-01-01' }],
    ['COMPLETE.MISSING_CORE_FIELD', { ethnicityCode: null }],
  ] as const)('flags %s for %j', async (code, overrides) => {
    const person = makePerson({ id: randomUUID(), nationalId: null, idCardNumber: 'x', ...overrides });
    await copyRegistryBatch(database, makeHousehold('03445', [person]));
    const findings = await checkPerson(database.db, person.id, '2026-11-27', [...ID_PROVINCE_CODES]);
    expect(findings.map((f) => f.ruleCode)).toContain(code);
  });

  it('flags a deceased person whose permanent residence is still open, but not one whose residence was closed', async () => {
    const open = makePerson({ id: randomUUID(), nationalId: null, status: 'deceased', deathDate: '2024-02-01' });
    const closed = makePerson({ id: randomUUID(), nationalId: null, status: 'deceased', deathDate: '2024-02-01' });
    await copyRegistryBatch(database, makeHousehold('03445', [open]));
    const batch = makeHousehold('03445', [closed]);
    batch.residences[0]!.validTo = '2024-02-05';
    await copyRegistryBatch(database, batch);
    const codes = async (id: string) =>
      (await checkPerson(database.db, id, '2026-11-27', [...ID_PROVINCE_CODES])).map((f) => f.ruleCode);
    expect(await codes(open.id)).toContain('LIVE.DECEASED_STILL_RESIDENT');
    expect(await codes(closed.id)).not.toContain('LIVE.DECEASED_STILL_RESIDENT');
    expect(await codes(closed.id)).not.toContain('COMPLETE.MISSING_PERMANENT_RESIDENCE'); // the dead need none
  });

  it('flags both records of a duplicate pair and both heads of a two-headed household', async () => {
    const a = makePerson({
      id: randomUUID(),
      nationalId: null,
      fullName: 'Tẩn Láo Lở',
      birthDate: '1970-01-01',
      birthYear: 1970,
      sex: 'male',
    });
    const b = { ...a, id: randomUUID(), fullName: 'Tan Lao Lo' }; // same search key
    await copyRegistryBatch(database, makeHousehold('03445', [a]));
    await copyRegistryBatch(
      database,
      makeHousehold('03445', [b, makePerson({ id: randomUUID(), nationalId: null, relationToHead: 'head' })]),
    );
    for (const p of [a, b]) {
      expect(
        (await checkPerson(database.db, p.id, '2026-11-27', [...ID_PROVINCE_CODES])).map((f) => f.ruleCode),
      ).toContain('CLEAN.DUPLICATE_PERSON');
    }
    expect(
      (await checkPerson(database.db, b.id, '2026-11-27', [...ID_PROVINCE_CODES])).map((f) => f.ruleCode),
    ).toContain('CLEAN.HOUSEHOLD_CONFLICT');
  });

  it('flags the members of a household whose head died or left, and not those of a household with its head', async () => {
    const head = makePerson({ id: randomUUID(), nationalId: null, status: 'deceased', deathDate: '2026-01-01' });
    const wife = makePerson({ id: randomUUID(), nationalId: null, relationToHead: 'spouse' });
    await copyRegistryBatch(database, makeHousehold('03445', [head, { ...wife, relationToHead: 'spouse' }]));
    const other = makePerson({ id: randomUUID(), nationalId: null });
    const child = makePerson({ id: randomUUID(), nationalId: null });
    await copyRegistryBatch(database, makeHousehold('03445', [other, { ...child, relationToHead: 'child' }]));
    const codes = async (id: string) =>
      (await checkPerson(database.db, id, '2026-11-27', [...ID_PROVINCE_CODES])).map((f) => f.ruleCode);
    expect(await codes(wife.id)).toContain('LIVE.HOUSEHOLD_WITHOUT_HEAD');
    expect(await codes(child.id)).not.toContain('LIVE.HOUSEHOLD_WITHOUT_HEAD');
  });

  it('has no finding for a clean record', async () => {
    const clean = makePerson({
      id: randomUUID(),
      nationalId: '012190999999',
      idCardNumber: '012190999999',
      fullName: 'Quàng Thị Xuân',
    });
    await copyRegistryBatch(database, makeHousehold('03445', [clean]));
    expect(await checkPerson(database.db, clean.id, '2026-11-27', [...ID_PROVINCE_CODES])).toEqual([]);
  });

  it('respects an administrator switching a rule off', async () => {
    const p = makePerson({ id: randomUUID(), nationalId: null, lastVerifiedAt: '2019-01-01T00:00:00Z' });
    await copyRegistryBatch(database, makeHousehold('03445', [p]));
    await checkPerson(database.db, p.id, '2026-11-27', []); // creates the rule rows
    await database.db.execute(
      sql`update population.quality_rules set enabled = false where code = 'LIVE.NOT_VERIFIED'`,
    );
    expect((await checkPerson(database.db, p.id, '2026-11-27', [])).map((f) => f.ruleCode)).not.toContain(
      'LIVE.NOT_VERIFIED',
    );
    await database.db.execute(
      sql`update population.quality_rules set enabled = true, params = '{"months": 120}' where code = 'LIVE.NOT_VERIFIED'`,
    );
    expect((await checkPerson(database.db, p.id, '2026-11-27', [])).map((f) => f.ruleCode)).not.toContain(
      'LIVE.NOT_VERIFIED',
    );
  });
});
