import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { acquireDataDirLock, claimDataDir, FOREIGN_STALE_MS, lockPathOf } from './data-dir-lock';
import { AppError } from './errors';

const root = join(process.cwd(), '.tmp', `data-dir-lock-${randomUUID()}`);
const newDir = () => {
  const dir = join(root, randomUUID(), 'pglite');
  mkdirSync(dir, { recursive: true });
  return dir;
};
const writeLock = (dir: string, record: Record<string, unknown>) =>
  writeFileSync(
    lockPathOf(dir),
    JSON.stringify({
      command: 'serve',
      host: hostname(),
      startedAt: new Date().toISOString(),
      processStart: null,
      bootId: null,
      ...record,
    }),
  );
const refusal = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
};
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;
const startOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
};

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the lock of an embedded data directory', () => {
  it('is held once: a second open in the same process is refused until the first releases it', () => {
    const dir = newDir();
    const lock = acquireDataDirLock(dir, { command: 'serve', url: 'http://localhost:3000' });
    expect(JSON.parse(readFileSync(lockPathOf(dir), 'utf8'))).toMatchObject({
      command: 'serve',
      pid: process.pid,
      host: hostname(),
    });
    const refused = refusal(() => acquireDataDirLock(dir, { command: 'migrate' }));
    expect(refused.code).toBe('DATA_DIR.LOCKED');
    expect(refused.messageEn).toContain('http://localhost:3000');
    lock.release();
    expect(existsSync(lockPathOf(dir))).toBe(false);
    acquireDataDirLock(dir, { command: 'migrate' }).release();
  });

  it('refuses while another live process holds it, naming that process and its command', async () => {
    const dir = newDir();
    const holder = spawn('sleep', ['30']);
    await new Promise((resolve) => holder.once('spawn', resolve));
    try {
      writeLock(dir, { command: 'seed', pid: holder.pid, processStart: startOf(holder.pid!) });
      const refused = refusal(() => acquireDataDirLock(dir, { command: 'serve' }));
      expect(refused.code).toBe('DATA_DIR.LOCKED');
      expect(refused.messageVi).toContain('Lệnh "dvc06 seed" đang dùng thư mục dữ liệu này');
      expect(refused.messageEn).toContain(`The command "dvc06 seed" is using this data directory`);
      expect(refused.messageEn).toContain(`pid ${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that is gone (kill -9), by a reused pid, or by a process of this pid before', () => {
    for (const stale of [
      { pid: deadPid() },
      { pid: process.ppid, processStart: '1' }, // the pid runs, but started at another time: another program now
      { pid: process.pid }, // e.g. pid 1 again in a restarted container
      { pid: process.ppid, bootId: 'another-boot' }, // the machine rebooted since
    ]) {
      const dir = newDir();
      writeLock(dir, stale);
      const lock = acquireDataDirLock(dir, { command: 'serve' });
      expect(JSON.parse(readFileSync(lockPathOf(dir), 'utf8'))).toMatchObject({ pid: process.pid });
      lock.release();
    }
  });

  it('takes over a file that is not a lock record, and on another host waits for the heartbeat to stop', () => {
    const garbled = newDir();
    writeFileSync(lockPathOf(garbled), '');
    acquireDataDirLock(garbled, { command: 'serve' }).release();

    const foreign = newDir();
    writeLock(foreign, { pid: 4242, host: 'another-host' });
    expect(refusal(() => acquireDataDirLock(foreign, { command: 'serve' })).code).toBe('DATA_DIR.LOCKED');
    const silent = new Date(Date.now() - FOREIGN_STALE_MS - 5_000);
    utimesSync(lockPathOf(foreign), silent, silent);
    acquireDataDirLock(foreign, { command: 'serve' }).release();
  });

  it('never opens a directory with files but no PG_VERSION (PGlite would initialise over it), and leaves it as it was', () => {
    const dir = newDir();
    mkdirSync(join(dir, 'base'));
    writeFileSync(join(dir, 'base', '1'), 'not a database');
    const refused = refusal(() => claimDataDir(dir, { command: 'serve' }));
    expect(refused.code).toBe('DATA_DIR.UNREADABLE');
    expect(refused.messageEn).toContain('nothing overwritten, nothing seeded');
    expect(readFileSync(join(dir, 'base', '1'), 'utf8')).toBe('not a database');
    expect(existsSync(lockPathOf(dir))).toBe(false); // released
    claimDataDir(newDir(), { command: 'serve' }).release(); // an empty directory is a new database
  });
});
