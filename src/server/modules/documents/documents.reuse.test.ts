import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { multipart } from '../../../../test/multipart';
import type { DossierDetail } from '../../../contracts/dossiers';
import type { StoredDocumentList } from '../../../contracts/documents';
import type { Session } from '../../../../test/app';
import { queryRows } from '../../platform/db';
import { citizen, su, t, useDossierApp } from '../dossiers/dossiers.routes.test-support';
import { dataReuse, declarationBody, reuseCounts, storedConfirmation, type ErrorBody } from './test-support';

/*
 * Reusing a document of the citizen's store in a later filing (issue 17 §3): the declaration of
 * residence information (1.010040) asks for papers about the current place of residence, which a
 * CT07 the citizen received earlier may stand in for. Refused: someone else's, expired, a document
 * it cannot replace — with a bilingual error naming the field and nothing written.
 */
useDossierApp();

async function fileDeclaration(session: Session, reusedDocuments: Record<string, string>) {
  const body = { ...(await declarationBody(session)), reusedDocuments };
  return session.inject({ method: 'POST', url: '/api/v1/dossiers', ...multipart('dossier', body, []) });
}

const dossierCount = async () =>
  Number((await queryRows<{ n: string }>(t.database.db, sql`select count(*) as n from dossiers.dossiers`))[0]!.n);

describe('reusing a store document in a later filing', () => {
  it('lists a valid CT07 as able to stand in for the papers about the current place of residence', async () => {
    const { documentId } = await storedConfirmation(citizen);
    const mine = (await citizen.inject('/api/v1/documents/mine')).json<StoredDocumentList>();
    const doc = mine.items.find((d) => d.id === documentId)!;
    expect(doc.valid).toBe(true);
    expect(doc.servesDocumentCodes).toContain('current_place_proof');
  });

  it('accepts the citizen’s own valid CT07 in place of an upload: the same file, recorded as reused and counted', async () => {
    const { documentId } = await storedConfirmation(citizen);
    const before = await reuseCounts();
    const s0 = await dataReuse();
    const res = await fileDeclaration(citizen, { current_place_proof: documentId });
    const s1 = await dataReuse();
    // The same filing without the store document: the difference between the two is the reused document.
    expect((await fileDeclaration(citizen, {})).statusCode).toBe(201);
    const s2 = await dataReuse();
    expect(res.statusCode, res.body).toBe(201);
    const filed = res.json<DossierDetail>();
    const attached = filed.attachments.find((a) => a.documentKey === 'current_place_proof');
    expect(attached).toBeDefined();
    expect(attached!.reused).toBe(true);
    const [row] = await queryRows<{ reused_document_id: string; same: boolean }>(
      t.database.db,
      sql`select a.reused_document_id, a.sha256 = s.sha256 as same
          from dossiers.attachments a join documents.stored_documents s on s.id = a.reused_document_id
          where a.id = ${attached!.id}`,
    );
    expect(row).toMatchObject({ reused_document_id: documentId, same: true });
    // The officer opens it like an upload.
    const file = await citizen.inject(`/api/v1/dossiers/${filed.id}/attachments/${attached!.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    // The service index counts it: reused over documents submitted with online dossiers.
    const after = await reuseCounts();
    expect(after.reused).toBe(before.reused + 1);
    expect(after.submitted).toBe(before.submitted + 1);
    // The prefill statistics count it as an input asked and not typed: one more than the form alone.
    expect(s1.numerator - s0.numerator).toBe(s2.numerator - s1.numerator + 1);
    expect(s1.denominator - s0.denominator).toBe(s2.denominator - s1.denominator + 1);
  });

  it('refuses someone else’s document as not in the filer’s store, and writes nothing', async () => {
    const { documentId } = await storedConfirmation(citizen);
    // Giàng A Sử, of the same household, signed in with a level-2 e-ID.
    const other = await t.citizen({ nationalId: su.nationalId!, fullName: su.fullName }, 2);
    const before = await dossierCount();
    const res = await fileDeclaration(other, { current_place_proof: documentId });
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json<ErrorBody>();
    expect(error.code).toBe('DOSSIER.ATTACHMENT_INVALID');
    expect(error.fields[0]!.field).toBe('reusedDocuments.current_place_proof');
    expect(error.messageVi).toContain('kho dữ liệu của bạn');
    expect(error.messageEn).toContain('not in your document store');
    expect(await dossierCount()).toBe(before);
  });

  it('refuses an expired document, asking for a current one', async () => {
    const { documentId } = await storedConfirmation(citizen);
    await t.database.db.execute(
      sql`update documents.stored_documents set valid_until = '2020-01-01' where id = ${documentId}`,
    );
    const mine = (await citizen.inject('/api/v1/documents/mine')).json<StoredDocumentList>();
    expect(mine.items.find((d) => d.id === documentId)!.valid).toBe(false);
    const before = await dossierCount();
    const res = await fileDeclaration(citizen, { current_place_proof: documentId });
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json<ErrorBody>();
    expect(error.messageVi).toContain('đã hết hạn');
    expect(error.messageEn).toContain('no longer valid');
    expect(await dossierCount()).toBe(before);
  });

  it('refuses a document for a paper it cannot replace, or one the procedure does not ask for', async () => {
    const { documentId } = await storedConfirmation(citizen);
    const wrong = await fileDeclaration(citizen, { ct01: documentId });
    expect(wrong.statusCode, wrong.body).toBe(400);
    expect(wrong.json<ErrorBody>().error.messageEn).toContain('cannot stand in');
    const unknown = await fileDeclaration(citizen, { lawful_dwelling: documentId });
    expect(unknown.statusCode, unknown.body).toBe(400);
    expect(unknown.json<ErrorBody>().error.fields[0]!.field).toBe('reusedDocuments.lawful_dwelling');
    const malformed = await fileDeclaration(citizen, { current_place_proof: 'not-a-uuid' });
    expect(malformed.statusCode, malformed.body).toBe(400);
  });
});
