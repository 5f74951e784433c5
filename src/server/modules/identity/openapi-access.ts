import type { RouteOptions } from 'fastify';
import type { ApiKeySecurityScheme, RouteAccessDoc, SecurityRequirement } from '../../platform/openapi';
import { SESSION_COOKIE } from './sessions';
import { isThrottled } from './rate-limits';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The staff sign-in: public, yet it refuses wrong credentials (401) and delays repeated failures itself (429, Retry-After). */
const SIGN_IN_URL = '/api/v1/auth/login';

/**
 * How the API authenticates, as OpenAPI security schemes (ADR 0004): the session cookie set at
 * sign-in, and on every state-changing request made with it the session's CSRF token in a header
 * (sent by `GET /api/v1/auth/me` as `csrfToken`).
 */
export const SECURITY_SCHEMES: Record<'session' | 'csrf', ApiKeySecurityScheme> = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'Phiên đăng nhập (cookie HttpOnly) / the session cookie set by `POST /api/v1/auth/login` (staff) or the e-ID callback (citizens); ends after 15 minutes idle or 8 hours',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description:
      "Mã chống giả mạo của phiên / the session's anti-forgery token (`csrfToken` of `GET /api/v1/auth/me`), required on POST, PUT, PATCH and DELETE made with a session",
  },
};

/**
 * Security and access refusals of one route for the API document, from what the request hooks
 * enforce (auth-hooks.ts): a public route needs nothing (`[]`), or — when it changes state — the
 * CSRF header if a session cookie is sent at all; any other route needs the session (and the CSRF
 * header to change state), answers 401 when signed out and 403 when the action is not permitted.
 */
export function describeRouteAccess(route: RouteOptions): RouteAccessDoc {
  const methods = [route.method].flat().map(String);
  const unsafe = methods.some((m) => UNSAFE.has(m)) && route.config?.csrf !== 'own';
  const action = route.config?.action;
  const signedIn: SecurityRequirement = unsafe ? { session: [], csrf: [] } : { session: [] };
  const errors: number[] = [];
  if (unsafe) errors.push(403); // a missing or wrong CSRF token
  if (action !== 'public' || route.url === SIGN_IN_URL) errors.push(401);
  if (action !== 'public') errors.push(403);
  const preHandlers = [route.preHandler ?? []].flat();
  if (route.url === SIGN_IN_URL || preHandlers.some(isThrottled)) errors.push(429);
  const security = action === 'public' ? (unsafe ? [{}, signedIn] : []) : [signedIn];
  return { security, errors };
}
