import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * The link in the result message that lets the citizen rate the service (issue 17 §5; ADR 0033):
 * `<PUBLIC_URL>/danh-gia/<token>`. The token names the dossier and an expiry, signed with a key
 * derived from SESSION_SECRET (HMAC-SHA-256, truncated to 128 bits). It grants nothing by itself:
 * the citizen signs in and only the dossier's owner may rate — the link saves finding the dossier.
 */

/** How long a rating link works after the result message is sent. */
export const RATING_LINK_DAYS = 30;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const keyOf = (secret: string): Buffer => createHmac('sha256', secret).update('dvc06 rating link v1').digest();
const macOf = (secret: string, body: Buffer): Buffer =>
  createHmac('sha256', keyOf(secret)).update(body).digest().subarray(0, 16);

/** The token of a rating link for `dossierId`, valid `days` days from `now`. */
export function ratingLinkToken(secret: string, dossierId: string, now = new Date(), days = RATING_LINK_DAYS): string {
  if (!UUID.test(dossierId)) throw new Error('a rating link names a dossier by its id');
  const expires = Buffer.alloc(4);
  expires.writeUInt32BE(Math.floor(now.getTime() / 1000) + days * 86_400);
  const body = Buffer.concat([Buffer.from(dossierId.replace(/-/g, ''), 'hex'), expires]);
  // One base64url run, no dot: the web server takes a last path segment with a dot for a file name.
  return Buffer.concat([body, macOf(secret, body)]).toString('base64url');
}

export type RatingLinkCheck = { ok: true; dossierId: string; expiresAt: Date } | { ok: false; expired: boolean };

/** Reads a token: the dossier it names, or why not (tampered, malformed, expired). */
export function readRatingLinkToken(secret: string, token: string, now = new Date()): RatingLinkCheck {
  if (!/^[\w-]{48}$/.test(token)) return { ok: false, expired: false };
  const raw = Buffer.from(token, 'base64url');
  const body = raw.subarray(0, 20);
  if (raw.length !== 36 || !timingSafeEqual(raw.subarray(20), macOf(secret, body)))
    return { ok: false, expired: false };
  const expiresAt = new Date(body.readUInt32BE(16) * 1000);
  if (expiresAt <= now) return { ok: false, expired: true };
  const hex = body.subarray(0, 16).toString('hex');
  const dossierId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { ok: true, dossierId, expiresAt };
}

/**
 * The address a result message gives the citizen to rate the service of `dossierId` (for the
 * notifications module: "Đánh giá mức độ hài lòng: <link>").
 */
export function buildRatingLink(
  config: { PUBLIC_URL: string; SESSION_SECRET?: string },
  dossierId: string,
  now = new Date(),
): string {
  if (!config.SESSION_SECRET) throw new Error('rating links need SESSION_SECRET');
  return `${config.PUBLIC_URL.replace(/\/+$/, '')}/danh-gia/${ratingLinkToken(config.SESSION_SECRET, dossierId, now)}`;
}
