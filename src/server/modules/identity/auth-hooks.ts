import type { FastifyInstance, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import type { AppDeps } from '../../platform/app-deps';
import { AppError } from '../../platform/errors';
import { HEALTH_ROUTES } from '../../platform/health';
import { isAction, type Action } from './permissions';
import { accessContext, type AccessContext } from './access';
import type { Actor } from './policy';
import { todayInVietnam } from '../../../contracts/common';
import { csrfMatches, resolveSessionActor, SESSION_COOKIE } from './sessions';
import type { SessionActorRow } from './identity.repository';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The action this route performs (identity/permissions.ts). Every route must declare one. */
    action?: Action;
    /**
     * 'own' for the few pages that check a form token of their own (the sandbox e-ID and payment
     * pages, posted by plain HTML forms): the session's CSRF check is skipped there. Every other
     * state-changing route is checked (the default, 'session').
     */
    csrf?: 'session' | 'own';
  }
  interface FastifyInstance {
    /** Every route of this instance with the action it declares. */
    routeActions: RouteAction[];
  }
  interface FastifyRequest {
    access: AccessContext;
    /** CSRF token of the request's session (sent back by /auth/me for the web app). */
    csrfToken: string | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes added by plugins (API docs UI, static web files) are public pages. */
function defaultAction(url: string): Action | undefined {
  if (url.startsWith('/api/docs') || url === '/api/openapi.json' || !url.startsWith('/api/')) return 'public';
  return undefined;
}

/** A registered route and its action (for the "no route without an action" test). */
export interface RouteAction {
  method: string;
  url: string;
  action: Action;
  csrf: 'session' | 'own';
}

/**
 * Authentication and authorization for every request: the session cookie → actor → access
 * context; CSRF check on state-changing requests made with a session; then the route's
 * declared action must be allowed (401 when not signed in, 403 when not permitted).
 * A route that declares no action makes the application refuse to start.
 */
export async function registerAuthHooks(app: FastifyInstance, { config, database }: AppDeps): Promise<void> {
  const { db } = database;
  const publicOrigin = new URL(config.PUBLIC_URL).origin;
  await app.register(cookie, { secret: config.SESSION_SECRET });
  app.decorate('routeActions', [] as RouteAction[]);
  app.decorateRequest('access', null as unknown as AccessContext);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRoute', (route) => {
    const action = route.config?.action ?? defaultAction(route.url);
    if (!isAction(action))
      throw new Error(`Route ${String(route.method)} ${route.url} declares no action (config.action)`);
    const csrf = route.config?.csrf ?? 'session';
    route.config = { ...route.config, action, csrf };
    for (const method of [route.method].flat())
      app.routeActions.push({ method: String(method), url: route.url, action, csrf });
  });

  app.addHook('onRequest', async (request) => {
    // Health checks are public and must answer while the database is down (ADR 0014): no session, no permission matrix.
    if (HEALTH_ROUTES.has(request.routeOptions.url ?? '')) return;
    const row = await resolveSessionActor(db, request.cookies[SESSION_COOKIE], todayInVietnam());
    const usable = row && !row.disabled_at ? row : undefined;
    request.access = await accessContext(db, usable ? actorFromRow(usable) : null, request.id);
    request.csrfToken = usable ? usable.csrf_token : null;
    // Decided on the route the router matched (never on the raw URL, which may be spelled
    // /%61pi/…): every state-changing request made with a session, except the sandbox pages that
    // check a form token of their own (config.csrf 'own').
    if (usable && UNSAFE.has(request.method) && request.routeOptions.config?.csrf !== 'own')
      checkForgery(request, usable.csrf_token, publicOrigin);
    authorize(request);
  });
}

/**
 * Anti-forgery for a cookie-authenticated state-changing request (ADR 0004): the session's token
 * in X-CSRF-Token, and no browser sign of another site — Sec-Fetch-Site other than same-origin
 * (or none: typed by the user), or an Origin that is neither PUBLIC_URL nor the host the browser
 * addressed (the development proxy). Clients outside a browser send neither header: the token
 * alone protects them.
 */
function checkForgery(request: FastifyRequest, sessionToken: string, publicOrigin: string): void {
  if (!csrfMatches(sessionToken, request.headers['x-csrf-token'])) {
    throw new AppError(
      'AUTH.CSRF_FORBIDDEN',
      'Yêu cầu thiếu mã chống giả mạo (CSRF). Hãy tải lại trang.',
      'Missing or wrong anti-forgery (CSRF) token. Reload the page.',
    );
  }
  if (fromAnotherSite(request, publicOrigin)) {
    throw new AppError(
      'AUTH.CSRF_FORBIDDEN',
      'Yêu cầu gửi từ một trang web khác bị từ chối. Hãy mở trực tiếp trang dịch vụ công.',
      'A request sent from another website is refused. Open the public-service site directly.',
    );
  }
}

function fromAnotherSite(request: FastifyRequest, publicOrigin: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  if (origin === undefined || origin === publicOrigin) return false;
  return !URL.canParse(origin) || new URL(origin).host !== request.host; // 'null' (opaque origin) cannot be parsed
}

/** The actor of a session row: a citizen grant, or the staff account's assignments valid today. */
function actorFromRow(row: SessionActorRow): Actor {
  const grants =
    typeof row.grants === 'string'
      ? (JSON.parse(row.grants) as Exclude<SessionActorRow['grants'], string>)
      : row.grants;
  return {
    accountId: row.account_id,
    kind: row.kind,
    displayName: row.display_name,
    grants:
      row.kind === 'citizen'
        ? [{ role: 'citizen', unitCode: null, sector: null }]
        : grants.map((g) => ({ role: g.role, unitCode: g.unitCode, sector: g.sector })),
    personId: row.person_id,
    nationalId: row.kind === 'citizen' ? row.national_id : null,
    acr: row.acr,
  };
}

function authorize(request: FastifyRequest): void {
  const action = request.routeOptions.config?.action;
  if (!action || request.access.can(action)) return;
  if (!request.access.actor) {
    throw new AppError(
      'AUTH.UNAUTHENTICATED',
      'Bạn cần đăng nhập để dùng chức năng này',
      'You need to sign in to use this',
    );
  }
  throw new AppError(
    'AUTH.FORBIDDEN',
    'Tài khoản của bạn không có quyền thực hiện việc này',
    'Your account is not allowed to do this',
  );
}
