import { describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diskFileStore, removeStaleTemporaryFiles, STALE_TEMPORARY_MS } from './files';
import { loggerOptions, withoutQueryParams } from './logger';

describe('the content-addressed file store', () => {
  const root = join(process.cwd(), '.tmp', `files-test-${randomUUID()}`);
  const store = diskFileStore(root);

  it('names a file by the SHA-256 of its bytes, stores the same content once, and reads it back', async () => {
    const data = Buffer.from('bản chụp hợp đồng thuê nhà');
    const sha = createHash('sha256').update(data).digest('hex');
    expect(await store.put(data)).toEqual({ sha256: sha, size: data.length, created: true });
    expect(await store.put(Buffer.from(data))).toEqual({ sha256: sha, size: data.length, created: false });
    expect((await store.read(sha)).equals(data)).toBe(true);
    expect(readdirSync(join(root, sha.slice(0, 2), sha.slice(2, 4)))).toEqual([sha]); // no temporary file left
  });

  it('removes a file, and refuses a name that is not a hash (no path traversal)', async () => {
    const { sha256 } = await store.put(Buffer.from(randomUUID()));
    await store.remove(sha256);
    expect(await store.has(sha256)).toBe(false);
    await expect(store.read('../../etc/passwd')).rejects.toThrow('not a SHA-256');
  });

  it('removes at start the temporary files an upload killed mid-write left behind, but not a write going on now', async () => {
    const { sha256 } = await store.put(Buffer.from(randomUUID()));
    const dir = join(root, sha256.slice(0, 2), sha256.slice(2, 4));
    const stray = `${'a'.repeat(64)}.${randomUUID()}.tmp`;
    const current = `${'b'.repeat(64)}.${randomUUID()}.tmp`; // another process on the same store is writing it
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, stray), 'half a scan');
    writeFileSync(join(dir, current), 'a scan being written');
    writeFileSync(join(dir, 'notes.tmp'), 'not the store’s'); // only the store's own names
    const old = new Date(Date.now() - STALE_TEMPORARY_MS - 60_000);
    utimesSync(join(dir, stray), old, old);
    utimesSync(join(dir, 'notes.tmp'), old, old);
    expect(await removeStaleTemporaryFiles(root)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([sha256, current, 'notes.tmp'].sort());
    expect(await store.has(sha256)).toBe(true);
    expect(await removeStaleTemporaryFiles(join(root, 'missing'))).toBe(0);
  });
});

describe('error logging', () => {
  it('keeps the bound values of a failed query out of the log', () => {
    const text =
      'Failed query: insert into dossiers.dossiers (form) values ($1)\nparams: {"fullName":"Lò Thị Mai","nationalId":"012190000101"}';
    expect(withoutQueryParams(text)).toBe(
      'Failed query: insert into dossiers.dossiers (form) values ($1)\nparams: [redacted]',
    );
    const serialize = (loggerOptions('info').serializers as { err: (e: unknown) => Record<string, unknown> }).err;
    const logged = JSON.stringify(serialize(new Error(text, { cause: new Error(`boom\nparams: 012190000101`) })));
    expect(logged).not.toContain('012190000101');
    expect(logged).not.toContain('Lò Thị Mai');
  });
});
