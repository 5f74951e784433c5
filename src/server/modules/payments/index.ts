/**
 * Public face of the `payments` module: online payment (thanh toán trực tuyến) of dossier fees
 * through a payment gateway speaking the VNPAY v2.1-style protocol (module `payment-protocol`) or
 * by VietQR bank transfer; one lifecycle state machine; exactly-once settlement from the gateway's
 * IPN, in one transaction with the dossier's fee (ADR 0010); refunds (hoàn tiền); receipts; the
 * expiry job. Only what code outside the module uses is exported here.
 */

/** HTTP routes for /api/v1/payments (registered by app.ts). `options.gateway` replaces the configured gateway (tests). */
export { paymentsRoutes } from './payments.routes';

/** The dossiers module's withdrawal hook (wired by app.ts): closes the dossier's open payments and queues refunds of money it holds. */
export { closePaymentsOfWithdrawnDossier } from './withdrawal';

/** Expiring open payments whose gateway time ran out: one pass (the server's job queue, every 30 s), or on a timer (tests). */
export { expirePayments, startPaymentExpiryJob, type PaymentExpiryJob } from './expiry';

/** The configured gateway (its name is the `gateway` of the payments it settles). */
export { gatewayFromConfig } from './payments.service';

/**
 * For the citizen's document store (`documents`, issue 17 §3): the electronic receipt of the online
 * payment that settled a dossier's fee — issued once (rendered, signed, stored) if never downloaded —
 * and the collecting bodies' settings and keys it is signed with.
 */
export { issuedReceiptOfDossier, type IssuedFeeReceipt, type ReceiptDeps } from './receipt.service';
export { loadReceiptIssuers, type ReceiptIssuers } from './receipt-issuers';

/** For `notifications`: the amount actually paid for a dossier's fee and the refunds of it (the citizen's messages). */
export { dossierFeeMoney, type DossierFeeMoney } from './fee-moves';

/** Refusal shared with the reconciliation use cases (PAYMENT.FORBIDDEN). */
export { paymentForbidden } from './payments.errors';

/**
 * For `payment-reconciliation`: crediting VietQR payments from bank-statement lines (the same
 * compare-and-set as the IPN, with the dossier's fee), recording money a dossier refused for refund.
 */
export {
  findVietqrPayments,
  creditVietqrPayment,
  isRefusedCredit,
  recordRefusedTransfer,
  isCredited,
  type VietqrPayment,
  type TransferCredit,
} from './vietqr.credit';

/** For `payment-reconciliation`: read-only figures for the daily reconciliation and the online share (and the list behind it). */
export {
  dailyPaymentFigures,
  settlementCandidates,
  onlinePaymentCounts,
  onlinePaymentsPage,
  type OnlinePaymentListRow,
  type DailyPaymentFigures,
  type SettlementCandidate,
  type Period,
} from './payments.figures';
