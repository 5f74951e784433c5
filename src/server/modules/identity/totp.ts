import { Secret, TOTP } from 'otpauth';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** A TOTP (RFC 6238) generator for one account: 6 digits, 30 s, SHA-1 (what authenticator apps support). */
function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: 'DVC06',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new random TOTP secret (base32) and the otpauth:// URI to show as a QR code. */
export function newTotpSecret(label: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totpFor(secret, label).toString() };
}

const PERIOD_MS = 30_000;

/**
 * The time step (Unix time / 30 s) a 6-digit code belongs to, accepting one step of clock
 * drift either way; null when the code is wrong. The caller accepts a step only once.
 */
export function totpStep(secretBase32: string, code: string, timestamp = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32, 'x').validate({ token: code, window: 1, timestamp });
  return delta === null ? null : Math.floor(timestamp / PERIOD_MS) + delta;
}

/** Checks a 6-digit code, accepting one step of clock drift either way (no replay check: see totpStep). */
export function verifyTotp(secretBase32: string, code: string, timestamp = Date.now()): boolean {
  return totpStep(secretBase32, code, timestamp) !== null;
}

/** The current code (for tests and the CLI). */
export function currentTotp(secretBase32: string, timestamp = Date.now()): string {
  return totpFor(secretBase32, 'x').generate({ timestamp });
}

/** TOTP secrets are stored sealed with AES-256-GCM under a key derived from SESSION_SECRET. */
function key(secret: string): Buffer {
  return createHash('sha256').update(`dvc06-totp|${secret}`).digest();
}

export function sealSecret(plain: string, sessionSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(sessionSecret), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function openSecret(sealed: string, sessionSecret: string): string {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key(sessionSecret), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
}
