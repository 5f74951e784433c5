import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { normalizeIP } from '@fastify/rate-limit';
import { AppError } from '../../platform/errors';

/**
 * Login attempts allowed per minute: per (client address, username) — guessing one account's
 * password — and, looser, per client address — trying many accounts. A commune office behind
 * one NAT address shares the per-address ceiling only, so ten colleagues can sign in at 8:00.
 */
export const LOGIN_LIMITS = { perAccount: 10, perAddress: 100, windowMs: 60_000 } as const;

/** The 429 of the login limits (same words as the application's other rate limits). */
export function loginRateLimited(ttlMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  return new AppError(
    'AUTH.RATE_LIMITED',
    `Bạn thử quá nhiều lần. Vui lòng thử lại sau ${seconds} giây.`,
    `Too many attempts. Please try again in ${seconds} seconds.`,
  );
}

const address = (request: FastifyRequest) => normalizeIP(request.ip, 64);
/** The username as the login looks it up (lower case); the body is validated before this runs. */
const username = (request: FastifyRequest) => {
  const body = request.body as { username?: unknown } | undefined;
  return typeof body?.username === 'string' ? body.username.trim().toLowerCase() : '';
};

/**
 * A preHandler for POST /auth/login applying both limits (@fastify/rate-limit stores, in
 * memory per process). It runs after body validation, so it can key on the username; every
 * attempt counts against both limits. Needs the rate-limit plugin registered on the app.
 */
export function loginRateLimit(app: FastifyInstance): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  const perAccount = app.createRateLimit({ max: LOGIN_LIMITS.perAccount, timeWindow: LOGIN_LIMITS.windowMs, keyGenerator: (r) => `${address(r)}|${username(r)}` });
  const perAddress = app.createRateLimit({ max: LOGIN_LIMITS.perAddress, timeWindow: LOGIN_LIMITS.windowMs, keyGenerator: address });
  return async (request, reply) => {
    const results = await Promise.all([perAccount(request), perAddress(request)]);
    const exceeded = results.filter((r) => !r.isAllowed && r.isExceeded).map((r) => (r.isAllowed ? 0 : r.ttl));
    if (exceeded.length === 0) return;
    const ttl = Math.max(...exceeded);
    void reply.header('retry-after', Math.ceil(ttl / 1000));
    throw loginRateLimited(ttl);
  };
}
