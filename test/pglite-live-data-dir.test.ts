import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import {
  ON_POSTGRES_PASS,
  embeddedEnv,
  runAll,
  runCli,
  signIn,
  startServer,
  stopServer,
  tempDataDir,
  type ServerProcess,
} from './serve-process';

/**
 * The CLI once opened the live embedded database next to the running server and destroyed
 * it. Every command that opens the database must refuse while the server runs, and the
 * directory must come back whole after the server restarts. Always on PGlite (child processes
 * get no DATABASE_URL), so only in the PGlite pass.
 */
const DEMO_PASSWORD = 'LaiChau@Demo2026';
const dataDir = ON_POSTGRES_PASS ? '' : tempDataDir('live');
const env = embeddedEnv(dataDir, { SEED_DEMO: 'auto', DEMO_PEOPLE: '0' }); // the demo staff accounts, no registry
let server: ServerProcess;

const api = (path: string, auth: { cookie: string; csrf: string }, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      cookie: auth.cookie,
      'x-csrf-token': auth.csrf,
      origin: server.url,
      ...init.headers,
    },
  });

describe.skipIf(ON_POSTGRES_PASS)('the embedded data directory of a running server', () => {
  beforeAll(async () => {
    server = await startServer(env);
  });

  afterAll(async () => {
    if (server.child.exitCode === null) await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('makes a second server on the same directory refuse to start, naming the running one', async () => {
    const second = await runCli(['serve'], { ...env, HOST: '127.0.0.1', PORT: '0' }, 30_000); // killed after 30 s if it starts
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('DATA_DIR.LOCKED');
    expect(second.stderr).toContain('Máy chủ DVC06 đang chạy trên thư mục dữ liệu này');
    expect(second.stderr).toContain('The DVC06 server is running on this data directory');
    expect(second.stderr).toContain(`pid ${server.child.pid}`);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200); // the first one is untouched
  });

  it('refuses every CLI command that opens the database, and the directory survives a restart', async () => {
    const admin = await signIn(server.url, 'quantri', DEMO_PASSWORD);
    const created = await api('/api/v1/identity/users', admin, {
      method: 'POST',
      body: JSON.stringify({ username: 'truoc.cli', displayName: 'Trước khi chạy CLI' }),
    });
    expect(created.status).toBe(200);

    const purpose = ['--purpose', 'inspection']; // reading the registry requires one (access log), checked before the database opens
    const commands = [
      ['migrate'],
      ['seed', '--people', '10'],
      ['units', 'load'],
      ['units', 'tree'],
      ['units', 'show', '03388'],
      ['units', 'successors', '03388'],
      ['units', 'predecessors', '03388'],
      ['person', 'search', 'giang a pao', '--unit', '03388', ...purpose],
      ['person', 'search', 'giang a pao', '--unit', '03388', ...purpose],
      ['person', 'show', '00000000-0000-4000-8000-000000000000', ...purpose],
      ['quality', 'run'],
      ['quality', 'report'],
      ['audit', 'verify'],
      ['users', 'list'],
      ['users', 'create', 'cli.moi', 'Người mới'],
      ['users', 'assign', 'quantri', 'leader', '12'],
      ['users', 'reset-password', 'quantri'],
      ['users', 'disable', 'quantri'],
      ['users', 'enable', 'quantri'],
      ['users', 'demo'],
      ['sql', 'select 1'],
    ];
    const results = await runAll(commands, env);
    results.forEach((r, i) => {
      const label = commands[i]!.join(' ');
      expect({ label, status: r.status }).toEqual({ label, status: 1 });
      expect(r.stderr, label).toContain('DATA_DIR.LOCKED');
      expect(r.stderr, label).toContain('The DVC06 server is running on this data directory');
    });
    // The server still works and signs in (reset-password and disable were refused).
    expect((await api('/api/v1/auth/me', admin)).status).toBe(200);

    expect(await stopServer(server)).toBe(0);
    server = await startServer(env);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const again = await signIn(server.url, 'quantri', DEMO_PASSWORD);
    const users = (await (await api('/api/v1/identity/users', again)).json()) as { items: { username: string }[] };
    expect(users.items.map((u) => u.username)).toContain('truoc.cli');
    expect(users.items.map((u) => u.username)).not.toContain('cli.moi');
    expect((await api('/api/v1/auth/me', admin)).status).toBe(200); // the session from before the restart is still there
  }, 240_000);
});
