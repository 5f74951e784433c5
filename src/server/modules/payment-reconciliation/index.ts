/**
 * Public face of the `payment-reconciliation` module: what happens to payments after the money
 * moved — the receiving account's bank statement (sao kê) settles VietQR transfers, the gateway's
 * daily settlement file is compared with DVC06's records (đối soát, JSON or XLSX), and the share of
 * fees paid online per unit and month. It uses `payments` only through that module's index.ts; its
 * tables stay in the `payments` database schema (bank_statement_lines, settlement_files, settlement_lines).
 */

/** HTTP routes under /api/v1/payments (statements, reconciliation, statistics), registered by app.ts. */
export { paymentReconciliationRoutes } from './payment-reconciliation.routes';

/**
 * `onlinePaymentShare(db, { from: 'YYYY-MM', to: 'YYYY-MM', unitCodes }, cashCounts?)` → per unit
 * and month the fee payments made online (gateway, VietQR) and in cash, and the online share; a
 * total per month. Throws PAYMENT.PERIOD_INVALID (400) for a reversed period or one over 60 months.
 */
export { onlinePaymentShare, type CashCounts, type OnlineShareOptions } from './online-share';
/**
 * What payments count for the plan's target 7 (online share of fee payments), for the kpi module;
 * with `cashPage` (the dossiers' `cashFeePage`) it also gives the list behind a unit's figure.
 */
export { paymentIndicatorSources, type CashPage } from './indicator-sources';
