import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { diskFileStore, type FileStore } from '../../platform/files';
import { storeFiles, type CheckedFile } from './attachments';

let database: TestDatabase;
let root: string;
let dossierId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  root = mkdtempSync(join(tmpdir(), 'dvc06-attachments-'));
  dossierId = randomUUID();
  await database.rows(sql`insert into dossiers.dossiers (id, agency_code, procedure_code, procedure_version_id, unit_code, state, channel, applicant_name, form, sources, time_limit_working_days)
    values (${dossierId}, '000.00.12.X99', '1.004194', ${randomUUID()}, '03445', 'draft', 'online', 'Người thử', '{}'::jsonb, '{}'::jsonb, 3)`);
});
afterAll(async () => {
  await database?.dispose();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A PDF-typed upload with bytes no other test uses. */
const upload = (): CheckedFile => ({
  documentKey: 'lawful_dwelling',
  fileName: 'hop-dong.pdf',
  mediaType: 'application/pdf',
  data: Buffer.from(`%PDF-1.4\n% ${randomUUID()}\n%%EOF\n`),
});

/** What a committed request leaves: an attachment row referring to the file. */
const commitRow = (sha256: string) =>
  database.rows(
    sql`insert into dossiers.attachments (dossier_id, document_key, file_name, media_type, size, sha256) values (${dossierId}, 'lawful_dwelling', 'hop-dong.pdf', 'application/pdf', 1, ${sha256})`,
  );

/** The disk store, with a hook run just before each removal (to let another request finish at that moment). */
function hookedStore(): { store: FileStore; beforeRemove: { run: () => Promise<unknown> } } {
  const disk = diskFileStore(root);
  const beforeRemove = { run: async (): Promise<unknown> => undefined };
  return {
    store: {
      ...disk,
      remove: async (sha) => {
        await beforeRemove.run();
        await disk.remove(sha);
      },
    },
    beforeRemove,
  };
}

describe('stored files of a failed request (no orphans, and no file taken from under another request)', () => {
  it('removes a file the failed request created that no row refers to', async () => {
    const { store } = hookedStore();
    const a = await storeFiles(store, [upload()]);
    const sha = a.rows[0]!.sha256;
    expect(await store.has(sha)).toBe(true);
    await a.undo(database.db);
    expect(await store.has(sha)).toBe(false);
  });

  it('keeps a file the failed request found already stored', async () => {
    const { store } = hookedStore();
    const file = upload();
    const earlier = await storeFiles(store, [file]);
    await commitRow(earlier.rows[0]!.sha256);
    const failed = await storeFiles(store, [file]);
    await failed.undo(database.db);
    expect(await store.has(failed.rows[0]!.sha256)).toBe(true);
  });

  it('puts the bytes back when the other request commits (and checks its files) between the check and the removal', async () => {
    const { store, beforeRemove } = hookedStore();
    const file = upload();
    const a = await storeFiles(store, [file]); // A created the file
    const b = await storeFiles(store, [file]); // B found it, its write not committed yet
    const sha = a.rows[0]!.sha256;
    // After A saw no row and before it removes the file, B commits and checks its files (all there).
    beforeRemove.run = async () => {
      beforeRemove.run = async () => undefined;
      await commitRow(sha);
      await b.ensure();
    };
    await a.undo(database.db);
    expect(await store.has(sha)).toBe(true);
    expect((await store.read(sha)).equals(file.data)).toBe(true);
  });

  it('lets the other request put the bytes back when it commits after the failed one looked again', async () => {
    const { store } = hookedStore();
    const file = upload();
    const a = await storeFiles(store, [file]);
    const b = await storeFiles(store, [file]);
    const sha = a.rows[0]!.sha256;
    await a.undo(database.db); // nobody refers to it yet: removed
    expect(await store.has(sha)).toBe(false);
    await commitRow(sha); // B commits
    await b.ensure();
    expect(await store.has(sha)).toBe(true);
  });
});
