/**
 * Test helpers for the sandbox provider: a bare Fastify app listening on a real port, and a
 * minimal "browser" (cookie jar, manual redirects, form posts) driving it over HTTP with fetch.
 */
import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import { createServer } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../../platform/config';
import type { Database } from '../../platform/db';
import { testConfig } from '../../../../test/db';
import { registerEidSandbox, type EidSandbox } from './index';

export interface RunningSandbox {
  app: FastifyInstance;
  config: Config;
  sandbox: EidSandbox;
  baseUrl: string;
  redirectUri: string;
  close(): Promise<void>;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A bare Fastify app with only the sandbox mounted, listening on `port` (PUBLIC_URL follows it). */
export async function startSandbox(database: Database, port: number): Promise<RunningSandbox> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = testConfig({ PUBLIC_URL: baseUrl });
  const app = Fastify({ logger: false });
  const sandbox = await registerEidSandbox(app, { config, database });
  await app.listen({ port, host: '127.0.0.1' });
  const close = async () => {
    await app.close();
    // Let fetch's connection pool see the closed keep-alive sockets before a restart on the same port.
    await new Promise((resolve) => setTimeout(resolve, 100));
  };
  return { app, config, sandbox, baseUrl, redirectUri: `${baseUrl}/api/v1/auth/eid/callback`, close };
}

interface StoredCookie {
  value: string;
  path: string;
}

/** Just enough of a browser: cookies by name and path, redirects followed by hand. */
export class Browser {
  private readonly cookies = new Map<string, StoredCookie>();

  cookieNames(): string[] {
    return [...this.cookies.keys()];
  }

  private cookieHeader(url: URL): string {
    return [...this.cookies.entries()]
      .filter(
        ([, c]) =>
          url.pathname === c.path.replace(/\/$/, '') ||
          url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`),
      )
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }

  private store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attr = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.split('=')[1];
      const expires = attr('expires');
      const expired = value === '' || (expires !== undefined && new Date(expires).getTime() < Date.now());
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, { value, path: attr('path') ?? '/' });
    }
  }

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    const headers: Record<string, string> = { cookie: this.cookieHeader(target) };
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(target, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    });
    this.store(response);
    return response;
  }

  /**
   * Follows redirects from `response` until a page is shown or the browser is sent to `stopAt`
   * (the relying party, which this bare app does not serve); returns the last response and URL.
   */
  async follow(response: Response, from: string, stopAt: string): Promise<{ response: Response; url: string }> {
    let current = response;
    let url = from;
    for (let hops = 0; hops < 10 && current.status >= 300 && current.status < 400; hops++) {
      url = new URL(current.headers.get('location') ?? '', url).href;
      if (url.startsWith(stopAt)) return { response: current, url };
      current = await this.request(url);
    }
    return { response: current, url };
  }
}

/** A PKCE pair (S256). */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The `action` of the form whose action ends with `suffix` in an HTML page. */
export function formAction(html: string, suffix: string): string {
  const actions = [...html.matchAll(/<form[^>]*action="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  const found = actions.find((a) => a.endsWith(suffix));
  if (!found) throw new Error(`no form ending with ${suffix} in page`);
  return found;
}

/** Hidden inputs of a page's forms, by name. */
export function hiddenInputs(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
  );
}

type Jwks = { keys: Array<{ kid: string; kty: string; n: string; e: string }> };

/** Verifies an RS256 JWT against a JWKS and returns its payload (throws when the signature is bad). */
export function verifyJwt(token: string, jwks: Jwks): Record<string, unknown> {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const { kid, alg } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string; alg: string };
  const jwk = jwks.keys.find((k) => k.kid === kid);
  if (!jwk || alg !== 'RS256') throw new Error(`unknown key ${kid} or alg ${alg}`);
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  if (!verify('sha256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url')))
    throw new Error('bad signature');
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
}
