import { and, desc, eq } from 'drizzle-orm';
import { todayInVietnam } from '../../../contracts/common';
import type { StoredDocument, StoredDocumentList } from '../../../contracts/documents';
import type { Db } from '../../platform/db';
import type { FileStore } from '../../platform/files';
import type { AccessContext } from '../identity';
import { documentNotFound } from './documents.errors';
import { storedDocuments } from './documents.schema';
import { documentCodesServedBy } from './document-types';

type Row = typeof storedDocuments.$inferSelect;

/** Usable on `today` (Vietnam date): no limit, or valid until today or later. */
export const isValidOn = (validUntil: string | null, today: string): boolean =>
  validUntil === null || validUntil >= today;

/** Row → API JSON with explicit fields (the owner's account id stays inside). */
export function presentDocument(row: Row, today: string): StoredDocument {
  return {
    id: row.id,
    documentType: row.documentType,
    titleVi: row.titleVi,
    titleEn: row.titleEn,
    issuingUnit: row.issuingUnit,
    dossierCode: row.dossierCode,
    procedureCode: row.procedureCode,
    fileName: row.fileName,
    mediaType: row.mediaType,
    size: row.size,
    issuedAt: row.issuedAt.toISOString(),
    validUntil: row.validUntil,
    valid: isValidOn(row.validUntil, today),
    servesDocumentCodes: [...documentCodesServedBy(row.documentType)],
  };
}

/** The signed-in citizen's store, newest first. */
export async function listMyDocuments(db: Db, access: AccessContext, now = new Date()): Promise<StoredDocumentList> {
  const rows = await db
    .select()
    .from(storedDocuments)
    .where(eq(storedDocuments.ownerAccountId, access.actor!.accountId))
    .orderBy(desc(storedDocuments.issuedAt), desc(storedDocuments.recordedAt))
    .limit(500);
  const today = todayInVietnam(now);
  return { items: rows.map((r) => presentDocument(r, today)) };
}

/** One document of `ownerAccountId`'s store, or undefined (absent, or someone else's). */
export async function findOwnDocument(db: Db, ownerAccountId: string, id: string): Promise<Row | undefined> {
  const [row] = await db
    .select()
    .from(storedDocuments)
    .where(and(eq(storedDocuments.id, id), eq(storedDocuments.ownerAccountId, ownerAccountId)));
  return row;
}

/**
 * A document's file for its owner, read from the content-addressed store by its hash. Another
 * citizen's document answers as a missing one. Not written to the access log: the owner reading
 * their own document is not a read of someone's personal data by another (the log's subject).
 */
export async function readMyDocumentFile(
  db: Db,
  files: FileStore,
  access: AccessContext,
  id: string,
): Promise<{ row: Row; data: Buffer }> {
  const row = await findOwnDocument(db, access.actor!.accountId, id);
  if (!row) throw documentNotFound();
  return { row, data: await files.read(row.sha256) };
}
