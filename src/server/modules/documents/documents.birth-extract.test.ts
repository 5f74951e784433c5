import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DossierDetail, ResultVerification } from '../../../contracts/dossiers';
import type { StoredDocumentList } from '../../../contracts/documents';
import { citizen, command, levelOne, PDF, t, useDossierApp } from '../dossiers/dossiers.routes.test-support';
import { submitPrefilled } from '../dossiers/dossiers.registry-effects.test-support';
import { extractText } from '../slips/test-support';
import { recordIssuedDocuments } from './record';

/*
 * Issue 17 §3: the birth certificate among the results kept in the citizen's store. A birth
 * registration (1.001193, version of 6/12/2026) decided and its result issued gets the electronic
 * birth extract as a result attachment with its verification row, recorded once in the parent's
 * store as BIRTH_EXTRACT (titles in both languages, no limit, standing in for `relationship`) and
 * downloaded byte for byte. The interlinked group's birth step: dossiers.interlinked-groups.test.ts.
 */
useDossierApp();

const BIRTH = '1.001193';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A birth registration filed by the citizen (a mother of Mường Tè), decided and issued by the civil-status officer. */
async function issuedBirth(childFullName: string): Promise<DossierDetail> {
  const res = await submitPrefilled(
    citizen,
    BIRTH,
    {
      declarantRelation: 'mother',
      childFullName,
      childBirthDate: daysAgo(8),
      childSex: 'female',
      childBirthPlace: 'Trạm y tế xã Mường Tè, tỉnh Lai Châu',
      childEthnicity: 'Thái',
      childNationality: 'Việt Nam',
      requestContent: undefined,
    },
    false,
    [{ field: 'file:birth_certificate', name: 'giay-chung-sinh.pdf', type: 'application/pdf', data: PDF }],
  );
  expect(res.statusCode, res.body).toBe(201);
  let current = res.json<DossierDetail>();
  const officer = await t.staff('civil_status_officer', '03445');
  for (const name of ['receive', 'start_processing', 'approve', 'issue_result']) {
    const step = await command(officer, current.id, name);
    expect(step.statusCode, `${name}: ${step.body}`).toBe(200);
    current = step.json<DossierDetail>();
  }
  return current;
}

describe('the electronic birth extract of a birth registration', () => {
  it('is issued with the result: an attachment with its verification row, the child as registered', async () => {
    const dossier = await issuedBirth('Lò Thị Xuân');
    const childId = dossier.registryOutcome!.childNationalId!;
    const results = dossier.attachments.filter((a) => a.documentKey.startsWith('result_'));
    expect(results.map((a) => a.documentKey)).toEqual(['result_birth_extract']);
    const extract = results[0]!;
    expect(extract.fileName).toBe(`${dossier.code}-BIRTH_EXTRACT.pdf`);
    const file = await citizen.inject(`/api/v1/dossiers/${dossier.id}/attachments/${extract.id}`);
    expect(file.statusCode).toBe(200);
    const text = extractText(file.rawPayload).replace(/\s+/g, ' ');
    for (const part of ['TRÍCH LỤC KHAI SINH', 'LÒ THỊ XUÂN', childId, 'Giới tính: Nữ', 'Dân tộc: Thái', dossier.code!])
      expect(text).toContain(part);
    const [row] = await t.database.rows<{ token: string; pdf_sha256: string; valid_until: string | null }>(
      sql`select token, pdf_sha256, valid_until::text from dossiers.result_verifications
          where dossier_id = ${dossier.id} and kind = 'BIRTH_EXTRACT'`,
    );
    expect(row!.pdf_sha256).toBe(hash(file.rawPayload));
    expect(row!.valid_until).toBeNull();
    // Its QR code's page, public: valid, the child's name, the number masked.
    const check = await t.app.inject(`/api/v1/dossiers/results/${row!.token}`);
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json<ResultVerification>()).toMatchObject({
      kind: 'BIRTH_EXTRACT',
      titleVi: 'TRÍCH LỤC KHAI SINH',
      status: 'valid',
      fullName: 'Lò Thị Xuân',
      nationalIdMasked: `${childId.slice(0, 4)}******${childId.slice(-2)}`,
      validUntil: null,
    });
  });

  it('is recorded once in the parent’s store as BIRTH_EXTRACT and downloaded byte for byte', async () => {
    const dossier = await issuedBirth('Lò Văn Khánh');
    expect(await recordIssuedDocuments(t.database.db, { settleMs: 0 })).toBeGreaterThanOrEqual(1);
    await recordIssuedDocuments(t.database.db, { settleMs: 0 }); // a second pass records nothing twice
    const res = await citizen.inject('/api/v1/documents/mine');
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json<StoredDocumentList>().items.filter((d) => d.dossierCode === dossier.code);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      documentType: 'BIRTH_EXTRACT',
      titleVi: 'Trích lục khai sinh (bản điện tử)',
      titleEn: 'Birth registration extract (electronic copy)',
      procedureCode: BIRTH,
      mediaType: 'application/pdf',
      validUntil: null,
      valid: true,
      servesDocumentCodes: ['relationship'],
    });
    expect(mine[0]!.issuingUnit).toMatch(/^Ủy ban nhân dân xã Mường Tè$/i); // the commune People's Committee
    const download = await citizen.inject(`/api/v1/documents/${mine[0]!.id}/file`);
    expect(download.statusCode, download.body).toBe(200);
    expect(download.headers['cache-control']).toContain('no-store');
    const attachment = dossier.attachments.find((a) => a.documentKey === 'result_birth_extract')!;
    const original = await citizen.inject(`/api/v1/dossiers/${dossier.id}/attachments/${attachment.id}`);
    expect(hash(download.rawPayload)).toBe(hash(original.rawPayload));
    expect((await levelOne.inject(`/api/v1/documents/${mine[0]!.id}/file`)).statusCode).toBe(404);
  });
});
