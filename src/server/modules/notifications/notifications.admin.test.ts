import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { testConfig } from '../../../../test/db';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { OutboxMessage, SandboxSmsPage } from '../../../contracts/notifications';
import { DEFAULT_ROLES } from '../identity';
import { copyRegistryBatch } from '../population';
import { readSandboxMail, retryFailedMessage } from './admin.service';
import { smtpEmailChannel } from './channels/email';
import { startLocalSmtpServer, type LocalSmtpServer } from './channels/local-smtp';
import type { DeliveryChannels } from './channels/channel';
import { collectNotifications } from './collect';
import { deliverDue, deliverMessage, MAX_ATTEMPTS } from './deliver';
import { outbox, sandboxSms } from './notifications.schema';
import { registerNotificationJobs } from './runtime';
import { seedTemplates } from './templates.service';
import { insertDossier, insertTransition, type TestDossier } from './test-support';

/*
 * The administrator's outbox actions over HTTP (issue 17 §2): retrying a message whose delivery failed
 * for good — reset and its send job enqueued in one transaction, then delivered once by the queue's
 * worker over a real SMTP round trip — and the development view of what the SMS sandbox received
 * (numbers masked, newest first, paged); who may do either, role by role.
 */

let t: TestApp;
let admin: Session;
let smtp: LocalSmtpServer;
let channels: DeliveryChannels;
let failedDossier: TestDossier;
let failedId: string;
const PROVINCE = '12';
const PORTAL = 'http://localhost:3000';
const PERSON = makePerson({ nationalId: '012190007171', fullName: 'Giàng A Páo', email: 'giang.pao@example.vn' });
const db = () => t.database.db;
const retryUrl = (id: string) => `/api/v1/notifications/outbox/${id}/retry`;
const SMS = '/api/v1/notifications/sandbox-sms';
type ErrorBody = {
  error: { code: string; messageVi: string; messageEn: string; fields?: Array<{ field: string; messageVi: string }> };
};

async function until(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const rowOf = async (id: string) => (await db().select().from(outbox).where(eq(outbox.id, id)))[0]!;

beforeAll(async () => {
  t = await createTestApp({}, { jobs: true });
  await seedTemplates(db());
  await copyRegistryBatch(t.database, makeHousehold('03445', [PERSON]));
  admin = await t.staff('admin', PROVINCE);
  smtp = await startLocalSmtpServer(db());
  channels = {
    email: smtpEmailChannel({ url: smtp.url, from: 'DVC06 <no-reply@dvc06.localhost>', messageDomain: 'dvc06.test' }),
  };
  await collectNotifications(db(), { portalUrl: PORTAL }); // the feed starts at the latest transition
  // A paper filing's e-mail that the SMTP server refuses MAX_ATTEMPTS times: failed for good.
  failedDossier = await insertDossier(db(), { ownerAccountId: null, applicantPersonId: PERSON.id });
  await insertTransition(db(), failedDossier, { command: 'receive', toState: 'received' });
  expect(await collectNotifications(db(), { portalUrl: PORTAL })).toBe(1);
  const [row] = await db().select().from(outbox).where(eq(outbox.dossierId, failedDossier.id));
  failedId = row!.id;
  smtp.faults.refuse = MAX_ATTEMPTS;
  let now = new Date();
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    await expect(deliverMessage(db(), channels, failedId, {}, now)).rejects.toThrow(/451/);
    now = new Date(now.getTime() + 3_600_000);
  }
  // The queue's send worker, as the server has it (registered after the failure: its collect job finds nothing new).
  await registerNotificationJobs(
    t.jobs!,
    { db: db(), channels, portalUrl: PORTAL },
    { pollingIntervalSeconds: 0.5, collectEverySeconds: 0, sweepEverySeconds: 0 },
  );
}, 60_000);
afterAll(async () => {
  await channels?.email?.close?.();
  await smtp?.close();
  await t?.close();
});

describe('retrying a message whose delivery failed for good', () => {
  it('resets it to queued with its send job, and the queue delivers it exactly once', async () => {
    const before = await rowOf(failedId);
    expect([before.status, before.attempts]).toEqual(['failed', MAX_ATTEMPTS]);
    expect(before.lastError).toContain('451');
    const list = (await admin.inject('/api/v1/notifications/outbox?status=failed')).json<{
      items: OutboxMessage[];
    }>();
    expect(list.items.map((i) => i.id)).toContain(failedId);

    const res = await admin.inject({ method: 'POST', url: retryUrl(failedId) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const retried = OutboxMessage.parse(res.json());
    expect(retried).toMatchObject({ id: failedId, status: 'queued', attempts: 0, recipient: 'g***@example.vn' });
    await until(async () => (await rowOf(failedId)).status === 'sent');
    const sent = await rowOf(failedId);
    expect([sent.attempts, sent.lastError]).toEqual([1, null]);
    const mail = (await readSandboxMail(db())).filter((m) => m.raw.includes(failedDossier.code));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.duplicates).toBe(0);
    expect(mail[0]!.rcptTo).toEqual(['giang.pao@example.vn']);
    // The page shows the new status.
    const after = (await admin.inject('/api/v1/notifications/outbox?channel=email')).json<{
      items: OutboxMessage[];
    }>();
    expect(after.items.find((i) => i.id === failedId)?.status).toBe('sent');
  }, 40_000);

  it('refuses a message that is not failed (409, both languages), an unknown one (404) and a malformed id (400)', async () => {
    const again = await admin.inject({ method: 'POST', url: retryUrl(failedId) });
    expect(again.statusCode).toBe(409);
    const error = again.json<ErrorBody>().error;
    expect(error.code).toBe('NOTIFICATION.NOT_FAILED_CONFLICT');
    expect(error.messageVi).toContain('Chỉ gửi lại được');
    expect(error.messageEn).toContain('Only a message whose delivery failed');
    expect(error.fields![0]!.messageVi).toBe('Thông báo đang ở trạng thái sent');
    expect((await rowOf(failedId)).status).toBe('sent'); // nothing changed
    const missing = await admin.inject({ method: 'POST', url: retryUrl(randomUUID()) });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ErrorBody>().error.code).toBe('NOTIFICATION.MESSAGE_NOT_FOUND');
    const bad = await admin.inject({ method: 'POST', url: retryUrl('not-a-uuid') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.fields?.[0]?.field).toBe('id');
    // Still exactly one e-mail.
    expect((await readSandboxMail(db())).filter((m) => m.raw.includes(failedDossier.code))).toHaveLength(1);
  });

  it('without a job queue (tests, CLI) leaves the message queued and due: the delivery loop sends it once', async () => {
    const [row] = await db()
      .insert(outbox)
      .values({
        idempotencyKey: 'manual-retry.email',
        event: 'result_ready',
        channel: 'email',
        status: 'failed',
        recipient: 'giang.pao@example.vn',
        templateId: randomUUID(),
        subjectVi: 'Hồ sơ MANUAL-RETRY đã có kết quả',
        subjectEn: 'Dossier MANUAL-RETRY ready',
        bodyVi: 'Hồ sơ MANUAL-RETRY đã có kết quả.',
        bodyEn: 'Dossier MANUAL-RETRY is ready.',
        attempts: MAX_ATTEMPTS,
        lastError: '451 Try again later',
        lastAttemptAt: new Date(),
      })
      .returning();
    expect(await retryFailedMessage(db(), row!.id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(await deliverDue(db(), channels)).toBeGreaterThanOrEqual(1);
    expect(await rowOf(row!.id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    const mail = (await readSandboxMail(db())).filter((m) => m.raw.includes('MANUAL-RETRY'));
    expect(mail.map((m) => m.duplicates)).toEqual([0]);
  });

  it('needs the grant at the province: a commune administrator is refused', async () => {
    const commune = await t.staff('admin', '03445');
    const res = await commune.inject({ method: 'POST', url: retryUrl(randomUUID()) });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error.code).toBe('NOTIFICATION.PROVINCE_FORBIDDEN');
  });
});

describe('what the SMS sandbox received (development)', () => {
  it('lists the messages newest first, paged, numbers masked to their last 3 digits, duplicates counted', async () => {
    const key = testConfig().SMS_GATEWAY_KEY!;
    const send = (reference: string, to: string) =>
      t.app.inject({
        method: 'POST',
        url: '/sms-sandbox/messages',
        headers: { authorization: `Bearer ${key}`, 'idempotency-key': reference },
        payload: { to, text: `Ho so ${reference} da duoc tiep nhan.`, reference },
      });
    const base = Date.now() - 3_600_000;
    for (let i = 0; i < 25; i++)
      await db()
        .insert(sandboxSms)
        .values({
          idempotencyKey: `t${1000 + i}.sms`,
          phone: `8491234${String(1000 + i).slice(-4)}`,
          text: `Tin ${i}`,
          receivedAt: new Date(base + i * 60_000),
        });
    expect((await send('t9.sms', '84987654321')).statusCode).toBe(200);
    expect((await send('t9.sms', '84987654321')).statusCode).toBe(200); // a resend: a duplicate

    const first = await admin.inject(`${SMS}?pageSize=10`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    const page1 = SandboxSmsPage.parse(first.json());
    expect([page1.total, page1.page, page1.pageSize, page1.items.length]).toEqual([26, 1, 10, 10]);
    expect(page1.items[0]).toMatchObject({ phone: '***321', text: 'Ho so t9.sms da duoc tiep nhan.', duplicates: 1 });
    expect(page1.items[1]).toMatchObject({ phone: '***024', text: 'Tin 24', duplicates: 0 });
    expect(first.body).not.toContain('84987654321');
    const page3 = SandboxSmsPage.parse((await admin.inject(`${SMS}?pageSize=10&page=3`)).json());
    expect(page3.items.map((i) => i.text)).toEqual(['Tin 5', 'Tin 4', 'Tin 3', 'Tin 2', 'Tin 1', 'Tin 0']);
    const times = [...page1.items, ...page3.items].map((i) => i.receivedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const bad = await admin.inject(`${SMS}?pageSize=1000`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.fields?.[0]?.field).toBe('pageSize');
  });

  it('is not there where the sandbox does not run (404, both languages)', async () => {
    const prod = await createTestApp({ SMS_SANDBOX: 'off' });
    try {
      const res = await (await prod.staff('admin', PROVINCE)).inject(SMS);
      expect(res.statusCode).toBe(404);
      const error = res.json<ErrorBody>().error;
      expect(error.code).toBe('NOTIFICATION.SANDBOX_NOT_FOUND');
      expect([error.messageVi, error.messageEn]).toEqual([
        'Hộp cát SMS không chạy ở môi trường này',
        'The SMS sandbox does not run here',
      ]);
    } finally {
      await prod.close();
    }
  });
});

describe('who may retry a message and read the SMS sandbox', () => {
  it('gives both to administrators only', () => {
    const holders = (action: string) =>
      DEFAULT_ROLES.filter((r) => (r.actions as readonly string[]).includes(action)).map((r) => r.code);
    expect(holders('notifications.outbox.retry')).toEqual(['admin']);
    expect(holders('notifications.outbox.read')).toEqual(['admin']);
  });

  describe.each(DEFAULT_ROLES.filter((r) => r.staff).map((r) => [r.code, r] as const))(
    '%s with a province-wide grant',
    (code, role) => {
      const mayRetry = role.actions.includes('notifications.outbox.retry');
      const mayRead = role.actions.includes('notifications.outbox.read');
      it(`${mayRetry ? 'may' : 'may not'} retry; ${mayRead ? 'may' : 'may not'} read the SMS sandbox`, async () => {
        const s = await t.staff(code, PROVINCE, role.needsSector ? 'health_insurance' : undefined);
        const retry = await s.inject({ method: 'POST', url: retryUrl(randomUUID()) });
        expect(retry.statusCode, retry.body).toBe(mayRetry ? 404 : 403); // allowed: no such message
        const sms = await s.inject(SMS);
        expect(sms.statusCode, sms.body).toBe(mayRead ? 200 : 403);
        for (const res of [retry, sms].filter((r) => r.statusCode === 403))
          expect(res.json<ErrorBody>().error.code).toBe('AUTH.FORBIDDEN');
      });
    },
  );

  it('refuses a citizen (403) and anyone signed out (401)', async () => {
    const citizen = await t.citizen({ nationalId: PERSON.nationalId!, fullName: PERSON.fullName });
    expect((await citizen.inject({ method: 'POST', url: retryUrl(failedId) })).statusCode).toBe(403);
    expect((await citizen.inject(SMS)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: retryUrl(failedId) })).statusCode).toBe(401);
    expect((await t.app.inject(SMS)).statusCode).toBe(401);
  });
});
