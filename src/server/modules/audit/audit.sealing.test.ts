import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { subjectFor } from './audit.pseudonym';
import { recordAccess } from './audit.service';
import { verifyChain } from './audit.verify';
import { countPendingAccess, sealPendingAccess } from './audit.sealer';
import { errorText, makeEntry, readLinks, TEST_KEY } from './test-support';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

describe('staging and sealing (ADR 0004)', () => {
  it('stages entries without chaining them, then seals them in order keeping the time of the access', async () => {
    await sealPendingAccess(database.db);
    const before = (await readLinks(database)).length;
    await recordAccess(database.db, [makeEntry({ details: { n: 1 } }), makeEntry({ details: { n: 2 } })]);
    const staged = await database.rows<{ at: string }>(sql`select at::text from audit.access_pending order by id`);
    expect(staged).toHaveLength(2);
    expect(await countPendingAccess(database.db)).toBe(2);
    await new Promise((r) => setTimeout(r, 20));
    expect(await sealPendingAccess(database.db)).toBe(2);
    expect(await countPendingAccess(database.db)).toBe(0);
    const sealed = await database.rows<{ at: string; n: number }>(
      sql`select at::text, (details->>'n')::int as n from audit.access_log where seq > ${before} order by seq`,
    );
    expect(sealed).toEqual([
      { at: staged[0]!.at, n: 1 },
      { at: staged[1]!.at, n: 2 },
    ]);
    expect((await verifyChain(database.db)).ok).toBe(true);
  });

  it('stages concurrent standalone reads together, each call resolving once its own entry is stored; a bad entry fails only its own call', async () => {
    await sealPendingAccess(database.db);
    const calls = Array.from({ length: 30 }, (_, i) =>
      recordAccess(database.db, [makeEntry({ details: { burst: i } })], { standaloneRead: true }),
    );
    const bad = recordAccess(database.db, [makeEntry({ purpose: 'no_such_purpose' })], { standaloneRead: true });
    await expect(Promise.all(calls)).resolves.toHaveLength(30);
    await expect(bad).rejects.toThrow();
    expect(await countPendingAccess(database.db)).toBe(30);
    await sealPendingAccess(database.db);
  });

  it('stages a standalone read with an asynchronous commit, and ignores that option inside a transaction', async () => {
    await sealPendingAccess(database.db);
    await recordAccess(database.db, [makeEntry({ details: { read: 1 } }), makeEntry({ details: { read: 2 } })], {
      standaloneRead: true,
    });
    expect(await countPendingAccess(database.db)).toBe(2);
    // Inside a transaction the entry still commits or rolls back with the business change.
    await expect(
      database.db.transaction(async (tx) => {
        await recordAccess(tx, [makeEntry({ details: { read: 3 } })], { standaloneRead: true });
        const result: unknown = await tx.execute(sql`select current_setting('synchronous_commit') as s`);
        const rows = (
          typeof result === 'object' && result !== null && 'rows' in result ? result.rows : result
        ) as Array<{ s: string }>;
        expect(rows[0]?.s).toBe('on');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await countPendingAccess(database.db)).toBe(2);
    expect(await sealPendingAccess(database.db)).toBe(2);
    const details = await database.rows<{ n: number }>(
      sql`select (details->>'read')::int as n from audit.access_log order by seq desc limit 2`,
    );
    expect(details.map((d) => d.n).sort()).toEqual([1, 2]);
    expect((await verifyChain(database.db)).ok).toBe(true);
  });

  it('refuses to change or delete a staged entry outside sealing', async () => {
    await recordAccess(database.db, [makeEntry()]);
    for (const statement of [
      sql`update audit.access_pending set purpose = 'inspection'`,
      sql`delete from audit.access_pending`,
      sql`truncate audit.access_pending`,
    ]) {
      const error = await database.db.execute(statement).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(errorText(error)).toMatch(/pending access-log entries (cannot be changed|can only be sealed)/);
    }
    expect(await countPendingAccess(database.db)).toBe(1);
    await sealPendingAccess(database.db);
  });

  it('ignores a back-dated time on a staged entry', async () => {
    await database.db.execute(sql`
      insert into audit.access_pending (at, actor_role, action, subject, request_id)
      values ('2000-01-01T00:00:00Z', 'admin', 'person.read', ${subjectFor(TEST_KEY, { nationalId: '012190000001' })}, 'r2')`);
    await sealPendingAccess(database.db);
    const rows = await database.rows<{ old: boolean }>(
      sql`select at < now() - interval '1 day' as old from audit.access_log order by seq desc limit 1`,
    );
    expect(rows[0]).toEqual({ old: false });
  });

  it('keeps one unbroken chain when several sealers run at once while requests stage entries', async () => {
    const writers = Array.from({ length: 4 }, (_, w) =>
      (async () => {
        for (let i = 0; i < 10; i++)
          await recordAccess(
            database.db,
            Array.from({ length: 5 }, () => makeEntry({ details: { w, i } })),
          );
      })(),
    );
    const sealers = Array.from({ length: 3 }, () =>
      (async () => {
        for (let i = 0; i < 10; i++) await sealPendingAccess(database.db, { batchSize: 7 });
      })(),
    );
    await Promise.all([...writers, ...sealers]);
    await sealPendingAccess(database.db);
    expect(await countPendingAccess(database.db)).toBe(0);
    const links = await readLinks(database);
    expect(links.map((l) => l.seq)).toEqual(links.map((_, i) => i + 1));
    expect((await verifyChain(database.db)).ok).toBe(true);
  });
});
