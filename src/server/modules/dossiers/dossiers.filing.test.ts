// The one-statement filing (ADR 0012): atomic with its code, gap-free after a failure, codes past 9,999 not truncated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { insertFiling, type NewFiling } from './dossiers.repository';
import { dossierCodePrefix } from './dossier-codes';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

const AGENCY = '000.00.99.X99';
const DAY = '2026-11-27';
const at = new Date('2026-11-27T03:00:00Z');

function filing(id: string = randomUUID(), files = 1, day = DAY): NewFiling {
  return {
    dossier: {
      id,
      agencyCode: AGENCY,
      procedureCode: '1.004194',
      procedureVersionId: randomUUID(),
      unitCode: '99999',
      state: 'submitted',
      channel: 'online',
      applicantName: 'Người Thử Nghiệm',
      form: { fullName: 'Người Thử Nghiệm' },
      sources: {},
      timeLimitWorkingDays: 3,
      submittedAt: at,
    },
    code: { agencyCode: AGENCY, day, prefix: dossierCodePrefix(AGENCY, day) },
    transition: {
      command: 'submit',
      fromState: null,
      toState: 'submitted',
      actorAccountId: null,
      actorRole: 'citizen',
      actorUnit: null,
      at,
      note: null,
    },
    attachments: Array.from({ length: files }, (_, n) => ({
      documentKey: `doc_${n}`,
      fileName: `f${n}.pdf`,
      mediaType: 'application/pdf',
      size: 10 + n,
      sha256: 'a'.repeat(63) + String(n),
      round: 0,
      uploadedBy: null,
      uploadedAt: at,
    })),
  };
}

const counts = async (id: string) =>
  (
    await database.rows<{ dossiers: string; transitions: string; attachments: string }>(sql`
    select (select count(*) from dossiers.dossiers where id = ${id})::text as dossiers,
           (select count(*) from dossiers.transitions where dossier_id = ${id})::text as transitions,
           (select count(*) from dossiers.attachments where dossier_id = ${id})::text as attachments`)
  )[0];
const lastSeq = async (day = DAY) =>
  (
    await database.rows<{ n: string | null }>(
      sql`select max(last_seq)::text as n from dossiers.code_counters where agency_code = ${AGENCY} and day = ${day}`,
    )
  )[0]!.n;

describe('a filing written in one statement', () => {
  it('stores the dossier with its code, its transition and every file, and answers them decoded', async () => {
    const f = filing(randomUUID(), 2);
    const written = await insertFiling(database.db, f);
    expect(written.row).toMatchObject({
      id: f.dossier.id,
      code: `${AGENCY}-261127-0001`,
      state: 'submitted',
      form: { fullName: 'Người Thử Nghiệm' },
    });
    expect(written.row.submittedAt).toBeInstanceOf(Date);
    expect(written.transition).toMatchObject({ dossierId: f.dossier.id, command: 'submit', toState: 'submitted' });
    expect(typeof written.transition.id).toBe('number');
    expect(written.attachments.map((a) => a.documentKey)).toEqual(['doc_0', 'doc_1']);
    expect(await counts(f.dossier.id)).toEqual({ dossiers: '1', transitions: '1', attachments: '2' });
  });

  it('with no files and as a draft (no code, counter untouched)', async () => {
    const before = await lastSeq();
    const f = { ...filing(randomUUID(), 0), code: null };
    f.dossier.state = 'draft';
    const written = await insertFiling(database.db, f);
    expect(written.row.code).toBeNull();
    expect(written.attachments).toEqual([]);
    expect(await lastSeq()).toBe(before);
  });

  it('fails whole when any part fails: no rows, and the number goes back (the next filing takes it)', async () => {
    const first = filing();
    await insertFiling(database.db, first);
    const seq = Number(await lastSeq());
    // The same dossier id again: the dossier insert fails after the counter was bumped in the same statement.
    const clash = filing(first.dossier.id, 2);
    await expect(insertFiling(database.db, clash)).rejects.toThrow();
    expect(Number(await lastSeq())).toBe(seq);
    expect(await counts(first.dossier.id)).toEqual({ dossiers: '1', transitions: '1', attachments: '1' });
    const next = await insertFiling(database.db, filing());
    expect(next.row.code).toBe(`${AGENCY}-261127-${String(seq + 1).padStart(4, '0')}`);
  });

  it('gives unique, gap-free codes to 30 parallel filings of one agency', async () => {
    const day = '2026-11-28';
    const rows = await Promise.all(
      Array.from({ length: 30 }, (_, n) => insertFiling(database.db, filing(randomUUID(), n % 3, day))),
    );
    const seqs = rows.map((r) => Number(r.row.code!.slice(-4))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('writes numbers past 9,999 in full (never truncated to four digits)', async () => {
    const day = '2026-11-29';
    await database.db.execute(
      sql`insert into dossiers.code_counters (agency_code, day, last_seq) values (${AGENCY}, ${day}, 9999)`,
    );
    const written = await insertFiling(database.db, filing(randomUUID(), 1, day));
    expect(written.row.code).toBe(`${AGENCY}-261129-10000`);
  });
});
