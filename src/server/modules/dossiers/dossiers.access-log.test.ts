import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { multipart } from '../../../../test/multipart';
import { copyRegistryBatch } from '../population';
import { seedProcedures } from '../procedures';
import { seedCalendar } from '../calendar';
import { seedFeeLists } from '../fees';
import type { DossierDetail } from '../../../contracts/dossiers';
import type { SubjectAccessPage } from '../../../contracts/audit';

const TEMP = '1.004194'; // Đăng ký tạm trú
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let t: TestApp;
let citizen: Session;
let police: Session;
let otherPolice: Session;
const lan = makePerson({
  id: randomUUID(),
  nationalId: '012190000211',
  idCardNumber: '012190000211',
  fullName: 'Lò Thị Lan',
});

beforeAll(async () => {
  t = await createTestApp({
    DATA_DIR: join(process.cwd(), '.tmp', `dossier-access-${randomUUID()}`),
    LOG_LEVEL: 'error',
  });
  await seedProcedures(t.database.db);
  await seedCalendar(t.database.db);
  await seedFeeLists(t.database.db);
  await copyRegistryBatch(t.database, makeHousehold('03445', [lan]));
  citizen = await t.citizen({ nationalId: lan.nationalId!, fullName: lan.fullName }, 2);
  police = await t.staff('commune_police', '03445');
  otherPolice = await t.staff('commune_police', '03445');
});
afterAll(async () => t?.close());

async function fileDossier(): Promise<DossierDetail> {
  const version = (await t.app.inject(`/api/v1/procedures/${TEMP}`)).json<{ id: string }>();
  const { values } = (await citizen.inject(`/api/v1/procedures/${TEMP}/prefill`)).json<{
    values: Record<string, unknown>;
  }>();
  const form = {
    ...values,
    addressCommune: '03445',
    addressVillage: 'Tổ 5',
    requestContent: 'Đăng ký tạm trú để làm việc tại xã Mường Tè',
  };
  const mp = multipart('dossier', { procedureCode: TEMP, procedureVersionId: version.id, form, channel: 'online' }, [
    { field: 'file:lawful_dwelling', name: 'hop-dong.pdf', type: 'application/pdf', data: PDF },
  ]);
  const res = await citizen.inject({ method: 'POST', url: '/api/v1/dossiers', ...mp });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DossierDetail>();
}

const accessLog = async () =>
  (await citizen.inject('/api/v1/audit/me/access-log?pageSize=50')).json<SubjectAccessPage>();

describe('the citizen’s access log names what was read and collapses repeated reads', () => {
  it('shows one line "3 times" with the dossier’s code for one officer reading one dossier three times, and keeps every entry in the chain', async () => {
    const a = await fileDossier();
    const b = await fileDossier();
    for (let i = 0; i < 3; i++) expect((await police.inject(`/api/v1/dossiers/${a.id}`)).statusCode).toBe(200);
    expect((await police.inject(`/api/v1/dossiers/${b.id}`)).statusCode).toBe(200);
    expect((await otherPolice.inject(`/api/v1/dossiers/${a.id}`)).statusCode).toBe(200);
    const reads = (await accessLog()).items.filter((i) => i.action === 'dossier.read');
    expect(reads.map((i) => [i.target?.code, i.count])).toEqual([
      [a.code, 1],
      [b.code, 1],
      [a.code, 3],
    ]);
    expect(reads[2]!.firstAt < reads[2]!.at).toBe(true);
    const [row] = await t.database.rows<{ n: string }>(
      sql`select ((select count(*) from audit.access_log where action = 'dossier.read') + (select count(*) from audit.access_pending where action = 'dossier.read'))::text as n`,
    );
    expect(Number(row!.n)).toBe(5);
  });

  it('names the record and the dossier when an officer opens the applicant’s registry record', async () => {
    const d = await fileDossier();
    expect((await police.inject(`/api/v1/dossiers/${d.id}/applicant`)).statusCode).toBe(200);
    const read = (await accessLog()).items.find((i) => i.action === 'person.read');
    expect(read).toMatchObject({ target: { kind: 'person_record', code: d.code }, count: 1 });
  });
});
