import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A content-addressed store of files (scans and photos attached to dossiers): a file is named by
 * the SHA-256 of its bytes, so the same scan uploaded twice is stored once and a stored file can
 * be checked against the hash its database row holds. Behind an interface so that an object store
 * can replace the disk later.
 */
export interface FileStore {
  /** Stores the bytes (idempotent); `created` is false when the same content was already there. */
  put(data: Buffer): Promise<{ sha256: string; size: number; created: boolean }>;
  read(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
  /** Removes a file (used to undo a put whose database transaction failed). */
  remove(sha256: string): Promise<void>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** The store on disk under `root`: `<root>/ab/cd/<sha256>`, written to a temporary file, synced, then renamed. */
export function diskFileStore(root: string): FileStore {
  const pathOf = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error('not a SHA-256 hex digest');
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  const exists = (path: string) =>
    stat(path).then(
      () => true,
      () => false,
    );
  return {
    async put(data) {
      const sha256 = createHash('sha256').update(data).digest('hex');
      const path = pathOf(sha256);
      if (await exists(path)) return { sha256, size: data.length, created: false };
      await mkdir(join(root, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
      const tmp = `${path}.${randomUUID()}.tmp`;
      const handle = await open(tmp, 'wx');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, path);
      return { sha256, size: data.length, created: true };
    },
    read: async (sha256) => readFile(pathOf(sha256)),
    has: async (sha256) => exists(pathOf(sha256)),
    remove: async (sha256) => rm(pathOf(sha256), { force: true }),
  };
}

/** A put's temporary file: `<sha256>.<uuid>.tmp` next to where the file goes. */
const TEMPORARY = /^[0-9a-f]{64}\.[0-9a-f-]{36}\.tmp$/;

/** Temporary files older than this were left by a process that died while writing them. */
export const STALE_TEMPORARY_MS = 10 * 60_000;

/**
 * Removes the temporary files that a process killed during an upload (kill -9, power cut) left in
 * the store; run at start. Only files older than `olderThanMs`: another server process sharing the
 * directory may be writing one right now (a put holds its file for milliseconds). Returns how many.
 */
export async function removeStaleTemporaryFiles(root: string, olderThanMs = STALE_TEMPORARY_MS): Promise<number> {
  let entries;
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0; // nothing uploaded yet
    throw error;
  }
  let removed = 0;
  for (const entry of entries) {
    if (!entry.isFile() || !TEMPORARY.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path).catch(() => undefined);
    if (!info || Date.now() - info.mtimeMs < olderThanMs) continue;
    await rm(path, { force: true });
    removed++;
  }
  return removed;
}
