import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { statusForCode } from '../../platform/errors';
import {
  consentTextHash,
  grantConsent,
  hasActiveConsent,
  listConsents,
  withdrawConsent,
  type ConsentGrantInput,
} from './audit.consents';
import { subjectFor } from './audit.pseudonym';
import { errorText, TEST_KEY } from './test-support';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

const TEXT_V1 = 'Tôi đồng ý nhận thông báo qua tin nhắn SMS về hồ sơ của tôi.';
const TEXT_V2 = 'Tôi đồng ý nhận thông báo qua tin nhắn SMS về hồ sơ và lịch hẹn của tôi.';

function grantInput(nationalId: string, overrides: Partial<ConsentGrantInput> = {}): ConsentGrantInput {
  return {
    subject: subjectFor(TEST_KEY, { nationalId }),
    accountId: null,
    purposeCode: 'sms_notifications',
    textVersion: 'sms-2026-01',
    text: TEXT_V1,
    channel: 'web',
    agreed: true,
    ...overrides,
  };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: { code?: string }) => e.code,
  );

describe('consents', () => {
  it('records the exact text version shown and its SHA-256', async () => {
    const consent = await grantConsent(database.db, grantInput('012190000101'));
    expect(consent).toMatchObject({
      purposeCode: 'sms_notifications',
      textVersion: 'sms-2026-01',
      textHash: consentTextHash(TEXT_V1),
      active: true,
      withdrawnAt: null,
    });
    expect(await hasActiveConsent(database.db, grantInput('012190000101').subject, 'sms_notifications')).toBe(true);
  });

  it('keeps one active consent per person and purpose (409 while one is active)', async () => {
    const code = await codeOf(
      grantConsent(database.db, grantInput('012190000101', { textVersion: 'sms-2026-02', text: TEXT_V2 })),
    );
    expect(code).toBe('AUDIT.CONSENT_ALREADY_EXISTS');
    expect(statusForCode(code!)).toBe(409);
    await expect(
      grantConsent(database.db, grantInput('012190000101', { purposeCode: 'email_notifications' })),
    ).resolves.toMatchObject({ active: true });
  });

  it('withdraws, then accepts a new consent to a newer text, keeping the history', async () => {
    const subject = grantInput('012190000101').subject;
    const withdrawn = await withdrawConsent(database.db, { subject, purposeCode: 'sms_notifications' });
    expect(withdrawn.active).toBe(false);
    expect(withdrawn.withdrawnAt).not.toBeNull();
    await grantConsent(database.db, grantInput('012190000101', { textVersion: 'sms-2026-02', text: TEXT_V2 }));
    const sms = (await listConsents(database.db, subject)).filter((c) => c.purposeCode === 'sms_notifications');
    expect(sms.map((c) => [c.textVersion, c.active])).toEqual([
      ['sms-2026-02', true],
      ['sms-2026-01', false],
    ]);
  });

  it('answers 404 when there is nothing to withdraw', async () => {
    const code = await codeOf(
      withdrawConsent(database.db, { subject: grantInput('012190000999').subject, purposeCode: 'sms_notifications' }),
    );
    expect(code).toBe('AUDIT.CONSENT_NOT_FOUND');
    expect(statusForCode(code!)).toBe(404);
  });

  it.each([
    ['agreement that is not explicit', { agreed: false as unknown as true }],
    ['a missing text version', { textVersion: ' ' }],
    ['an empty text', { text: '' }],
    ['an unknown channel', { channel: 'sms' as 'web' }],
    ['a raw ID number as subject', { subject: '012190000202' }],
  ])('refuses %s with a 400 code', async (_name, overrides) => {
    const code = await codeOf(grantConsent(database.db, grantInput('012190000202', overrides)));
    expect(statusForCode(code ?? '')).toBe(400);
  });

  it('refuses edits other than withdrawal, a second withdrawal, and deletion, in the database', async () => {
    const subject = grantInput('012190000101').subject;
    const attempts = [
      sql`update audit.consents set text_version = 'forged' where subject = ${subject}`,
      sql`update audit.consents set withdrawn_at = now() - interval '1 year' where subject = ${subject} and withdrawn_at is not null`,
      sql`update audit.consents set withdrawn_at = now(), channel = 'counter' where subject = ${subject} and withdrawn_at is null`,
      sql`delete from audit.consents where subject = ${subject}`,
      sql`truncate audit.consents`,
    ];
    for (const statement of attempts) {
      const error = await database.db.execute(statement).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(errorText(error)).toMatch(/can only be withdrawn|kept as evidence/);
    }
  });

  it('enforces one active consent in the database too (partial unique index)', async () => {
    const subject = grantInput('012190000101').subject;
    const error = await database.db
      .execute(
        sql`insert into audit.consents (subject, purpose_code, text_version, text_hash, channel) values (${subject}, 'sms_notifications', 'x', 'y', 'web')`,
      )
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(errorText(error)).toContain('consents_active_uq');
  });
});
