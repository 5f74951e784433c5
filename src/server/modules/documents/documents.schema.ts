import { bigint, date, index, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Tables owned by the `documents` module: the citizen's document store (kho dữ liệu, issue 17 §3).
 * A stored document is a reference to a result file already in the content-addressed file store
 * (its SHA-256), never a copy of its bytes.
 */
export const documentsSchema = pgSchema('documents');

/**
 * One electronic document in a citizen's store: a result document of one of their dossiers, or a
 * slip or fee receipt issued to them for one (migration 0060). The
 * dossier's code, procedure and the document's facts are copied as issued (they never change
 * after issue), so listing the store reads no other module's tables. Never updated.
 */
export const storedDocuments = documentsSchema.table(
  'stored_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The citizen account whose store holds it (the dossier's owner). */
    ownerAccountId: uuid('owner_account_id').notNull(),
    /** Document type: the result document's kind (CT03, CT07, CT08), a slip's (SLIP_RECEIPT…) or RECEIPT. */
    documentType: text('document_type').notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull(),
    issuingUnit: text('issuing_unit'),
    dossierId: uuid('dossier_id').notNull(),
    dossierCode: text('dossier_code'),
    procedureCode: text('procedure_code').notNull(),
    /**
     * The dossier's result attachment it was recorded from: one store document per dossier ×
     * attachment. Null for a slip or a fee receipt, which are not attachments (`sourceId`).
     */
    attachmentId: uuid('attachment_id'),
    /**
     * What a slip or a fee receipt was issued for (migration 0060): the dossier transition that
     * issued the slip, the payment the receipt is for. One store document per dossier × type × source.
     */
    sourceId: text('source_id'),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** The file's name in the content-addressed store (platform/files). */
    sha256: text('sha256').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    /** Last day of validity (Vietnam date); null: no limit. */
    validUntil: date('valid_until'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('stored_documents_dossier_attachment_uq').on(t.dossierId, t.attachmentId),
    uniqueIndex('stored_documents_dossier_type_source_uq').on(t.dossierId, t.documentType, t.sourceId),
    index('stored_documents_owner_idx').on(t.ownerAccountId, t.issuedAt),
  ],
);

/** The recording pass's position in the dossiers' transitions feed (dossiers' `FeedCursor`). */
export const feedCursor = documentsSchema.table('feed_cursor', {
  name: text('name').primaryKey(),
  lowId: bigint('low_id', { mode: 'number' }).notNull(),
  pendingId: bigint('pending_id', { mode: 'number' }).notNull(),
  pendingSince: timestamp('pending_since', { withTimezone: true }).notNull(),
});
