import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { listInbox } from './citizen.service';
import { feedCursors, handledTransitions, inboxMessages, outbox } from './notifications.schema';
import { pruneNotifications } from './prune';

/*
 * Retention (ADR 0032 amendment): sent and skipped outbox messages older than the retention period are
 * deleted, failed and waiting ones are kept whatever their age, the citizen's inbox keeps its messages;
 * handled-transition markers go only when old and at or below the feed's low-water mark.
 */

let database: TestDatabase;
const db = () => database.db;
const NOW = new Date('2026-12-07T03:23:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const ACCOUNT = randomUUID();

type Status = 'queued' | 'sending' | 'sent' | 'failed' | 'skipped';
let seq = 0;
async function message(status: Status, createdDaysAgo: number, o: { sentDaysAgo?: number; channel?: string } = {}) {
  const id = randomUUID();
  const channel = o.channel ?? 'email';
  await db()
    .insert(outbox)
    .values({
      id,
      idempotencyKey: `t${++seq}.${channel}`,
      event: 'dossier_received',
      channel,
      status,
      accountId: ACCOUNT,
      recipient: channel === 'email' ? 'a@example.vn' : null,
      templateId: randomUUID(),
      subjectVi: `Tin ${seq}`,
      subjectEn: `Message ${seq}`,
      bodyVi: 'Nội dung',
      bodyEn: 'Body',
      attempts: status === 'failed' ? 8 : 1,
      createdAt: daysAgo(createdDaysAgo),
      sentAt: status === 'sent' ? daysAgo(o.sentDaysAgo ?? createdDaysAgo) : null,
    });
  return id;
}
const remaining = async () => new Set((await db().select({ id: outbox.id }).from(outbox)).map((r) => r.id));
const markers = async () =>
  (await db().select({ id: handledTransitions.transitionId }).from(handledTransitions))
    .map((r) => r.id)
    .sort((a, b) => a - b);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

describe('pruning the outbox', () => {
  it('deletes sent and skipped messages past the retention, keeps the rest and every inbox message', async () => {
    const oldSent = await message('sent', 120);
    const oldSkipped = await message('skipped', 91);
    const oldInbox = await message('sent', 200, { channel: 'inbox' });
    await db()
      .insert(inboxMessages)
      .values({
        outboxId: oldInbox,
        accountId: ACCOUNT,
        event: 'dossier_received',
        subjectVi: 'Hồ sơ đã được tiếp nhận',
        subjectEn: 'Dossier received',
        bodyVi: 'Nội dung',
        bodyEn: 'Body',
        createdAt: daysAgo(200),
      });
    const kept = [
      await message('sent', 89), // within the retention
      await message('skipped', 30),
      await message('sent', 100, { sentDaysAgo: 80 }), // created long ago, sent (an administrator's retry) recently
      await message('failed', 300), // failed for good: kept for the administrator
      await message('queued', 150),
      await message('sending', 150),
    ];

    expect(await pruneNotifications(db(), { now: NOW })).toEqual({ outbox: 3, markers: 0 });
    const left = await remaining();
    for (const id of [oldSent, oldSkipped, oldInbox]) expect(left.has(id)).toBe(false);
    for (const id of kept) expect(left.has(id)).toBe(true);
    // The citizen still sees the message whose outbox row went: the inbox keeps its own copy.
    const inbox = await listInbox(db(), ACCOUNT);
    expect(inbox.items.map((i) => i.subjectVi)).toEqual(['Hồ sơ đã được tiếp nhận']);
    // A second pass finds nothing; a shorter retention (configured) takes more.
    expect(await pruneNotifications(db(), { now: NOW })).toEqual({ outbox: 0, markers: 0 });
    expect((await pruneNotifications(db(), { now: NOW, retentionDays: 20 })).outbox).toBe(3);
    expect([...(await remaining())].sort()).toEqual([kept[3]!, kept[4]!, kept[5]!].sort());
  });
});

describe('pruning the handled-transition markers', () => {
  it('keeps every marker while the feed has no cursor, then deletes only old ones at or below its low-water mark', async () => {
    const marker = (id: number, ageDays: number) => ({ transitionId: id, event: null, handledAt: daysAgo(ageDays) });
    await db()
      .insert(handledTransitions)
      .values([marker(10, 200), marker(11, 120), marker(12, 5), marker(20, 150), marker(21, 200), marker(30, 1)]);
    expect((await pruneNotifications(db(), { now: NOW })).markers).toBe(0);
    expect(await markers()).toEqual([10, 11, 12, 20, 21, 30]);

    // The collecting pass's first run: the mark not set yet (-1) — nothing is below it.
    await db().insert(feedCursors).values({ name: 'notifications', lowId: -1, pendingId: -1, pendingSince: NOW });
    expect((await pruneNotifications(db(), { now: NOW })).markers).toBe(0);

    // Mark at 20: 10, 11 and 20 are old and at or below it; 12 is below but recent; 21 is old but above (still read).
    await db().update(feedCursors).set({ lowId: 20, pendingId: 30 });
    expect(await pruneNotifications(db(), { now: NOW })).toEqual({ outbox: 0, markers: 3 });
    expect(await markers()).toEqual([12, 21, 30]);
  });
});
