import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { multipart } from '../../../../test/multipart';
import type { DossierDetail } from '../../../contracts/dossiers';
import type { Session } from '../../../../test/app';
import { queryRows } from '../../platform/db';
import { citizen, su, t, useDossierApp } from '../dossiers/dossiers.routes.test-support';
import { dataReuse, declarationBody, reuseCounts, storedConfirmation, type ErrorBody } from './test-support';

/*
 * Reusing a document of the citizen's store when a saved draft is submitted (issue 17 §3): the
 * draft's `submit` command takes `reusedDocuments` as a direct filing does — the same check through
 * the `reuseDocument` hook, the same errors, nothing written on refusal, the same statistics.
 */
useDossierApp();

/** A whole declaration saved as a draft by `session` (nothing attached). */
async function savedDraft(session: Session): Promise<DossierDetail> {
  const body = { ...(await declarationBody(session)), draft: true };
  const res = await session.inject({ method: 'POST', url: '/api/v1/dossiers', ...multipart('dossier', body, []) });
  expect(res.statusCode, res.body).toBe(201);
  const draft = res.json<DossierDetail>();
  expect(draft.state).toBe('draft');
  return draft;
}

const submitDraft = (session: Session, draft: DossierDetail, payload: Record<string, unknown>) =>
  session.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${draft.id}/commands/submit`,
    payload: { expectedVersion: draft.version, ...payload },
  });

const stateAndAttachments = async (id: string) => {
  const [row] = await queryRows<{ state: string; code: string | null; n: string }>(
    t.database.db,
    sql`select d.state, d.code, (select count(*) from dossiers.attachments a where a.dossier_id = d.id) as n
        from dossiers.dossiers d where d.id = ${id}`,
  );
  return { state: row!.state, code: row!.code, attachments: Number(row!.n) };
};

describe('reusing a store document when submitting a saved draft', () => {
  it('accepts the citizen’s own valid CT07 in place of an upload: the same file, recorded as reused and counted', async () => {
    const { documentId } = await storedConfirmation(citizen);
    const draft = await savedDraft(citizen);
    const plain = await savedDraft(citizen);
    const before = await reuseCounts();
    const s0 = await dataReuse();
    const res = await submitDraft(citizen, draft, { reusedDocuments: { current_place_proof: documentId } });
    const s1 = await dataReuse();
    // The same draft submitted without the store document: the difference between the two is the reused document.
    expect((await submitDraft(citizen, plain, {})).statusCode).toBe(200);
    const s2 = await dataReuse();
    expect(res.statusCode, res.body).toBe(200);
    const filed = res.json<DossierDetail>();
    expect(filed.state).not.toBe('draft');
    expect(filed.code).toBeTruthy();
    const attached = filed.attachments.find((a) => a.documentKey === 'current_place_proof');
    expect(attached?.reused).toBe(true);
    const [row] = await queryRows<{ reused_document_id: string; same: boolean }>(
      t.database.db,
      sql`select a.reused_document_id, a.sha256 = s.sha256 as same
          from dossiers.attachments a join documents.stored_documents s on s.id = a.reused_document_id
          where a.id = ${attached!.id}`,
    );
    expect(row).toMatchObject({ reused_document_id: documentId, same: true });
    const file = await citizen.inject(`/api/v1/dossiers/${filed.id}/attachments/${attached!.id}`);
    expect(file.statusCode).toBe(200);
    // Counted like a direct filing's reuse: one more reused document among those submitted online.
    const after = await reuseCounts();
    expect(after.reused).toBe(before.reused + 1);
    expect(after.submitted).toBe(before.submitted + 1);
    // The prefill statistics count it as an input asked and not typed: one more than the form alone.
    expect(s1.numerator - s0.numerator).toBe(s2.numerator - s1.numerator + 1);
    expect(s1.denominator - s0.denominator).toBe(s2.denominator - s1.denominator + 1);
  });

  it('refuses someone else’s document as not in the filer’s store, naming the field, and writes nothing', async () => {
    const { documentId } = await storedConfirmation(citizen);
    const other = await t.citizen({ nationalId: su.nationalId!, fullName: su.fullName }, 2);
    const draft = await savedDraft(other);
    const res = await submitDraft(other, draft, { reusedDocuments: { current_place_proof: documentId } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['cache-control']).toContain('no-store');
    const { error } = res.json<ErrorBody>();
    expect(error.code).toBe('DOSSIER.ATTACHMENT_INVALID');
    expect(error.fields[0]!.field).toBe('reusedDocuments.current_place_proof');
    expect(error.messageVi).toContain('kho dữ liệu của bạn');
    expect(error.messageEn).toContain('not in your document store');
    // Still a draft: no code taken, nothing attached.
    expect(await stateAndAttachments(draft.id)).toEqual({ state: 'draft', code: null, attachments: 0 });
  });

  it('refuses a malformed id with 400, and store documents on another command', async () => {
    const draft = await savedDraft(citizen);
    const malformed = await submitDraft(citizen, draft, { reusedDocuments: { current_place_proof: 'not-a-uuid' } });
    expect(malformed.statusCode, malformed.body).toBe(400);
    const { documentId } = await storedConfirmation(citizen);
    const withdraw = await citizen.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${draft.id}/commands/withdraw`,
      payload: { reusedDocuments: { current_place_proof: documentId } },
    });
    expect(withdraw.statusCode, withdraw.body).toBe(400);
    expect(withdraw.json<ErrorBody>().error.fields[0]!.field).toBe('reusedDocuments');
    expect((await stateAndAttachments(draft.id)).state).toBe('draft');
  });
});
