import { createHash, generateKeyPairSync, hkdfSync, type JsonWebKey } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { keys } from './eid-sandbox.schema';

/** A private signing key as oidc-provider's `jwks` configuration takes it. */
export type PrivateJwk = JsonWebKey & { kid: string; alg: string; use: 'sig' };

/** RFC 7638 thumbprint of an RSA public key: a stable, content-derived key id. */
function rsaThumbprint(jwk: JsonWebKey): string {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return createHash('sha256').update(canonical).digest('base64url');
}

/** A fresh RS256 signing key (RSA 2048: what every relying party verifies). */
export function generateSigningKey(): PrivateJwk {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return { ...jwk, kid: rsaThumbprint(jwk), alg: 'RS256', use: 'sig' };
}

/**
 * The provider's signing keys, oldest first. The first start creates one and stores it, so
 * tokens stay verifiable across restarts and processes. The table lock makes concurrent first
 * starts agree on a single key.
 */
export async function loadOrCreateSigningKeys(db: Db): Promise<PrivateJwk[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${keys} in share row exclusive mode`);
    const rows = await tx.select({ jwk: keys.jwk }).from(keys).orderBy(asc(keys.createdAt), asc(keys.kid));
    if (rows.length > 0) return rows.map((r) => r.jwk as PrivateJwk);
    const jwk = generateSigningKey();
    await tx.insert(keys).values({ kid: jwk.kid, jwk });
    return [jwk];
  });
}

/**
 * Keys for signing the provider's cookies, derived from SESSION_SECRET (HKDF-SHA256 with a
 * purpose label) so the sandbox never reuses the application's session secret as such.
 */
export function cookieKeys(sessionSecret: string): string[] {
  const key = hkdfSync('sha256', sessionSecret, 'dvc06', 'eid-sandbox cookie signing', 32);
  return [Buffer.from(key).toString('base64url')];
}
