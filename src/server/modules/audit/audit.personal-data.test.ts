import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { AppError, statusForCode } from '../../platform/errors';
import { pseudonymize, subjectFor } from './audit.pseudonym';
import { assertPurpose, listPurposes, recordAccess } from './audit.service';
import { sealPendingAccess } from './audit.sealer';
import { errorText, makeEntry, TEST_KEY } from './test-support';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

describe('personal data in the log', () => {
  it('derives a stable pseudonym per key, different under another key, never the number', () => {
    const id = '012190000001';
    const a = pseudonymize(TEST_KEY, id);
    expect(pseudonymize(TEST_KEY, id)).toBe(a);
    expect(pseudonymize(`${TEST_KEY}-rotated`, id)).not.toBe(a);
    expect(pseudonymize(TEST_KEY, '012190000002')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toContain(id);
  });

  it('files a person without an ID number under their record id', () => {
    const personId = '3f1c2b8e-7d6a-4c5b-9e8f-0a1b2c3d4e5f';
    expect(subjectFor(TEST_KEY, { nationalId: null, personId })).toBe(`rec:${personId}`);
    expect(() => subjectFor(TEST_KEY, {})).toThrow(AppError);
  });

  it('never stores the 12-digit ID number (scanning the whole table as text)', async () => {
    const ids = ['012085000123', '012315000777'];
    await recordAccess(
      database.db,
      ids.map((nationalId) => makeEntry({ subject: subjectFor(TEST_KEY, { nationalId }) })),
    );
    const pending =
      (await database.rows<{ t: string }>(sql`select string_agg(l::text, E'\n') as t from audit.access_pending l`))[0]
        ?.t ?? '';
    await sealPendingAccess(database.db);
    const text =
      pending +
      ((await database.rows<{ t: string }>(sql`select string_agg(l::text, E'\n') as t from audit.access_log l`))[0]
        ?.t ?? '');
    expect(text).toContain(pseudonymize(TEST_KEY, ids[0]!));
    for (const id of [...ids, '012190000001']) expect(text).not.toContain(id);
  });

  it.each([
    ['a raw ID number as subject', makeEntry({ subject: '012190000001' })],
    ['an ID number inside details', makeEntry({ details: { query: 'so 012190000001' } })],
    ['a malformed action', makeEntry({ action: 'Read Person' })],
  ])('refuses %s before writing', async (_name, entry) => {
    await expect(recordAccess(database.db, [entry])).rejects.toMatchObject({ code: 'AUDIT.ENTRY_INVALID' });
  });
});

describe('purposes', () => {
  it('lists the seeded purposes in Vietnamese and English, including data cleaning', async () => {
    const purposes = await listPurposes(database.db);
    expect(purposes.length).toBeGreaterThanOrEqual(6);
    expect(purposes.find((p) => p.code === 'data_cleaning')).toMatchObject({
      nameVi: 'Làm sạch dữ liệu dân cư',
      active: true,
    });
  });

  it('rejects an unknown or retired purpose with a 400 code', async () => {
    await database.db.execute(
      sql`insert into audit.purposes (code, name_vi, name_en, active) values ('retired', 'Cũ', 'Old', false)`,
    );
    for (const code of ['no_such_purpose', 'retired', null]) {
      const error = await assertPurpose(database.db, code).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect(statusForCode((error as AppError).code)).toBe(400);
    }
    await expect(assertPurpose(database.db, 'inspection')).resolves.toMatchObject({ nameEn: 'Inspection or audit' });
  });

  it('refuses an entry whose purpose is not in the list (foreign key)', async () => {
    const error = await recordAccess(database.db, [makeEntry({ purpose: 'no_such_purpose' })]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(errorText(error)).toContain('access_pending_purpose_fk');
  });
});

describe('details', () => {
  it('accepts record ids whose last group happens to be 12 digits', async () => {
    await expect(
      recordAccess(database.db, [makeEntry({ details: { personId: '3f1c2b8e-7d6a-4c5b-9e8f-012190000001' } })]),
    ).resolves.toBeUndefined();
  });
});
