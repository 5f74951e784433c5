import type { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type Provider from 'oidc-provider';
import type { Config } from '../../platform/config';
import type { Database } from '../../platform/db';
import { purgeExpired } from './eid-sandbox.adapter';
import { interactionRoutes } from './eid-sandbox.interactions';
import { cookieKeys, loadOrCreateSigningKeys } from './eid-sandbox.keys';
import { createProvider } from './eid-sandbox.provider';
import { EID_SANDBOX_ROUTE_CONFIG } from './eid-sandbox.policy';

/** Where the sandbox lives in our Fastify app. */
export const EID_ROUTE_PREFIX = '/eid';

/** The sandbox's issuer: the full external URL including the mount path (`${PUBLIC_URL}/eid`). */
export function eidSandboxIssuer(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${EID_ROUTE_PREFIX}`;
}

export interface EidSandbox {
  issuer: string;
  provider: Provider;
}

function requireSecrets(config: Config): { sessionSecret: string; clientSecret: string } {
  if (!config.SESSION_SECRET || !config.OIDC_CLIENT_SECRET) {
    throw new Error('The sandbox e-ID provider needs SESSION_SECRET and OIDC_CLIENT_SECRET');
  }
  return { sessionSecret: config.SESSION_SECRET, clientSecret: config.OIDC_CLIENT_SECRET };
}

/** Routes oidc-provider's failures to our logger (Koa would print them to the console). */
function observe(provider: Provider, log: FastifyBaseLogger): void {
  provider.on('server_error', (_ctx: unknown, err: Error) => log.error({ err }, 'eid-sandbox: provider error'));
  // Koa's own 'error' event (not in the provider's typed event map).
  (provider as unknown as EventEmitter).on('error', (err: Error) =>
    log.error({ err }, 'eid-sandbox: unhandled provider error'),
  );
}

/**
 * Hands every other `/eid/*` request to oidc-provider (a Koa app) on the raw Node objects.
 * The prefix is stripped from `req.url` (its router knows paths like `/auth`), and `originalUrl`
 * carries the external mount path, from which it builds its own absolute URLs.
 */
function providerRoute(provider: Provider, mountPath: string) {
  const handle = provider.callback();
  return async (scope: FastifyInstance): Promise<void> => {
    // oidc-provider reads request bodies itself: leave the stream untouched.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    // oidc-provider protects its own forms (its logout form's xsrf field) and authenticates its clients.
    scope.all(
      `${EID_ROUTE_PREFIX}/*`,
      { schema: { hide: true }, config: EID_SANDBOX_ROUTE_CONFIG },
      async (request, reply) => {
        reply.hijack();
        const req = request.raw as IncomingMessage & { originalUrl?: string };
        const rest = (req.url ?? '/').slice(EID_ROUTE_PREFIX.length) || '/';
        req.originalUrl = `${mountPath}${rest}`;
        req.url = rest;
        await handle(req, reply.raw);
      },
    );
  };
}

/**
 * Mounts the sandbox provider: keys and cookie secrets first (keys are created on first start
 * and kept in the database), then the interaction pages, then the provider's own endpoints.
 */
export async function mountEidSandbox(
  app: FastifyInstance,
  deps: { config: Config; database: Database },
): Promise<EidSandbox> {
  const { config, database } = deps;
  const { sessionSecret, clientSecret } = requireSecrets(config);
  const issuer = eidSandboxIssuer(config.PUBLIC_URL);
  const mountPath = new URL(issuer).pathname;
  await purgeExpired(database.db);
  const provider = createProvider({
    issuer,
    publicUrl: config.PUBLIC_URL.replace(/\/+$/, ''),
    clientId: config.OIDC_CLIENT_ID,
    clientSecret,
    cookieKeys: cookieKeys(sessionSecret),
    signingKeys: await loadOrCreateSigningKeys(database.db),
    db: database.db,
  });
  observe(provider, app.log);
  await app.register(
    interactionRoutes({ provider, db: database.db, page: { mountPath }, routePrefix: EID_ROUTE_PREFIX }),
  );
  await app.register(providerRoute(provider, mountPath));
  return { issuer, provider };
}
