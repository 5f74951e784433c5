import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../platform/db';
import * as repo from './identity.repository';

/** Session limits for government staff: 15 minutes idle, 8 hours absolute. */
export const SESSION_IDLE_MS = 15 * 60_000;
export const SESSION_ABSOLUTE_MS = 8 * 3_600_000;
/** Last-seen is written at most once a minute per session (not on every request). */
const TOUCH_EVERY_MS = 60_000;

export const SESSION_COOKIE = 'dvc06_sid';

/** SHA-256 of a session token: only this is stored, so a database leak gives no usable cookie. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opens a session; returns the cookie token (never stored) and the CSRF token. */
export async function openSession(
  db: Db,
  accountId: string,
  extra: { acr?: number | null; idToken?: string | null } = {},
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_ABSOLUTE_MS);
  await repo.insertSession(db, {
    tokenHash: tokenHash(token),
    accountId,
    csrfToken,
    acr: extra.acr ?? null,
    idToken: extra.idToken ?? null,
    secondFactorDone: true,
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

/** The live session of a cookie token, or undefined (unknown, revoked, expired, or idle too long). */
export async function resolveSession(
  db: Db,
  token: string | undefined,
  now = Date.now(),
): Promise<repo.SessionRow | undefined> {
  if (!token || token.length > 100) return undefined;
  const hash = tokenHash(token);
  const session = await repo.findLiveSession(db, hash);
  if (!session) return undefined;
  const idle = now - new Date(session.lastSeenAt).getTime();
  if (idle > SESSION_IDLE_MS) {
    await repo.revokeSession(db, hash);
    return undefined;
  }
  if (idle > TOUCH_EVERY_MS) await repo.touchSession(db, hash);
  return session;
}

/**
 * The live session of a cookie token with its actor's account and grants (one query), or
 * undefined (unknown, revoked, expired, idle too long).
 */
export async function resolveSessionActor(
  db: Db,
  token: string | undefined,
  today: string,
  now = Date.now(),
): Promise<repo.SessionActorRow | undefined> {
  if (!token || token.length > 100) return undefined;
  const hash = tokenHash(token);
  const row = await repo.findSessionActor(db, hash, today);
  if (!row) return undefined;
  const idle = now - new Date(row.last_seen_at).getTime();
  if (idle > SESSION_IDLE_MS) {
    await repo.revokeSession(db, hash);
    return undefined;
  }
  if (idle > TOUCH_EVERY_MS) await repo.touchSession(db, hash);
  return row;
}

/** Ends the session of a cookie token. */
export async function closeSession(db: Db, token: string): Promise<void> {
  await repo.revokeSession(db, tokenHash(token));
}

/** Constant-time comparison of the CSRF header with the session's token. */
export function csrfMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}
