import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { listAccessForSubject, recordAccess } from './audit.service';
import { sealPendingAccess } from './audit.sealer';
import { subjectFor } from './audit.pseudonym';
import { makeEntry, superuserTamper, TEST_KEY } from './test-support';

let database: TestDatabase;
const subject = subjectFor(TEST_KEY, { nationalId: '012190000301' });
const officer = randomUUID();
const dossier = (code: string) => ({ kind: 'dossier' as const, code });

beforeAll(async () => {
  database = await createTestDatabase();
  const read = (overrides: Parameters<typeof makeEntry>[0]) =>
    makeEntry({
      subject,
      actorAccountId: officer,
      action: 'dossier.read',
      purpose: 'dossier_processing',
      target: dossier('A-1'),
      ...overrides,
    });
  // seq 1-3: the same officer, dossier and purpose; seq 1 is moved 25 minutes back below, so it stands alone.
  await recordAccess(database.db, [read({}), read({}), read({})]);
  await recordAccess(database.db, [read({ target: dossier('B-2') })]); // another dossier
  await recordAccess(database.db, [read({ purpose: 'inspection' })]); // another purpose
  await recordAccess(database.db, [read({ actorAccountId: randomUUID() })]); // another officer
  await recordAccess(database.db, [read({})]); // pending: not sealed yet, still collapsed with seq 2-3
  await sealPendingAccess(database.db);
  await recordAccess(database.db, [read({})]);
  await superuserTamper(database, [`update audit.access_log set at = at - interval '25 minutes' where seq = 1`]);
});
afterAll(async () => database?.dispose());

describe('the citizen’s view of the access log', () => {
  it('collapses reads of one thing by one officer for one purpose within 10 minutes into one line with a count', async () => {
    const page = await listAccessForSubject(database.db, subject, { page: 1, pageSize: 20 });
    const lines = page.items.map((i) => `${i.target?.code ?? '-'} ${i.purposeCode} ×${i.count}`);
    // Newest first: the officer's four reads (seq 2-3, 7 and the one still staged), the other officer's, the other purpose, the other dossier, and seq 1.
    expect(lines).toEqual([
      'A-1 dossier_processing ×4',
      'A-1 dossier_processing ×1',
      'A-1 inspection ×1',
      'B-2 dossier_processing ×1',
      'A-1 dossier_processing ×1',
    ]);
    expect(page.total).toBe(5);
    expect(page.items[0]!.firstAt < page.items[0]!.at).toBe(true);
    expect(page.items[4]!.at < page.items[0]!.firstAt).toBe(true);
  });

  it('pages over the collapsed lines', async () => {
    const page = await listAccessForSubject(database.db, subject, { page: 2, pageSize: 2 });
    expect(page).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page.items.map((i) => `${i.target?.code ?? '-'} ${i.purposeCode}`)).toEqual([
      'A-1 inspection',
      'B-2 dossier_processing',
    ]);
  });
});
