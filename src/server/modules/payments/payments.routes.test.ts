import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Payment } from '../../../contracts/payments';
import { parseVnpDate, verifyParams } from '../payment-protocol';
import { completeOnGateway, FEE, openGatewayPage, startPayment, paymentWorld, type PaymentWorld } from './test-support';
import { routeHelpers } from './payments.routes.test-support';

let w: PaymentWorld;
beforeAll(async () => {
  w = await paymentWorld();
}, 60_000);
afterAll(async () => w?.close());

const { getPayment, sandboxRecord, sendIpn, errorCode } = routeHelpers(() => w);

describe('a citizen pays a dossier fee through the sandbox gateway', () => {
  let dossierId: string;
  let payment: Payment;

  it('starts a payment: 201, pending, a signed redirect with the amount × 100 and a 15-minute expiry', async () => {
    dossierId = await w.payableDossier();
    const { status, body } = await startPayment(w.citizen, dossierId);
    expect(status).toBe(201);
    expect(body.payment).toMatchObject({
      state: 'pending',
      amount: FEE,
      method: 'gateway',
      gateway: 'vnpay',
      refundedAmount: 0,
    });
    expect(body.payment.reference).toMatch(/^DVC[0-9A-Z]{12}$/);
    const url = new URL(body.redirectUrl!);
    expect(url.origin + url.pathname).toBe(`${w.base}/pay-sandbox/paymentv2/vpcpay.html`);
    const params = Object.fromEntries(url.searchParams);
    expect(verifyParams('development-only-secret-do-not-use-in-production-payment', params)).toBe(true);
    expect(params).toMatchObject({
      vnp_Amount: String(FEE * 100),
      vnp_TxnRef: body.payment.reference,
      vnp_Command: 'pay',
      vnp_Version: '2.1.0',
      vnp_CurrCode: 'VND',
    });
    expect(params.vnp_ReturnUrl).toBe(`${w.base}/api/v1/payments/gateway/return`);
    expect(parseVnpDate(params.vnp_ExpireDate)!.getTime() - parseVnpDate(params.vnp_CreateDate)!.getTime()).toBe(
      15 * 60_000,
    );
    payment = await getPayment(body.payment.id);
  });

  it('shows the payment page in Vietnamese with the amount and no script', async () => {
    const { redirectUrl } = (await startPayment(w.citizen, dossierId)).body;
    const page = await openGatewayPage(redirectUrl!);
    expect(page.status).toBe(200);
    expect(page.html).toContain('7.000 ₫');
    expect(page.html).toContain('Thanh toán');
    expect(page.html).toContain('Chế độ kiểm thử');
    expect(page.html).not.toMatch(/<script/i);
  });

  it('pays: the IPN credits the payment and the dossier once, then the browser returns to the result page', async () => {
    const { redirectUrl } = (await startPayment(w.citizen, dossierId)).body;
    const back = await completeOnGateway(w.base, redirectUrl!, 'pay');
    expect(back.status).toBe(303);
    expect(back.location.startsWith(`${w.base}/api/v1/payments/gateway/return?`)).toBe(true);
    const paid = await getPayment(payment.id);
    expect(paid).toMatchObject({ state: 'succeeded', gatewayResponseCode: '00', bankCode: 'NCB' });
    expect(paid.gatewayTransactionId).toMatch(/^\d+$/);
    expect(await w.dossierFee(dossierId)).toEqual({
      state: 'submitted',
      feeStatus: 'paid',
      feePaidAmount: FEE,
      feePaymentId: payment.id,
    });
    const ret = await fetch(back.location, { redirect: 'manual' });
    expect(ret.status).toBe(303);
    expect(ret.headers.get('location')).toBe(`/payments/${payment.id}/result`);
    expect((await sandboxRecord(payment.reference)).deliveries.map((d) => d.rspCode)).toEqual(['00']);
  });

  it('answers 02 to the same IPN again and to a second browser return, changing nothing', async () => {
    expect(await sendIpn(payment.reference)).toBe('02');
    const events = await w.t.database.rows<{ event: string }>(
      sql`select event from payments.payment_events where payment_id = ${payment.id} order by id`,
    );
    expect(events.map((e) => e.event)).toEqual(['create', 'redirect', 'ipn_succeeded']);
    expect((await w.dossierFee(dossierId)).feePaidAmount).toBe(FEE);
  });

  it('refuses to start another payment of a paid dossier (409)', async () => {
    const { status, body } = await startPayment(w.citizen, dossierId);
    expect(status).toBe(409);
    expect((body as unknown as { error: { code: string } }).error.code).toBe('PAYMENT.NOT_PAYABLE_CONFLICT');
  });
});

describe('idempotency and one open payment per dossier', () => {
  it('returns the same payment for the same Idempotency-Key, 409 for the key on another dossier, 400 without a key', async () => {
    const [d1, d2] = [await w.payableDossier(), await w.payableDossier()];
    const key = randomUUID();
    const first = await startPayment(w.citizen, d1, key);
    const again = await startPayment(w.citizen, d1, key);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toMatchObject({ reused: true, payment: { id: first.body.payment.id } });
    const other = await startPayment(w.citizen, d2, key);
    expect(other.status).toBe(409);
    const none = await w.citizen.inject({ method: 'POST', url: '/api/v1/payments', payload: { dossierId: d1 } });
    expect(none.statusCode).toBe(400);
    expect(errorCode(none).fields?.[0]?.field).toBe('Idempotency-Key');
  });

  it('returns the open payment when asked again with another key, and concurrent requests create one payment', async () => {
    const d = await w.payableDossier();
    const results = await Promise.all(Array.from({ length: 6 }, () => startPayment(w.citizen, d)));
    expect(new Set(results.map((r) => r.body.payment.id)).size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const [n] = await w.t.database.rows<{ n: string }>(
      sql`select count(*)::text as n from payments.payments where dossier_id = ${d}`,
    );
    expect(Number(n!.n)).toBe(1);
  });

  it('lets only the owner pay: another citizen gets 404, staff 403', async () => {
    const d = await w.payableDossier();
    expect((await startPayment(w.otherCitizen, d)).status).toBe(404);
    expect((await startPayment(w.police, d)).status).toBe(403);
    expect((await startPayment(w.citizen, randomUUID())).status).toBe(404);
  });
});

describe('declined, cancelled and retried payments', () => {
  it('a declined payment fails; a cancelled one is cancelled; a new payment of the dossier then succeeds', async () => {
    const d = await w.payableDossier();
    const first = (await startPayment(w.citizen, d)).body;
    await completeOnGateway(w.base, first.redirectUrl!, 'decline');
    expect(await getPayment(first.payment.id)).toMatchObject({ state: 'failed', gatewayResponseCode: '51' });
    const second = (await startPayment(w.citizen, d)).body;
    expect(second.payment.id).not.toBe(first.payment.id);
    await completeOnGateway(w.base, second.redirectUrl!, 'cancel');
    expect(await getPayment(second.payment.id)).toMatchObject({ state: 'cancelled', gatewayResponseCode: '24' });
    expect((await w.dossierFee(d)).feeStatus).toBe('unpaid');
    const third = (await startPayment(w.citizen, d)).body;
    await completeOnGateway(w.base, third.redirectUrl!, 'pay');
    expect((await getPayment(third.payment.id)).state).toBe('succeeded');
    expect(await w.dossierFee(d)).toMatchObject({ feeStatus: 'paid', feePaymentId: third.payment.id });
  });
});
