import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Folder the Vite build writes the web app to. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/** True when the web app is built. */
export function webIsBuilt(root = WEB_DIST_DIR): boolean {
  return existsSync(`${root}/index.html`);
}

/**
 * Serves the built single-page app from the same port as the API. Files are looked up on
 * each request (a rebuild is served without restart); hashed assets are cached for a year and
 * never revalidated (`immutable`: a new build has new names), index.html is revalidated on each
 * visit (`no-cache`) so a redeploy is seen at once. Each file goes out as the build's brotli or
 * gzip copy beside it (`x.js.br`, `x.js.gz`, made by vite.config.ts) when the browser accepts that
 * encoding, else as it is (with `vary: accept-encoding` either way).
 */
export async function registerWeb(app: FastifyInstance, root = WEB_DIST_DIR): Promise<void> {
  if (!webIsBuilt(root)) {
    app.log.warn('web app not built (dist/web missing): run `npm run build`');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    index: ['index.html'],
    preCompressed: true,
    // The build's manifest (dist/web/.vite/manifest.json: which chunk each source file became) is
    // for the bundle budget in CI, not for browsers.
    allowedPath: (pathName) => !pathName.startsWith('/.vite/'),
    setHeaders: (res, path) => {
      res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}

/**
 * Client-side routes survive a reload: an unknown GET for a page (no file extension, not under
 * /api/, accepting HTML) gets index.html. Missing files such as /assets/old.js stay 404, so a
 * browser holding an old page after a redeploy sees the failure instead of HTML as a script.
 */
export async function spaFallback(request: FastifyRequest, reply: FastifyReply, root = WEB_DIST_DIR): Promise<boolean> {
  const path = request.url.split('?')[0] ?? '';
  // A file has an extension starting with a letter (.js, .css, .woff2); a page path may end in
  // digits after a dot, e.g. a procedure code (/procedures/1.004222).
  const wantsPage = request.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z][a-z0-9]*$/i.test(path);
  if (!wantsPage || !webIsBuilt(root)) return false;
  await reply.header('cache-control', 'no-cache').sendFile('index.html');
  return true;
}
