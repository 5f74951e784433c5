import { sql } from 'drizzle-orm';
import { boolean, check, integer, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { payments, paymentsSchema } from './payments.schema';

/**
 * Electronic fee receipts (biên lai điện tử thu phí, lệ phí; ADR 0015). A credited payment gets
 * its receipt number in the transaction that credits it: numbers are per collecting body and year
 * (Vietnam time), gap-free (a counter row upserted inside the transaction, as dossier codes are,
 * ADR 0007) and of at most 8 digits. The collecting body's name, tax code, symbols and the signed
 * PDF's hash are frozen when the receipt is first issued (rendered and signed).
 */

/** The last receipt number of a collecting body in a year; the upsert's row lock serialises numbering. */
export const receiptCounters = paymentsSchema.table(
  'receipt_counters',
  {
    collectingUnitCode: text('collecting_unit_code').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.collectingUnitCode, t.year] }),
    check('receipt_counters_number_ck', sql`${t.lastNumber} between 1 and 99999999`),
  ],
);

export const receipts = paymentsSchema.table(
  'receipts',
  {
    paymentId: uuid('payment_id')
      .primaryKey()
      .references(() => payments.id),
    /** The unit that received the dossier and collects its fee. */
    collectingUnitCode: text('collecting_unit_code').notNull(),
    /** Calendar year (Vietnam time) of `issuedAt`: numbering restarts on 1 January. */
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    /** When the fee was credited, which is when the receipt is made (its date). */
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    /** Random, in the verification link printed on the receipt (base64url, 22 characters). */
    verificationToken: text('verification_token').notNull(),
    /** Frozen at the first issue (rendering and signing); null before. */
    collectingBodyName: text('collecting_body_name'),
    taxCode: text('tax_code'),
    formSymbol: text('form_symbol'),
    seriesSymbol: text('series_symbol'),
    /** True when a demonstration issuer (fake tax code, development key) issued it. */
    demo: boolean('demo'),
    /** SHA-256 of the signed PDF in the file store, and of the signing certificate (DER). */
    pdfSha256: text('pdf_sha256'),
    certificateSha256: text('certificate_sha256'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('receipts_number_uq').on(t.collectingUnitCode, t.year, t.number),
    uniqueIndex('receipts_token_uq').on(t.verificationToken),
    check('receipts_number_ck', sql`${t.number} between 1 and 99999999`),
  ],
);
