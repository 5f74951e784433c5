import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

/** A signed-in staff session the journeys reuse (signing in once keeps under the login rate limit). */
export interface StaffSession {
  cookieName: string;
  cookieValue: string;
  csrfToken: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    sessions: Record<string, StaffSession>;
  }
}

/** Demo staff accounts (src/server/modules/identity/demo-accounts.ts) the journeys act as. */
export const DEMO_PASSWORD = 'LaiChau@Demo2026';
const SESSION_USERS = ['thuongtruc.tinh', 'ca.muongte', 'quantri', 'tuphap.muongte', 'bhyt.tinh', 'mohinh.doanket'];

async function signIn(baseUrl: string, username: string): Promise<StaffSession> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`);
  const me = (await response.json()) as { csrfToken: string | null };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.includes('='));
  if (!cookie || !me.csrfToken) throw new Error(`sign-in of ${username}: no session cookie or CSRF token`);
  const [cookieName = '', ...rest] = cookie.split('=');
  return { cookieName, cookieValue: rest.join('='), csrfToken: me.csrfToken };
}

async function provideSessions(project: TestProject, baseUrl: string): Promise<void> {
  const sessions: Record<string, StaffSession> = {};
  for (const username of SESSION_USERS) sessions[username] = await signIn(baseUrl, username);
  project.provide('sessions', sessions);
}

/** The project's root folder. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const READY_TIMEOUT_MS = 120_000;
/** Where the server's output goes (shown when it fails to start). */
export const SERVER_LOG = join(tmpdir(), 'dvc06-e2e-server.log');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Builds dist/web with Vite when it is missing or older than the web sources. */
function buildWebIfNeeded(): void {
  const index = join(ROOT, 'dist/web/index.html');
  const sources = Math.max(
    newestMtime(join(ROOT, 'src/web')),
    newestMtime(join(ROOT, 'src/contracts')),
    newestMtime(join(ROOT, 'vite.config.ts')),
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which would make React and antd development builds.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error('vite build failed');
}

/** A free TCP port on the loopback interface (also used to get a port nothing listens on). */
export function freePort(): Promise<number> {
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

/** Waits until the server answers /readyz (fails if it exits or takes too long). */
export async function waitForReady(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the server exited with code ${child.exitCode} before it was ready; see ${SERVER_LOG}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server was not ready after ${READY_TIMEOUT_MS / 1000} s (last: ${last}); see ${SERVER_LOG}`);
}

/** Stops a server process: SIGTERM, then SIGKILL after 15 s. */
export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Builds the web app if needed, starts the real server on a free port with a fresh data directory, and stops it afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // E2E_BASE_URL: run the journeys against a server that is already running (development).
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', external.replace(/\/$/, ''));
    await provideSessions(project, external.replace(/\/$/, ''));
    return async () => {};
  }
  buildWebIfNeeded();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc06-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    DEMO_PEOPLE: '1500',
    LOG_LEVEL: 'warn',
    PUBLIC_URL: baseUrl,
    // Today (late 2026) is inside the online waiver of Circular 117/2026 (15/8/2026–28/2/2027), so every
    // residence fee filed online would be 0; the payment journeys need a fee, as outside that period.
    FEE_WAIVERS_NOT_APPLIED: 'online_eid_level2_2026',
  };
  // DATABASE_URL passes through from the environment when set; otherwise the server uses embedded PGlite.
  const log = createWriteStream(SERVER_LOG);
  const child = spawn(process.execPath, [join(ROOT, 'bin/dvc06.js'), 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  try {
    await waitForReady(baseUrl, child);
  } catch (error) {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  try {
    await provideSessions(project, baseUrl);
  } catch (error) {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return async () => {
    await stop(child);
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
