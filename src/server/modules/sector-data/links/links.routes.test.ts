import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../../test/app';
import { makeHousehold, makePerson } from '../../../../../test/factories';
import type { Batch } from '../../../../contracts/sector-data';
import { copyRegistryBatch } from '../../population';
import { DEFAULT_ROLES, type Action } from '../../identity';
import { fileBody } from '../test-support';

let t: TestApp;
let officer: Session;
let batch: Batch;

const HEADER = 'STT,Mã thẻ BHYT,Họ và tên,Ngày sinh,Giới tính,Số CCCD';
const LIST = [
  HEADER,
  '1,HS1,GIANG A PAO,25/03/1990,Nam,012090000001', // matched by ID
  '2,HS2,Lò Văn Sơn,1980,Nam,', // two Lò Văn Sơn born in 1980: probable
  '3,HS3,Lò Văn Không,31/02/1990,Nam,', // invalid date
  '4,HS4,Tẩn Láo Sài,01/01/1970,Nam,', // nobody
].join('\n');

const son = (nationalId: string, birthDate: string) =>
  makePerson({ nationalId, idCardNumber: null, fullName: 'Lò Văn Sơn', birthDate, birthYear: 1980, sex: 'male' });

beforeAll(async () => {
  t = await createTestApp();
  await copyRegistryBatch(
    t.database,
    makeHousehold('03388', [
      makePerson({
        nationalId: '012090000001',
        idCardNumber: null,
        fullName: 'Giàng A Páo',
        birthDate: '1990-03-25',
        birthYear: 1990,
        sex: 'male',
      }),
      son('012080000011', '1980-01-01'),
      son('012080000012', '1980-06-06'),
    ]),
  );
  officer = await t.staff('sector_officer', '03388', 'health_insurance');
  const res = await officer.inject({
    method: 'POST',
    url: '/api/v1/sector-data/batches?datasetType=health-insurance&wait=true',
    ...fileBody(LIST),
  });
  batch = res.json<{ batch: Batch }>().batch;
});
afterAll(async () => t?.close());

const base = '/api/v1/sector-data';
type LinksPage = {
  counts: Record<string, number>;
  total: number;
  header: string[];
  items: Array<{
    linkId: string | null;
    row: number;
    outcome: string;
    cells: string[];
    person: { nationalId: string; fullName: string } | null;
  }>;
};

const accessEntries = async () =>
  Number(
    (
      await t.database.rows<{ n: string }>(
        sql`select (select count(*) from audit.access_pending where purpose = 'data_cleaning')
                 + (select count(*) from audit.access_log where purpose = 'data_cleaning') as n`,
      )
    )[0]!.n,
  );

describe('linking a batch through the API', () => {
  it('links the batch and answers the counts per outcome, no-store', async () => {
    const res = await officer.inject({ method: 'POST', url: `${base}/batches/${batch.id}/link?wait=true` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.json()).toMatchObject({
      linked: 3,
      invalid: 1,
      counts: { matched: 1, probable: 1, not_found: 1 },
    });
  });

  it('lists the rows with the original cells beside the registry fields, logging each person shown', async () => {
    const before = await accessEntries();
    const res = await officer.inject(`${base}/batches/${batch.id}/links?pageSize=10`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<LinksPage>();
    expect(page.counts).toMatchObject({ matched: 1, probable: 1, not_found: 1, invalid: 1 });
    expect(page.total).toBe(4);
    expect(page.header).toContain('Họ và tên');
    expect(page.items.map((i) => [i.row, i.outcome])).toEqual([
      [1, 'matched'],
      [2, 'probable'],
      [3, 'invalid'],
      [4, 'not_found'],
    ]);
    expect(page.items[0]!.cells).toContain('GIANG A PAO');
    expect(page.items[0]!.person).toMatchObject({ nationalId: '012090000001', fullName: 'Giàng A Páo' });
    expect(await accessEntries()).toBe(before + 2); // Páo and the Sơn proposed
    const probable = (await officer.inject(`${base}/batches/${batch.id}/links?outcome=probable`)).json<LinksPage>();
    expect(probable.items.map((i) => i.row)).toEqual([2]);
  });

  it('exports the links as XLSX', async () => {
    const res = await officer.inject(`${base}/batches/${batch.id}/links.xlsx`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(2).values as unknown[]).toContain('012090000001');
  });

  it('queues the probable link for review and takes the decision, which the next list reuses', async () => {
    const queue = (await officer.inject(`${base}/review`)).json<{ total: number; items: LinksPage['items'] }>();
    expect(queue.total).toBe(1);
    const linkId = queue.items[0]!.linkId!;
    const decided = await officer.inject({
      method: 'POST',
      url: `${base}/review/${linkId}`,
      payload: { decision: 'accept' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ outcome: 'matched', decision: 'accept' });
    expect((await officer.inject(`${base}/review`)).json<{ total: number }>().total).toBe(0);
    const again = await officer.inject({
      method: 'POST',
      url: `${base}/review/${linkId}`,
      payload: { decision: 'reject' },
    });
    expect(again.statusCode).toBe(409);
    // A newer list of the same unit: row 2 again (same card number) — linked as matched by the decision.
    const next = await officer.inject({
      method: 'POST',
      url: `${base}/batches?datasetType=health-insurance&wait=true`,
      ...fileBody(`${LIST}\n5,HS5,Lò Thị Năm,01/01/2001,Nữ,`),
    });
    const nextId = next.json<{ batch: Batch }>().batch.id;
    const linked = await officer.inject({ method: 'POST', url: `${base}/batches/${nextId}/link?wait=true` });
    expect(linked.json()).toMatchObject({ reviewed: 1, counts: { probable: 0, matched: 2 } });
  });

  it('rejects a probable link with a reason: the row is not_found, the decision shown beside it', async () => {
    const province = await t.staff('sector_officer', '12', 'health_insurance');
    const res = await province.inject({
      method: 'POST',
      url: `${base}/batches?datasetType=health-insurance&unitCode=03388&wait=true`,
      ...fileBody(`${HEADER}\n1,RJ1,Lò Văn Sơn,1980,Nam,`),
    });
    const id = res.json<{ batch: Batch }>().batch.id;
    await province.inject({ method: 'POST', url: `${base}/batches/${id}/link?wait=true` });
    const queue = (await province.inject(`${base}/review?unitCode=03388`)).json<{ items: LinksPage['items'] }>();
    expect(queue.items).toHaveLength(1);
    const decided = await province.inject({
      method: 'POST',
      url: `${base}/review/${queue.items[0]!.linkId}`,
      payload: { decision: 'reject', reason: 'Khác người: khác tên cha' },
    });
    expect(decided.json()).toMatchObject({ outcome: 'not_found', decision: 'reject' });
    const page = (await province.inject(`${base}/batches/${id}/links`)).json<{
      items: Array<{ outcome: string; person: unknown; review: { decision: string; reason: string } | null }>;
    }>();
    expect(page.items[0]).toMatchObject({
      outcome: 'not_found',
      person: null,
      review: { decision: 'reject', reason: 'Khác người: khác tên cha' },
    });
  });

  it('answers bad input bilingually, never a 500', async () => {
    const bad = await officer.inject(`${base}/batches/${batch.id}/links?outcome=nope&page=0`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Not a link outcome');
    expect(bad.body).toContain('Kết quả liên kết không hợp lệ');
    const body = await officer.inject({
      method: 'POST',
      url: `${base}/review/00000000-0000-4000-8000-000000000000`,
      payload: { decision: 'maybe' },
    });
    expect(body.statusCode).toBe(400);
    expect(body.body).toContain('The decision must be accept or reject');
    const missing = await officer.inject({
      method: 'POST',
      url: `${base}/review/00000000-0000-4000-8000-000000000000`,
      payload: { decision: 'reject' },
    });
    expect(missing.statusCode).toBe(404);
    expect((await officer.inject(`${base}/review/abc`)).statusCode).toBe(404);
    expect((await officer.inject({ method: 'POST', url: `${base}/review/abc`, payload: {} })).statusCode).toBe(400);
    expect((await officer.inject({ method: 'POST', url: `${base}/batches/abc/link` })).statusCode).toBe(400);
  });
});

type Call = { name: string; action: Action; request: () => InjectOptions; authorisedStatus?: number };
const calls: Call[] = [
  {
    name: 'POST link',
    action: 'sector.import',
    request: () => ({ method: 'POST', url: `${base}/batches/${batch.id}/link?wait=true` }),
  },
  {
    name: 'GET links',
    action: 'sector.read',
    request: () => ({ method: 'GET', url: `${base}/batches/${batch.id}/links` }),
  },
  {
    name: 'GET links.xlsx',
    action: 'sector.read',
    request: () => ({ method: 'GET', url: `${base}/batches/${batch.id}/links.xlsx` }),
  },
  { name: 'GET review', action: 'sector.read', request: () => ({ method: 'GET', url: `${base}/review` }) },
  {
    // An unknown link: 404 to whoever may review (authorised, nothing to decide).
    name: 'POST review',
    action: 'sector.import',
    request: () => ({
      method: 'POST',
      url: `${base}/review/00000000-0000-4000-8000-000000000000`,
      payload: { decision: 'accept' },
    }),
    authorisedStatus: 404,
  },
];

describe.each(DEFAULT_ROLES.filter((r) => r.staff).map((r) => [r.code, r] as const))(
  '%s with a province-wide grant',
  (code, role) => {
    let session: Session;
    beforeAll(async () => {
      session = await t.staff(code, '12', role.needsSector ? 'health_insurance' : undefined);
    });
    it.each(calls.map((c) => [role.actions.includes(c.action) ? 'may' : 'may not', c.name, c.action, c] as const))(
      '%s %s (%s)',
      async (verdict, _name, _action, call) => {
        const res = await session.inject(call.request());
        if (verdict === 'may' && call.authorisedStatus) expect(res.statusCode, res.body).toBe(call.authorisedStatus);
        else if (verdict === 'may') expect(res.statusCode, res.body).toBeLessThan(300);
        else {
          expect(res.statusCode, res.body).toBe(403);
          expect(res.json<{ error: { code: string } }>().error.code).toBe('AUTH.FORBIDDEN');
        }
      },
    );
  },
);

describe('citizen, signed out, other sector and commune', () => {
  it.each(calls.map((c) => [c.name, c] as const))(
    'a citizen may not %s (403), nor anyone signed out (401)',
    async (_n, call) => {
      const citizen = await t.citizen({ nationalId: '012190000001', fullName: 'Lò Thị Thuỷ' });
      expect((await citizen.inject(call.request())).statusCode).toBe(403);
      expect((await t.app.inject(call.request())).statusCode).toBe(401);
    },
  );

  it('hides the batch and its review queue from another sector and another commune', async () => {
    for (const other of [
      await t.staff('sector_officer', '12', 'social_protection'),
      await t.staff('sector_officer', '03445', 'health_insurance'),
    ]) {
      expect((await other.inject(`${base}/batches/${batch.id}/links`)).statusCode).toBe(404);
      expect((await other.inject({ method: 'POST', url: `${base}/batches/${batch.id}/link` })).statusCode).toBe(404);
      expect((await other.inject(`${base}/review`)).json<{ total: number }>().total).toBe(0);
    }
  });
});
