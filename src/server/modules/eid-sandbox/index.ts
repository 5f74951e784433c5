/**
 * Public face of the `eid-sandbox` module: a development/demo OpenID Connect provider that
 * stands in for VNeID (Decree 69/2024 e-identification), mounted at `/eid`. Never for production:
 * it is on only when `EID_SANDBOX=on` (the default outside production).
 *
 * What it promises a relying party (our own portal, the one registered client):
 * - issuer `${PUBLIC_URL}/eid`, discovery at `${PUBLIC_URL}/eid/.well-known/openid-configuration`;
 * - client `OIDC_CLIENT_ID` / `OIDC_CLIENT_SECRET` (client_secret_post), redirect URI
 *   `${PUBLIC_URL}/api/v1/auth/eid/callback`, post-logout redirect `${PUBLIC_URL}/`;
 * - authorization code flow only, PKCE S256 required, scopes `openid profile phone`;
 * - `sub` = `national_id` = the 12-digit personal ID number; `acr` = `urn:vneid:level1|2`
 *   from the person's e-ID level in the registry (level 0 cannot sign in);
 * - ID token and userinfo: sub, national_id, name, birthdate (YYYY-MM-DD, or YYYY when only
 *   the year is known), gender (male|female), phone_number (E.164, +84…, when known); the ID
 *   token adds acr, sid, auth_time;
 * - RP-initiated logout at `end_session_endpoint`, with its own confirmation page.
 * Every person with an e-ID account signs in with the demo passcode `123456`.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../platform/config';
import type { Database } from '../../platform/db';
import { mountEidSandbox, type EidSandbox } from './eid-sandbox.plugin';

/**
 * Mounts the sandbox e-ID provider under `/eid` in the app (call before `app.ready()`).
 * Creates its signing key in `eid_sandbox.keys` on first start; keeps sessions, grants and
 * tokens in `eid_sandbox.models`. Requires SESSION_SECRET and OIDC_CLIENT_SECRET.
 */
export async function registerEidSandbox(
  app: FastifyInstance,
  deps: { config: Config; database: Database },
): Promise<EidSandbox> {
  return mountEidSandbox(app, deps);
}

/** The sandbox's issuer for a PUBLIC_URL: what the relying party discovers when OIDC_ISSUER is unset. */
export { eidSandboxIssuer, EID_ROUTE_PREFIX, type EidSandbox } from './eid-sandbox.plugin';
/** The demo passcode and the acr values per e-ID level (`urn:vneid:level1`, `urn:vneid:level2`). */
export { DEMO_PASSCODE, EID_ACR, type EidAcr } from './eid-sandbox.accounts';
/** Deletes adapter rows expired for more than a day (also done at every start). */
export { purgeExpired } from './eid-sandbox.adapter';
