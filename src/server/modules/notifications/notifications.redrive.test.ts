import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import type { JobsOverview } from '../../../contracts/jobs';
import { copyRegistryBatch } from '../population';
import { readSandboxMail } from './admin.service';
import type { DeliveryChannels } from './channels/channel';
import { smtpEmailChannel } from './channels/email';
import { startLocalSmtpServer, type LocalSmtpServer } from './channels/local-smtp';
import { collectNotifications, SEND_QUEUE } from './collect';
import { MAX_ATTEMPTS } from './deliver';
import { outbox } from './notifications.schema';
import { registerNotificationJobs } from './runtime';
import { seedTemplates } from './templates.service';
import { insertDossier, insertTransition, type TestDossier } from './test-support';

/*
 * A `notifications.send` dead letter retried from the jobs page (ADR 0031, dead letters): the queue's
 * redrive hook (redrive.ts) reopens the failed message in the redrive's transaction, so the new job
 * sends it — once, over a real SMTP round trip; a message already retried from the outbox page is
 * refused with a bilingual 409 naming the job and /admin/notifications, and nothing is redriven.
 */

let t: TestApp;
let admin: Session;
let smtp: LocalSmtpServer;
let channels: DeliveryChannels;
const PORTAL = 'http://localhost:3000';
const PERSON = makePerson({ nationalId: '012190007272', fullName: 'Sùng Thị Mỷ', email: 'sung.my@example.vn' });
const db = () => t.database.db;
const OVERVIEW = '/api/v1/jobs/overview';
const jobsRetry = (id: string) => `/api/v1/jobs/failed/${id}/retry`;

async function until(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const rowOf = async (id: string) => (await db().select().from(outbox).where(eq(outbox.id, id)))[0]!;
const mailOf = async (dossier: TestDossier) =>
  (await readSandboxMail(db())).filter((m) => m.raw.includes(dossier.code));
const deadLetterOf = async (outboxId: string) =>
  (await admin.inject(OVERVIEW))
    .json<JobsOverview>()
    .failed.find((j) => j.queue === SEND_QUEUE && j.data.outboxId === outboxId);
const jobsOf = async (outboxId: string) =>
  Number(
    (
      await t.database.rows<{ n: number }>(
        sql`select count(*)::int as n from pgboss.job
            where name = ${SEND_QUEUE} and data->>'outboxId' = ${outboxId} and state in ('created', 'retry', 'active')`,
      )
    )[0]!.n,
  );

/**
 * A paper filing's e-mail whose last attempt the SMTP server refuses, through the queue: the message
 * is `failed` and its job goes to `notifications.send.dead` (earlier attempts are counted on the row;
 * the job is sent with no retries so the test does not wait for the production backoff).
 */
async function failedForGood(): Promise<{ dossier: TestDossier; outboxId: string; deadLetterId: string }> {
  const dossier = await insertDossier(db(), { ownerAccountId: null, applicantPersonId: PERSON.id });
  await insertTransition(db(), dossier, { command: 'receive', toState: 'received' });
  expect(await collectNotifications(db(), { portalUrl: PORTAL })).toBe(1);
  const [row] = await db().select().from(outbox).where(eq(outbox.dossierId, dossier.id));
  await db()
    .update(outbox)
    .set({ attempts: MAX_ATTEMPTS - 1 })
    .where(eq(outbox.id, row!.id));
  smtp.faults.refuse = 1;
  await t.jobs!.sendNow(SEND_QUEUE, { outboxId: row!.id }, { retryLimit: 0 });
  await until(async () => !!(await deadLetterOf(row!.id)));
  expect(await rowOf(row!.id)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
  return { dossier, outboxId: row!.id, deadLetterId: (await deadLetterOf(row!.id))!.id };
}

beforeAll(async () => {
  t = await createTestApp({}, { jobs: true });
  await seedTemplates(db());
  await copyRegistryBatch(t.database, makeHousehold('03445', [PERSON]));
  admin = await t.staff('admin', '12');
  smtp = await startLocalSmtpServer(db());
  channels = {
    email: smtpEmailChannel({ url: smtp.url, from: 'DVC06 <no-reply@dvc06.localhost>', messageDomain: 'dvc06.test' }),
  };
  await collectNotifications(db(), { portalUrl: PORTAL }); // the feed starts at the latest transition
  // The queue's send worker as the server has it: registerNotificationJobs declares notifications.send with
  // the redrive hook (`onRedrive: redriveSendJob`). Collected by hand here: no periodic collect or sweep.
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

describe('a notifications.send dead letter retried from the jobs page', () => {
  it('reopens the failed message with the redrive: the new job sends it once and leaves the failed list', async () => {
    const { dossier, outboxId, deadLetterId } = await failedForGood();
    expect(await mailOf(dossier)).toEqual([]);
    const res = await admin.inject({ method: 'POST', url: jobsRetry(deadLetterId) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: deadLetterId, queue: SEND_QUEUE });
    await until(async () => (await rowOf(outboxId)).status === 'sent');
    const sent = await rowOf(outboxId);
    expect([sent.attempts, sent.lastError]).toEqual([1, null]); // a new round, as the outbox page's retry gives
    const mail = await mailOf(dossier);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.duplicates).toBe(0);
    expect(mail[0]!.rcptTo).toEqual(['sung.my@example.vn']);
    await until(async () => (await jobsOf(outboxId)) === 0);
    expect(await deadLetterOf(outboxId)).toBeUndefined();
  }, 60_000);

  it('refuses one already retried from the outbox page (409 in both languages, naming the job and /admin/notifications); nothing redriven', async () => {
    const { dossier, outboxId, deadLetterId } = await failedForGood();
    const own = await admin.inject({ method: 'POST', url: `/api/v1/notifications/outbox/${outboxId}/retry` });
    expect(own.statusCode, own.body).toBe(200);
    await until(async () => (await rowOf(outboxId)).status === 'sent');
    await until(async () => (await jobsOf(outboxId)) === 0);

    const res = await admin.inject({ method: 'POST', url: jobsRetry(deadLetterId) });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.headers['cache-control']).toBe('no-store');
    const { error } = res.json<{
      error: { code: string; messageVi: string; messageEn: string; fields?: Array<{ field: string }> };
    }>();
    expect(error.code).toBe('JOBS.REDRIVE_CONFLICT');
    for (const text of [error.messageVi, error.messageEn]) {
      expect(text).toContain(SEND_QUEUE);
      expect(text).toContain(deadLetterId);
      expect(text).toContain('/admin/notifications');
    }
    expect(error.messageVi).toContain('Thông báo đang ở trạng thái sent');
    expect(error.messageEn).toContain('The message is sent');
    expect(error.fields?.[0]?.field).toBe('id');
    // Nothing redriven, nothing changed: the dead letter still waits, no job, one e-mail.
    expect(await deadLetterOf(outboxId)).toMatchObject({ id: deadLetterId });
    expect(await jobsOf(outboxId)).toBe(0);
    expect(await rowOf(outboxId)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await mailOf(dossier)).toHaveLength(1);
  }, 60_000);
});
