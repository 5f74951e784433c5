import type { Db } from '../../platform/db';
import { consumeTransitionFeed, listIssuedResultDocuments, type IssuedResultDocument } from '../dossiers';
import { feedCursor, storedDocuments } from './documents.schema';
import type { IssuedPapersDeps } from './issued-papers';
import { recordReceipts } from './record-receipts';
import { recordSlips } from './record-slips';

const CURSOR = 'documents';
const PAGE = 500;
const MAX_PAGES = 20;
/** States in which a dossier's result documents exist (issued, then returned). */
const ISSUED_STATES = new Set(['result_issued', 'returned']);

/** What each result document kind is called in the store (the titles its form prints). */
export const DOCUMENT_TITLES: Record<string, { vi: string; en: string }> = {
  CT03: { vi: 'Phiếu khai báo tạm vắng (Mẫu CT03)', en: 'Temporary absence slip (form CT03)' },
  CT07: { vi: 'Xác nhận thông tin về cư trú (Mẫu CT07)', en: 'Confirmation of residence information (form CT07)' },
  CT08: {
    vi: 'Thông báo về kết quả giải quyết đăng ký cư trú (Mẫu CT08)',
    en: 'Notice of the result of a residence registration (form CT08)',
  },
  BIRTH_EXTRACT: { vi: 'Trích lục khai sinh (bản điện tử)', en: 'Birth registration extract (electronic copy)' },
};

const titleOf = (kind: string) => DOCUMENT_TITLES[kind] ?? { vi: `Giấy tờ ${kind}`, en: `Document ${kind}` };

export interface RecordOptions {
  now?: Date;
  settleMs?: number;
  /** With these, the slips and fee receipts issued to the citizen are recorded too (record-slips.ts, record-receipts.ts). */
  papers?: IssuedPapersDeps;
}

/**
 * Records in their owners' stores the result documents of dossiers whose result was issued since
 * the last pass: reads the dossiers' transitions feed from the pass's low-water mark, and for the
 * dossiers that moved to `result_issued` or `returned` inserts one store document per result
 * attachment (unique per dossier × attachment: a document read twice is recorded once, so the
 * scan may repeat). A first pass starts at the first transition: results issued before the store
 * existed are recorded too. The cursor row is locked: one process records at a time, others skip.
 * Paper filings without a citizen account have no store. With `papers`, the same page records the
 * slips its transitions issued and the fee receipts of its `pay` moves (record-slips.ts,
 * record-receipts.ts); a paper that failed for a passing reason holds the mark for the next pass.
 * Returns how many documents were recorded.
 */
export async function recordIssuedDocuments(db: Db, options: RecordOptions = {}): Promise<number> {
  return consumeTransitionFeed(db, {
    name: CURSOR,
    cursorTable: feedCursor,
    startAt: 'first',
    pageSize: PAGE,
    maxPages: MAX_PAGES,
    now: options.now,
    settleMs: options.settleMs,
    handlePage: async (tx, items) => {
      const issued = [...new Set(items.filter((i) => ISSUED_STATES.has(i.toState)).map((i) => i.dossierId))];
      const made = await recordDocuments(tx, await listIssuedResultDocuments(tx, issued));
      if (!options.papers) return { made };
      const slips = await recordSlips(tx, items, options.papers);
      const receipts = await recordReceipts(tx, items, options.papers);
      const left = [slips.firstUnhandledId, receipts.firstUnhandledId].filter((id) => id !== undefined);
      return {
        made: made + slips.made + receipts.made,
        ...(left.length > 0 && { firstUnhandledId: Math.min(...left) }),
      };
    },
  });
}

/** Inserts the documents not recorded yet (those of dossiers without an owner account are skipped). */
async function recordDocuments(tx: Db, documents: IssuedResultDocument[]): Promise<number> {
  const owned = documents.filter((d) => d.ownerAccountId !== null);
  if (owned.length === 0) return 0;
  const inserted = await tx
    .insert(storedDocuments)
    .values(
      owned.map((d) => ({
        ownerAccountId: d.ownerAccountId!,
        documentType: d.kind,
        titleVi: titleOf(d.kind).vi,
        titleEn: titleOf(d.kind).en,
        issuingUnit: d.agencyName,
        dossierId: d.dossierId,
        dossierCode: d.dossierCode,
        procedureCode: d.procedureCode,
        attachmentId: d.attachmentId,
        fileName: d.fileName,
        mediaType: d.mediaType,
        size: d.size,
        sha256: d.sha256,
        issuedAt: d.issuedAt,
        validUntil: d.validUntil,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: storedDocuments.id });
  return inserted.length;
}
