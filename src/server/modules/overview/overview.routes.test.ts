import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import type { Overview } from '../../../contracts/overview';
import { DEFAULT_ROLES } from '../identity';
import { copyRegistryBatch, runQualityCheck } from '../population';
import { seedDemoFacilities } from '../cashless';

let t: TestApp;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MUONG_TE = '03445';
const DOAN_KET = '03388';

/** A dossier row as the dossiers module stores it, with only what the overview counts. */
async function dossier(d: {
  unit: string;
  state: string;
  channel: string;
  submittedDaysAgo: number;
  dueInHours?: number;
  decidedHoursAfterSubmission?: number;
  late?: boolean;
  feeStatus?: string;
}) {
  const submitted = new Date(Date.now() - d.submittedDaysAgo * DAY);
  const due = d.dueInHours === undefined ? null : new Date(submitted.getTime() + d.dueInHours * HOUR);
  const decided =
    d.decidedHoursAfterSubmission === undefined
      ? null
      : new Date(submitted.getTime() + d.decidedHoursAfterSubmission * HOUR);
  await t.database.db.execute(sql`insert into dossiers.dossiers
    (agency_code, procedure_code, procedure_version_id, unit_code, state, channel, applicant_name, form, sources,
     time_limit_working_days, submitted_at, due_at, decided_at, late, fee_status)
    values ('000.00.00.H36', '1.004194', ${randomUUID()}, ${d.unit}, ${d.state}, ${d.channel}, 'Người thử', '{}'::jsonb, '{}'::jsonb,
     3, ${submitted.toISOString()}, ${due?.toISOString() ?? null}, ${decided?.toISOString() ?? null}, ${d.late ?? false},
     ${d.feeStatus ?? 'none'})`);
}

beforeAll(async () => {
  t = await createTestApp();
  await copyRegistryBatch(t.database, makeHousehold(MUONG_TE, [makePerson()]));
  await copyRegistryBatch(t.database, makeHousehold(DOAN_KET, [makePerson({ nationalId: '012085000123' })]));
  // Mường Tè, in the last 30 days: 2 online (1 decided on time, 1 running past its due time), 1 paper paid in cash
  // and decided late; and one filed 40 days ago (outside the period). Đoàn Kết: 1 assisted, decided on time.
  await dossier({ unit: MUONG_TE, state: 'result_issued', channel: 'online', submittedDaysAgo: 5, dueInHours: 48, decidedHoursAfterSubmission: 24 }); // prettier-ignore
  await dossier({ unit: MUONG_TE, state: 'in_processing', channel: 'online', submittedDaysAgo: 6, dueInHours: 24 });
  await dossier({ unit: MUONG_TE, state: 'approved', channel: 'paper', submittedDaysAgo: 4, dueInHours: 24, decidedHoursAfterSubmission: 30, feeStatus: 'cash' }); // prettier-ignore
  await dossier({ unit: MUONG_TE, state: 'returned', channel: 'online', submittedDaysAgo: 40, dueInHours: 24, decidedHoursAfterSubmission: 10 }); // prettier-ignore
  await dossier({ unit: DOAN_KET, state: 'approved', channel: 'assisted', submittedDaysAgo: 2, dueInHours: 24, decidedHoursAfterSubmission: 2 }); // prettier-ignore
  await dossier({ unit: DOAN_KET, state: 'draft', channel: 'online', submittedDaysAgo: 1 });
  await seedDemoFacilities(t.database.db);
});
afterAll(async () => t?.close());

describe('GET /api/v1/overview: who may read it', () => {
  const staff = DEFAULT_ROLES.filter((r) => r.staff);
  it.each(staff.map((r) => [r.code, r.actions.includes('overview.read')] as const))(
    '%s → allowed: %s',
    async (role, allowed) => {
      const s = await t.staff(role, '12', role === 'sector_officer' ? 'health_insurance' : undefined);
      const res = await s.inject('/api/v1/overview');
      expect(res.statusCode, res.body).toBe(allowed ? 200 : 403);
    },
  );

  it('is open to leaders and the Standing Agency by default, and to no one signed out or to a citizen', async () => {
    expect(staff.filter((r) => r.actions.includes('overview.read')).map((r) => r.code)).toEqual([
      'standing_agency',
      'leader',
    ]);
    expect((await t.app.inject('/api/v1/overview')).statusCode).toBe(401);
    const citizen = await t.citizen({ nationalId: '012085000123', fullName: 'Nguyễn Văn Thử' });
    expect((await citizen.inject('/api/v1/overview')).statusCode).toBe(403);
  });
});

describe('GET /api/v1/overview: the figures', () => {
  it('gives the province leader the dossiers of the last 30 days by state and channel, and the on-time share', async () => {
    const leader = await t.staff('leader', '12');
    const res = await leader.inject('/api/v1/overview');
    expect(res.headers['cache-control']).toBe('no-store');
    const o = res.json<Overview>();
    expect(o.unit.code).toBe('12');
    expect(o.dossiers.submitted).toBe(4);
    expect(o.dossiers.byChannel).toEqual([
      { channel: 'online', count: 2 },
      { channel: 'assisted', count: 1 },
      { channel: 'paper', count: 1 },
    ]);
    expect(o.dossiers.byState).toEqual([
      { state: 'in_processing', count: 1 },
      { state: 'approved', count: 2 },
      { state: 'result_issued', count: 1 },
    ]);
    expect(o.dossiers).toMatchObject({ decided: 3, decidedOnTime: 2, overdueNow: 1 });
    expect(o.dossiers.onTimeShare).toBeCloseTo(2 / 3);
    expect(o.dossiers.period.to).toBe(new Date(Date.now() + 7 * HOUR).toISOString().slice(0, 10));
    expect(o.feePayments).toMatchObject({ online: 0, cash: 1, onlineShare: 0 });
    expect(o.cashless.month).toMatch(/^\d{4}-\d{2}$/);
    expect(o.cashless.reporting).toBeGreaterThan(0);
    expect(o.cashless.cashlessShare).toBeGreaterThan(0);
  });

  it('counts only the communes of a commune leader', async () => {
    const leader = await t.staff('leader', DOAN_KET);
    const o = (await leader.inject('/api/v1/overview')).json<Overview>();
    expect(o.unit.code).toBe(DOAN_KET);
    expect(o.dossiers).toMatchObject({ submitted: 1, decided: 1, decidedOnTime: 1, overdueNow: 0, onTimeShare: 1 });
    expect(o.feePayments).toMatchObject({ online: 0, cash: 0, onlineShare: null });
  });

  it('says no quality run yet, then gives the latest score of the province or of the commune', async () => {
    const agency = await t.staff('standing_agency', '12');
    const before = (await agency.inject('/api/v1/overview')).json<Overview>();
    expect(before.quality).toMatchObject({ runId: null, score: null });
    await runQualityCheck(t.database);
    const after = (await agency.inject('/api/v1/overview')).json<Overview>();
    expect(after.quality.runId).toEqual(expect.any(Number));
    expect(after.quality.persons).toBe(2);
    expect(after.quality.score).toBeGreaterThanOrEqual(0);
    const commune = (await (await t.staff('leader', MUONG_TE)).inject('/api/v1/overview')).json<Overview>();
    expect(commune.quality.persons).toBe(1);
  });
});
