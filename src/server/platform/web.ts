import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Folder the Vite build writes the web app to. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/**
 * Serves the built single-page app from the same port as the API; unknown non-API
 * paths return index.html so client-side routes survive a reload.
 */
export async function registerWeb(app: FastifyInstance): Promise<void> {
  if (!existsSync(WEB_DIST_DIR)) {
    app.log.warn('web app not built (dist/web missing): run `npm run build`');
    return;
  }
  await app.register(fastifyStatic, { root: WEB_DIST_DIR, wildcard: false, maxAge: '1h', immutable: false });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.sendFile('index.html', { maxAge: 0 });
  });
}
