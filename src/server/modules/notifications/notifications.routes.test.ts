import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { testConfig } from '../../../../test/db';
import { todayInVietnam } from '../../../contracts/common';
import { SMS_NOTIFICATIONS } from '../../../contracts/consent-texts';
import {
  Inbox,
  NotificationPreferences,
  type OutboxMessage,
  TemplateEvent,
  type TemplateVersionBody,
} from '../../../contracts/notifications';
import { DEFAULT_ROLES } from '../identity';
import { subjectFor } from '../audit';
import { copyRegistryBatch } from '../population';
import { httpSmsChannel } from './channels/sms';
import { collectNotifications } from './collect';
import { deliverDue } from './deliver';
import { outbox, preferences } from './notifications.schema';
import { readSandboxSms } from './sms-sandbox';
import { seedTemplates, templateInForce } from './templates.service';
import { insertDossier, insertTransition } from './test-support';

/*
 * Issue 17 §2 through HTTP: the citizen's inbox and channel choices (SMS consent recorded in audit),
 * the administrator's templates (preview, new versions, unknown placeholders refused naming the
 * field) and outbox, who may do what, and the SMS gateway adapter against the /sms-sandbox stand-in.
 */

let t: TestApp;
let citizen: Session;
let admin: Session;
const PROVINCE = '12';
const PERSON = makePerson({ nationalId: '012190005151', phone: '0912 345 678', email: 'ca.van@example.vn' });
const db = () => t.database.db;
type ErrorBody = { error: { code: string; fields?: Array<{ field: string; messageVi: string; messageEn: string }> } };

beforeAll(async () => {
  t = await createTestApp();
  await seedTemplates(db());
  await copyRegistryBatch(t.database, makeHousehold('03445', [PERSON]));
  citizen = await t.citizen({ nationalId: PERSON.nationalId!, fullName: PERSON.fullName });
  admin = await t.staff('admin', PROVINCE);
  await collectNotifications(db(), { portalUrl: 'http://localhost:3000' });
});
afterAll(async () => t?.close());

const texts = {
  subjectVi: 'Hồ sơ {{dossierCode}} đã được tiếp nhận',
  subjectEn: 'Dossier {{dossierCode}} received',
  bodyVi: 'Kính gửi {{citizenName}}, hẹn trả {{appointmentDate}}',
  bodyEn: 'Dear {{citizenName}}, due {{appointmentDate}}',
  smsVi: 'Ho so {{dossierCode}}',
};

describe('the citizen’s inbox', () => {
  it('lists the messages of the citizen’s dossiers, unread first counted, and marks one read', async () => {
    const d = await insertDossier(db(), { ownerAccountId: citizen.accountId, applicantPersonId: PERSON.id });
    await insertTransition(db(), d, { command: 'receive', toState: 'received' });
    await collectNotifications(db(), { portalUrl: 'http://localhost:3000' });
    await deliverDue(db(), {});
    const res = await citizen.inject('/api/v1/notifications/inbox');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const inbox = Inbox.parse(res.json());
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]!.subjectVi).toBe(`Hồ sơ ${d.code} đã được tiếp nhận`);
    const read = await citizen.inject({
      method: 'POST',
      url: `/api/v1/notifications/inbox/${inbox.items[0]!.id}/read`,
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<{ readAt: string | null }>().readAt).not.toBeNull();
    expect(Inbox.parse((await citizen.inject('/api/v1/notifications/inbox')).json()).unread).toBe(0);
    // Someone else's message answers like a missing one.
    const other = await t.citizen({ nationalId: '012190005152', fullName: 'Người Khác' });
    const foreign = await other.inject({
      method: 'POST',
      url: `/api/v1/notifications/inbox/${inbox.items[0]!.id}/read`,
    });
    expect(foreign.statusCode).toBe(404);
    expect(Inbox.parse((await other.inject('/api/v1/notifications/inbox')).json()).items).toEqual([]);
  });

  it('is not for staff, nor anyone signed out', async () => {
    expect((await admin.inject('/api/v1/notifications/inbox')).statusCode).toBe(403);
    expect((await t.app.inject('/api/v1/notifications/inbox')).statusCode).toBe(401);
  });
});

describe('the citizen’s channels', () => {
  it('prefills from the registry, refuses a malformed number naming the field, and asks consent for SMS', async () => {
    const start = NotificationPreferences.parse((await citizen.inject('/api/v1/notifications/preferences')).json());
    expect(start).toMatchObject({
      emailEnabled: true,
      email: 'ca.van@example.vn',
      smsEnabled: false,
      registryPhone: '0912 345 678',
      chosen: false,
    });
    const put = (payload: object) =>
      citizen.inject({ method: 'PUT', url: '/api/v1/notifications/preferences', payload });
    const bad = await put({
      emailEnabled: true,
      email: 'ca.van@example.vn',
      smsEnabled: true,
      phone: '12345',
      consent: true,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['cache-control']).toBe('no-store');
    const fields = bad.json<ErrorBody>().error.fields!;
    expect(fields.map((f) => f.field)).toEqual(['phone']);
    expect(fields[0]!.messageVi).toContain('Số điện thoại');
    expect(fields[0]!.messageEn).toContain('mobile number');
    const noConsent = await put({
      emailEnabled: false,
      email: null,
      smsEnabled: true,
      phone: '0912345678',
      consent: false,
    });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json<ErrorBody>().error.fields![0]!.field).toBe('consent');
    const ok = await put({ emailEnabled: false, email: null, smsEnabled: true, phone: '0912 345 678', consent: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(NotificationPreferences.parse(ok.json())).toMatchObject({
      smsEnabled: true,
      phone: '0912345678',
      chosen: true,
    });
    const consents = await citizen.inject('/api/v1/audit/me/consents');
    const items = consents.json<{ items: Array<{ purposeCode: string; active: boolean; textVersion: string }> }>()
      .items;
    expect(items.filter((c) => c.purposeCode === SMS_NOTIFICATIONS.purposeCode && c.active)).toHaveLength(1);
    // SMS off withdraws the consent.
    await put({ emailEnabled: true, email: 'ca.van@example.vn', smsEnabled: false, phone: null, consent: false });
    const after = (await citizen.inject('/api/v1/audit/me/consents')).json<{
      items: Array<{ purposeCode: string; active: boolean }>;
    }>().items;
    expect(after.filter((c) => c.purposeCode === SMS_NOTIFICATIONS.purposeCode && c.active)).toHaveLength(0);
  });
});

describe('templates', () => {
  const version = (over: Partial<TemplateVersionBody> = {}) =>
    admin.inject({
      method: 'POST',
      url: '/api/v1/notifications/templates/dossier_received/versions',
      payload: { ...texts, effectiveFrom: todayInVietnam(), ...over },
    });

  it('previews with example values, then saves a new version in force from today, never editing the old one', async () => {
    const preview = await admin.inject({
      method: 'POST',
      url: '/api/v1/notifications/templates/dossier_received/preview',
      payload: texts,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json<{ bodyVi: string }>().bodyVi).toBe('Kính gửi Nguyễn Văn Mẫu, hẹn trả 14/12/2026 16:30');
    const saved = await version();
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json<{ version: number; current: boolean }>()).toMatchObject({ version: 2, current: true });
    const list = (await admin.inject('/api/v1/notifications/templates')).json<TemplateEvent[]>();
    const received = list.find((e) => e.event === 'dossier_received')!;
    expect(received.versions.map((v) => [v.version, v.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(received.placeholders).toContain('appointmentDate');
  });

  it('keeps the version in force until a later version’s day comes', async () => {
    const tomorrow = new Date(Date.now() + 7 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    const res = await admin.inject({
      method: 'POST',
      url: '/api/v1/notifications/templates/result_ready/versions',
      payload: {
        ...texts,
        subjectVi: 'Kết quả {{dossierCode}}',
        bodyVi: 'Có kết quả',
        bodyEn: 'Ready',
        effectiveFrom: tomorrow,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ version: number; current: boolean }>()).toMatchObject({ version: 2, current: false });
    expect((await templateInForce(db(), 'result_ready'))!.version).toBe(1);
    expect((await templateInForce(db(), 'result_ready', tomorrow))!.version).toBe(2);
  });

  it('refuses an unknown placeholder on save and on preview, naming the field in both languages', async () => {
    const res = await version({ bodyEn: 'Dear {{citizenName}}, see {{dossierNumber}}' });
    expect(res.statusCode).toBe(400);
    const error = res.json<ErrorBody>().error;
    expect(error.code).toBe('NOTIFICATION.TEMPLATE_INVALID');
    expect(error.fields!.map((f) => f.field)).toEqual(['bodyEn']);
    expect(error.fields![0]!.messageVi).toContain('{{dossierNumber}}');
    expect(error.fields![0]!.messageEn).toContain('Unknown placeholder');
    const preview = await admin.inject({
      method: 'POST',
      url: '/api/v1/notifications/templates/payment_received/preview',
      payload: { ...texts, smsVi: 'Hen {{appointmentDate}}' }, // not a placeholder of payments
    });
    expect(preview.statusCode).toBe(400);
    expect(preview.json<ErrorBody>().error.fields!.map((f) => f.field)).toEqual(['bodyVi', 'bodyEn', 'smsVi']);
    expect((await version({ effectiveFrom: '2020-01-01' })).json<ErrorBody>().error.fields![0]!.field).toBe(
      'effectiveFrom',
    );
    const list = (await admin.inject('/api/v1/notifications/templates')).json<TemplateEvent[]>();
    expect(list.find((e) => e.event === 'dossier_received')!.versions).toHaveLength(2); // nothing half-written
  });
});

describe('who may read the outbox and change templates', () => {
  const staff = DEFAULT_ROLES.filter((r) => r.staff);
  it.each(
    staff.map(
      (r) =>
        [
          r.code,
          r.actions.includes('notifications.outbox.read'),
          r.actions.includes('notifications.templates.manage'),
        ] as const,
    ),
  )('%s → outbox %s, templates %s', async (role, outboxRead, manage) => {
    const s = await t.staff(role, PROVINCE, role === 'sector_officer' ? 'health_insurance' : undefined);
    expect((await s.inject('/api/v1/notifications/outbox')).statusCode).toBe(outboxRead ? 200 : 403);
    expect((await s.inject('/api/v1/notifications/sandbox-mail')).statusCode).toBe(outboxRead ? 200 : 403);
    expect((await s.inject('/api/v1/notifications/templates')).statusCode).toBe(manage ? 200 : 403);
    const preview = await s.inject({
      method: 'POST',
      url: '/api/v1/notifications/templates/result_ready/preview',
      payload: texts,
    });
    expect(preview.statusCode).toBe(manage ? 400 : 403); // {{appointmentDate}} is not a result placeholder
  });

  it('gives both to administrators only; citizens and the signed-out get nothing', async () => {
    expect(staff.filter((r) => r.actions.includes('notifications.outbox.read')).map((r) => r.code)).toEqual(['admin']);
    expect(staff.filter((r) => r.actions.includes('notifications.templates.manage')).map((r) => r.code)).toEqual([
      'admin',
    ]);
    expect((await citizen.inject('/api/v1/notifications/outbox')).statusCode).toBe(403);
    expect((await t.app.inject('/api/v1/notifications/outbox')).statusCode).toBe(401);
    expect((await t.app.inject('/api/v1/notifications/templates')).statusCode).toBe(401);
  });

  it('needs the grant at the province: a commune administrator is refused', async () => {
    const commune = await t.staff('admin', '03445');
    const res = await commune.inject('/api/v1/notifications/outbox');
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error.code).toBe('NOTIFICATION.PROVINCE_FORBIDDEN');
    // Nor may they issue a template version or preview one (valid texts: refused for the grant, not the input).
    const valid = { ...texts, smsVi: 'Ho so {{dossierCode}}' };
    const tomorrow = new Date(Date.now() + 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
    const before = (await admin.inject('/api/v1/notifications/templates')).json<TemplateEvent[]>();
    const save = await commune.inject({
      method: 'POST',
      url: '/api/v1/notifications/templates/dossier_received/versions',
      payload: { ...valid, effectiveFrom: tomorrow },
    });
    const preview = await commune.inject({
      method: 'POST',
      url: '/api/v1/notifications/templates/dossier_received/preview',
      payload: valid,
    });
    for (const r of [save, preview]) {
      expect(r.statusCode, r.body).toBe(403);
      expect(r.json<ErrorBody>().error.code).toBe('NOTIFICATION.PROVINCE_FORBIDDEN');
    }
    expect((await admin.inject('/api/v1/notifications/templates')).json<TemplateEvent[]>()).toEqual(before);
    // The same texts preview for the province's administrator.
    const ok = await admin.inject({
      method: 'POST',
      url: '/api/v1/notifications/templates/dossier_received/preview',
      payload: valid,
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('shows each message with its channel, status, attempts and a masked address', async () => {
    const res = await admin.inject('/api/v1/notifications/outbox?channel=email');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ items: Array<{ channel: string; recipient: string; status: string; attempts: number }> }>();
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((i) => i.channel === 'email')).toBe(true);
    expect(body.items[0]!.recipient).toBe('c***@example.vn');
    expect((await admin.inject('/api/v1/notifications/outbox?status=lost')).statusCode).toBe(400);
  });
});

describe('a malformed phone in stored channel choices', () => {
  it('skips the SMS saying why, shown on the outbox page, while the inbox goes on', async () => {
    // Saving refuses a bad number (above); one stored before that check, or changed since, is caught here.
    const put = await citizen.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      payload: { emailEnabled: false, email: null, smsEnabled: true, phone: '0912345678', consent: true },
    });
    expect(put.statusCode, put.body).toBe(200);
    await db().update(preferences).set({ phone: '0912 34' }).where(eq(preferences.accountId, citizen.accountId));
    const d = await insertDossier(db(), {
      ownerAccountId: citizen.accountId,
      applicantPersonId: PERSON.id,
      applicantSubject: subjectFor(testConfig().AUDIT_PSEUDONYM_KEY!, { nationalId: PERSON.nationalId }),
    });
    await insertTransition(db(), d, { command: 'issue_result', toState: 'result_issued', actorRole: 'processor' });
    await collectNotifications(db(), { portalUrl: 'http://localhost:3000' });
    const res = await admin.inject('/api/v1/notifications/outbox?channel=sms');
    expect(res.statusCode, res.body).toBe(200);
    const sms = res.json<{ items: OutboxMessage[] }>().items.filter((i) => i.dossierCode === d.code);
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({
      status: 'skipped',
      skipReason: 'số điện thoại di động không hợp lệ / malformed mobile number',
      attempts: 0,
    });
    expect(res.body).not.toContain('0912 34');
    const rows = await db().select().from(outbox).where(eq(outbox.dossierId, d.id));
    expect(rows.map((r) => [r.channel, r.status]).sort()).toEqual([
      ['inbox', 'queued'],
      ['sms', 'skipped'],
    ]);
  });
});

describe('SMS through the HTTP gateway adapter and the /sms-sandbox stand-in', () => {
  it('delivers each SMS once per idempotency key, and refuses a wrong key', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}/sms-sandbox/messages`;
    const channel = httpSmsChannel({ url, key: 'not-the-gateway-key' });
    const message = {
      idempotencyKey: 't1.sms',
      recipient: '84912345678',
      subjectVi: 's',
      subjectEn: 's',
      bodyVi: 'Ho so X',
      bodyEn: '',
    };
    await expect(channel.send(message)).rejects.toThrow(/401/);
    const put = (payload: object) =>
      citizen.inject({ method: 'PUT', url: '/api/v1/notifications/preferences', payload });
    expect(
      (await put({ emailEnabled: false, email: null, smsEnabled: true, phone: '0912345678', consent: true }))
        .statusCode,
    ).toBe(200);
    const applicantSubject = subjectFor(testConfig().AUDIT_PSEUDONYM_KEY!, { nationalId: PERSON.nationalId });
    const d = await insertDossier(db(), {
      ownerAccountId: citizen.accountId,
      applicantPersonId: PERSON.id,
      applicantSubject,
    });
    await insertTransition(db(), d, { command: 'issue_result', toState: 'result_issued', actorRole: 'processor' });
    await collectNotifications(db(), { portalUrl: 'http://localhost:3000' });
    const sms = httpSmsChannel({ url, key: testConfig().SMS_GATEWAY_KEY! });
    await deliverDue(db(), { sms });
    const rows = await db().select().from(outbox).where(eq(outbox.dossierId, d.id));
    expect(rows.map((r) => [r.channel, r.status]).sort()).toEqual([
      ['inbox', 'sent'],
      ['sms', 'sent'],
    ]);
    const smsRow = rows.find((r) => r.channel === 'sms')!;
    await sms.send({ ...smsRow, recipient: smsRow.recipient }); // a resend after a crash
    const kept = (await readSandboxSms(db())).filter((m) => m.idempotencyKey === smsRow.idempotencyKey);
    expect(kept).toHaveLength(1);
    expect(kept[0]!).toMatchObject({ phone: '84912345678', duplicates: 1 });
    expect(kept[0]!.text).toContain(d.code);
    // Consent withdrawn on the consents page while SMS stays chosen: the next SMS is skipped, saying why.
    const withdrawn = await citizen.inject({
      method: 'POST',
      url: `/api/v1/audit/me/consents/${SMS_NOTIFICATIONS.purposeCode}/withdraw`,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const next = await insertDossier(db(), {
      ownerAccountId: citizen.accountId,
      applicantPersonId: PERSON.id,
      applicantSubject,
    });
    await insertTransition(db(), next, { command: 'issue_result', toState: 'result_issued', actorRole: 'processor' });
    await collectNotifications(db(), { portalUrl: 'http://localhost:3000' });
    const [skipped] = await db().select().from(outbox).where(eq(outbox.dossierId, next.id)).orderBy(outbox.channel);
    expect(skipped!).toMatchObject({ channel: 'inbox' });
    const smsNext = (await db().select().from(outbox).where(eq(outbox.dossierId, next.id))).find(
      (r) => r.channel === 'sms',
    )!;
    expect([smsNext.status, smsNext.skipReason]).toEqual([
      'skipped',
      'chưa có hoặc đã rút sự đồng ý nhận SMS / no SMS consent',
    ]);
  });
});
