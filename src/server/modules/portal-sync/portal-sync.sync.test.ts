import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { multipart } from '../../../../test/multipart';
import type { DossierDetail } from '../../../contracts/dossiers';
import type { JobsOverview } from '../../../contracts/jobs';
import type { PortalPush, PortalPushList } from '../../../contracts/portal-sync';
import { seedCalendar } from '../calendar';
import { seedFeeLists } from '../fees';
import { copyRegistryBatch } from '../population';
import { seedProcedures } from '../procedures';
import { collectPushes } from './collect';
import { readSandboxArrivals } from './portal-sandbox';
import { pushes } from './portal-sync.schema';
import { httpPortalTransport, sendDossierPushes, type PortalTransport } from './push';
import { registerPortalSyncJobs } from './runtime';

/*
 * The whole path on one machine (issue 17 §4): real dossiers filed and moved over HTTP, their
 * transitions collected into pushes, sent by the queue's jobs over HTTP to the app's own sandbox of
 * the national endpoint. The sandbox answers 500 for a while; the dossiers move meanwhile; when it
 * comes back every change arrives once and in order, per dossier.
 */

const TEMP = '1.004194';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const KEY = 'portal-sync-test-key-0123456789';
const mai = makePerson({ id: randomUUID(), nationalId: '012190000301', fullName: 'Lò Thị Mai', phone: '0912345678' });

let t: TestApp;
let citizen: Session;
let police: Session;
let admin: Session;
let versionId: string;
let transport: PortalTransport;

async function until(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function fileDossier(): Promise<DossierDetail> {
  const pre = await citizen.inject(`/api/v1/procedures/${TEMP}/prefill`);
  const { values } = pre.json<{ values: Record<string, unknown> }>();
  const form = {
    ...values,
    addressCommune: '03445',
    addressVillage: 'Tổ 5',
    requestContent: 'Đăng ký tạm trú để làm việc tại xã Mường Tè',
  };
  const mp = multipart('dossier', { procedureCode: TEMP, procedureVersionId: versionId, form, channel: 'online' }, [
    { field: 'file:lawful_dwelling', name: 'hop-dong.pdf', type: 'application/pdf', data: PDF },
  ]);
  const res = await citizen.inject({ method: 'POST', url: '/api/v1/dossiers', ...mp });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DossierDetail>();
}

async function move(id: string, name: string, payload: Record<string, unknown> = {}): Promise<DossierDetail> {
  const res = await police.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/commands/${name}`, payload });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DossierDetail>();
}

const setSandbox = async (failing: boolean) => {
  const res = await admin.inject({
    method: 'PUT',
    url: '/api/v1/portal-sync/sandbox',
    payload: { failing, delayMs: 0 },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
};

const pushesOf = (code: string) =>
  t.database.db.select().from(pushes).where(eq(pushes.dossierCode, code)).orderBy(pushes.seq);

const arrivalsOf = async (code: string) =>
  (await readSandboxArrivals(t.database.db)).filter((r) => r.dossierCode === code);

beforeAll(async () => {
  t = await createTestApp(
    { DATA_DIR: join(process.cwd(), '.tmp', `portal-sync-${randomUUID()}`), LOG_LEVEL: 'error', PORTAL_SYNC_KEY: KEY },
    { jobs: true },
  );
  await seedProcedures(t.database.db);
  await seedCalendar(t.database.db);
  await seedFeeLists(t.database.db);
  await copyRegistryBatch(t.database, makeHousehold('03445', [mai]));
  citizen = await t.citizen({ nationalId: mai.nationalId!, fullName: mai.fullName }, 2);
  police = await t.staff('commune_police', '03445');
  admin = await t.staff('admin', '12');
  versionId = (await t.app.inject(`/api/v1/procedures/${TEMP}`)).json<{ id: string }>().id;
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = t.app.server.address() as AddressInfo;
  transport = httpPortalTransport({
    url: `http://127.0.0.1:${port}/portal-sandbox/api/dossier-sync`,
    key: KEY,
    timeoutMs: 5_000,
  });
  await collectPushes(t.database.db, { fromStart: true });
  await registerPortalSyncJobs(
    t.jobs!,
    { db: t.database.db, transport },
    { retryDelay: 1, retryBackoff: false, pollingIntervalSeconds: 0.5, collectEverySeconds: 0 },
  );
});
afterAll(async () => t?.close());

describe('the national portal is down for a while, dossiers move meanwhile', () => {
  it('delivers each change once and in order per dossier when it comes back', async () => {
    await setSandbox(true);
    const a = await fileDossier();
    const b = await fileDossier();
    expect(await collectPushes(t.database.db, { queue: t.jobs })).toBe(2);
    // The jobs try and get 500s.
    await until(async () => {
      const rows = [...(await pushesOf(a.code!)), ...(await pushesOf(b.code!))];
      return rows.every((r) => r.attempts >= 1 && r.lastError?.startsWith('HTTP 500'));
    });

    // Meanwhile the dossiers move.
    let movedA = await move(a.id, 'receive', { expectedVersion: a.version });
    movedA = await move(a.id, 'request_supplement', {
      items: [{ item: 'Hợp đồng thuê nhà có công chứng', reason: 'Thiếu chữ ký bên cho thuê' }],
    });
    await move(b.id, 'receive', { expectedVersion: b.version });
    expect(movedA.state).toBe('supplement_requested');
    expect(await collectPushes(t.database.db, { queue: t.jobs })).toBe(3);
    expect(await arrivalsOf(a.code!)).toEqual([]);
    const down = (await admin.inject('/api/v1/portal-sync/pushes?state=pending')).json<PortalPushList>();
    expect(down.counts.pending).toBe(5);

    await setSandbox(false);
    await until(async () => (await pushesOf(a.code!)).every((r) => r.state === 'sent'));
    await until(async () => (await pushesOf(b.code!)).every((r) => r.state === 'sent'));

    const gotA = await arrivalsOf(a.code!);
    const gotB = await arrivalsOf(b.code!);
    expect(gotA.map((r) => [r.seq, r.status])).toEqual([
      [1, '1'],
      [2, '2'],
      [3, '5'],
    ]);
    expect(gotB.map((r) => [r.seq, r.status])).toEqual([
      [1, '1'],
      [2, '2'],
    ]);
    for (const r of [...gotA, ...gotB])
      expect(r, `${r.dossierCode} ${r.seq}`).toMatchObject({ outOfOrder: false, duplicates: 0 });
    expect(gotA[1]!.payload).toMatchObject({
      MaHoSo: a.code,
      MaTTHC: TEMP,
      MaDonViHanhChinh: '03445',
      KenhThucHien: '2',
    });
    expect(gotA[1]!.payload.NgayTiepNhan).toMatch(/^\d{14}$/);
    expect(gotA[1]!.payload.NgayHenTra).toMatch(/^\d{14}$/);
    expect(gotA[2]!.payload.NgayHenTra).toBeNull(); // paused for the supplement

    // The administrator reads every push: sent, with its attempts (the failed ones counted).
    const list = (await admin.inject(`/api/v1/portal-sync/pushes?dossierCode=${a.code}`)).json<PortalPushList>();
    expect(list.items.map((p) => [p.seq, p.state])).toEqual([
      [1, 'sent'],
      [2, 'sent'],
      [3, 'sent'],
    ]);
    expect(list.items[0]!.attempts).toBeGreaterThanOrEqual(2);
    expect(list.items[0]!.sentAt).not.toBeNull();

    // Sent again (a lost answer): the sandbox keeps it once and counts the duplicate.
    await transport.send(gotA[0]!.payload as never);
    expect((await arrivalsOf(a.code!)).map((r) => r.duplicates)).toEqual([1, 0, 0]);

    // The sandbox's page shows the pushes per dossier, in Vietnamese.
    const page = await t.app.inject(`/portal-sandbox?ma=${encodeURIComponent(a.code!)}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(a.code!);
    expect(page.body).toContain('Yêu cầu bổ sung giấy tờ');
  });

  it('a dead push blocks the later changes of its dossier only, until an administrator retries it', async () => {
    const c = await fileDossier();
    const d = await fileDossier();
    await collectPushes(t.database.db); // no jobs: sent by hand below
    const refusing: PortalTransport = {
      send: async () => {
        throw new Error('HTTP 500: down');
      },
    };
    // Attempts are counted on the push, whichever sender made them: the second failure of two is the last.
    const first = await sendDossierPushes(t.database.db, refusing, c.id, { maxAttempts: 2 });
    expect(first).toMatchObject({ kind: 'failed', dead: false });
    const dead = await sendDossierPushes(t.database.db, refusing, c.id, { maxAttempts: 2 });
    expect(dead).toMatchObject({ kind: 'failed', dead: true });
    await move(c.id, 'receive', { expectedVersion: c.version });
    await move(d.id, 'receive', { expectedVersion: d.version });
    await collectPushes(t.database.db);
    expect(await sendDossierPushes(t.database.db, transport, c.id, { maxAttempts: 8 })).toEqual({
      kind: 'blocked',
      sent: 0,
    });
    expect(await sendDossierPushes(t.database.db, transport, d.id, { maxAttempts: 8 })).toEqual({
      kind: 'done',
      sent: 2,
    });
    expect((await pushesOf(c.code!)).map((p) => p.state)).toEqual(['dead', 'pending']);
    expect(await arrivalsOf(c.code!)).toEqual([]);

    const deadPush = (
      await admin.inject(`/api/v1/portal-sync/pushes?state=dead&dossierCode=${c.code}`)
    ).json<PortalPushList>().items[0]!;
    expect(deadPush).toMatchObject({ seq: 1, state: 'dead', attempts: 2, lastError: 'HTTP 500: down' });
    const retry = await admin.inject({ method: 'POST', url: `/api/v1/portal-sync/pushes/${deadPush.id}/retry` });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json<PortalPush>()).toMatchObject({ state: 'pending', attempts: 0 });
    await until(async () => (await pushesOf(c.code!)).every((r) => r.state === 'sent'));
    expect((await arrivalsOf(c.code!)).map((r) => [r.seq, r.outOfOrder])).toEqual([
      [1, false],
      [2, false],
    ]);

    // A push that is not dead cannot be retried (409, naming the field); a missing one is 404; a bad id 400.
    const again = await admin.inject({ method: 'POST', url: `/api/v1/portal-sync/pushes/${deadPush.id}/retry` });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]!.field).toBe('id');
    const missing = await admin.inject({ method: 'POST', url: `/api/v1/portal-sync/pushes/${randomUUID()}/retry` });
    expect(missing.statusCode).toBe(404);
    const bad = await admin.inject({ method: 'POST', url: '/api/v1/portal-sync/pushes/nope/retry' });
    expect(bad.statusCode).toBe(400);
  });

  it('a dead push retried from the jobs page is reopened and sent once, in order; one already retried from its own page is refused (409)', async () => {
    await setSandbox(true);
    const f = await fileDossier();
    const g = await fileDossier();
    expect(await collectPushes(t.database.db, { queue: t.jobs })).toBe(2);
    // Each job uses up its attempts: the push is dead and the job goes to portal-sync.push.dead.
    const deadLetterOf = async (dossierId: string) =>
      (await admin.inject('/api/v1/jobs/overview'))
        .json<JobsOverview>()
        .failed.find((j) => j.queue === 'portal-sync.push' && j.data.dossierId === dossierId);
    await until(async () => !!(await deadLetterOf(f.id)) && !!(await deadLetterOf(g.id)), 60_000);
    expect((await pushesOf(f.code!)).map((p) => [p.state, p.attempts])).toEqual([['dead', 8]]);
    expect((await pushesOf(g.code!)).map((p) => [p.state, p.attempts])).toEqual([['dead', 8]]);
    // f moves meanwhile: its second push waits behind the dead one (its job ends blocked).
    await move(f.id, 'receive', { expectedVersion: f.version });
    expect(await collectPushes(t.database.db, { queue: t.jobs })).toBe(1);
    await setSandbox(false);
    const jobsOf = async (dossierId: string) =>
      Number(
        (
          await t.database.rows<{ n: number }>(
            sql`select count(*)::int as n from pgboss.job
                where name = 'portal-sync.push' and data->>'dossierId' = ${dossierId} and state in ('created', 'retry', 'active')`,
          )
        )[0]!.n,
      );
    await until(async () => (await jobsOf(f.id)) === 0);
    expect((await pushesOf(f.code!)).map((p) => p.state)).toEqual(['dead', 'pending']);

    // g is retried from its own page first: sent. Its dead letter's retry from the jobs page is then refused.
    const gPush = (await pushesOf(g.code!))[0]!;
    const own = await admin.inject({ method: 'POST', url: `/api/v1/portal-sync/pushes/${gPush.id}/retry` });
    expect(own.statusCode, own.body).toBe(200);
    await until(async () => (await pushesOf(g.code!)).every((r) => r.state === 'sent'));
    await until(async () => (await jobsOf(g.id)) === 0);
    const gLetter = (await deadLetterOf(g.id))!;
    const refused = await admin.inject({ method: 'POST', url: `/api/v1/jobs/failed/${gLetter.id}/retry` });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.headers['cache-control']).toBe('no-store');
    const { error } = refused.json<{ error: { code: string; messageVi: string; messageEn: string } }>();
    expect(error.code).toBe('JOBS.REDRIVE_CONFLICT');
    for (const text of [error.messageVi, error.messageEn]) {
      expect(text).toContain('portal-sync.push');
      expect(text).toContain(gLetter.id);
      expect(text).toContain('/admin/portal-sync');
    }
    expect(error.messageVi).toContain('Không chạy lại');
    expect(error.messageEn).toContain('was not retried');
    // Nothing redriven: the dead letter still waits, no job for g, the push untouched.
    expect(await deadLetterOf(g.id)).toMatchObject({ id: gLetter.id });
    expect(await jobsOf(g.id)).toBe(0);
    expect((await pushesOf(g.code!)).map((p) => [p.state, p.attempts])).toEqual([['sent', 1]]);

    // f's dead letter retried from the jobs page: the dead push is reopened in the same transaction,
    // the new job sends both pushes in order, each once, and the job leaves the failed list.
    const fLetter = (await deadLetterOf(f.id))!;
    const retried = await admin.inject({ method: 'POST', url: `/api/v1/jobs/failed/${fLetter.id}/retry` });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toEqual({ id: fLetter.id, queue: 'portal-sync.push' });
    await until(async () => (await pushesOf(f.code!)).every((r) => r.state === 'sent'));
    expect((await pushesOf(f.code!)).map((p) => [p.seq, p.state, p.attempts])).toEqual([
      [1, 'sent', 1],
      [2, 'sent', 1],
    ]);
    expect((await arrivalsOf(f.code!)).map((r) => [r.seq, r.status, r.outOfOrder, r.duplicates])).toEqual([
      [1, '1', false, 0],
      [2, '2', false, 0],
    ]);
    expect((await arrivalsOf(g.code!)).map((r) => [r.seq, r.duplicates])).toEqual([[1, 0]]);
    expect(await deadLetterOf(f.id)).toBeUndefined();
    expect((await admin.inject({ method: 'POST', url: `/api/v1/jobs/failed/${fLetter.id}/retry` })).statusCode).toBe(
      404,
    );
  }, 120_000);

  it('counts a sandbox slower than the transport’s timeout as a failed attempt, and stores nothing of it twice', async () => {
    const e = await fileDossier();
    await collectPushes(t.database.db);
    const slow = await admin.inject({
      method: 'PUT',
      url: '/api/v1/portal-sync/sandbox',
      payload: { failing: false, delayMs: 1_500 },
    });
    expect(slow.statusCode, slow.body).toBe(200);
    const { port } = t.app.server.address() as AddressInfo;
    const impatient = httpPortalTransport({
      url: `http://127.0.0.1:${port}/portal-sandbox/api/dossier-sync`,
      key: KEY,
      timeoutMs: 300,
    });
    const outcome = await sendDossierPushes(t.database.db, impatient, e.id, { maxAttempts: 8 });
    expect(outcome).toMatchObject({ kind: 'failed', dead: false });
    expect((await pushesOf(e.code!))[0]).toMatchObject({ state: 'pending', attempts: 1 });
    expect((await pushesOf(e.code!))[0]!.lastError).toContain('no answer');
    // The slow answer still lands; the next attempt is a duplicate, kept once.
    await new Promise((r) => setTimeout(r, 1_600));
    expect(await sendDossierPushes(t.database.db, transport, e.id, { maxAttempts: 8 })).toEqual({
      kind: 'done',
      sent: 1,
    });
    expect((await arrivalsOf(e.code!)).map((r) => [r.seq, r.duplicates])).toEqual([[1, 1]]);
    await setSandbox(false);
  });

  it('refuses a push without the key (401) or without its code and sequence (400), and bad settings (400)', async () => {
    const url = '/portal-sandbox/api/dossier-sync';
    expect((await t.app.inject({ method: 'POST', url, payload: { MaHoSo: 'x', SoThuTuDongBo: 1 } })).statusCode).toBe(
      401,
    );
    const bad = await t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${KEY}` },
      payload: { MaHoSo: 'x', SoThuTuDongBo: 0, TrangThaiHoSo: '1' },
    });
    expect(bad.statusCode).toBe(400);
    const settings = await admin.inject({
      method: 'PUT',
      url: '/api/v1/portal-sync/sandbox',
      payload: { failing: false, delayMs: 120_000 },
    });
    expect(settings.statusCode).toBe(400);
    expect(settings.body).toContain('delayMs');
  });
});
