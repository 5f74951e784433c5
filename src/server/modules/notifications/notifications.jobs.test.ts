import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { startJobQueue } from '../jobs';
import { copyRegistryBatch } from '../population';
import { readSandboxMail } from './admin.service';
import { smtpEmailChannel } from './channels/email';
import { startLocalSmtpServer, type LocalSmtpServer } from './channels/local-smtp';
import { collectNotifications } from './collect';
import { outbox } from './notifications.schema';
import { registerNotificationJobs } from './runtime';
import { seedTemplates } from './templates.service';
import { insertDossier, insertTransition } from './test-support';

/*
 * Sending runs as jobs of the queue (issue 17 §1–2): collecting a transition enqueues one send job
 * per message in the same transaction, and the queue's worker sends the e-mail over SMTP.
 */

let database: TestDatabase;
let queue: Awaited<ReturnType<typeof startJobQueue>>;
let smtp: LocalSmtpServer;
const PERSON = makePerson({ nationalId: '012190006161', email: 'paper.filer@example.vn' });

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedTemplates(database.db);
  await copyRegistryBatch(database, makeHousehold('03445', [PERSON]));
  smtp = await startLocalSmtpServer(database.db);
  queue = await startJobQueue(database);
  const email = smtpEmailChannel({
    url: smtp.url,
    from: 'DVC06 <no-reply@dvc06.localhost>',
    messageDomain: 'dvc06.test',
  });
  // Collected by hand below (the periodic collect pass would race the test's own call).
  await registerNotificationJobs(
    queue,
    { db: database.db, channels: { email }, portalUrl: 'http://localhost:3000' },
    { collectEverySeconds: 0, sweepEverySeconds: 0 },
  );
  await collectNotifications(database.db, { portalUrl: 'http://localhost:3000' });
});
afterAll(async () => {
  await queue?.stop();
  await smtp?.close();
  await database?.dispose();
});

describe('notification jobs on the queue', () => {
  it('sends a paper filing’s e-mail to the registry address through a send job enqueued with the message', async () => {
    const d = await insertDossier(database.db, { ownerAccountId: null, applicantPersonId: PERSON.id });
    await insertTransition(database.db, d, { command: 'receive', toState: 'received' });
    expect(await collectNotifications(database.db, { portalUrl: 'http://localhost:3000', queue })).toBe(1);
    await until(async () => {
      const [row] = await database.db.select().from(outbox).where(eq(outbox.dossierId, d.id));
      return row?.status === 'sent';
    });
    const mail = (await readSandboxMail(database.db)).filter((m) => m.raw.includes(d.code));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.rcptTo).toEqual(['paper.filer@example.vn']);
  });
});
