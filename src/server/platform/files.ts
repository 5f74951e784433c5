import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
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
  const exists = (path: string) => stat(path).then(() => true, () => false);
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
