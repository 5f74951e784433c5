import { randomUUID } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { AppError } from './errors';

/**
 * One process per embedded data directory (ADR 0002). PGlite runs PostgreSQL in single-user mode
 * inside the process and has no inter-process locking: two processes on one `DATA_DIR/pglite`
 * (the server and a CLI command, or two servers) each keep their own buffers and checkpoints and
 * corrupt it. So whoever opens the directory first takes `DATA_DIR/pglite.lock`, and everyone
 * else is refused at once, with who holds it.
 *
 * The lock file is created atomically (written to a temporary file, then hard-linked: `link`
 * fails when the name exists, and a reader never sees half a record). It records the holder's
 * pid, host, process start time and boot id. A lock whose process is gone (kill -9, power cut,
 * pid reused by another program, machine rebooted) is stale and taken over; the takeover itself
 * is serialised by a short-lived `…lock.takeover` file, so two starters cannot both take it. On
 * another host the pid cannot be checked: the holder touches the file every 10 s and a lock not
 * touched for 60 s is stale.
 */

/** Who holds a data directory: recorded in the lock file and shown to whoever is refused. */
export interface DataDirHolder {
  /** `serve` for the server, else the CLI command (`seed`, `person search`). */
  command: string;
  /** The server's address, so that a refused command can point to its web UI and API. */
  url?: string;
}

interface LockRecord extends DataDirHolder {
  pid: number;
  host: string;
  /** Start time of the process in clock ticks since boot (Linux /proc), to notice a reused pid. */
  processStart: string | null;
  bootId: string | null;
  startedAt: string;
}

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file (when it is still ours); idempotent. */
  release(): void;
}

export const HEARTBEAT_MS = 10_000;
export const FOREIGN_STALE_MS = 60_000;
const TAKEOVER_STALE_MS = 10_000;

/** Locks this process holds, released on exit too (e.g. process.exit after an error). */
const held = new Map<string, DataDirLock>();
let exitHookInstalled = false;

/** The lock file of a data directory: next to it, so that dumps and copies of the directory never carry it. */
export const lockPathOf = (dataDir: string) => `${resolve(dataDir).replace(/\/+$/, '')}.lock`;

/**
 * Takes the data directory's lock or throws `DATA_DIR.LOCKED` naming the holder. The caller
 * releases it after closing the database; a process that dies leaves a stale lock that the next
 * opener detects and takes over.
 */
export function acquireDataDirLock(dataDir: string, holder: DataDirHolder): DataDirLock {
  const path = lockPathOf(dataDir);
  const mine = held.get(path);
  if (mine) throw lockedError(dataDir, readLock(path)?.record ?? ownRecord(holder));
  const text = `${JSON.stringify(ownRecord(holder))}\n`;
  const tmp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  writeDurably(tmp, text);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(tmp, path);
        return register(path, text);
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
      const current = readLock(path);
      if (!current) continue; // released in between
      if (current.record && isAlive(current.record, current.mtimeMs)) throw lockedError(dataDir, current.record);
      if (!removeStale(path, current.text)) pause(50); // another starter is taking it over: see who won
    }
    const last = readLock(path)?.record;
    throw last ? lockedError(dataDir, last) : new Error(`could not take ${path}`);
  } finally {
    unlinkQuietly(tmp);
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function register(path: string, text: string): DataDirLock {
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(path, now, now);
    } catch {
      // the next opener decides; nothing to do here
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const lock: DataDirLock = {
    path,
    release() {
      clearInterval(heartbeat);
      if (held.get(path) !== lock) return;
      held.delete(path);
      if (readLock(path)?.text === text) unlinkQuietly(path);
    },
  };
  held.set(path, lock);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const l of [...held.values()]) l.release();
    });
  }
  return lock;
}

function ownRecord(holder: DataDirHolder): LockRecord {
  return {
    command: holder.command,
    ...(holder.url ? { url: holder.url } : {}),
    pid: process.pid,
    host: hostname(),
    processStart: processStart(process.pid),
    bootId: bootId(),
    startedAt: new Date().toISOString(),
  };
}

/** True while the recorded process may still run (unknown counts as running). */
function isAlive(record: LockRecord, mtimeMs: number): boolean {
  if (record.host !== hostname()) return Date.now() - mtimeMs < FOREIGN_STALE_MS;
  const boot = bootId();
  if (record.bootId && boot && record.bootId !== boot) return false; // rebooted since
  if (record.pid === process.pid) return false; // a previous life of this pid (e.g. pid 1 in a container); our own locks are in `held`
  try {
    process.kill(record.pid, 0);
  } catch (error) {
    if (errorCode(error) === 'ESRCH') return false;
  }
  const start = processStart(record.pid);
  return !(record.processStart && start && record.processStart !== start); // pid reused by another process
}

/** Removes a stale lock, unless someone replaced it since it was read; false when another process is taking over. */
function removeStale(path: string, staleText: string): boolean {
  const guard = `${path}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    // A takeover lasts milliseconds: an old guard was left by a process that died in it.
    const age = Date.now() - (statMtime(guard) ?? Date.now());
    if (age > TAKEOVER_STALE_MS) unlinkQuietly(guard);
    return false;
  }
  try {
    if (readLock(path)?.text === staleText) unlinkQuietly(path);
    return true;
  } finally {
    closeSync(fd);
    unlinkQuietly(guard);
  }
}

function readLock(path: string): { text: string; record: LockRecord | null; mtimeMs: number } | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const mtimeMs = statMtime(path) ?? Date.now();
    return { text, record: parseRecord(text), mtimeMs };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/** A record, or null for a file that is not one (it was never written by us whole: stale). */
function parseRecord(text: string): LockRecord | null {
  try {
    const r = JSON.parse(text) as Partial<LockRecord>;
    return typeof r.pid === 'number' && typeof r.host === 'string' && typeof r.command === 'string'
      ? (r as LockRecord)
      : null;
  } catch {
    return null;
  }
}

function lockedError(dataDir: string, holder: LockRecord): AppError {
  const who = `pid ${holder.pid}, ${holder.host}, ${holder.startedAt}`;
  const dir = resolve(dataDir);
  const alternativeVi = 'Muốn chạy lệnh song song với máy chủ, hãy dùng PostgreSQL (DATABASE_URL)';
  const alternativeEn = 'To run commands alongside the server, use PostgreSQL (DATABASE_URL)';
  if (holder.command === 'serve') {
    const at = holder.url ? ` (${holder.url})` : '';
    return new AppError(
      'DATA_DIR.LOCKED',
      `Máy chủ DVC06 đang chạy trên thư mục dữ liệu này: ${dir} (${who}) — hãy dừng máy chủ, hoặc dùng giao diện web / API của nó${at}. ${alternativeVi}.`,
      `The DVC06 server is running on this data directory: ${dir} (${who}) — stop it, or use its web UI / API${at}. ${alternativeEn}.`,
    );
  }
  return new AppError(
    'DATA_DIR.LOCKED',
    `Lệnh "dvc06 ${holder.command}" đang dùng thư mục dữ liệu này: ${dir} (${who}) — hãy đợi lệnh đó xong rồi chạy lại.`,
    `The command "dvc06 ${holder.command}" is using this data directory: ${dir} (${who}) — wait for it to finish, then try again.`,
  );
}

function writeDurably(path: string, text: string): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null; // field 22, starttime
  } catch {
    return null;
  }
}

function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

function statMtime(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/**
 * Prepares an embedded data directory for opening: takes its lock, and refuses a directory that
 * holds files but no `PG_VERSION` (PGlite would run initdb over it, and the server would seed a
 * fresh demo into it). An empty or missing directory is new and fine.
 */
export function claimDataDir(dataDir: string, holder: DataDirHolder): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir, holder);
  const entries = readdirSync(dataDir);
  if (entries.length > 0 && !entries.includes('PG_VERSION')) {
    lock.release();
    throw unreadableDataDir(dataDir, 'no PG_VERSION: not a PostgreSQL data directory');
  }
  return lock;
}

/** The error for an embedded data directory that cannot be opened: said plainly, and the directory is left as it is. */
export function unreadableDataDir(dataDir: string, cause: unknown): AppError {
  const reason = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0]!.slice(0, 200);
  const dir = resolve(dataDir);
  return new AppError(
    'DATA_DIR.UNREADABLE',
    `Không mở được cơ sở dữ liệu nhúng trong ${dir} (${reason}). Thư mục được giữ nguyên: không ghi đè, không tạo dữ liệu mẫu. Hãy khôi phục thư mục từ bản sao lưu, hoặc đặt DATA_DIR sang thư mục khác.`,
    `Cannot open the embedded database in ${dir} (${reason}). The directory was left as it is: nothing overwritten, nothing seeded. Restore it from a backup, or point DATA_DIR elsewhere.`,
  );
}
