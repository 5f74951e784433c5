import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errors, type InteractionResults } from 'oidc-provider';
import type Provider from 'oidc-provider';
import { z } from 'zod';
import type { Db } from '../../platform/db';
import { authenticate, type LoginFailure } from './eid-sandbox.accounts';
import { consentPage, errorPage, loginPage, LOGIN_ERRORS, type Bilingual, type PageContext } from './eid-sandbox.pages';
import { CLIENT_NAME } from './eid-sandbox.provider';
import { SANDBOX_CSS } from './eid-sandbox.styles';
import { EID_SANDBOX_ROUTE_CONFIG } from './eid-sandbox.policy';

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

export interface InteractionDeps {
  provider: Provider;
  db: Db;
  /** External mount path for links in the pages (the issuer's path). */
  page: PageContext;
  /** Where the routes are mounted in this Fastify app (`/eid`). */
  routePrefix: string;
}

const UidParams = z.object({ uid: z.string().min(1).max(128) });
const LoginForm = z.object({
  nationalId: z
    .string()
    .max(64)
    .default('')
    .transform((s) => s.replace(/\s/g, '')),
  passcode: z.string().max(64).default(''),
});

/** Information shared per scope, as the consent page lists it. */
const SHARED_BY_SCOPE: Record<string, Bilingual[]> = {
  openid: [
    { vi: 'Số định danh cá nhân', en: 'Personal identification number' },
    { vi: 'Mức tài khoản định danh điện tử (mức 1 hoặc mức 2)', en: 'e-ID account level (1 or 2)' },
  ],
  profile: [
    { vi: 'Họ, chữ đệm và tên', en: 'Full name' },
    { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' },
    { vi: 'Giới tính', en: 'Sex' },
  ],
  phone: [{ vi: 'Số điện thoại', en: 'Phone number' }],
};

const EXPIRED: Bilingual = {
  vi: 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Hãy quay lại dịch vụ và đăng nhập lại.',
  en: 'The sign-in session has expired or is invalid. Go back to the service and sign in again.',
};

const STATUS_BY_FAILURE: Record<LoginFailure, number> = {
  format: 400,
  unknown: 401,
  wrong_passcode: 401,
  no_eid: 403,
  inactive: 403,
};

function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}

/**
 * The interaction of the URL's uid, or undefined after answering with an error page: the
 * interaction cookie must exist, point to a live interaction, and match the URL.
 */
async function loadInteraction(
  deps: InteractionDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Interaction | undefined> {
  const { uid } = UidParams.parse(request.params);
  try {
    const interaction = await deps.provider.interactionDetails(request.raw, reply.raw);
    if (interaction.uid === uid) return interaction;
  } catch (error) {
    if (!(error instanceof errors.SessionNotFound)) throw error;
  }
  sendHtml(reply, 400, errorPage(deps.page, EXPIRED));
  return undefined;
}

/**
 * Hands the result back to oidc-provider, which answers with a redirect on the raw response:
 * Fastify lets go first (STACK.md). If the interaction vanished meanwhile, the raw response
 * still gets an error page instead of hanging.
 */
async function finish(
  deps: InteractionDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  result: InteractionResults,
  merge: boolean,
): Promise<void> {
  reply.hijack();
  try {
    await deps.provider.interactionFinished(request.raw, reply.raw, result, { mergeWithLastSubmission: merge });
  } catch (error) {
    const expired = error instanceof errors.SessionNotFound;
    if (!expired) request.log.error({ err: error }, 'eid-sandbox: could not finish the interaction');
    if (reply.raw.headersSent) return void reply.raw.end();
    reply.raw.writeHead(expired ? 400 : 500, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    });
    reply.raw.end(errorPage(deps.page, EXPIRED));
  }
}

function consentItems(interaction: Interaction): Bilingual[] {
  const scope = interaction.params.scope;
  const scopes = typeof scope === 'string' ? scope.split(' ') : [];
  return scopes.flatMap((s) => SHARED_BY_SCOPE[s] ?? []);
}

async function showInteraction(deps: InteractionDeps, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const interaction = await loadInteraction(deps, request, reply);
  if (!interaction) return;
  const { uid, prompt } = interaction;
  if (prompt.name === 'login') {
    sendHtml(reply, 200, loginPage(deps.page, { uid, clientName: CLIENT_NAME }));
  } else if (prompt.name === 'consent') {
    sendHtml(reply, 200, consentPage(deps.page, { uid, clientName: CLIENT_NAME, items: consentItems(interaction) }));
  } else {
    sendHtml(reply, 400, errorPage(deps.page, EXPIRED, `unsupported prompt ${prompt.name}`));
  }
}

/** Checks the ID number and demo passcode; on success hands the login back to oidc-provider. */
async function submitLogin(deps: InteractionDeps, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const interaction = await loadInteraction(deps, request, reply);
  if (!interaction) return;
  if (interaction.prompt.name !== 'login') return void sendHtml(reply, 400, errorPage(deps.page, EXPIRED));
  const form = LoginForm.safeParse(request.body ?? {});
  const { nationalId, passcode } = form.success ? form.data : { nationalId: '', passcode: '' };
  const outcome = await authenticate(deps.db, nationalId, passcode);
  if (!outcome.ok) {
    request.log.info({ eidSandboxLogin: outcome.reason }, 'sandbox e-ID sign-in refused');
    const page = loginPage(deps.page, {
      uid: interaction.uid,
      clientName: CLIENT_NAME,
      nationalId,
      error: LOGIN_ERRORS[outcome.reason],
    });
    return void sendHtml(reply, STATUS_BY_FAILURE[outcome.reason], page);
  }
  const login = { accountId: outcome.citizen.nationalId, acr: outcome.acr, amr: ['pwd'] };
  await finish(deps, request, reply, { login }, false);
}

/** Records the consent as a grant of the missing scopes and claims, then resumes the authorization. */
async function submitConsent(deps: InteractionDeps, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const interaction = await loadInteraction(deps, request, reply);
  if (!interaction) return;
  const { prompt, params, session, grantId } = interaction;
  if (prompt.name !== 'consent' || !session) return void sendHtml(reply, 400, errorPage(deps.page, EXPIRED));
  const { Grant } = deps.provider;
  const grant =
    (grantId ? await Grant.find(grantId) : undefined) ??
    new Grant({ accountId: session.accountId, clientId: String(params.client_id) });
  const details = prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {}))
    grant.addResourceScope(indicator, scopes.join(' '));
  const savedGrantId = await grant.save();
  await finish(deps, request, reply, { consent: grantId ? {} : { grantId: savedGrantId } }, true);
}

/** The person cancelled (login) or refused (consent): the service gets `access_denied`. */
async function abort(deps: InteractionDeps, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const interaction = await loadInteraction(deps, request, reply);
  if (!interaction) return;
  await finish(
    deps,
    request,
    reply,
    { error: 'access_denied', error_description: 'End-User aborted interaction' },
    false,
  );
}

/** Parses HTML form posts (small bodies only) for the interaction routes. */
function acceptForms(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );
}

/** The sandbox's own login, consent and cancel pages, plus their stylesheet (under the mount path). */
export function interactionRoutes(deps: InteractionDeps) {
  return async (scope: FastifyInstance): Promise<void> => {
    acceptForms(scope);
    const base = `${deps.routePrefix}/interaction/:uid`;
    // Public pages whose forms carry no session token: the interaction cookie bound to the uid in the URL is their token.
    const opts = { schema: { hide: true }, config: EID_SANDBOX_ROUTE_CONFIG };
    scope.get(base, opts, (request, reply) => showInteraction(deps, request, reply));
    scope.post(`${base}/login`, opts, (request, reply) => submitLogin(deps, request, reply));
    scope.post(`${base}/consent`, opts, (request, reply) => submitConsent(deps, request, reply));
    scope.post(`${base}/abort`, opts, (request, reply) => abort(deps, request, reply));
    scope.get(`${deps.routePrefix}/assets/sandbox.css`, opts, (_request, reply) =>
      reply.header('cache-control', 'public, max-age=3600').type('text/css; charset=utf-8').send(SANDBOX_CSS),
    );
  };
}
