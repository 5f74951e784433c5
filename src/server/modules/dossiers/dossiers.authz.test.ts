import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { multipart as multipartBody } from '../../../../test/multipart';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { copyRegistryBatch } from '../population';
import { seedProcedures } from '../procedures';
import { seedCalendar } from '../calendar';
import { seedFeeLists } from '../fees';
import { DEFAULT_ROLES } from '../identity';
import type { DossierDetail } from '../../../contracts/dossiers';

/**
 * Every staff role × the dossier actions, over HTTP, in the dossier's own commune: who may see
 * the workqueue, open the dossier, receive it, decide it, enter a paper filing. Expected values
 * follow the permission matrix (permissions.ts) and the procedure's handling role (commune police
 * for residence) — written out here so a change to either shows up as a failing row.
 */
const TEMP = '1.004194';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const EXPECTED: Record<string, { queue: boolean; open: boolean; receive: boolean; approve: boolean; enter: boolean }> =
  {
    commune_police: { queue: true, open: true, receive: true, approve: true, enter: true },
    one_stop_officer: { queue: true, open: true, receive: true, approve: false, enter: true },
    civil_status_officer: { queue: true, open: true, receive: true, approve: false, enter: true },
    // A sector officer's workqueue holds only the steps of interlinked groups of their sector, never a residence dossier.
    sector_officer: { queue: true, open: false, receive: false, approve: false, enter: false },
    standing_agency: { queue: true, open: true, receive: false, approve: false, enter: false },
    leader: { queue: false, open: false, receive: false, approve: false, enter: false },
    auditor: { queue: false, open: false, receive: false, approve: false, enter: false },
    admin: { queue: false, open: false, receive: false, approve: false, enter: false },
    pilot_officer: { queue: false, open: false, receive: false, approve: false, enter: false },
  };

let t: TestApp;
let citizen: Session;
let versionId: string;
const person = makePerson({
  id: randomUUID(),
  nationalId: '012190000201',
  idCardNumber: '012190000201',
  fullName: 'Tòng Văn Hải',
  sex: 'male',
});

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: join(process.cwd(), '.tmp', `dossier-files-${randomUUID()}`) });
  await seedProcedures(t.database.db);
  await seedCalendar(t.database.db);
  await seedFeeLists(t.database.db); // Thái residents of Mường Tè (an extremely difficult commune) pay no residence fee
  await copyRegistryBatch(t.database, makeHousehold('03445', [person]));
  citizen = await t.citizen({ nationalId: person.nationalId!, fullName: person.fullName }, 2);
  versionId = (await t.app.inject(`/api/v1/procedures/${TEMP}`)).json<{ id: string }>().id;
});
afterAll(async () => t?.close());

/** The filing body with the proof of a lawful dwelling. */
const multipart = (json: unknown) =>
  multipartBody('dossier', json, [
    { field: 'file:lawful_dwelling', name: 'a.pdf', type: 'application/pdf', data: PDF },
  ]);

async function newDossier(): Promise<DossierDetail> {
  const { values } = (await citizen.inject(`/api/v1/procedures/${TEMP}/prefill`)).json<{
    values: Record<string, unknown>;
  }>();
  const form = {
    ...values,
    addressCommune: '03445',
    addressVillage: 'Bản Nậm Hàng',
    requestContent: 'Đăng ký tạm trú',
  };
  const res = await citizen.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    ...multipart({ procedureCode: TEMP, procedureVersionId: versionId, form }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DossierDetail>();
}

describe.each(DEFAULT_ROLES.filter((r) => r.staff).map((r) => [r.code, r.needsSector] as const))(
  'role %s in the dossier’s commune',
  (role, needsSector) => {
    let officer: Session;
    const expected = EXPECTED[role]!;
    beforeAll(async () => {
      officer = await t.staff(
        role,
        role === 'standing_agency' || role === 'leader' ? '12' : '03445',
        needsSector ? 'tax' : undefined,
      );
    });

    it(`workqueue: ${expected.queue ? 'allowed' : 'denied'}`, async () => {
      expect((await officer.inject('/api/v1/dossiers?queue=all')).statusCode).toBe(expected.queue ? 200 : 403);
    });

    it(`open a dossier: ${expected.open ? 'allowed' : 'not found'}`, async () => {
      const d = await newDossier();
      expect((await officer.inject(`/api/v1/dossiers/${d.id}`)).statusCode).toBe(expected.open ? 200 : 404);
    });

    it(`receive: ${expected.receive ? 'allowed' : 'denied'}`, async () => {
      const d = await newDossier();
      const res = await officer.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${d.id}/commands/receive`,
        payload: {},
      });
      expect(res.statusCode).toBe(expected.receive ? 200 : expected.open ? 403 : 404);
    });

    it(`approve: ${expected.approve ? 'allowed' : 'denied'}`, async () => {
      const d = await newDossier();
      const police = await t.staff('commune_police', '03445');
      await police.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/commands/receive`, payload: {} });
      await police.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/commands/start_processing`, payload: {} });
      const res = await officer.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${d.id}/commands/approve`,
        payload: {},
      });
      expect(res.statusCode).toBe(expected.approve ? 200 : expected.open ? 403 : 404);
    });

    it(`enter a paper filing: ${expected.enter ? 'allowed' : 'denied'}`, async () => {
      const { values } = (await citizen.inject(`/api/v1/procedures/${TEMP}/prefill`)).json<{
        values: Record<string, unknown>;
      }>();
      const form = {
        ...values,
        addressCommune: '03445',
        addressVillage: 'Bản Nậm Hàng',
        requestContent: 'Đăng ký tạm trú',
      };
      const res = await officer.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        ...multipart({
          procedureCode: TEMP,
          procedureVersionId: versionId,
          form,
          channel: 'paper',
          unitCode: '03445',
          applicantNationalId: person.nationalId,
        }),
      });
      expect(res.statusCode, res.body).toBe(expected.enter ? 201 : 403);
    });
  },
);

describe('a civil-status officer’s workqueue', () => {
  it('holds civil-status procedures only, not residence dossiers of the same commune', async () => {
    const d = await newDossier();
    const civil = await t.staff('civil_status_officer', '03445');
    const items = (await civil.inject('/api/v1/dossiers?queue=all&pageSize=100')).json<{
      items: Array<{ id: string }>;
    }>().items;
    expect(items.map((i) => i.id)).not.toContain(d.id);
    const oneStop = await t.staff('one_stop_officer', '03445');
    const all = (await oneStop.inject('/api/v1/dossiers?queue=all&pageSize=100')).json<{
      items: Array<{ id: string }>;
    }>().items;
    expect(all.map((i) => i.id)).toContain(d.id);
  });
});

describe('anonymous callers', () => {
  it('get 401 everywhere but the public status lookup', async () => {
    expect((await t.app.inject('/api/v1/dossiers?queue=all')).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', payload: {} })).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/dossiers/status-lookup',
          payload: { code: '000.00.12.X99-261127-9999', nationalId: '012190000201' },
        })
      ).statusCode,
    ).toBe(404);
  });
});
