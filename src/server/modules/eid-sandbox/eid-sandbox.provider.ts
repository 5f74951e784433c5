import Provider, {
  type ClientMetadata,
  type Configuration,
  type KoaContextWithOIDC,
  type ErrorOut,
} from 'oidc-provider';
import type { Db } from '../../platform/db';
import { DbAdapter } from './eid-sandbox.adapter';
import { accountFinder, EID_ACR } from './eid-sandbox.accounts';
import type { PrivateJwk } from './eid-sandbox.keys';
import { errorPage, logoutDonePage, logoutPage, type PageContext } from './eid-sandbox.pages';

/** Display name of the one relying party (our own portal) on the sandbox's pages. */
export const CLIENT_NAME = 'Cổng dịch vụ công DVC06 — Lai Châu';

/** Scopes and the claims each releases (`national_id` rides on `openid`: always released). */
export const SCOPE_CLAIMS = {
  openid: ['sub', 'national_id'],
  profile: ['name', 'birthdate', 'gender'],
  phone: ['phone_number'],
} as const;

export interface ProviderSettings {
  /** Full external issuer URL, mount path included: `${PUBLIC_URL}/eid`. */
  issuer: string;
  publicUrl: string;
  clientId: string;
  clientSecret: string;
  cookieKeys: string[];
  signingKeys: PrivateJwk[];
  db: Db;
}

/** Lifetimes (seconds): short-lived codes and tokens; a browser session lasts a working day. */
const TTL = {
  AccessToken: 10 * 60,
  AuthorizationCode: 60,
  IdToken: 60 * 60,
  Interaction: 30 * 60,
  Session: 8 * 60 * 60,
  Grant: 8 * 60 * 60,
  RefreshToken: 8 * 60 * 60,
  ClientCredentials: 10 * 60,
  DeviceCode: 10 * 60,
  BackchannelAuthenticationRequest: 10 * 60,
  PreAuthorizedCode: 10 * 60,
};

function pageContext(issuer: string): PageContext {
  return { mountPath: new URL(issuer).pathname.replace(/\/$/, '') };
}

/** Error pages: OAuth code and description only (no stack, no personal data). */
function renderError(page: PageContext) {
  return (ctx: KoaContextWithOIDC, out: ErrorOut): void => {
    ctx.type = 'html';
    ctx.body = errorPage(
      page,
      {
        vi: 'Không thể hoàn tất yêu cầu đăng nhập. Hãy quay lại dịch vụ và thử lại.',
        en: 'The sign-in request could not be completed. Go back to the service and try again.',
      },
      out.error_description ? `${out.error}: ${out.error_description}` : out.error,
    );
  };
}

function logoutFeature(page: PageContext) {
  return {
    enabled: true,
    logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
      ctx.type = 'html';
      ctx.body = logoutPage(page, form, ctx.oidc.client?.clientName);
    },
    postLogoutSuccessSource: (ctx: KoaContextWithOIDC) => {
      ctx.type = 'html';
      ctx.body = logoutDonePage(page);
    },
  };
}

/** The one relying party: our own portal (confidential client, code flow with PKCE). */
function portalClient(s: ProviderSettings): ClientMetadata {
  return {
    client_id: s.clientId,
    client_secret: s.clientSecret,
    client_name: CLIENT_NAME,
    redirect_uris: [`${s.publicUrl}/api/v1/auth/eid/callback`],
    post_logout_redirect_uris: [`${s.publicUrl}/`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    // Makes every ID token carry `acr` (oidc-provider adds it only when acr values are requested).
    default_acr_values: [EID_ACR[1], EID_ACR[2]],
    // openid-client 6's default client authentication.
    token_endpoint_auth_method: 'client_secret_post',
  };
}

/** The oidc-provider configuration of the sandbox (see index.ts for what it promises). */
export function providerConfiguration(s: ProviderSettings): Configuration {
  const page = pageContext(s.issuer);
  return {
    adapter: (name: string) => new DbAdapter(s.db, name),
    clients: [portalClient(s)],
    pkce: { required: () => true },
    responseTypes: ['code'],
    scopes: ['openid', 'profile', 'phone'],
    claims: { ...SCOPE_CLAIMS, acr: null, sid: null, auth_time: null, iss: null },
    acrValues: [EID_ACR[1], EID_ACR[2]],
    // The ID token carries every granted claim (name, birthdate …), not only `openid`'s: the
    // portal reads the identity from the ID token alone; userinfo returns the same claims.
    conformIdTokenClaims: false,
    findAccount: accountFinder(s.db),
    interactions: { url: (_ctx, interaction) => `${page.mountPath}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: logoutFeature(page),
      userinfo: { enabled: true },
      revocation: { enabled: true },
    },
    cookies: {
      keys: s.cookieKeys,
      names: { session: 'eid_session', interaction: 'eid_interaction', resume: 'eid_interaction_resume' },
      long: { httpOnly: true, sameSite: 'lax', path: `${page.mountPath}/` },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    jwks: { keys: s.signingKeys },
    ttl: TTL,
    renderError: renderError(page),
  };
}

/** A provider for the settings; behind a TLS-terminating proxy (https PUBLIC_URL) it trusts X-Forwarded-*. */
export function createProvider(s: ProviderSettings): Provider {
  const provider = new Provider(s.issuer, providerConfiguration(s));
  provider.proxy = s.publicUrl.startsWith('https:');
  return provider;
}
