import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { todayInVietnam } from '../../../contracts/common';
import type { StoredDocumentList } from '../../../contracts/documents';
import { queryRows } from '../../platform/db';
import { citizen, levelOne, t, useDossierApp } from '../dossiers/dossiers.routes.test-support';
import { returnedDossier } from '../service-index/test-support';
import { recordIssuedDocuments } from './record';
import { issuedConfirmation, storedConfirmation } from './test-support';

/*
 * The citizen's document store (issue 17 §3) on the real dossier API: issued result documents are
 * recorded once, listed for their owner only, and downloaded from the file store by their hash.
 */
useDossierApp();

type ErrorBody = { error: { code: string; messageVi: string; messageEn: string; fields?: Array<{ field: string }> } };

const lastValidDay = () => {
  const today = todayInVietnam();
  return new Date(Date.parse(`${today}T00:00:00Z`) + 29 * 86_400_000).toISOString().slice(0, 10);
};

describe('recording issued results in the owner’s store', () => {
  it('records an issued CT07 once, with its type, title, issuing unit, dossier code, dates and the file’s hash', async () => {
    const dossier = await issuedConfirmation(citizen);
    expect(await recordIssuedDocuments(t.database.db, { settleMs: 0 })).toBeGreaterThanOrEqual(1);
    expect(await recordIssuedDocuments(t.database.db, { settleMs: 0 })).toBe(0); // a second pass finds nothing new
    const res = await citizen.inject('/api/v1/documents/mine');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toContain('no-store');
    const mine = res.json<StoredDocumentList>().items.filter((d) => d.dossierCode === dossier.code);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      documentType: 'CT07',
      titleVi: 'Xác nhận thông tin về cư trú (Mẫu CT07)',
      procedureCode: '1.010041',
      mediaType: 'application/pdf',
      validUntil: lastValidDay(),
      valid: true,
    });
    expect(mine[0]!.issuingUnit).toMatch(/^Công an /);
    // A reference into the file store, not a copy: the store row holds the attachment's hash.
    const attachment = dossier.attachments.find((a) => a.documentKey === 'result_ct07')!;
    const [row] = await queryRows<{ sha256: string; attachment_id: string }>(
      t.database.db,
      sql`select sha256, attachment_id from documents.stored_documents where id = ${mine[0]!.id}`,
    );
    expect(row!.attachment_id).toBe(attachment.id);
    expect(row!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records nothing for a dossier returned without result documents (a stay notification)', async () => {
    const before = (await citizen.inject('/api/v1/documents/mine')).json<StoredDocumentList>().items.length;
    const dossier = await returnedDossier(citizen);
    await recordIssuedDocuments(t.database.db, { settleMs: 0 });
    const after = (await citizen.inject('/api/v1/documents/mine')).json<StoredDocumentList>().items;
    expect(after).toHaveLength(before);
    expect(after.some((d) => d.dossierCode === dossier.code)).toBe(false);
  });

  it('lists only the caller’s own documents', async () => {
    const { documentId } = await storedConfirmation(citizen);
    const other = (await levelOne.inject('/api/v1/documents/mine')).json<StoredDocumentList>();
    expect(other.items.some((d) => d.id === documentId)).toBe(false);
  });
});

describe('downloading a document of the store', () => {
  it('gives the owner the issued PDF, byte for byte, not cached', async () => {
    const { dossier, documentId } = await storedConfirmation(citizen);
    const res = await citizen.inject(`/api/v1/documents/${documentId}/file`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`${dossier.code}-CT07.pdf`));
    const attachment = dossier.attachments.find((a) => a.documentKey === 'result_ct07')!;
    const original = await citizen.inject(`/api/v1/dossiers/${dossier.id}/attachments/${attachment.id}`);
    const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(hash(res.rawPayload)).toBe(hash(original.rawPayload));
  });

  it('answers someone else’s document as not found, in both languages, naming the field', async () => {
    const { documentId } = await storedConfirmation(citizen);
    const res = await levelOne.inject(`/api/v1/documents/${documentId}/file`);
    expect(res.statusCode).toBe(404);
    const { error } = res.json<ErrorBody>();
    expect(error.code).toBe('DOCUMENT.NOT_FOUND');
    expect(error.messageVi).toContain('kho dữ liệu');
    expect(error.messageEn).toContain('document store');
    expect(error.fields?.[0]?.field).toBe('id');
  });

  it('refuses a malformed id with 400, not a 500', async () => {
    const res = await citizen.inject('/api/v1/documents/not-a-uuid/file');
    expect(res.statusCode).toBe(400);
    expect(res.headers['cache-control']).toContain('no-store');
  });
});
