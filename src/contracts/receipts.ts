import { z } from 'zod';

/** Shapes of the electronic fee receipt's public verification (ADR 0015), shared by server and web. */

/** A verification token: 16 random bytes in base64url, as printed in the receipt's link. */
export const RECEIPT_TOKEN_FORM = /^[A-Za-z0-9_-]{22}$/;

/** What the public verification page shows of a receipt: no payer data. */
export const ReceiptVerification = z.object({
  formSymbol: z.string(),
  seriesSymbol: z.string(),
  /** Eight digits as printed, e.g. "00000042". */
  number: z.string(),
  year: z.number().int(),
  collectingBodyName: z.string(),
  taxCode: z.string(),
  /** When the fee was credited (the receipt's date). */
  issuedAt: z.string(),
  amount: z.number().int(),
  /** Refunded since the receipt was issued (0 = none). */
  refundedAmount: z.number().int(),
  procedureName: z.string(),
  /** Issued with demonstration values (fake tax code, development key): no legal value. */
  demo: z.boolean(),
  /** SHA-256 (hex) of the signed PDF as issued: a holder can compare their file. */
  pdfSha256: z.string(),
  signature: z.object({
    valid: z.boolean(),
    /** Why it is not valid (technical, English); null when valid. */
    problem: z.string().nullable(),
    /** The signing certificate's subject common name. */
    signer: z.string().nullable(),
    certificateSha256: z.string().nullable(),
    signedAt: z.string().nullable(),
  }),
});
export type ReceiptVerification = z.infer<typeof ReceiptVerification>;
