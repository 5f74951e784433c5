import type { Db } from '../../platform/db';
import type { TransitionFeedItem } from '../dossiers';
import { issuedReceiptOfDossier } from '../payments';
import { storedDocuments } from './documents.schema';
import { FEE_RECEIPT_TYPE, issuedPaperTitle } from './document-types';
import { alreadyRecorded, handlePaper, type IssuedPapersDeps, type PaperPage } from './issued-papers';

/**
 * Records in their owners' stores the electronic fee receipts of the dossiers whose fee was paid
 * online on this page of the transitions feed (`pay`, the settlement's transition; a page of the
 * recording pass, record.ts). The receipt is the payments module's (`issuedReceiptOfDossier`): the
 * signed PDF every download gets, issued now if the citizen never downloaded it, already in the
 * content-addressed file store. Recorded once per dossier × payment. A fee paid in cash at the
 * counter has no electronic receipt; a dossier without an owner account has no store.
 */
export async function recordReceipts(tx: Db, items: TransitionFeedItem[], deps: IssuedPapersDeps): Promise<PaperPage> {
  const page: PaperPage = { made: 0 };
  const paid = items.filter((i) => i.command === 'pay' && i.dossier.ownerAccountId);
  if (paid.length === 0) return page;
  const done = await alreadyRecorded(tx, FEE_RECEIPT_TYPE, [...new Set(paid.map((i) => i.dossierId))]);
  for (const item of paid) {
    if (done.has(item.dossierId)) continue;
    done.add(item.dossierId); // one settlement per dossier: a page holding two `pay` moves issues one receipt
    await handlePaper(tx, item.id, page, deps, async (sp) => {
      const receipt = await issuedReceiptOfDossier({ ...deps.receipts, db: sp }, item.dossierId);
      if (!receipt) return 0;
      const title = issuedPaperTitle(FEE_RECEIPT_TYPE);
      const inserted = await sp
        .insert(storedDocuments)
        .values({
          ownerAccountId: receipt.ownerAccountId,
          documentType: FEE_RECEIPT_TYPE,
          titleVi: title.vi,
          titleEn: title.en,
          issuingUnit: receipt.collectingBodyName,
          dossierId: receipt.dossierId,
          dossierCode: receipt.dossierCode,
          procedureCode: receipt.procedureCode,
          sourceId: receipt.paymentId,
          fileName: receipt.fileName,
          mediaType: 'application/pdf',
          size: receipt.size,
          sha256: receipt.sha256,
          issuedAt: receipt.issuedAt,
          validUntil: null,
        })
        .onConflictDoNothing()
        .returning({ id: storedDocuments.id });
      return inserted.length;
    });
  }
  return page;
}
