import { join } from 'node:path';
import { and, inArray } from 'drizzle-orm';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { diskFileStore, type FileStore } from '../../platform/files';
import { loadReceiptIssuers, type ReceiptDeps, type ReceiptIssuers } from '../payments';
import { storedDocuments } from './documents.schema';

/*
 * What the recording pass needs to keep the papers issued to a citizen besides results — the slips
 * (record-slips.ts) and the fee receipt (record-receipts.ts) — in their store (issue 17 §3).
 */

/** The file store, the public address printed in a slip's QR code, and the receipts' issuers. */
export interface IssuedPapersDeps {
  files: FileStore;
  publicUrl: string;
  /** The payments module's receipt issuing (its configuration and the collecting bodies' keys). */
  receipts: Omit<ReceiptDeps, 'db'>;
  /** Told of a paper skipped for good (the error names a code and fields, never a person's data). */
  onSkipped?: (error: AppError) => void;
}

/** The deps from the configuration (the collecting bodies' keys opened now, as the receipt routes do). */
export async function issuedPapersDeps(config: Config): Promise<IssuedPapersDeps> {
  const issuers: ReceiptIssuers = await loadReceiptIssuers(config);
  return {
    files: diskFileStore(join(config.DATA_DIR, 'files')),
    publicUrl: config.PUBLIC_URL,
    receipts: { config, issuers },
  };
}

/** What one page of papers left: how many were recorded, and the first transition to try again. */
export interface PaperPage {
  made: number;
  firstUnhandledId?: number;
}

/**
 * The dossiers among `dossierIds` that already hold a document of `documentType` (with `sourceId`
 * among `sourceIds` when given): what a rescan of the feed does not issue or render again.
 */
export async function alreadyRecorded(
  tx: Db,
  documentType: string | string[],
  dossierIds: string[],
  sourceIds?: string[],
): Promise<Set<string>> {
  if (dossierIds.length === 0) return new Set();
  const rows = await tx
    .select({ dossierId: storedDocuments.dossierId, sourceId: storedDocuments.sourceId })
    .from(storedDocuments)
    .where(
      and(
        inArray(storedDocuments.documentType, [documentType].flat()),
        inArray(storedDocuments.dossierId, dossierIds),
        ...(sourceIds ? [inArray(storedDocuments.sourceId, sourceIds)] : []),
      ),
    );
  return new Set(rows.map((r) => (sourceIds ? `${r.dossierId}/${r.sourceId}` : r.dossierId)));
}

/**
 * One paper handled in its own savepoint. A refusal the issuing code states (an `AppError`: a
 * history the slip cannot print, a receipt whose collecting body is not configured) is not retried:
 * it would hold the feed's mark forever; it is skipped (0) and told to `onSkipped`. Anything else (the file store, the
 * database) leaves the transition for the next pass.
 */
export async function handlePaper(
  tx: Db,
  transitionId: number,
  page: PaperPage,
  deps: Pick<IssuedPapersDeps, 'onSkipped'>,
  handle: (sp: Db) => Promise<number>,
): Promise<void> {
  try {
    page.made += await tx.transaction(handle);
  } catch (error) {
    if (error instanceof AppError) return deps.onSkipped?.(error);
    page.firstUnhandledId = Math.min(page.firstUnhandledId ?? Infinity, transitionId);
  }
}
