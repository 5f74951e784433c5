import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { recordAccess } from './audit.service';
import { verifyChain } from './audit.verify';
import { sealPendingAccess } from './audit.sealer';
import { runAuditVerifyCli } from './audit.cli';
import { makeEntry, readLinks, tamper } from './test-support';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.dispose();
  database = undefined;
});

/** A fresh database with `n` entries written in a few transactions. */
async function logWith(n: number): Promise<TestDatabase> {
  database = await createTestDatabase();
  for (let i = 0; i < n; i += 5) {
    await database.db.transaction(async (tx) =>
      recordAccess(
        tx,
        Array.from({ length: Math.min(5, n - i) }, () => makeEntry()),
      ),
    );
  }
  await sealPendingAccess(database.db);
  expect((await verifyChain(database.db)).ok).toBe(true);
  return database;
}

const rehash = (seq: number) =>
  `update audit.access_log l set hash = encode(sha256(convert_to(l.prev_hash || '|' || audit.access_log_canonical(l), 'UTF8')), 'hex') where seq = ${seq}`;

describe('tampering is detected at the first broken entry', () => {
  it('finds an edited purpose by its hash', async () => {
    const db = await logWith(20);
    await tamper(db, [`update audit.access_log set purpose = 'inspection' where seq = 7`]);
    expect(await verifyChain(db.db, { batchSize: 4 })).toEqual({
      ok: false,
      checked: 6,
      headSeq: 20,
      firstBroken: { seq: 7, reason: 'hash' },
    });
  });

  it('finds an edited and re-hashed entry by the next entry’s prev_hash', async () => {
    const db = await logWith(20);
    await tamper(db, [`update audit.access_log set actor_unit = '03388' where seq = 7`, rehash(7)]);
    expect((await verifyChain(db.db)).firstBroken).toEqual({ seq: 8, reason: 'prev_hash' });
  });

  it('finds a deleted entry as a gap', async () => {
    const db = await logWith(20);
    await tamper(db, [`delete from audit.access_log where seq = 12`]);
    expect((await verifyChain(db.db, { batchSize: 5 })).firstBroken).toEqual({ seq: 12, reason: 'gap' });
  });

  it('finds deleted entries at the end of the log against the chain head', async () => {
    const db = await logWith(20);
    await tamper(db, [`delete from audit.access_log where seq >= 18`]);
    expect(await verifyChain(db.db)).toEqual({
      ok: false,
      checked: 17,
      headSeq: 20,
      firstBroken: { seq: 18, reason: 'gap' },
    });
  });

  it('finds the first entry deleted', async () => {
    const db = await logWith(5);
    await tamper(db, [`delete from audit.access_log where seq = 1`]);
    expect((await verifyChain(db.db)).firstBroken).toEqual({ seq: 1, reason: 'gap' });
  });

  it('makes the CLI print the broken seq and exit with 1 (0 when intact)', async () => {
    const db = await logWith(10);
    const lines: string[] = [];
    const progressStream = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
    expect(await runAuditVerifyCli(db, { out: (l) => lines.push(l), progressStream })).toBe(0);
    expect(lines.join('\n')).toContain('intact: 10 entries');
    await tamper(db, [`update audit.access_log set purpose = 'data_cleaning' where seq = 3`]);
    expect(await runAuditVerifyCli(db, { out: (l) => lines.push(l), progressStream })).toBe(1);
    expect(lines.at(-2)).toMatch(/^ACCESS LOG BROKEN at seq 3 \(hash\)/);
  });
});

describe('concurrent writers', () => {
  it('keep one chain: 1,000 entries from 10 concurrent transactions, no fork, no gap', async () => {
    database = await createTestDatabase();
    const db = database.db;
    const writer = (w: number) =>
      db.transaction(async (tx) => {
        for (let batch = 0; batch < 10; batch++) {
          await recordAccess(
            tx,
            Array.from({ length: 10 }, () => makeEntry({ details: { writer: w, batch } })),
          );
          await new Promise((resolve) => setImmediate(resolve));
        }
      });
    await Promise.all(Array.from({ length: 10 }, (_, w) => writer(w)));
    const links = await readLinks(database);
    expect(links.map((l) => l.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(new Set(links.map((l) => l.prevHash)).size).toBe(1000);
    await sealPendingAccess(db);
    expect(await verifyChain(db, { batchSize: 128 })).toEqual({ ok: true, checked: 1000, headSeq: 1000 });
  });
});
