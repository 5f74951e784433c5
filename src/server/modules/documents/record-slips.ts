import type { Db } from '../../platform/db';
import { renderIssuedSlip, SLIP_OF_COMMAND, type TransitionFeedItem } from '../dossiers';
import { storedDocuments } from './documents.schema';
import { issuedPaperTitle, SLIP_DOCUMENT_TYPES } from './document-types';
import { alreadyRecorded, handlePaper, type IssuedPapersDeps, type PaperPage } from './issued-papers';

/**
 * Records in their owners' stores the slips this page of the transitions feed issued (a page of
 * the recording pass, record.ts): the receipt and appointment at `receive`, the supplement request,
 * the refusal, the apology. Each is rendered once by dossiers' `renderIssuedSlip` — the on-demand
 * print's code, as the citizen's copy — stored in the content-addressed file store and recorded
 * with the transition as its source (unique per dossier × type × source: a rescan renders nothing
 * already recorded). Dossiers without an owner account or a code have no store copy.
 */
export async function recordSlips(tx: Db, items: TransitionFeedItem[], deps: IssuedPapersDeps): Promise<PaperPage> {
  const page: PaperPage = { made: 0 };
  const issuing = items.filter((i) => SLIP_OF_COMMAND[i.command] && i.dossier.ownerAccountId && i.dossier.code);
  if (issuing.length === 0) return page;
  const done = await alreadyRecorded(
    tx,
    Object.values(SLIP_DOCUMENT_TYPES),
    [...new Set(issuing.map((i) => i.dossierId))],
    issuing.map((i) => String(i.id)),
  );
  for (const item of issuing) {
    if (done.has(`${item.dossierId}/${item.id}`)) continue;
    await handlePaper(tx, item.id, page, deps, async (sp) => {
      const slip = await renderIssuedSlip(sp, {
        dossierId: item.dossierId,
        transitionId: item.id,
        publicUrl: deps.publicUrl,
      });
      if (!slip) return 0;
      const stored = await deps.files.put(slip.pdf);
      const documentType = SLIP_DOCUMENT_TYPES[slip.kind]!;
      const title = issuedPaperTitle(documentType, slip.formSet);
      const inserted = await sp
        .insert(storedDocuments)
        .values({
          ownerAccountId: slip.ownerAccountId,
          documentType,
          titleVi: title.vi,
          titleEn: title.en,
          issuingUnit: slip.agencyName,
          dossierId: slip.dossierId,
          dossierCode: slip.dossierCode,
          procedureCode: slip.procedureCode,
          sourceId: String(slip.transitionId),
          fileName: slip.fileName,
          mediaType: 'application/pdf',
          size: stored.size,
          sha256: stored.sha256,
          issuedAt: slip.issuedAt,
          validUntil: null,
        })
        .onConflictDoNothing()
        .returning({ id: storedDocuments.id });
      return inserted.length;
    });
  }
  return page;
}
