import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../../test/app';
import { makeHousehold, makePerson } from '../../../../../test/factories';
import type { Batch } from '../../../../contracts/sector-data';
import { copyRegistryBatch } from '../../population';
import { fileBody } from '../test-support';
import * as linking from './link-batch';

// linkBatch as it is, unless a test holds it (to look at a linking under way) or makes it fail.
vi.mock('./link-batch', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./link-batch')>();
  return { ...actual, linkBatch: vi.fn(actual.linkBatch) };
});
const realLinkBatch = (await vi.importActual<typeof import('./link-batch')>('./link-batch')).linkBatch;
const linkBatch = vi.mocked(linking.linkBatch);

/** A gate a held linking waits at (after reporting its first progress), opened by the test. */
function holdNextLinking() {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let reached!: () => void;
  const waiting = new Promise<void>((resolve) => (reached = resolve));
  linkBatch.mockImplementationOnce(async (database, batchId, options) => {
    options?.onProgress?.(1, 3);
    reached();
    await gate;
    return realLinkBatch(database, batchId, options);
  });
  return { waiting, open };
}

let t: TestApp;
let officer: Session;
const base = '/api/v1/sector-data';
const HEADER = 'STT,Mã thẻ BHYT,Họ và tên,Ngày sinh,Giới tính,Số CCCD';
const list = (tag: string) =>
  [
    HEADER,
    `1,${tag}1,GIANG A PAO,25/03/1990,Nam,012090000001`,
    `2,${tag}2,Lò Văn Sơn,1980,Nam,`,
    `3,${tag}3,Lò Văn Không,31/02/1990,Nam,`, // invalid date: not linked
    `4,${tag}4,Tẩn Láo Sài,01/01/1970,Nam,`,
  ].join('\n');

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
    ]),
  );
  officer = await t.staff('sector_officer', '03388', 'health_insurance');
});
afterAll(async () => t?.close());

let files = 0;
/** A new committed list of the officer's commune (each a different file, superseding the previous). */
async function newBatch(): Promise<Batch> {
  const res = await officer.inject({
    method: 'POST',
    url: `${base}/batches?datasetType=health-insurance&wait=true`,
    ...fileBody(list(`J${++files}-`)),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ batch: Batch }>().batch;
}

const getBatch = async (id: string) => {
  const res = await officer.inject(`${base}/batches/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Batch>();
};

/** Polls the batch until its linking is no longer running. */
async function settled(id: string): Promise<Batch> {
  for (let i = 0; ; i++) {
    const batch = await getBatch(id);
    if (batch.link.state !== 'linking' || i > 200) return batch;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const linksCount = async (id: string) =>
  Number(
    (await t.database.rows<{ n: string }>(sql`select count(*) as n from sector_data.links where batch_id = ${id}`))[0]!
      .n,
  );

describe('linking a batch as a job', () => {
  it('answers 202 with the batch linking (0 of its valid rows), no-store; polling shows it linked with the counts', async () => {
    const batch = await newBatch();
    expect(batch.link).toMatchObject({ state: 'none', linked: 0, finishedAt: null, failure: null });
    const res = await officer.inject({ method: 'POST', url: `${base}/batches/${batch.id}/link` });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.json<Batch>().link).toMatchObject({ state: 'linking', linked: 0, total: 3, failure: null });
    expect(res.json<Batch>().link.startedAt).not.toBeNull();
    const done = await settled(batch.id);
    expect(done.link).toMatchObject({ state: 'linked', linked: 3, total: 3, failure: null });
    expect(done.link.finishedAt).not.toBeNull();
    const links = (await officer.inject(`${base}/batches/${batch.id}/links`)).json<{
      counts: Record<string, number>;
    }>();
    expect(links.counts).toMatchObject({ matched: 1, not_found: 2, invalid: 1 });
  });

  it('shows the progress while linking, refuses a second linking (409, bilingual), then ends linked', async () => {
    const batch = await newBatch();
    const held = holdNextLinking();
    expect((await officer.inject({ method: 'POST', url: `${base}/batches/${batch.id}/link` })).statusCode).toBe(202);
    await held.waiting;
    expect((await getBatch(batch.id)).link).toMatchObject({ state: 'linking', linked: 1, total: 3 });
    const listed = (await officer.inject(`${base}/batches?pageSize=100`)).json<{ items: Batch[] }>();
    expect(listed.items.find((b) => b.id === batch.id)?.link).toMatchObject({ state: 'linking', linked: 1 });
    for (const url of [`${base}/batches/${batch.id}/link`, `${base}/batches/${batch.id}/link?wait=true`]) {
      const again = await officer.inject({ method: 'POST', url });
      expect(again.statusCode, again.body).toBe(409);
      expect(again.headers['cache-control']).toContain('no-store');
      expect(again.json<{ error: { code: string } }>().error.code).toBe('SECTOR.BATCH_CONFLICT');
      expect(again.body).toContain('đang được liên kết');
      expect(again.body).toContain('is being linked');
    }
    held.open();
    expect((await settled(batch.id)).link).toMatchObject({ state: 'linked', linked: 3, total: 3 });
  });

  it('wait=true answers 200 with the counts when done, and the batch reads linked', async () => {
    const batch = await newBatch();
    const res = await officer.inject({ method: 'POST', url: `${base}/batches/${batch.id}/link?wait=true` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.json()).toMatchObject({ batchId: batch.id, linked: 3, invalid: 1, counts: { matched: 1 } });
    expect((await getBatch(batch.id)).link).toMatchObject({ state: 'linked', linked: 3, total: 3 });
    const bad = await officer.inject({ method: 'POST', url: `${base}/batches/${batch.id}/link?wait=maybe` });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('wait phải là true hoặc false');
  });

  it('a failed linking leaves the batch failed with a bilingual failure and the earlier links; linking again works', async () => {
    const batch = await newBatch();
    await officer.inject({ method: 'POST', url: `${base}/batches/${batch.id}/link?wait=true` });
    const before = await linksCount(batch.id);
    linkBatch.mockImplementationOnce(async () => {
      throw new Error('connection reset');
    });
    expect((await officer.inject({ method: 'POST', url: `${base}/batches/${batch.id}/link` })).statusCode).toBe(202);
    const failed = await settled(batch.id);
    expect(failed.link.state).toBe('failed');
    expect(failed.link.failure).toMatchObject({ code: 'SECTOR.LINK_FAILED' });
    expect(failed.link.failure!.vi).toContain('kết quả liên kết trước đó được giữ nguyên');
    expect(failed.link.failure!.en).toContain('the earlier links are kept');
    expect(await linksCount(batch.id)).toBe(before);
    const retry = await officer.inject({ method: 'POST', url: `${base}/batches/${batch.id}/link?wait=true` });
    expect(retry.statusCode, retry.body).toBe(200);
    expect((await getBatch(batch.id)).link).toMatchObject({ state: 'linked', failure: null });
  });

  it('a batch left linking by a stopped server reads failed (the earlier links kept) and can be linked again', async () => {
    const batch = await newBatch();
    await officer.inject({ method: 'POST', url: `${base}/batches/${batch.id}/link?wait=true` });
    const before = await linksCount(batch.id);
    await t.database.db.execute(
      sql`update sector_data.batches set link_state = 'linking', link_rows_linked = 0,
                 link_started_at = now() - interval '1 hour' where id = ${batch.id}`,
    );
    const read = await getBatch(batch.id);
    expect(read.link.state).toBe('failed');
    expect(read.link.failure).toEqual({
      code: 'SECTOR.LINK_ABANDONED',
      vi: 'Liên kết bị dừng giữa chừng (máy chủ dừng); kết quả liên kết trước đó được giữ nguyên',
      en: 'The linking stopped midway (the server stopped); the earlier links are kept',
    });
    expect(await linksCount(batch.id)).toBe(before);
    // The listing sweeps too.
    const other = await newBatch();
    await t.database.db.execute(
      sql`update sector_data.batches set link_state = 'linking', link_started_at = now() - interval '1 minute'
           where id = ${other.id}`,
    );
    // Claimed a moment ago (by another request of this process, say): not swept yet.
    const fresh = await newBatch();
    await t.database.db.execute(
      sql`update sector_data.batches set link_state = 'linking', link_started_at = now() where id = ${fresh.id}`,
    );
    const listed = (await officer.inject(`${base}/batches?pageSize=100`)).json<{ items: Batch[] }>();
    expect(listed.items.find((b) => b.id === other.id)?.link.state).toBe('failed');
    expect(listed.items.find((b) => b.id === fresh.id)?.link.state).toBe('linking');
    expect((await officer.inject({ method: 'POST', url: `${base}/batches/${batch.id}/link` })).statusCode).toBe(202);
    expect((await settled(batch.id)).link).toMatchObject({ state: 'linked', failure: null });
  });

  it.runIf(process.env.DATABASE_URL)(
    'on PostgreSQL, a batch linked by another process (its linking transaction holds the row) is not swept',
    async () => {
      const batch = await newBatch();
      await t.database.db.execute(
        sql`update sector_data.batches set link_state = 'linking', link_started_at = now() - interval '1 hour'
             where id = ${batch.id}`,
      );
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const holding = new Promise<void>((resolve) => (locked = resolve));
      // What linkBatch does in another process: the batch row locked for the whole linking.
      const other = t.database.db.transaction(async (tx) => {
        await tx.execute(sql`select id from sector_data.batches where id = ${batch.id} for update`);
        locked();
        await released;
      });
      await holding;
      expect((await getBatch(batch.id)).link.state).toBe('linking');
      const listed = (await officer.inject(`${base}/batches?pageSize=100`)).json<{ items: Batch[] }>();
      expect(listed.items.find((b) => b.id === batch.id)?.link.state).toBe('linking');
      const again = await officer.inject({ method: 'POST', url: `${base}/batches/${batch.id}/link` });
      expect(again.statusCode, again.body).toBe(409);
      release();
      await other;
      // That process gone without finishing: the batch is swept.
      expect((await getBatch(batch.id)).link).toMatchObject({
        state: 'failed',
        failure: { code: 'SECTOR.LINK_ABANDONED' },
      });
    },
  );

  it('refuses to link a batch that is not committed or unknown (404), and one the caller may only read (403)', async () => {
    const batch = await newBatch();
    await t.database.db.execute(sql`update sector_data.batches set state = 'failed' where id = ${batch.id}`);
    // A failed batch is not readable through the links routes (404), as before.
    expect((await officer.inject({ method: 'POST', url: `${base}/batches/${batch.id}/link` })).statusCode).toBe(404);
    const unknown = await officer.inject({
      method: 'POST',
      url: `${base}/batches/00000000-0000-4000-8000-000000000000/link`,
    });
    expect(unknown.statusCode).toBe(404);
    const committed = await newBatch();
    // The Standing Agency reads every sector's lists but does not import nor link them.
    const agency = await t.staff('standing_agency', '12');
    expect((await agency.inject(`${base}/batches/${committed.id}`)).json<Batch>().link.state).toBe('none');
    const res = await agency.inject({ method: 'POST', url: `${base}/batches/${committed.id}/link` });
    expect(res.statusCode, res.body).toBe(403);
    const error = res.json<{ error: { code: string; messageVi: string; messageEn: string } }>().error;
    expect(error.code).toBe('AUTH.FORBIDDEN');
    expect(error.messageVi.length * error.messageEn.length).toBeGreaterThan(0);
    expect((await getBatch(committed.id)).link.state).toBe('none');
  });
});
