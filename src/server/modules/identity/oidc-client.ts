import * as oidc from 'openid-client';
import type { Config } from '../../platform/config';
import { AppError } from '../../platform/errors';

/** The issuer citizens log in with: the configured e-ID (VNeID / national SSO) or the built-in sandbox. */
export function issuerUrl(config: Config): string {
  return config.OIDC_ISSUER ?? `${config.PUBLIC_URL}/eid`;
}

export function redirectUri(config: Config): string {
  return `${config.PUBLIC_URL}/api/v1/auth/eid/callback`;
}

const cache = new Map<string, Promise<oidc.Configuration>>();

/**
 * Discovers the issuer once (cached). http issuers are allowed only outside production
 * (the sandbox on a developer machine). An unreachable provider is a clear 503, not a 500.
 */
export async function oidcConfiguration(config: Config): Promise<oidc.Configuration> {
  const issuer = issuerUrl(config);
  let pending = cache.get(issuer);
  if (!pending) {
    const insecure = issuer.startsWith('http:') && config.NODE_ENV !== 'production';
    pending = oidc.discovery(
      new URL(issuer),
      config.OIDC_CLIENT_ID,
      config.OIDC_CLIENT_SECRET,
      undefined,
      insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    cache.set(issuer, pending);
    pending.catch(() => cache.delete(issuer)); // retry discovery next time
  }
  try {
    return await pending;
  } catch {
    throw providerUnavailable();
  }
}

export function providerUnavailable(): AppError {
  return new AppError(
    'EID.PROVIDER_UNAVAILABLE',
    'Hệ thống định danh điện tử (VNeID) đang không trả lời. Vui lòng thử lại sau ít phút.',
    'The e-identification service (VNeID) is not answering. Please try again in a few minutes.',
  );
}

/** Starts a login: state, nonce and PKCE verifier (to store), and the URL to send the browser to. */
export async function startLogin(
  config: Config,
): Promise<{ url: string; state: string; nonce: string; codeVerifier: string }> {
  const configuration = await oidcConfiguration(config);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri(config),
    scope: 'openid profile phone',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state, nonce, codeVerifier };
}

export interface EidIdentity {
  subject: string;
  nationalId: string | null;
  name: string;
  level: number;
  idToken: string;
}

/** e-ID assurance level from the `acr` claim: 'urn:vneid:level2' → 2 (anything else → 1). */
export function levelFromAcr(acr: unknown): number {
  return typeof acr === 'string' && /level\s*2$|:2$/.test(acr) ? 2 : 1;
}

/** Finishes a login: exchanges the code (checking state, nonce and PKCE) and reads the identity. */
export async function finishLogin(
  config: Config,
  callbackUrl: URL,
  expected: { state: string; nonce: string; codeVerifier: string },
): Promise<EidIdentity> {
  const configuration = await oidcConfiguration(config);
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    if (
      error instanceof oidc.ResponseBodyError ||
      error instanceof oidc.AuthorizationResponseError ||
      error instanceof TypeError
    ) {
      throw new AppError(
        'EID.LOGIN_INVALID',
        'Đăng nhập bằng định danh điện tử không thành công. Hãy thử lại.',
        'The e-ID sign-in did not succeed. Please try again.',
      );
    }
    throw providerUnavailable();
  }
  const claims = tokens.claims()!;
  const nationalId = typeof claims.national_id === 'string' ? claims.national_id : null;
  return {
    subject: claims.sub,
    nationalId,
    name: typeof claims.name === 'string' ? claims.name : '',
    level: levelFromAcr(claims.acr),
    idToken: tokens.id_token!,
  };
}

/** The provider's logout URL for RP-initiated logout (undefined when it has none). */
export async function endSessionUrl(config: Config, idToken: string | null): Promise<string | undefined> {
  try {
    const configuration = await oidcConfiguration(config);
    if (!configuration.serverMetadata().end_session_endpoint) return undefined;
    return oidc.buildEndSessionUrl(configuration, {
      post_logout_redirect_uri: `${config.PUBLIC_URL}/`,
      ...(idToken ? { id_token_hint: idToken } : {}),
    }).href;
  } catch {
    return undefined;
  }
}
