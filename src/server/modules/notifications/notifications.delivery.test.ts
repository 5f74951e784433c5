import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { copyRegistryBatch } from '../population';
import { smtpEmailChannel } from './channels/email';
import { startLocalSmtpServer, type LocalSmtpServer } from './channels/local-smtp';
import type { DeliveryChannels } from './channels/channel';
import { readSandboxMail } from './admin.service';
import { collectNotifications } from './collect';
import { deliverDue, deliverMessage, SENDING_TIMEOUT_MS } from './deliver';
import { inboxMessages, outbox, sandboxMail } from './notifications.schema';
import { seedTemplates } from './templates.service';
import { insertDossier, insertTransition, reserveTransitionIds, type TestDossier } from './test-support';

/*
 * Issue 17 §2 on a real database and a real SMTP round trip: dossier transitions become outbox
 * messages (inbox + e-mail), e-mails go over SMTP to the local smtp-server, and each message
 * arrives exactly once — through refusals, a lost answer and a crash between sending and marking.
 */

let t: TestApp;
let smtp: LocalSmtpServer;
let channels: DeliveryChannels;
let citizen: Session;
const PERSON = makePerson({ nationalId: '012190004242', fullName: 'Lò Thị Thuỷ', email: 'lo.thuy@example.vn' });
const BAD_MAIL = makePerson({ nationalId: '012190004243', fullName: 'Tòng Văn Ba', email: 'tong van ba@' });
const PORTAL = 'http://localhost:3000';
const db = () => t.database.db;
const collect = (now?: Date) => collectNotifications(db(), { portalUrl: PORTAL, now });

beforeAll(async () => {
  t = await createTestApp();
  await seedTemplates(db());
  await copyRegistryBatch(t.database, makeHousehold('03445', [PERSON, BAD_MAIL]));
  citizen = await t.citizen({ nationalId: PERSON.nationalId!, fullName: PERSON.fullName });
  smtp = await startLocalSmtpServer(db());
  channels = {
    email: smtpEmailChannel({ url: smtp.url, from: 'DVC06 <no-reply@dvc06.localhost>', messageDomain: 'dvc06.test' }),
  };
  expect(await collect()).toBe(0); // the first run starts the feed at the latest transition
});
afterAll(async () => {
  await channels?.email?.close?.();
  await smtp?.close();
  await t?.close();
});
beforeEach(() => {
  smtp.faults.refuse = 0;
  smtp.faults.loseAnswer = 0;
});

const receive = async (): Promise<TestDossier> => {
  const d = await insertDossier(db(), { ownerAccountId: citizen.accountId, applicantPersonId: PERSON.id });
  await insertTransition(db(), d, { command: 'receive', toState: 'received' });
  return d;
};
const rowsOf = (d: TestDossier) => db().select().from(outbox).where(eq(outbox.dossierId, d.id)).orderBy(outbox.channel);
const mailFor = async (d: TestDossier) => (await readSandboxMail(db())).filter((m) => m.raw.includes(d.code));

describe('dossier transitions become messages', () => {
  it('turns a received dossier into an inbox message and an e-mail that really arrives over SMTP', async () => {
    const d = await receive();
    expect(await collect()).toBe(2);
    expect(await collect()).toBe(0); // handled once
    const rows = await rowsOf(d);
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ['email', 'queued'],
      ['inbox', 'queued'],
    ]);
    expect(rows[0]!.subjectVi).toBe(`Hồ sơ ${d.code} đã được tiếp nhận`);
    expect(await deliverDue(db(), channels)).toBe(2);
    const mail = await mailFor(d);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.rcptTo).toEqual(['lo.thuy@example.vn']);
    expect(mail[0]!.subject).toBe(`Hồ sơ ${d.code} đã được tiếp nhận / Dossier ${d.code} received`);
    expect(mail[0]!.messageId).toMatch(/^<t\d+\.email@dvc06\.test>$/);
    const inbox = await db().select().from(inboxMessages).where(eq(inboxMessages.dossierId, d.id));
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.accountId).toBe(citizen.accountId);
    expect((await rowsOf(d)).map((r) => r.status)).toEqual(['sent', 'sent']);
  });

  it('puts what to supplement in the message, and sends nothing for moves that tell the citizen nothing', async () => {
    const d = await receive();
    await insertTransition(db(), d, { command: 'start_processing', toState: 'in_processing', actorRole: 'processor' });
    await insertTransition(db(), d, {
      command: 'request_supplement',
      toState: 'supplement_requested',
      items: [{ item: 'Bản sao giấy khai sinh', reason: 'ảnh bị mờ' }],
    });
    expect(await collect()).toBe(4);
    const rows = await rowsOf(d);
    const supplement = rows.find((r) => r.event === 'supplement_requested' && r.channel === 'inbox')!;
    expect(supplement.bodyVi).toContain('- Bản sao giấy khai sinh: ảnh bị mờ');
    expect(rows.filter((r) => r.event === 'dossier_received')).toHaveLength(2);
  });

  it('skips a malformed e-mail address and says why, while the rest goes on', async () => {
    const other = await t.citizen({ nationalId: BAD_MAIL.nationalId!, fullName: BAD_MAIL.fullName });
    const d = await insertDossier(db(), { ownerAccountId: other.accountId, applicantPersonId: BAD_MAIL.id });
    await insertTransition(db(), d, { command: 'receive', toState: 'received' });
    expect(await collect()).toBe(2);
    const rows = await rowsOf(d);
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ['email', 'skipped'],
      ['inbox', 'queued'],
    ]);
    expect(rows[0]!.skipReason).toContain('malformed e-mail address');
    await deliverDue(db(), channels);
    expect((await rowsOf(d)).map((r) => r.status)).toEqual(['skipped', 'sent']);
  });

  it('finds a transition whose smaller id commits after larger ones were handled', async () => {
    const [late] = await reserveTransitionIds(db(), 1); // allocated now, committed later
    const first = await insertDossier(db(), { ownerAccountId: citizen.accountId, applicantPersonId: PERSON.id });
    const handledId = await insertTransition(db(), first, { command: 'receive', toState: 'received' });
    expect(await collect()).toBe(2);
    const d = await insertDossier(db(), { ownerAccountId: citizen.accountId, applicantPersonId: PERSON.id });
    await insertTransition(db(), d, { command: 'receive', toState: 'received', id: late! });
    expect(late!).toBeLessThan(handledId);
    expect(await collect()).toBe(2);
    expect((await rowsOf(d)).map((r) => r.channel)).toEqual(['email', 'inbox']);
  });
});

describe('each e-mail arrives exactly once', () => {
  it('retries while the SMTP server refuses, then delivers one message', async () => {
    const d = await receive();
    await collect();
    smtp.faults.refuse = 2;
    const [email] = (await rowsOf(d)).filter((r) => r.channel === 'email');
    let now = new Date();
    for (let i = 0; i < 2; i++) {
      await expect(deliverMessage(db(), channels, email!.id, {}, now)).rejects.toThrow(/451/);
      now = new Date(now.getTime() + 60_000);
    }
    const [failed] = await db().select().from(outbox).where(eq(outbox.id, email!.id));
    expect([failed!.status, failed!.attempts]).toEqual(['queued', 2]);
    expect(failed!.lastError).toContain('451');
    expect(await deliverMessage(db(), channels, email!.id, {}, now)).toBe('sent');
    expect(await deliverMessage(db(), channels, email!.id, {}, now)).toBe('already-done');
    const mail = await mailFor(d);
    expect(mail.map((m) => m.duplicates)).toEqual([0]);
    const [sent] = await db().select().from(outbox).where(eq(outbox.id, email!.id));
    expect([sent!.status, sent!.attempts, sent!.lastError]).toEqual(['sent', 3, null]);
  });

  it('keeps one message when the server took it but its answer was lost (the resend carries the same Message-ID)', async () => {
    const d = await receive();
    await collect();
    smtp.faults.loseAnswer = 1;
    const [email] = (await rowsOf(d)).filter((r) => r.channel === 'email');
    await expect(deliverMessage(db(), channels, email!.id)).rejects.toThrow();
    expect(await deliverMessage(db(), channels, email!.id, {}, new Date(Date.now() + 60_000))).toBe('sent');
    const mail = await mailFor(d);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.duplicates).toBe(1);
  });

  it('sends again after a crash between sending and marking, and the message is still there once', async () => {
    const d = await receive();
    await collect();
    const [email] = (await rowsOf(d)).filter((r) => r.channel === 'email');
    const crash = () => {
      throw new Error('process killed');
    };
    await expect(deliverMessage(db(), channels, email!.id, { afterSend: crash })).rejects.toThrow('process killed');
    const [cut] = await db().select().from(outbox).where(eq(outbox.id, email!.id));
    expect(cut!.status).toBe('sending');
    // Another attempt right away leaves it to the one in progress; after the timeout it is sent again.
    expect(await deliverMessage(db(), channels, email!.id)).toBe('busy');
    const later = new Date(Date.now() + SENDING_TIMEOUT_MS + 1_000);
    expect(await deliverDue(db(), channels, { now: later })).toBeGreaterThanOrEqual(1);
    const mail = await mailFor(d);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.duplicates).toBe(1);
    const [done] = await db().select().from(outbox).where(eq(outbox.id, email!.id));
    expect([done!.status, done!.attempts]).toEqual(['sent', 2]);
  });

  it('leaves a message queued, saying why, when its channel is not configured', async () => {
    const d = await receive();
    await collect();
    const [email] = (await rowsOf(d)).filter((r) => r.channel === 'email');
    expect(await deliverMessage(db(), {}, email!.id)).toBe('no-channel');
    const [row] = await db().select().from(outbox).where(eq(outbox.id, email!.id));
    expect([row!.status, row!.attempts, row!.lastError]).toEqual([
      'queued',
      0,
      'kênh chưa được cấu hình / channel not configured (SMTP_URL, SMS_GATEWAY_URL)',
    ]);
    expect(await deliverMessage(db(), channels, email!.id)).toBe('sent');
  });

  it('never delivers a queued message twice when two workers race for it', async () => {
    const d = await receive();
    await collect();
    const [email] = (await rowsOf(d)).filter((r) => r.channel === 'email');
    // Both at once: one claims the row and sends; the other finds it claimed (busy) or already sent.
    const outcomes = await Promise.all([
      deliverMessage(db(), channels, email!.id),
      deliverMessage(db(), channels, email!.id),
    ]);
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'sent')).toEqual([expect.stringMatching(/^(busy|already-done)$/)]);
    expect((await rowsOf(d)).find((r) => r.channel === 'email')!.attempts).toBe(1);
    const count = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(sandboxMail)
      .where(sql`${sandboxMail.raw} like ${`%${d.code}%`}`);
    expect(Number(count[0]!.n)).toBe(1);
  });
});
