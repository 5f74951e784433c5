import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the OWASP-recommended minimum (19 MiB, 2 iterations, 1 lane):
 * per hash (≈ 14 ms measured here, bench/login.bench.ts), which bounds login throughput (see docs/PERFORMANCE.md).
 */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password (argon2id, random salt, PHC string). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** Checks a password against a stored PHC hash; false on any malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, so unknown usernames cost the same time as known ones. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  return decoy;
}

export interface PolicyProblem {
  code: string;
  messageVi: string;
  messageEn: string;
}

const COMMON = new Set([
  'matkhau123',
  'password123',
  '123456789012',
  'qwertyuiop12',
  'laichau12345',
  'admin1234567',
  'abc123456789',
]);

/**
 * Password policy (NIST SP 800-63B style, as for government staff accounts): at least 12
 * characters, at most 128, not the username, not a known common password, and not a single
 * repeated character. No composition rules and no forced periodic change.
 */
export function checkPasswordPolicy(password: string, username?: string): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const add = (code: string, vi: string, en: string) => problems.push({ code, messageVi: vi, messageEn: en });
  if (password.length < 12)
    add('PASSWORD.TOO_SHORT', 'Mật khẩu phải có ít nhất 12 ký tự', 'The password must have at least 12 characters');
  if (password.length > 128)
    add('PASSWORD.TOO_LONG', 'Mật khẩu tối đa 128 ký tự', 'The password may have at most 128 characters');
  const lower = password.toLowerCase();
  if (username && lower.includes(username.toLowerCase()))
    add(
      'PASSWORD.CONTAINS_USERNAME',
      'Mật khẩu không được chứa tên đăng nhập',
      'The password must not contain the username',
    );
  if (COMMON.has(lower))
    add(
      'PASSWORD.COMMON',
      'Mật khẩu này quá phổ biến, hãy chọn mật khẩu khác',
      'This password is too common; choose another',
    );
  if (/^(.)\1*$/.test(password))
    add(
      'PASSWORD.REPEATED',
      'Mật khẩu không được chỉ lặp lại một ký tự',
      'The password must not repeat a single character',
    );
  return problems;
}
