import { z } from 'zod';
import { bilingual } from './messages';
import { IsoDate, PageQuery, UnitCode } from './common';
import { Payment, PaymentMethod, PaymentState } from './payments';

/**
 * HTTP shapes of the VietQR transfer, bank-statement settlement, daily reconciliation, receipt and
 * online-share endpoints of /api/v1/payments. Amounts are integer VND.
 */

/** Body of POST /api/v1/payments/vietqr (header `Idempotency-Key` optional). */
export const CreateVietqrBody = z.object({
  dossierId: z.uuid(bilingual('Mã hồ sơ không hợp lệ', 'The dossier id is not valid')),
});
export type CreateVietqrBody = z.infer<typeof CreateVietqrBody>;

/** A VietQR transfer order: what the citizen's banking app needs, and the QR to scan. */
export const VietqrTransfer = z.object({
  payment: Payment,
  /** Our reference; the citizen must keep it in the transfer's description (nội dung chuyển khoản). */
  reference: z.string(),
  amount: z.number().int(),
  /** The EMVCo / VietQR payload encoded in the QR code. */
  payload: z.string(),
  /** The QR code as a PNG data URL (`data:image/png;base64,…`). */
  qrPngDataUrl: z.string(),
  account: z.object({ bankBin: z.string(), accountNo: z.string(), accountName: z.string() }),
  expiresAt: z.string(),
  /** True when an open VietQR order of the dossier (or of the same Idempotency-Key) was returned. */
  reused: z.boolean(),
});
export type VietqrTransfer = z.infer<typeof VietqrTransfer>;

/** Outcome of one bank-statement line. */
export const STATEMENT_OUTCOMES = ['matched', 'already_credited', 'wrong_amount', 'unknown_reference'] as const;
export const StatementOutcome = z.enum(STATEMENT_OUTCOMES);
export type StatementOutcome = z.infer<typeof StatementOutcome>;

/** One line of a statement in an import report (the description is cut to 200 characters). */
export const StatementReportLine = z.object({
  line: z.number().int(),
  bankTransactionId: z.string(),
  amount: z.number().int(),
  transactionAt: z.string(),
  reference: z.string().nullable(),
  paymentId: z.string().nullable(),
  dossierCode: z.string().nullable(),
  /** The payment's amount when it differs (wrong amount). */
  expectedAmount: z.number().int().nullable(),
  description: z.string(),
});
export type StatementReportLine = z.infer<typeof StatementReportLine>;

/** Answer of POST /api/v1/payments/statements: every credit line of the file in exactly one list. */
export const StatementImportReport = z.object({
  importId: z.string(),
  fileName: z.string(),
  /** Credit lines read (debit lines and zero amounts are skipped and counted in `skippedDebits`). */
  lines: z.number().int(),
  skippedDebits: z.number().int(),
  /** Credited now: the payment succeeded and the dossier's fee is paid. */
  matched: z.array(StatementReportLine),
  /** The reference's payment (or its dossier) was already paid: money to return by hand. */
  alreadyCredited: z.array(StatementReportLine),
  /** Reference found but the amount differs from the payment's: nothing credited. */
  wrongAmount: z.array(StatementReportLine),
  /** No known VietQR reference in the description. */
  unknownReference: z.array(StatementReportLine),
  /** Bank transaction id already imported (earlier, or twice in this file): not processed again. */
  duplicates: z.array(StatementReportLine),
  /** The reference belongs to a payment outside the caller's units: not recorded, left for an officer of that unit. */
  outOfScope: z.array(StatementReportLine),
});
export type StatementImportReport = z.infer<typeof StatementImportReport>;

/** Query of GET /api/v1/payments/statements/lines. */
export const StatementLinesQuery = PageQuery.extend({ outcome: StatementOutcome.optional() });
export type StatementLinesQuery = z.infer<typeof StatementLinesQuery>;

export const StatementLine = StatementReportLine.omit({ line: true, expectedAmount: true }).extend({
  id: z.string(),
  outcome: StatementOutcome,
  importId: z.string(),
  importedAt: z.string(),
});
export type StatementLine = z.infer<typeof StatementLine>;

/** Query of POST /api/v1/payments/reconciliation/settlement-files (the file's day). */
export const SettlementFileQuery = z.object({ day: IsoDate });
export type SettlementFileQuery = z.infer<typeof SettlementFileQuery>;

export const SettlementFileResult = z.object({
  day: z.string(),
  payments: z.number().int(),
  refunds: z.number().int(),
  /** True when it replaced an earlier file of the same day. */
  replaced: z.boolean(),
});
export type SettlementFileResult = z.infer<typeof SettlementFileResult>;

/** Query of GET /api/v1/payments/reconciliation/daily (and daily.xlsx). */
export const DailyReportQuery = z.object({ day: IsoDate, unitCode: UnitCode.optional() });
export type DailyReportQuery = z.infer<typeof DailyReportQuery>;

export const MISMATCH_KINDS = ['missing_here', 'missing_in_file', 'amount_differs'] as const;
export const MismatchKind = z.enum(MISMATCH_KINDS);

export const ReconciliationMismatch = z.object({
  /** missing_here: in the gateway's file but not succeeded here; missing_in_file: succeeded here, not in the file; amount_differs. */
  kind: MismatchKind,
  reference: z.string(),
  gatewayTransactionId: z.string().nullable(),
  fileAmount: z.number().int().nullable(),
  ourAmount: z.number().int().nullable(),
  ourState: PaymentState.nullable(),
  paymentId: z.string().nullable(),
  dossierCode: z.string().nullable(),
  unitCode: z.string().nullable(),
});
export type ReconciliationMismatch = z.infer<typeof ReconciliationMismatch>;

export const DailyReport = z.object({
  day: z.string(),
  unitCode: z.string().nullable(),
  /** Payments created that day, per method and state. */
  byMethodAndState: z.array(
    z.object({ method: PaymentMethod, state: PaymentState, count: z.number().int(), amount: z.number().int() }),
  ),
  totals: z.object({
    created: z.number().int(),
    createdAmount: z.number().int(),
    /** Credited that day (paid_at in the day), by any method. */
    paid: z.number().int(),
    paidAmount: z.number().int(),
    /** Refunds confirmed that day. */
    refunds: z.number().int(),
    refundedAmount: z.number().int(),
  }),
  /** The gateway's settlement file of the day, if imported. */
  settlementFile: z
    .object({ importedAt: z.string(), payments: z.number().int(), refunds: z.number().int() })
    .nullable(),
  /** Empty when no file was imported. */
  mismatches: z.array(ReconciliationMismatch),
});
export type DailyReport = z.infer<typeof DailyReport>;

/** A month as YYYY-MM. */
const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, bilingual('Tháng phải có dạng YYYY-MM', 'A month is written YYYY-MM'));

/** Query of GET /api/v1/payments/stats/online-share. */
export const OnlineShareQuery = z.object({ from: Month, to: Month, unitCode: UnitCode.optional() });
export type OnlineShareQuery = z.infer<typeof OnlineShareQuery>;

export const OnlineShareRow = z.object({
  unitCode: z.string(),
  month: z.string(),
  gateway: z.number().int(),
  vietqr: z.number().int(),
  online: z.number().int(),
  /** Fees paid in cash at the counter; null until the dossiers module publishes the count. */
  cash: z.number().int().nullable(),
  /** online / (online + cash); null when cash is unknown or nothing was paid. */
  onlineShare: z.number().nullable(),
});
export type OnlineShareRow = z.infer<typeof OnlineShareRow>;

export const OnlineShare = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(OnlineShareRow),
  /** All units of the answer together, per month. */
  total: z.array(OnlineShareRow.omit({ unitCode: true })),
  cashKnown: z.boolean(),
});
export type OnlineShare = z.infer<typeof OnlineShare>;
