import { createHmac } from 'node:crypto';
import { subjectInvalid } from './audit.errors';

const NATIONAL_ID = /^\d{12}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PSEUDONYM = /^[0-9a-f]{64}$/;
const RECORD_SUBJECT = /^rec:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The shortest key accepted (config requires 32 characters for AUDIT_PSEUDONYM_KEY). */
const MIN_KEY_LENGTH = 32;

/**
 * The keyed pseudonym of a 12-digit personal ID number: HMAC-SHA256(key, id), hex.
 * Without the key the 10^12 possible numbers cannot be enumerated back from the log
 * (a plain hash could be reversed in minutes). Same key + same number = same pseudonym.
 */
export function pseudonymize(key: string, nationalId: string): string {
  if (key.length < MIN_KEY_LENGTH)
    throw new Error(`audit pseudonym key must have at least ${MIN_KEY_LENGTH} characters`);
  if (!NATIONAL_ID.test(nationalId)) {
    throw subjectInvalid('Số định danh cá nhân phải gồm 12 chữ số', 'A personal ID number has 12 digits');
  }
  return createHmac('sha256', key).update(nationalId, 'utf8').digest('hex');
}

/** Who an entry is about: the person's ID number, or their registry record when they have none. */
export interface SubjectRef {
  nationalId?: string | null;
  personId?: string | null;
}

/**
 * The `subject` of a log entry or consent: the pseudonym of the ID number when there is one,
 * otherwise 'rec:' + the registry record's uuid.
 */
export function subjectFor(key: string, ref: SubjectRef): string {
  if (ref.nationalId) return pseudonymize(key, ref.nationalId);
  const personId = ref.personId?.toLowerCase();
  if (personId && UUID.test(personId)) return `rec:${personId}`;
  throw subjectInvalid('Thiếu số định danh hoặc mã hồ sơ công dân', 'An ID number or a person record id is required');
}

/**
 * Every subject a person's entries may be filed under: the pseudonym of their ID number and
 * their record id (entries written before they had an ID number).
 */
export function subjectsFor(key: string, ref: SubjectRef): string[] {
  const subjects: string[] = [];
  if (ref.nationalId) subjects.push(pseudonymize(key, ref.nationalId));
  if (ref.personId) subjects.push(subjectFor(key, { personId: ref.personId }));
  return subjects;
}

/** True for a value `subjectFor` can produce (never a raw ID number). */
export function isSubject(value: string): boolean {
  return PSEUDONYM.test(value) || RECORD_SUBJECT.test(value);
}
