import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { createTestDatabase, testConfig, type TestDatabase } from '../../../../test/db';
import { loadConfig } from '../../platform/config';
import { recordAccess } from './audit.service';
import { verifyChain } from './audit.verify';
import { sealPendingAccess, startAccessLogSealer } from './audit.sealer';
import { runAuditVerifyCli } from './audit.cli';
import { checkpointAnchor, readCheckpoints, writeCheckpoint, type CheckpointAnchor } from './audit.checkpoints';
import { makeEntry, rechainStatements, superuserTamper } from './test-support';

const newKey = () =>
  generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
const KEY = newKey();

let database: TestDatabase | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await database?.dispose();
  database = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

/** Appends `n` entries and seals them. */
async function append(db: TestDatabase, n: number): Promise<void> {
  await recordAccess(
    db.db,
    Array.from({ length: n }, () => makeEntry()),
  );
  await sealPendingAccess(db.db);
}

/** A fresh log of 20 entries with signed checkpoints at seq 5, 10 and 20, in a temporary DATA_DIR. */
async function anchoredLog(): Promise<{ db: TestDatabase; anchor: CheckpointAnchor }> {
  database = await createTestDatabase();
  dataDir = mkdtempSync(`${tmpdir()}/dvc06-checkpoints-`);
  const anchor = checkpointAnchor({ dataDir, key: KEY });
  for (const upTo of [5, 10, 20]) {
    await append(database, upTo - ((await readCheckpoints(anchor)).checkpoints.at(-1)?.seq ?? 0));
    expect((await writeCheckpoint(database.db, anchor))?.seq).toBe(upTo);
  }
  return { db: database, anchor };
}

const verifyAnchored = async (db: TestDatabase, anchor: CheckpointAnchor) =>
  verifyChain(db.db, { checkpoints: await readCheckpoints(anchor) });

describe('signed checkpoints outside the database', () => {
  it('are appended as signed JSON lines and an intact log verifies against them', async () => {
    const { db, anchor } = await anchoredLog();
    const lines = readFileSync(anchor.file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.seq)).toEqual([5, 10, 20]);
    expect(lines[0]).toMatchObject({ v: 1, keyId: anchor.keyId });
    expect(lines[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await writeCheckpoint(db.db, anchor)).toBeUndefined(); // nothing new since the last one
    expect(await verifyAnchored(db, anchor)).toEqual({
      ok: true,
      checked: 20,
      headSeq: 20,
      checkpoints: { total: 3, verifiedUpTo: 20, invalid: [] },
    });
  });

  it('detect the last entries deleted and the head rolled back, naming the first entry after the last good checkpoint', async () => {
    const { db, anchor } = await anchoredLog();
    await superuserTamper(db, ['delete from audit.access_log where seq >= 16', ...rechainStatements(16, 15)]);
    expect((await verifyChain(db.db)).ok).toBe(true); // the chain alone cannot tell
    const result = await verifyAnchored(db, anchor);
    expect(result).toMatchObject({
      ok: false,
      headSeq: 15,
      firstBroken: { seq: 11, reason: 'truncated', checkpoint: { seq: 20 } },
    });
    expect(result.checkpoints?.verifiedUpTo).toBe(10);
  });

  it('detect an edited entry whose later hashes and head were recomputed', async () => {
    const { db, anchor } = await anchoredLog();
    await superuserTamper(db, [
      `update audit.access_log set purpose = 'data_cleaning' where seq = 13`,
      ...rechainStatements(13, 20),
    ]);
    expect((await verifyChain(db.db)).ok).toBe(true);
    expect(await verifyAnchored(db, anchor)).toMatchObject({
      ok: false,
      headSeq: 20,
      firstBroken: { seq: 11, reason: 'checkpoint', checkpoint: { seq: 20 } },
    });
  });

  it('detect a checkpoint-covered tail deleted and written over by new entries', async () => {
    const { db, anchor } = await anchoredLog();
    await superuserTamper(db, ['delete from audit.access_log where seq >= 8', ...rechainStatements(8, 7)]);
    await append(db, 15); // seqs 8..22 again, with other contents
    expect((await verifyChain(db.db)).ok).toBe(true);
    expect(await verifyAnchored(db, anchor)).toMatchObject({
      ok: false,
      headSeq: 22,
      firstBroken: { seq: 6, reason: 'checkpoint', checkpoint: { seq: 10 } },
    });
  });

  it('detect the whole log deleted', async () => {
    const { db, anchor } = await anchoredLog();
    await superuserTamper(db, ['delete from audit.access_log', ...rechainStatements(1, 0)]);
    expect(await verifyAnchored(db, anchor)).toMatchObject({
      ok: false,
      headSeq: 0,
      firstBroken: { seq: 1, reason: 'truncated', checkpoint: { seq: 5 } },
    });
  });

  it('refuse a checkpoint signed with another key or edited, and tolerate a torn last line', async () => {
    const { db, anchor } = await anchoredLog();
    const forger = checkpointAnchor({ dataDir: dataDir!, key: newKey() });
    await append(db, 1);
    await writeCheckpoint(db.db, forger); // same file, other key
    const edited = readFileSync(anchor.file, 'utf8')
      .trim()
      .split('\n')[0]!
      .replace(/"seq":5/, '"seq":4');
    appendFileSync(anchor.file, `${edited}\n{"v":1,"seq":`);
    const result = await verifyAnchored(db, anchor);
    expect(result.ok).toBe(false);
    expect(result.checkpoints?.invalid).toEqual([
      { line: 4, reason: 'key' },
      { line: 5, reason: 'signature' },
      { line: 6, reason: 'incomplete' },
    ]);
  });

  it('make `audit verify` print the broken entry and exit 1', async () => {
    const { db } = await anchoredLog();
    const config = testConfig({ DATA_DIR: dataDir!, AUDIT_CHECKPOINT_KEY: KEY });
    const lines: string[] = [];
    const progressStream = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
    expect(await runAuditVerifyCli(db, { config, out: (l) => lines.push(l), progressStream })).toBe(0);
    expect(lines.join('\n')).toContain('3 signed checkpoints, the last at seq 20');
    await superuserTamper(db, ['delete from audit.access_log where seq >= 12', ...rechainStatements(12, 11)]);
    expect(await runAuditVerifyCli(db, { config, out: (l) => lines.push(l), progressStream })).toBe(1);
    expect(lines.join('\n')).toMatch(/ACCESS LOG BROKEN at seq 11 \(truncated\)/);
  });
});

describe('the sealer', () => {
  it('writes a checkpoint after sealing, at its interval and on stop, and posts it to the configured endpoint', async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(`${tmpdir()}/dvc06-checkpoints-`);
    const received: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += String(d)));
      req.on('end', () => {
        received.push(body);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const anchor = checkpointAnchor({ dataDir, key: KEY, url: `http://127.0.0.1:${port}/checkpoints` });
    const errors: unknown[] = [];
    const sealer = startAccessLogSealer(database.db, {
      intervalMs: 100,
      onError: (e) => errors.push(e),
      checkpoint: { anchor, intervalMs: 1_000 },
    });
    await recordAccess(database.db, [makeEntry(), makeEntry()]);
    await expect
      .poll(async () => (await readCheckpoints(anchor)).checkpoints.map((c) => c.seq), { timeout: 5_000 })
      .toEqual([2]);
    await recordAccess(database.db, [makeEntry()]);
    await sealer.stop();
    server.close();
    expect((await readCheckpoints(anchor)).checkpoints.map((c) => c.seq)).toEqual([2, 3]);
    expect(errors).toEqual([]);
    expect(received.map((b) => (JSON.parse(b) as { seq: number }).seq)).toEqual([2, 3]);
  });
});

describe('the checkpoint key in configuration', () => {
  it('is checked at start: not an Ed25519 PKCS#8 key is refused, and production requires one', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'der', type: 'pkcs8' })
      .toString('base64');
    for (const bad of ['abc', rsa])
      expect(() => loadConfig({ NODE_ENV: 'test', AUDIT_CHECKPOINT_KEY: bad })).toThrow(
        /AUDIT_CHECKPOINT_KEY: must be an Ed25519 private key/,
      );
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUDIT_CHECKPOINT_KEY: is required in production/);
    expect(loadConfig({ NODE_ENV: 'test', AUDIT_CHECKPOINT_KEY: KEY }).AUDIT_CHECKPOINT_KEY).toBe(KEY);
  });
});
