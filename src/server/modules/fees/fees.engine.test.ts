import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import type { ProcedureVersion } from '../../../contracts/procedures';
import { getProcedureVersion, seedProcedures } from '../procedures';
import { addListMember, computeDossierFee, endListMember, seedFeeLists, type ApplicantFacts } from './index';

/** The engine against a real database: list entries are taken on the filing date, both ends included. */
let database: TestDatabase;
let permanent: ProcedureVersion;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedProcedures(database.db);
  await seedFeeLists(database.db);
  permanent = await getProcedureVersion(database.db, '1.004222', '2026-03-01');
});
afterAll(async () => database?.dispose());

const kinhIn = (residenceUnitCode: string, householdId: string | null = null): ApplicantFacts => ({
  personId: null,
  birthDate: '1980-01-01',
  ethnicityCode: '01',
  residenceUnitCode,
  householdId,
});
const fee = (applicant: ApplicantFacts, asOf: string) =>
  computeDossierFee(database.db, permanent, { channel: 'paper', persons: 1, applicant, claim: null, asOf });

describe('list effective dates', () => {
  it('applies a commune entry from its first day to its last day, both included', async () => {
    const member = await addListMember(
      database.db,
      'border_communes',
      { unitCode: '03390', validFrom: '2026-01-01', source: 'Quyết định thử nghiệm A', provisional: false },
      null,
      '2026-01-01',
    );
    await endListMember(
      database.db,
      'border_communes',
      member.id,
      { validTo: '2026-06-30', source: 'Quyết định thử nghiệm B' },
      null,
      '2026-07-01',
    );
    const applicant = kinhIn('03390'); // Xã Bình Lư
    expect((await fee(applicant, '2025-12-31')).amount).toBe(20_000);
    expect((await fee(applicant, '2026-01-01')).exemption).toMatchObject({ code: 'border_commune', status: 'granted' });
    expect((await fee(applicant, '2026-06-30')).amount).toBe(0);
    expect((await fee(applicant, '2026-07-01')).amount).toBe(20_000);
  });

  it('applies the seeded border communes from the day the merged communes exist (1/7/2025)', async () => {
    expect((await fee(kinhIn('03451'), '2025-06-30')).exemption).toBeNull();
    const granted = await fee(kinhIn('03451'), '2025-07-01');
    expect(granted.exemption).toMatchObject({ code: 'border_commune', provisional: true });
    expect(granted.exemption!.reasonVi).toContain('Xã Mù Cả');
  });

  it('applies a household entry only while it is valid', async () => {
    const householdId = '33333333-3333-4333-8333-333333333333';
    await addListMember(
      database.db,
      'poor_households',
      { householdId, validFrom: '2026-02-01', source: 'Danh sách hộ nghèo thử nghiệm', provisional: false },
      null,
      '2026-02-01',
    );
    expect((await fee(kinhIn('03388', householdId), '2026-01-31')).exemption).toBeNull();
    expect((await fee(kinhIn('03388', householdId), '2026-02-01')).exemption).toMatchObject({ code: 'poor_household' });
  });

  it('names the commune as it was on the filing date and ignores other lists of the same commune', async () => {
    // 03517 (Xã Nậm Tăm) is on the extremely-difficult list only: a Kinh resident gets nothing from it.
    const kinh = await fee(kinhIn('03517'), '2026-03-01');
    expect(kinh.exemption).toBeNull();
    expect(kinh.explanationVi.join(' ')).toContain('Xã Nậm Tăm, không có trong danh sách "Xã biên giới"');
  });
});
