import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import type { JobsOverview } from '../../../contracts/jobs';
import { logJobErrors } from '../../platform/interval-job';
import { startJobQueue } from '../jobs';
import { copyRegistryBatch } from '../population';
import { readSandboxMail } from './admin.service';
import { smtpEmailChannel } from './channels/email';
import { startLocalSmtpServer, type LocalSmtpServer } from './channels/local-smtp';
import type { DeliveryChannels } from './channels/channel';
import { collectNotifications } from './collect';
import { outbox } from './notifications.schema';
import { COLLECT_QUEUE, registerNotificationJobs, requeueStrandedMessages, SWEEP_QUEUE } from './runtime';
import { seedTemplates } from './templates.service';
import { insertDossier, insertTransition, type TestDossier } from './test-support';

/*
 * The notification jobs as the server runs them (issue 17 §1–2, ADR 0032 §5), with no timer of
 * their own: new transitions are collected by the periodic `notifications.collect` queue and each
 * message is sent by a `notifications.send` job, retried through SMTP refusals; what a failed job
 * keeps and logs is masked; messages left without a job are given one by the sweep.
 */

let t: TestApp;
let admin: Session;
let smtp: LocalSmtpServer;
let channels: DeliveryChannels;
/** A second queue on the test database, as main.ts starts it: errors go to the server's logJobErrors. */
let queue: Awaited<ReturnType<typeof startJobQueue>>;
const logged: string[] = [];
const PORTAL = 'http://localhost:3000';
const ADDRESS = 'giang.pao@example.vn';
const PERSON = makePerson({ nationalId: '012190008181', fullName: 'Giàng A Páo', email: ADDRESS });
const RETRY = { retryDelay: 1, retryBackoff: false } as const;
const db = () => t.database.db;

async function until(check: () => Promise<boolean>, ms = 40_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A paper filing (no account: e-mail to the registry's address only) received now. */
async function received(): Promise<TestDossier> {
  const d = await insertDossier(db(), { ownerAccountId: null, applicantPersonId: PERSON.id });
  await insertTransition(db(), d, { command: 'receive', toState: 'received' });
  return d;
}
const emailOf = async (d: TestDossier) =>
  (await db().select().from(outbox).where(eq(outbox.dossierId, d.id))).find((r) => r.channel === 'email');

beforeAll(async () => {
  t = await createTestApp({}, { jobs: true });
  await seedTemplates(db());
  await copyRegistryBatch(t.database, makeHousehold('03445', [PERSON]));
  admin = await t.staff('admin', '12');
  smtp = await startLocalSmtpServer(db());
  channels = {
    email: smtpEmailChannel({ url: smtp.url, from: 'DVC06 <no-reply@dvc06.localhost>', messageDomain: 'dvc06.test' }),
  };
  const line = (fields: Record<string, unknown>, message: string) => logged.push(JSON.stringify({ fields, message }));
  queue = await startJobQueue(t.database, { onError: logJobErrors({ warn: line, error: line }) });
  await collectNotifications(db(), { portalUrl: PORTAL }); // the feed starts at the latest transition
  await registerNotificationJobs(
    queue,
    { db: db(), channels, portalUrl: PORTAL },
    { ...RETRY, pollingIntervalSeconds: 0.5, collectEverySeconds: 1, sweepEverySeconds: 0 },
  );
}, 60_000);
afterAll(async () => {
  await queue?.stop();
  await channels?.email?.close?.();
  await smtp?.close();
  await t?.close();
});
beforeEach(() => {
  smtp.faults.refuse = 0;
  smtp.faults.rejectRcpt = 0;
});

describe('the notification jobs on the queue', () => {
  it('collects on a periodic queue (no timer): a received dossier becomes a sent e-mail', async () => {
    expect((await queue.boss.getQueue(COLLECT_QUEUE))?.policy).toBe('stately');
    expect((await queue.boss.getQueue(SWEEP_QUEUE))?.policy).toBe('stately');
    expect(await queue.boss.getSchedules()).toEqual([]); // no per-minute cron any more
    const d = await received();
    await until(async () => (await emailOf(d))?.status === 'sent');
    expect((await readSandboxMail(db())).filter((m) => m.raw.includes(d.code)).map((m) => m.rcptTo)).toEqual([
      [ADDRESS],
    ]);
  }, 60_000);

  it('keeps no address in a failed job’s stored error nor in the log when the relay quotes it', async () => {
    smtp.faults.rejectRcpt = 100; // every attempt: "550 5.1.1 <giang.pao@example.vn>: Recipient address rejected"
    const d = await received();
    await until(async () => (await emailOf(d))?.status === 'failed', 60_000);
    const row = (await emailOf(d))!;
    expect(row.lastError).toContain('550');
    expect(row.lastError).not.toContain(ADDRESS);
    let failed: JobsOverview['failed'] = [];
    await until(async () => {
      failed = (await admin.inject('/api/v1/jobs/overview')).json<JobsOverview>().failed;
      return failed.some((f) => f.data.outboxId === row.id);
    }, 30_000);
    const job = failed.find((f) => f.data.outboxId === row.id)!;
    expect(job).toMatchObject({ queue: 'notifications.send', attempts: 8 });
    expect(job.error).toContain('550');
    expect(job.error).toContain('***@***');
    expect(job.error).not.toContain('giang.pao');
    const lines = logged.filter((l) => l.includes('notifications.send'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).toContain('550');
    expect(logged.join('\n')).not.toContain('giang.pao');
  }, 90_000);

  it('sends each of three messages exactly once through a while of SMTP refusals, retried by the queue', async () => {
    smtp.faults.refuse = 4; // 451 to the next four messages
    const dossiers = [await received(), await received(), await received()];
    await until(async () => {
      const rows = await Promise.all(dossiers.map(emailOf));
      return rows.every((r) => r?.status === 'sent');
    }, 60_000);
    const mail = (await readSandboxMail(db())).filter((m) => dossiers.some((d) => m.raw.includes(d.code)));
    expect(mail).toHaveLength(3);
    expect(mail.map((m) => m.duplicates)).toEqual([0, 0, 0]);
    const rows = await Promise.all(dossiers.map(emailOf));
    expect(Math.max(...rows.map((r) => r!.attempts))).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r!.lastError === null)).toBe(true);
  }, 90_000);
});

describe('messages left without a job', () => {
  it('are given one by the sweep and sent once; recent ones, and channels this process lacks, are left alone', async () => {
    const base = {
      event: 'dossier_received',
      templateId: randomUUID(),
      subjectVi: 'Hồ sơ STRANDED đã được tiếp nhận',
      subjectEn: 'Dossier STRANDED received',
      status: 'queued',
    } as const;
    const hourAgo = new Date(Date.now() - 3_600_000);
    const rows = await db()
      .insert(outbox)
      .values([
        // Collected while the server had no e-mail channel: its job ended ("channel not configured").
        {
          ...base,
          idempotencyKey: `stranded-${randomUUID()}.email`,
          channel: 'email',
          recipient: ADDRESS,
          bodyVi: 'STRANDED-NO-CHANNEL',
          bodyEn: 'STRANDED-NO-CHANNEL',
          lastError: 'kênh chưa được cấu hình / channel not configured (SMTP_URL, SMS_GATEWAY_URL)',
          createdAt: hourAgo,
        },
        // Tried 3 times, its job dead-lettered (e.g. "busy") while the message still had attempts.
        {
          ...base,
          idempotencyKey: `stranded-${randomUUID()}.email`,
          channel: 'email',
          recipient: ADDRESS,
          bodyVi: 'STRANDED-DEAD-LETTERED',
          bodyEn: 'STRANDED-DEAD-LETTERED',
          attempts: 3,
          lastAttemptAt: hourAgo,
          createdAt: hourAgo,
        },
        // An SMS: this process has no SMS channel, so no job is given.
        {
          ...base,
          idempotencyKey: `stranded-${randomUUID()}.sms`,
          channel: 'sms',
          recipient: '84912345678',
          bodyVi: 'STRANDED-SMS',
          bodyEn: 'STRANDED-SMS',
          createdAt: hourAgo,
        },
      ])
      .returning({ id: outbox.id, channel: outbox.channel });
    const ids = rows.map((r) => r.id);
    // Created a minute ago: its own job may still be on the way — not stranded yet.
    const fresh = await received();
    await until(async () => (await emailOf(fresh)) !== undefined);

    const sweep = (now?: Date) => requeueStrandedMessages(db(), queue, { channels, ...RETRY, now });
    expect(await sweep()).toBe(2);
    await until(async () => {
      const now = await db().select().from(outbox).where(inArray(outbox.id, ids));
      return now.filter((r) => r.status === 'sent').length === 2;
    });
    const after = await db().select().from(outbox).where(inArray(outbox.id, ids));
    expect(after.map((r) => [r.channel, r.status]).sort()).toEqual([
      ['email', 'sent'],
      ['email', 'sent'],
      ['sms', 'queued'],
    ]);
    // A second sweep finds nothing; each e-mail arrived once.
    expect(await sweep()).toBe(0);
    for (const body of ['STRANDED-NO-CHANNEL', 'STRANDED-DEAD-LETTERED'])
      expect((await readSandboxMail(db())).filter((m) => m.raw.includes(body)).map((m) => m.duplicates)).toEqual([0]);
  }, 60_000);
});
