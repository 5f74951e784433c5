import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { AppError } from '../../platform/errors';
import { errorText } from '../audit/test-support';
import {
  createVersion,
  getProcedureVersion,
  getProcedureVersionById,
  listProcedures,
  listVersions,
} from './procedures.service';
import { loadReferenceProcedures, seedProcedures } from './procedures.seed';
import { daysFromToday, versionBody } from './test-support';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedProcedures(database.db);
});
afterAll(async () => database?.dispose());

const db = () => database.db;

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('reference seed', () => {
  it('loads the 16 procedures once: a second run creates nothing', async () => {
    const versions = (await loadReferenceProcedures()).length; // every dated version in reference/procedures
    expect((await listProcedures(db())).total).toBe(16);
    expect(await seedProcedures(db())).toEqual({ created: 0, existing: versions });
    expect((await listProcedures(db())).total).toBe(16);
  });

  it('stores the time limit with half days and the note', async () => {
    const confirm = await getProcedureVersion(db(), '1.010041');
    expect(confirm.timeLimitWorkingDays).toBe(0.5);
    expect(confirm.timeLimitNote).toContain('3 ngày');
    expect((await getProcedureVersion(db(), '2.001159')).timeLimitWorkingDays).toBe(0);
    expect((await getProcedureVersion(db(), '1.004222')).timeLimitWorkingDays).toBe(7);
  });
});

describe('versions and effective dates', () => {
  it('selects the version in force on a date and closes the previous one the day before the new one', async () => {
    const v1 = await getProcedureVersion(db(), '1.004194');
    const start = daysFromToday(30);
    const body = await versionBody('1.004194', start, {
      timeLimitWorkingDays: 2.5,
      nameVi: 'Đăng ký tạm trú (sửa đổi)',
    });
    const { version: v2, closed } = await createVersion(db(), '1.004194', body, { createdBy: null });
    expect(closed).toBe(v1.id);
    expect(v2.version).toBe(v1.version + 1);
    expect((await getProcedureVersion(db(), '1.004194', daysFromToday(29))).id).toBe(v1.id);
    expect((await getProcedureVersion(db(), '1.004194', start)).id).toBe(v2.id);
    expect((await getProcedureVersion(db(), '1.004194', '2099-12-31')).timeLimitWorkingDays).toBe(2.5);
    // The old version's content is unchanged; only its period was closed.
    const old = await getProcedureVersionById(db(), v1.id);
    expect({ ...old, effectiveTo: null }).toEqual(v1);
    expect(old.effectiveTo).toBe(daysFromToday(29));
    const all = (await listVersions(db(), '1.004194')).map((v) => v.version);
    expect(all).toEqual([
      v1.version + 1,
      v1.version,
      ...Array.from({ length: v1.version - 1 }, (_, i) => v1.version - 1 - i),
    ]);
  });

  it('answers PROCEDURE.NOT_FOUND before the first version and for an unknown code, naming the date', async () => {
    const before = await appErrorOf(getProcedureVersion(db(), '1.004222', '2025-06-30'));
    expect(before.code).toBe('PROCEDURE.NOT_FOUND');
    expect(before.messageVi).toContain('30/06/2025');
    expect((await appErrorOf(getProcedureVersion(db(), '9.999999'))).code).toBe('PROCEDURE.NOT_FOUND');
    expect((await appErrorOf(getProcedureVersionById(db(), '00000000-0000-4000-8000-000000000000'))).code).toBe(
      'PROCEDURE.VERSION_NOT_FOUND',
    );
  });

  it('refuses a version that overlaps a later one with PROCEDURE.VERSION_CONFLICT naming it', async () => {
    const start = daysFromToday(60);
    const { version: later } = await createVersion(db(), '1.010028', await versionBody('1.010028', start), {
      createdBy: null,
    });
    const error = await appErrorOf(
      createVersion(db(), '1.010028', await versionBody('1.010028', daysFromToday(40)), { createdBy: null }),
    );
    expect(error.code).toBe('PROCEDURE.VERSION_CONFLICT');
    expect(error.messageVi).toContain(`phiên bản ${later.version}`);
    expect(error.fields?.[0]?.field).toBe('effectiveFrom');
    const same = await appErrorOf(
      createVersion(db(), '1.010028', await versionBody('1.010028', start), { createdBy: null }),
    );
    expect(same.code).toBe('PROCEDURE.VERSION_CONFLICT');
  });

  it('refuses a start in the past for administrators and an end before the start', async () => {
    const past = await appErrorOf(
      createVersion(db(), '1.003677', await versionBody('1.003677', daysFromToday(-1)), { createdBy: null }),
    );
    expect(past).toMatchObject({ code: 'PROCEDURE.EFFECTIVE_FROM_INVALID' });
    const reversed = await appErrorOf(
      createVersion(
        db(),
        '1.003677',
        await versionBody('1.003677', daysFromToday(5), { effectiveTo: daysFromToday(4) }),
        { createdBy: null },
      ),
    );
    expect(reversed.fields?.[0]?.field).toBe('effectiveTo');
  });

  it('lets only one of two administrators racing for the same start date win', async () => {
    const start = daysFromToday(90);
    const body = await versionBody('1.010039', start);
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => createVersion(db(), '1.010039', body, { createdBy: null })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'PROCEDURE.VERSION_CONFLICT' });
    expect((await listVersions(db(), '1.010039')).map((v) => v.effectiveFrom)).toEqual([
      start,
      '2026-12-06',
      '2026-03-15',
      '2025-07-01',
    ]);
  });
});

describe('the database guards versions, whoever writes', () => {
  it('refuses to change a stored version', async () => {
    const error = await db()
      .execute(sql`update procedures.procedure_versions set name_vi = 'Sửa lén' where code = '1.004222'`)
      .catch((e: unknown) => e);
    expect(errorText(error)).toMatch(/immutable/);
  });

  it('refuses to reopen a closed period or to delete a version', async () => {
    const reopen = await db()
      .execute(
        sql`update procedures.procedure_versions set effective_to = null where code = '1.004194' and version = 1`,
      )
      .catch((e: unknown) => e);
    expect(errorText(reopen)).toMatch(/immutable/);
    const remove = await db()
      .execute(sql`delete from procedures.procedure_versions where code = '1.004222'`)
      .catch((e: unknown) => e);
    expect(errorText(remove)).toMatch(/cannot be deleted/);
  });

  it('refuses an overlapping period written directly in SQL', async () => {
    const error = await db()
      .execute(
        sql`insert into procedures.procedure_versions (code, version, effective_from, name_vi, name_en, search_key, field, agency_level, handled_by_role, online_level, required_eid_level, time_limit_half_days, fees, documents, form, components, legal_basis, sources, unconfirmed)
        select code, 99, date '2030-01-01', name_vi, name_en, search_key, field, agency_level, handled_by_role, online_level, required_eid_level, time_limit_half_days, fees, documents, form, components, legal_basis, sources, unconfirmed
        from procedures.procedure_versions where code = '1.004222' and version = 1`,
      )
      .catch((e: unknown) => e);
    expect(errorText(error)).toMatch(/overlaps version 3/); // the open version from 5/12/2026 (structured address)
  });
});
