import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ON_POSTGRES_PASS,
  embeddedEnv,
  runCli,
  signIn,
  snapshot,
  startServer,
  stopServer,
  tempDataDir,
} from './serve-process';

/**
 * The embedded database after a `kill -9`
 *  of the server (with the upload temporary files it cut off), and a data directory that cannot be opened. Always on PGlite (child processes get
 * no DATABASE_URL), so only in the PGlite pass. What PGlite promises about durability: ADR 0002.
 */
const DEMO_PASSWORD = 'LaiChau@Demo2026';
const dirs: string[] = [];
const newDataDir = (name: string) => {
  const dir = tempDataDir(name);
  dirs.push(dir);
  return dir;
};

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(ON_POSTGRES_PASS)('the embedded database after kill -9 of the server', () => {
  it('restarts despite the dead server’s lock, with every acknowledged write, and sweeps uploads cut off mid-write', async () => {
    const dataDir = newDataDir('kill9');
    const env = embeddedEnv(dataDir, { SEED_DEMO: 'auto', DEMO_PEOPLE: '0' });
    const server = await startServer(env);
    const admin = await signIn(server.url, 'quantri', DEMO_PASSWORD);
    const usernames = Array.from({ length: 8 }, (_, i) => `sau.kill.${i}`);
    const answers = await Promise.all(
      usernames.map((username) =>
        fetch(`${server.url}/api/v1/identity/users`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: admin.cookie,
            'x-csrf-token': admin.csrf,
            origin: server.url,
          },
          body: JSON.stringify({ username, displayName: 'Tạo trước khi bị kill -9' }),
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(usernames.map(() => 200)); // acknowledged
    expect(await stopServer(server, 'SIGKILL')).toBe(-1);
    expect(existsSync(`${dataDir}/pglite.lock`)).toBe(true); // left behind by the dead process

    // An upload killed mid-write leaves its temporary file; another process may be writing a fresh one.
    const shard = join(dataDir, 'files', 'ab', 'cd');
    mkdirSync(shard, { recursive: true });
    const stray = `${'ab'.repeat(32)}.${randomUUID()}.tmp`;
    const fresh = `${'cd'.repeat(32)}.${randomUUID()}.tmp`;
    writeFileSync(join(shard, stray), 'half a scan');
    writeFileSync(join(shard, fresh), 'a scan being written');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(shard, stray), anHourAgo, anHourAgo);

    const again = await startServer(env);
    try {
      expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
      const admin2 = await signIn(again.url, 'quantri', DEMO_PASSWORD);
      const list = (await (
        await fetch(`${again.url}/api/v1/identity/users`, { headers: { cookie: admin2.cookie } })
      ).json()) as { items: { username: string }[] };
      expect(list.items.map((u) => u.username)).toEqual(expect.arrayContaining(usernames));
      expect((await fetch(`${again.url}/api/v1/auth/me`, { headers: { cookie: admin.cookie } })).status).toBe(200); // the session written before the kill
      expect(readdirSync(shard)).toEqual([fresh]);
    } finally {
      expect(await stopServer(again)).toBe(0);
    }
    expect(existsSync(`${dataDir}/pglite.lock`)).toBe(false); // released on a clean stop
  }, 240_000);
});

describe.skipIf(ON_POSTGRES_PASS)('a data directory that cannot be opened', () => {
  it('is reported with a non-zero exit and left byte for byte as it was: never initialised over, never seeded', async () => {
    const noVersion = newDataDir('garbage');
    mkdirSync(join(noVersion, 'pglite', 'base'), { recursive: true });
    writeFileSync(join(noVersion, 'pglite', 'base', '16384'), 'what is left of a database after a bad copy');
    const badControl = newDataDir('bad-control');
    mkdirSync(join(badControl, 'pglite', 'global'), { recursive: true });
    writeFileSync(join(badControl, 'pglite', 'PG_VERSION'), '18\n');
    writeFileSync(join(badControl, 'pglite', 'global', 'pg_control'), Buffer.alloc(8192, 0x5a));
    const before = [snapshot(noVersion), snapshot(badControl)];

    const results = await Promise.all(
      [noVersion, badControl].map((dir) =>
        runCli(
          ['serve'],
          { ...embeddedEnv(dir, { SEED_DEMO: 'auto', DEMO_PEOPLE: '50' }), HOST: '127.0.0.1', PORT: '0' },
          60_000,
        ),
      ),
    );
    for (const [i, r] of results.entries()) {
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('DATA_DIR.UNREADABLE');
      expect(r.stderr).toContain('Không mở được cơ sở dữ liệu nhúng');
      expect(r.stderr).toContain('nothing overwritten, nothing seeded');
      expect(snapshot([noVersion, badControl][i]!)).toEqual(before[i]);
    }
  }, 120_000);
});
