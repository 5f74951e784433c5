import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db';
import { consentAlreadyGiven, consentInvalid, consentNotFound, subjectInvalid } from './audit.errors';
import { isSubject } from './audit.pseudonym';
import * as repo from './audit.repository';

/** Where the person gave or withdrew consent. */
export const CONSENT_CHANNELS = ['web', 'mobile', 'counter'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

const PURPOSE_CODE = /^[a-z][a-z0-9_]{2,63}$/;

/**
 * What the person agreed to. `agreed` must be the literal `true` taken from the person's own
 * action (a box they ticked, a button they pressed): consent is never pre-ticked or implied.
 */
export interface ConsentGrantInput {
  subject: string;
  accountId: string | null;
  /** What the consent is for, e.g. `sms_notifications` (the module that uses it owns the code). */
  purposeCode: string;
  /** The version label of the text shown, e.g. `sms-2026-01`. */
  textVersion: string;
  /** The exact text shown to the person; only its SHA-256 is stored, as evidence. */
  text: string;
  channel: ConsentChannel;
  agreed: true;
}

/** A consent as returned to callers (no subject, no account id). */
export interface Consent {
  id: string;
  purposeCode: string;
  textVersion: string;
  textHash: string;
  channel: string;
  grantedAt: string;
  withdrawnAt: string | null;
  active: boolean;
}

/** SHA-256 (hex) of a consent text exactly as shown (UTF-8, no normalisation). */
export function consentTextHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function checkedSubjects(subject: string | string[]): string[] {
  const subjects = [subject].flat();
  if (subjects.length === 0 || !subjects.every(isSubject))
    throw subjectInvalid('Chủ thể dữ liệu không hợp lệ', 'Invalid data subject');
  return subjects;
}

function checkGrant(input: ConsentGrantInput): void {
  if (!isSubject(input.subject)) throw subjectInvalid('Chủ thể dữ liệu không hợp lệ', 'Invalid data subject');
  if ((input.agreed as unknown) !== true) {
    throw consentInvalid(
      'agreed',
      'Cần sự đồng ý rõ ràng của công dân (không được chọn sẵn)',
      'Explicit agreement is required (never pre-ticked)',
    );
  }
  if (!PURPOSE_CODE.test(input.purposeCode))
    throw consentInvalid('purposeCode', 'Mã mục đích không hợp lệ', 'Invalid purpose code');
  if (!input.textVersion.trim() || input.textVersion.length > 64) {
    throw consentInvalid(
      'textVersion',
      'Thiếu phiên bản văn bản đã hiển thị',
      'The version of the text shown is required',
    );
  }
  if (!input.text.trim())
    throw consentInvalid('text', 'Thiếu nội dung văn bản đã hiển thị', 'The text shown is required');
  if (!CONSENT_CHANNELS.includes(input.channel))
    throw consentInvalid('channel', 'Kênh không hợp lệ', 'Invalid channel');
}

function present(row: repo.ConsentRow): Consent {
  return {
    id: row.id,
    purposeCode: row.purposeCode,
    textVersion: row.textVersion,
    textHash: row.textHash,
    channel: row.channel,
    grantedAt: row.grantedAt.toISOString(),
    withdrawnAt: row.withdrawnAt ? row.withdrawnAt.toISOString() : null,
    active: row.withdrawnAt === null,
  };
}

/**
 * Records an explicit consent with the exact text version shown and its hash. One active
 * consent per subject and purpose: AUDIT.CONSENT_ALREADY_EXISTS (409) while one is active
 * (to consent to a new text, withdraw the old one first, in the same transaction).
 */
export async function grantConsent(db: Db, input: ConsentGrantInput): Promise<Consent> {
  checkGrant(input);
  const row = await repo.insertConsent(db, {
    subject: input.subject,
    accountId: input.accountId,
    purposeCode: input.purposeCode,
    textVersion: input.textVersion,
    textHash: consentTextHash(input.text),
    channel: input.channel,
  });
  if (!row) throw consentAlreadyGiven(input.purposeCode);
  return present(row);
}

/**
 * Withdraws the active consent for a purpose (as easy as giving it); `subject` may list all of
 * the person's subjects. AUDIT.CONSENT_NOT_FOUND (404) when none is active.
 */
export async function withdrawConsent(
  db: Db,
  input: { subject: string | string[]; purposeCode: string },
): Promise<Consent> {
  const subjects = checkedSubjects(input.subject);
  const row = await repo.withdrawActiveConsent(db, subjects, input.purposeCode);
  if (!row) throw consentNotFound(input.purposeCode);
  return present(row);
}

/** Every consent of a person (active and withdrawn), newest first. */
export async function listConsents(db: Db, subject: string | string[]): Promise<Consent[]> {
  return (await repo.listConsentRows(db, checkedSubjects(subject))).map(present);
}

/** True when the person has an active consent for the purpose (e.g. before sending an SMS). */
export async function hasActiveConsent(db: Db, subject: string | string[], purposeCode: string): Promise<boolean> {
  return (await listConsents(db, subject)).some((c) => c.active && c.purposeCode === purposeCode);
}
