/**
 * Public face of the `payment-sandbox` module: a development/demo payment gateway speaking the
 * VNPAY v2.1-style protocol (DOMAIN.md §11), mounted at `/pay-sandbox`. Never for production: it
 * is on only when `PAYMENT_SANDBOX=on` (the default outside production).
 *
 * What it offers the merchant (DVC06's `payments` module):
 * - payment page `GET /pay-sandbox/paymentv2/vpcpay.html?vnp_…` (signed redirect) with Pay /
 *   Decline (bank refuses, code 51) / Cancel (code 24) and a "test mode" that sends the IPN late
 *   (delaySeconds), twice (concurrently), after the browser's return, with a wrong amount or a
 *   wrong signature, or not at all (`manual`);
 * - the IPN `GET ${PUBLIC_URL}/api/v1/payments/gateway/ipn?vnp_…`, retried after 2, 5 and 15 s
 *   until the merchant answers 00 or 02; then the browser goes to vnp_ReturnUrl with the same result;
 * - merchant API `POST /pay-sandbox/merchant_webapi/api/transaction` (JSON): `querydr` and
 *   `refund` (02 full / 03 partial, at most what is left; a repeated vnp_RequestId is not refunded twice);
 * - settlement file `GET /pay-sandbox/settlement?date=YYYY-MM-DD` (CSV: paid orders and refunds of the day);
 * - test API `GET /pay-sandbox/api/transactions/:txnRef` (record, refunds, IPN deliveries) and
 *   `POST /pay-sandbox/api/transactions/:txnRef/ipn {variant}` (send an IPN now: correct, wrong_amount, wrong_signature).
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../platform/config';
import type { Database } from '../../platform/db';
import { mountPaymentSandbox, type PaymentSandbox } from './payment-sandbox.plugin';

/**
 * Mounts the sandbox gateway under `/pay-sandbox` (call before `app.ready()`); its records live in
 * the `payment_sandbox` schema. `retryDelaysMs` shortens the IPN retries in tests.
 */
export async function registerPaymentSandbox(
  app: FastifyInstance,
  deps: { config: Config; database: Database },
  options: { retryDelaysMs?: readonly number[] } = {},
): Promise<PaymentSandbox> {
  return mountPaymentSandbox(app, deps, options);
}

export { PAY_SANDBOX_PREFIX, type PaymentSandbox } from './payment-sandbox.plugin';
export { SETTLEMENT_COLUMNS, settlementCsv } from './payment-sandbox.settlement';
export { resultParams, type IpnVariant, type Merchant } from './payment-sandbox.ipn';
export type { IpnOptions } from './payment-sandbox.schema';
