import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DEMO_PROVINCE_AGENCY_CODE } from '../../../contracts/agency-codes';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { seedDemoProvince } from '../demo';
import { getProcedureVersion, seedProcedures } from '../procedures';
import { validateResultDocument } from '../slips';
import { seedCalendar } from '../calendar';
import { seedDemoDossiers } from './dossiers.demo';
import { resultDocumentData } from './result-documents';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoProvince(database, {
    people: 1500,
    provinceCode: '12',
    seed: 'dossiers-demo',
    referenceDate: '2026-11-27',
  });
  await seedProcedures(database.db);
  await seedCalendar(database.db);
});
afterAll(async () => database?.dispose());

describe('demo dossiers', () => {
  it('are spread over states and communes with unique gap-free codes and transitions that follow the state machine', async () => {
    const n = await seedDemoDossiers(database.db, {
      perCommune: 4,
      provinceCode: '12',
      provinceAgencyCode: DEMO_PROVINCE_AGENCY_CODE,
      now: new Date('2026-11-27T03:00:00Z'),
    });
    expect(n).toBeGreaterThan(50);
    const states = await database.rows<{ state: string }>(sql`select distinct state from dossiers.dossiers`);
    expect(states.length).toBeGreaterThanOrEqual(6);
    const gaps = await database.rows<{ bad: string }>(sql`
      select count(*)::text as bad from (
        select agency_code, substring(code from '-(\\d{6})-') as day, count(*) as n, max(substring(code from '(\\d{4})$')::int) as top
        from dossiers.dossiers group by 1, 2) g where n <> top`);
    expect(gaps[0]?.bad).toBe('0');
    // every code begins with its commune's receiving-agency code, of the QCVN 102:2016 form
    const codes = await database.rows<{ code: string; agency_code: string; unit_code: string }>(
      sql`select code, agency_code, unit_code from dossiers.dossiers`,
    );
    for (const row of codes) {
      expect(row.agency_code).toMatch(/^000\.00\.\d{2}\.X99$/);
      expect(row.code.startsWith(`${row.agency_code}-`)).toBe(true);
    }
    expect(codes.find((r) => r.unit_code === '03388')?.agency_code ?? '000.00.01.X99').toBe('000.00.01.X99');
    const broken = await database.rows<{ bad: string }>(sql`
      select count(*)::text as bad from (
        select d.state, (select t.to_state from dossiers.transitions t where t.dossier_id = d.id order by t.id desc limit 1) as last,
               (select count(*) from dossiers.transitions t where t.dossier_id = d.id and t.from_state is distinct from
                  (select p.to_state from dossiers.transitions p where p.dossier_id = t.dossier_id and p.id < t.id order by p.id desc limit 1)) as jumps
        from dossiers.dossiers d) x where state <> last or jumps > 0`);
    expect(broken[0]?.bad).toBe('0');
    const received = await database.rows<{ missing: string }>(
      sql`select count(*)::text as missing from dossiers.dossiers where state in ('received', 'in_processing', 'approved', 'returned') and (due_at is null or received_at is null)`,
    );
    expect(received[0]?.missing).toBe('0');
    // a demo dossier's form carries what its result documents print (CT03 needs the absence)
    const absences = await database.rows<{ code: string; applicant_name: string; form: Record<string, unknown> }>(
      sql`select d.code, d.applicant_name, d.form from dossiers.dossiers d join procedures.procedure_versions v on v.id = d.procedure_version_id where d.procedure_code = '1.003677' and v.result_documents ? 'CT03'`,
    );
    expect(absences.length).toBeGreaterThan(0);
    const absence = await getProcedureVersion(database.db, '1.003677', '2026-11-27');
    for (const row of absences) {
      const data = resultDocumentData(
        'CT03',
        { code: row.code, applicantName: row.applicant_name, form: row.form },
        absence,
        { unitName: 'xã Mường Tè', officerName: 'Cán bộ minh hoạ', now: new Date('2026-11-27T03:00:00Z') },
      );
      expect(() => validateResultDocument(data)).not.toThrow();
    }
    expect(
      await seedDemoDossiers(database.db, {
        perCommune: 4,
        provinceCode: '12',
        provinceAgencyCode: DEMO_PROVINCE_AGENCY_CODE,
      }),
    ).toBe(0);
  });
});
