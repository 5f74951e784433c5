import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { createTestDatabase, testConfig, type TestDatabase } from '../../../../test/db';
import { registerErrorHandler } from '../../platform/http-errors';
import { auditRoutes, type CitizenRef } from './audit.routes';
import { subjectFor } from './audit.pseudonym';
import { listAccessForSubject, recordAccess, type SubjectAccessItem } from './audit.service';
import { makeEntry } from './test-support';

const config = testConfig({ DATA_DIR: mkdtempSync(`${tmpdir()}/dvc06-audit-routes-`) });
const key = config.AUDIT_PSEUDONYM_KEY!;
const pao: CitizenRef = { accountId: randomUUID(), nationalId: '012085000123', personId: randomUUID() };
const officerAccountId = randomUUID();

let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  app = Fastify().withTypeProvider();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // The test stands in for identity: the header names the signed-in citizen.
  const citizenOf = (req: { headers: Record<string, unknown> }) =>
    req.headers['x-test-citizen'] === 'pao' ? pao : null;
  const roleName = (code: string) =>
    code === 'commune_police' ? { vi: 'Công an cấp xã (cư trú)', en: 'Commune police (residence)' } : undefined;
  await app.register(auditRoutes({ config, database }, { citizenOf, roleName }), { prefix: '/api/v1/audit' });
  await app.ready();

  const subject = subjectFor(key, pao);
  await database.db.transaction(async (tx) => {
    await recordAccess(tx, [
      makeEntry({
        subject,
        actorAccountId: officerAccountId,
        actorRole: 'commune_police',
        actorUnit: '03388',
        purpose: 'residence_registration',
      }),
    ]);
  });
  await recordAccess(database.db, [
    makeEntry({
      subject,
      actorAccountId: officerAccountId,
      actorRole: 'one_stop_officer',
      actorUnit: '03445',
      action: 'person.search',
      purpose: 'dossier_processing',
    }),
  ]);
  await recordAccess(database.db, [
    makeEntry({
      subject: subjectFor(key, { personId: pao.personId }),
      actorRole: 'commune_police',
      purpose: 'data_cleaning',
    }),
  ]);
  await recordAccess(database.db, [makeEntry({ subject: subjectFor(key, { nationalId: '012190000001' }) })]); // someone else
});
afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

const asPao = { 'x-test-citizen': 'pao' };
type Page = { items: SubjectAccessItem[]; total: number; page: number; pageSize: number };

describe('the citizen’s access log', () => {
  it('shows time, action, purpose, role and unit — newest first, under both of the person’s subjects', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/audit/me/access-log', headers: asPao });
    expect(res.statusCode).toBe(200);
    const body = res.json<Page>();
    expect(body.total).toBe(3);
    expect(body.items.map((i) => i.purposeCode)).toEqual([
      'data_cleaning',
      'dossier_processing',
      'residence_registration',
    ]);
    expect(body.items[2]).toMatchObject({
      action: 'person.read',
      actionNameVi: 'Xem thông tin công dân',
      purposeNameVi: 'Đăng ký, xác minh thông tin cư trú',
      actorRole: 'commune_police',
      actorRoleNameVi: 'Công an cấp xã (cư trú)',
      actorUnitCode: '03388',
      actorUnitName: 'Phường Đoàn Kết',
    });
  });

  it('never shows the officer’s account id', async () => {
    const text = (await app.inject({ method: 'GET', url: '/api/v1/audit/me/access-log', headers: asPao })).body;
    expect(text).not.toContain(officerAccountId);
    expect(text).not.toMatch(/accountId|actorAccountId|requestId|details/);
    const items = (await listAccessForSubject(database.db, subjectFor(key, pao), { page: 1, pageSize: 10 })).items;
    expect(Object.keys(items[0]!)).not.toContain('actorAccountId');
  });

  it('pages', async () => {
    const body = (
      await app.inject({ method: 'GET', url: '/api/v1/audit/me/access-log?page=2&pageSize=2', headers: asPao })
    ).json<Page>();
    expect(body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(body.items.map((i) => i.purposeCode)).toEqual(['residence_registration']);
  });

  it('answers 401 without a citizen session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/audit/me/access-log' });
    expect(res.statusCode).toBe(401);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('AUDIT.UNAUTHENTICATED');
  });
});

describe('consent routes', () => {
  const grant = (payload: object) =>
    app.inject({ method: 'POST', url: '/api/v1/audit/me/consents', headers: asPao, payload });
  const body = {
    purposeCode: 'sms_notifications',
    textVersion: 'sms-2026-01',
    text: 'Tôi đồng ý nhận tin nhắn SMS.',
    agreed: true,
  };

  it('refuses a consent that was not explicitly given', async () => {
    const res = await grant({ ...body, agreed: false });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]?.field).toBe('agreed');
  });

  it('grants (201), refuses a second active one (409), withdraws (200) and lists both states', async () => {
    expect((await grant(body)).statusCode).toBe(201);
    expect((await grant(body)).statusCode).toBe(409);
    const withdrawn = await app.inject({
      method: 'POST',
      url: '/api/v1/audit/me/consents/sms_notifications/withdraw',
      headers: asPao,
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json<{ active: boolean; channel: string }>()).toMatchObject({ active: false, channel: 'web' });
    const list = (await app.inject({ method: 'GET', url: '/api/v1/audit/me/consents', headers: asPao })).json<{
      items: Array<{ active: boolean }>;
    }>();
    expect(list.items.map((c) => c.active)).toEqual([false]);
  });
});

describe('purposes and verification', () => {
  it('lists purposes', async () => {
    const body = (await app.inject({ method: 'GET', url: '/api/v1/audit/purposes' })).json<{
      items: Array<{ code: string }>;
    }>();
    expect(body.items.map((p) => p.code)).toContain('authority_request');
  });

  it('verifies the chain', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/audit/chain/verify' });
    expect(res.json()).toEqual({
      ok: true,
      checked: 4,
      headSeq: 4,
      checkpoints: { total: 0, verifiedUpTo: null, invalid: [] },
    });
  });
});
