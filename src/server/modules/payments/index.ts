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
  PAYMENT_EVENTS, PAYMENT_RULES, OPEN_STATES, CREDITED_STATES, RETRYABLE_STATES, nextState, statesAllowing, checkRefund, stateAfterRefund,
  type PaymentEvent, type PaymentRule, type RefundCheck,
} from './lifecycle';

/** The gateway interface (redirect, IPN, return, query, refund) and its types. */
export type { PaymentGateway, GatewayOrder, GatewayResult, GatewayQueryResult, GatewayRefundRequest, GatewayRefundResult } from './gateway';

/** The VNPAY v2.1-style adapter and the protocol's signing rules (shared with the sandbox gateway). */
export { VnpayGateway, GatewayError, newRequestId, type VnpayOptions } from './vnpay.gateway';
export {
  VNP_VERSION, VNP_RESULT, VNP_TXN_STATUS, VNP_API_CODE, API_HASH_FIELDS, signedData, signParams, signedQuery, verifyParams, vnpParamsOf, signApi, verifyApi,
  formatVnpDate, parseVnpDate, toVnpAmount, fromVnpAmount, asciiOrderInfo, hmacSha512, type VnpParams, type ApiHashKind,
} from './vnpay.protocol';

/** Use cases, for the routes, the CLI, the benchmark and later modules (reconciliation, receipts, statistics). */
export {
  createPayment, getPayment, listPayments, listDossierPayments, queryGatewayStatus, gatewayFromConfig, newPaymentReference, type PaymentDeps,
} from './payments.service';
export { refundPayment, retryRefund } from './refund';

/** The IPN (the only place a payment's state changes) and the browser return (display only). */
export { handleIpn, handleReturn, resultPagePath, IPN_ANSWERS, type SettlementDeps } from './settlement';

/** The expiry job of each server process (started by main.ts), and one pass of it. */
export { startPaymentExpiryJob, expirePayments, type PaymentExpiryJob } from './expiry';

/** Security events of the gateway endpoints (no personal data). */
export { recordSecurityEvent, type SecurityEventKind, type SecurityEvent } from './security-events';

/** Error codes of the module. */
export { PAYMENT_ERRORS } from './payments.errors';

/** Who may pay, see, refund and query a payment (pure). */
export { canPay, canSeePayment, canRefund, canQueryGateway } from './payments.policy';
