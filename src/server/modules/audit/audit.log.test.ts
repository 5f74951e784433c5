import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { GENESIS_HASH } from './audit.chain';
import { subjectFor } from './audit.pseudonym';
import { recordAccess } from './audit.service';
import { verifyChain } from './audit.verify';
import { sealPendingAccess } from './audit.sealer';
import { errorText, makeEntry, readLinks, TEST_KEY } from './test-support';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

describe('recordAccess and the hash chain', () => {
  it('links every entry to the previous one, from the genesis hash, numbered without gaps', async () => {
    await database.db.transaction(async (tx) => recordAccess(tx, [makeEntry(), makeEntry(), makeEntry()]));
    await recordAccess(database.db, [makeEntry({ action: 'person.search', purpose: 'dossier_processing' })]);
    const links = await readLinks(database);
    expect(links.map((l) => l.seq)).toEqual([1, 2, 3, 4]);
    expect(links[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < links.length; i++) expect(links[i]?.prevHash).toBe(links[i - 1]?.hash);
    expect(new Set(links.map((l) => l.hash)).size).toBe(4);
    expect(await verifyChain(database.db)).toEqual({ ok: true, checked: 4, headSeq: 4 });
  });

  it('leaves no gap when the business transaction rolls back', async () => {
    const before = (await readLinks(database)).length;
    await expect(
      database.db.transaction(async (tx) => {
        await recordAccess(tx, [makeEntry(), makeEntry()]);
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    await recordAccess(database.db, [makeEntry()]);
    expect((await readLinks(database)).map((l) => l.seq).slice(before)).toEqual([before + 1]);
    expect((await verifyChain(database.db)).ok).toBe(true);
  });

  it('stays consistent when a savepoint inside the transaction rolls back', async () => {
    await database.db.transaction(async (tx) => {
      await recordAccess(tx, [makeEntry()]);
      await tx
        .transaction(async (savepoint) => {
          await recordAccess(savepoint, [makeEntry(), makeEntry()]);
          savepoint.rollback();
        })
        .catch(() => undefined);
      await recordAccess(tx, [makeEntry()]);
    });
    const links = await readLinks(database);
    expect(links.map((l) => l.seq)).toEqual(links.map((_, i) => i + 1));
    expect((await verifyChain(database.db)).ok).toBe(true);
  });

  it('chains a large batch (several INSERT statements) in linear time', async () => {
    const before = (await readLinks(database)).length;
    await database.db.transaction(async (tx) =>
      recordAccess(
        tx,
        Array.from({ length: 6_000 }, () => makeEntry({ action: 'person.search' })),
      ),
    );
    expect(await sealPendingAccess(database.db, { batchSize: 2_500 })).toBe(6_000);
    expect(await verifyChain(database.db, { batchSize: 1_000 })).toMatchObject({ ok: true, checked: before + 6_000 });
  });

  it('ignores a time, seq or hash sent by the client: the database fixes them', async () => {
    await database.db.execute(sql`
      insert into audit.access_log (seq, at, actor_role, action, subject, request_id, prev_hash, hash)
      values (999, '2000-01-01T00:00:00Z', 'admin', 'person.read', ${subjectFor(TEST_KEY, { nationalId: '012190000001' })}, 'r1', 'x', 'y')`);
    const rows = await database.rows<{ last: string; old: boolean }>(
      sql`select seq::text as last, at < now() - interval '1 day' as old from audit.access_log order by seq desc limit 1`,
    );
    expect(rows[0]).toEqual({ last: String((await readLinks(database)).length), old: false });
    expect((await verifyChain(database.db)).ok).toBe(true);
  });

  it('verifies in batches smaller than the log, reporting progress', async () => {
    const seen: number[] = [];
    const result = await verifyChain(database.db, { batchSize: 2, onProgress: (done) => seen.push(done) });
    expect(result.ok).toBe(true);
    expect(seen.at(-1)).toBe(result.checked);
    expect(seen.length).toBeGreaterThan(2);
  });
});

describe('the access log is append-only', () => {
  it.each([
    ['UPDATE', sql`update audit.access_log set purpose = 'inspection' where seq = 1`],
    ['DELETE', sql`delete from audit.access_log where seq = 1`],
    ['TRUNCATE', sql`truncate audit.access_log`],
    ['TRUNCATE … CASCADE through purposes', sql`truncate audit.purposes cascade`],
  ])('refuses %s, and the error reaches the caller', async (_name, statement) => {
    const error = await database.db.execute(statement).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(errorText(error)).toContain('access log is append-only');
    expect((await verifyChain(database.db)).ok).toBe(true);
  });

  it('refuses to move the chain head back', async () => {
    const error = await database.db.execute(sql`update audit.chain_head set last_seq = 1`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(errorText(error)).toContain('only moves forward');
  });
});
