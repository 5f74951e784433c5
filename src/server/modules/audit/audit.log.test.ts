import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { AppError, statusForCode } from '../../platform/errors';
import { GENESIS_HASH } from './audit.chain';
import { pseudonymize, subjectFor } from './audit.pseudonym';
import { assertPurpose, listPurposes, recordAccess } from './audit.service';
import { verifyChain } from './audit.verify';
import { countPendingAccess, sealPendingAccess } from './audit.sealer';
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

describe('personal data in the log', () => {
  it('derives a stable pseudonym per key, different under another key, never the number', () => {
    const id = '012190000001';
    const a = pseudonymize(TEST_KEY, id);
    expect(pseudonymize(TEST_KEY, id)).toBe(a);
    expect(pseudonymize(`${TEST_KEY}-rotated`, id)).not.toBe(a);
    expect(pseudonymize(TEST_KEY, '012190000002')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toContain(id);
  });

  it('files a person without an ID number under their record id', () => {
    const personId = '3f1c2b8e-7d6a-4c5b-9e8f-0a1b2c3d4e5f';
    expect(subjectFor(TEST_KEY, { nationalId: null, personId })).toBe(`rec:${personId}`);
    expect(() => subjectFor(TEST_KEY, {})).toThrow(AppError);
  });

  it('never stores the 12-digit ID number (scanning the whole table as text)', async () => {
    const ids = ['012085000123', '012315000777'];
    await recordAccess(
      database.db,
      ids.map((nationalId) => makeEntry({ subject: subjectFor(TEST_KEY, { nationalId }) })),
    );
    const pending =
      (await database.rows<{ t: string }>(sql`select string_agg(l::text, E'\n') as t from audit.access_pending l`))[0]
        ?.t ?? '';
    await sealPendingAccess(database.db);
    const text =
      pending +
      ((await database.rows<{ t: string }>(sql`select string_agg(l::text, E'\n') as t from audit.access_log l`))[0]
        ?.t ?? '');
    expect(text).toContain(pseudonymize(TEST_KEY, ids[0]!));
    for (const id of [...ids, '012190000001']) expect(text).not.toContain(id);
  });

  it.each([
    ['a raw ID number as subject', makeEntry({ subject: '012190000001' })],
    ['an ID number inside details', makeEntry({ details: { query: 'so 012190000001' } })],
    ['a malformed action', makeEntry({ action: 'Read Person' })],
  ])('refuses %s before writing', async (_name, entry) => {
    await expect(recordAccess(database.db, [entry])).rejects.toMatchObject({ code: 'AUDIT.ENTRY_INVALID' });
  });
});

describe('purposes', () => {
  it('lists the seeded purposes in Vietnamese and English, including data cleaning', async () => {
    const purposes = await listPurposes(database.db);
    expect(purposes.length).toBeGreaterThanOrEqual(6);
    expect(purposes.find((p) => p.code === 'data_cleaning')).toMatchObject({
      nameVi: 'Làm sạch dữ liệu dân cư',
      active: true,
    });
  });

  it('rejects an unknown or retired purpose with a 400 code', async () => {
    await database.db.execute(
      sql`insert into audit.purposes (code, name_vi, name_en, active) values ('retired', 'Cũ', 'Old', false)`,
    );
    for (const code of ['no_such_purpose', 'retired', null]) {
      const error = await assertPurpose(database.db, code).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect(statusForCode((error as AppError).code)).toBe(400);
    }
    await expect(assertPurpose(database.db, 'inspection')).resolves.toMatchObject({ nameEn: 'Inspection or audit' });
  });

  it('refuses an entry whose purpose is not in the list (foreign key)', async () => {
    const error = await recordAccess(database.db, [makeEntry({ purpose: 'no_such_purpose' })]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(errorText(error)).toContain('access_pending_purpose_fk');
  });
});

describe('details', () => {
  it('accepts record ids whose last group happens to be 12 digits', async () => {
    await expect(
      recordAccess(database.db, [makeEntry({ details: { personId: '3f1c2b8e-7d6a-4c5b-9e8f-012190000001' } })]),
    ).resolves.toBeUndefined();
  });
});
