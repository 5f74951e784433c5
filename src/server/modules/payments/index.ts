/**
 * Public face of the `payments` module (issue #5 §2, §3): online payment (thanh toán trực tuyến)
 * of dossier fees through a payment gateway (cổng thanh toán) speaking the VNPAY v2.1-style
 * protocol of DOMAIN.md §11; one lifecycle state machine; exactly-once settlement from the
 * gateway's IPN, in one transaction with the dossier's fee (ADR 0010); refunds (hoàn tiền);
 * security events for bad signatures and wrong amounts; the expiry job.
 */

/** HTTP routes for /api/v1/payments (registered by app.ts). `options.gateway` replaces the configured gateway (tests). */
export { paymentsRoutes } from './payments.routes';

/** The lifecycle: events, their states, `nextState`, `checkRefund`; state groups (open, credited, retryable). */
export {
  PAYMENT_EVENTS,
  PAYMENT_RULES,
  OPEN_STATES,
  CREDITED_STATES,
  RETRYABLE_STATES,
  nextState,
  statesAllowing,
  checkRefund,
  stateAfterRefund,
  type PaymentEvent,
  type PaymentRule,
  type RefundCheck,
} from './lifecycle';

/** The gateway interface (redirect, IPN, return, query, refund) and its types. */
export type {
  PaymentGateway,
  GatewayOrder,
  GatewayResult,
  GatewayQueryResult,
  GatewayRefundRequest,
  GatewayRefundResult,
} from './gateway';

/** The VNPAY v2.1-style adapter (the protocol itself is the `payment-protocol` module). */
export { VnpayGateway, GatewayError, newRequestId, type VnpayOptions } from './vnpay.gateway';

/** Use cases, for the routes, the CLI, the benchmark and later modules (reconciliation, receipts, statistics). */
export {
  createPayment,
  getPayment,
  listPayments,
  listDossierPayments,
  queryGatewayStatus,
  gatewayFromConfig,
  newPaymentReference,
  type PaymentDeps,
} from './payments.service';
export { refundPayment, retryRefund } from './refund';

/** The IPN (the only place a payment's state changes) and the browser return (display only). */
export { handleIpn, handleReturn, resultPagePath, IPN_ANSWERS, type SettlementDeps } from './settlement';

/** The dossiers module's withdrawal hook (wired by app.ts): closes the dossier's open payments and queues refunds of money it holds. */
export { closePaymentsOfWithdrawnDossier } from './withdrawal';

/** The expiry job of each server process (started by main.ts), and one pass of it. */
export { startPaymentExpiryJob, expirePayments, type PaymentExpiryJob } from './expiry';

/** Security events of the gateway endpoints (no personal data). */
export { recordSecurityEvent, type SecurityEventKind, type SecurityEvent } from './security-events';

/** Error codes of the module. */
export { PAYMENT_ERRORS } from './payments.errors';

/** Who may pay, see, refund and query a payment (pure). */
export { canPay, canSeePayment, canRefund, canQueryGateway } from './payments.policy';

/**
 * More routes under /api/v1/payments (registered by app.ts beside `paymentsRoutes`): VietQR
 * transfer orders, bank-statement import, the gateway settlement file and daily reconciliation
 * (JSON / XLSX), receipts (PDF), the online-share statistics.
 */
export { paymentsReportsRoutes } from './payments.reports.routes';

/**
 * VietQR (NAPAS 247 EMVCo) payloads: `vietqrPayload({ bankBin, accountNo, amount, purpose })` → string
 * with its CRC-16/CCITT-FALSE; `decodeVietqr(payload)` reads it back; `crc16CcittFalse(text)`.
 */
export { vietqrPayload, decodeVietqr, crc16CcittFalse, type VietqrInput, type DecodedVietqr } from './vietqr';

/** A citizen's VietQR transfer order for their dossier, and reading it again. */
export { createVietqrPayment, getVietqrTransfer, VIETQR_GATEWAY, type VietqrDeps } from './vietqr.service';

/**
 * `importStatement(db, access, csvBytes, fileName)` → the report { matched, alreadyCredited,
 * wrongAmount, unknownReference, duplicates, outOfScope }: credits each VietQR payment found by
 * reference and exact amount once, in one transaction with `settleDossierFee`; the statement's
 * columns are documented in statement-file.ts (`STATEMENT_COLUMNS`).
 */
export { importStatement, listStatementLines } from './statements.service';
export { readStatementFile, referencesIn, STATEMENT_COLUMNS } from './statement-file';

/** The daily reconciliation: settlement-file import, the report (JSON) and its XLSX workbook; the pure comparison. */
export { importSettlementFile, dailyReport, dailyReportXlsx, type ReconciliationDeps } from './reconciliation.service';
export { readSettlementFile, findMismatches, SETTLEMENT_FILE_COLUMNS } from './reconciliation';

/** The receipt (biên lai điện tử) PDF of a successful payment; the amount in Vietnamese words. */
export { paymentReceipt } from './receipt.service';
export { renderReceipt, formatVnd, type ReceiptData } from './receipt';
export { vndInWords, integerToVietnamese } from './vietnamese-words';

/**
 * `onlinePaymentShare(db, { from: 'YYYY-MM', to: 'YYYY-MM', unitCodes: string[] | null }, cashCounts?)`
 * → { rows: per unit and month { gateway, vietqr, online, cash, onlineShare }, total per month, cashKnown }.
 * Without `cashCounts` (the dossiers module's cash fee counts) cash and shares are null.
 */
export { onlinePaymentShare, type CashCounts, type OnlineShareOptions } from './online-share';

/** Error codes of the VietQR / statement / reconciliation / receipt / statistics use cases. */
export { PAYMENT_REPORT_ERRORS } from './reports.errors';
