import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Payment } from '../../../contracts/payments';
import { expirePayments } from './expiry';
import { recordSecurityEvent } from './security-events';
import { parseVnpDate, verifyParams } from '../payment-protocol';
import {
  completeOnGateway,
  FEE,
  gatewayResult,
  openGatewayPage,
  paymentWorld,
  startPayment,
  type PaymentWorld,
} from './test-support';

let w: PaymentWorld;
beforeAll(async () => {
  w = await paymentWorld();
}, 60_000);
afterAll(async () => w?.close());

const getPayment = async (id: string, session = w.citizen) =>
  (await session.inject(`/api/v1/payments/${id}`)).json<Payment>();
const sandboxRecord = async (reference: string) =>
  (await fetch(`${w.base}/pay-sandbox/api/transactions/${reference}`)).json() as Promise<{
    state: string;
    deliveries: Array<{ rspCode: string | null; variant: string }>;
    refunds: Array<{ amount: number }>;
  }>;
const securityEvents = (reference: string) =>
  w.t.database.rows<{ kind: string; channel: string; source_ip: string | null }>(
    sql`select kind, channel, source_ip from payments.security_events where payment_reference = ${reference} order by id`,
  );
const ipn = async (query: string) =>
  (await (await fetch(`${w.base}/api/v1/payments/gateway/ipn?${query}`)).json()) as { RspCode: string };
/** Sends the sandbox order's IPN now through the sandbox's test API; the merchant's answer code. */
const sendIpn = async (reference: string, variant = 'correct') =>
  (
    (await (
      await fetch(`${w.base}/pay-sandbox/api/transactions/${reference}/ipn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ variant }),
      })
    ).json()) as { rspCode: string }
  ).rspCode;
const errorCode = (res: { json: () => unknown }) =>
  (res.json() as { error: { code: string; fields?: Array<{ field: string }> } }).error;

/** Waits until the payment reaches `state` (IPNs sent late arrive on their own). */
async function until(id: string, state: string, ms = 8_000): Promise<Payment> {
  const end = Date.now() + ms;
  for (;;) {
    const p = await getPayment(id);
    if (p.state === state || Date.now() > end) return p;
    await new Promise((r) => setTimeout(r, 100));
  }
}

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

describe('the sandbox test modes: IPN late, twice, out of order, wrong amount, wrong signature', () => {
  it('twice (concurrently): one 00 and one 02, one credit', async () => {
    const d = await w.payableDossier();
    const { payment, redirectUrl } = (await startPayment(w.citizen, d)).body;
    await completeOnGateway(w.base, redirectUrl!, 'pay', { twice: '1' });
    expect((await sandboxRecord(payment.reference)).deliveries.map((x) => x.rspCode).sort()).toEqual(['00', '02']);
    expect((await getPayment(payment.id)).state).toBe('succeeded');
    expect((await w.dossierFee(d)).feePaidAmount).toBe(FEE);
  });

  it('after the return: the browser is back while the payment is still pending; the IPN credits it afterwards', async () => {
    const d = await w.payableDossier();
    const { payment, redirectUrl } = (await startPayment(w.citizen, d)).body;
    const back = await completeOnGateway(w.base, redirectUrl!, 'pay', { afterReturn: '1' });
    const ret = await fetch(back.location, { redirect: 'manual' });
    expect(ret.headers.get('location')).toBe(`/payments/${payment.id}/result`);
    expect((await getPayment(payment.id)).state).toBe('pending'); // the return changed nothing
    expect((await until(payment.id, 'succeeded')).state).toBe('succeeded');
  });

  it('late (1 s): credited when it arrives', async () => {
    const d = await w.payableDossier();
    const { payment, redirectUrl } = (await startPayment(w.citizen, d)).body;
    await completeOnGateway(w.base, redirectUrl!, 'pay', { delaySeconds: '1' });
    expect((await getPayment(payment.id)).state).toBe('pending');
    expect((await until(payment.id, 'succeeded')).state).toBe('succeeded');
  });

  it('wrong amount: 04, nothing changes, a security event with the reference and the gateway address', async () => {
    const d = await w.payableDossier();
    const { payment, redirectUrl } = (await startPayment(w.citizen, d)).body;
    await completeOnGateway(w.base, redirectUrl!, 'pay', { wrongAmount: '1' });
    expect((await sandboxRecord(payment.reference)).deliveries).toEqual([
      expect.objectContaining({ variant: 'wrong_amount', rspCode: '04' }),
    ]);
    expect((await getPayment(payment.id)).state).toBe('pending');
    expect((await w.dossierFee(d)).feeStatus).toBe('unpaid');
    expect(await securityEvents(payment.reference)).toEqual([
      { kind: 'wrong_amount', channel: 'ipn', source_ip: '127.0.0.1' },
    ]);
  });

  it('wrong signature: 97, nothing changes, a security event', async () => {
    const d = await w.payableDossier();
    const { payment, redirectUrl } = (await startPayment(w.citizen, d)).body;
    await completeOnGateway(w.base, redirectUrl!, 'pay', { wrongSignature: '1' });
    expect((await sandboxRecord(payment.reference)).deliveries.map((x) => x.rspCode)).toEqual(['97']);
    expect((await getPayment(payment.id)).state).toBe('pending');
    expect((await securityEvents(payment.reference)).map((e) => e.kind)).toEqual(['bad_signature']);
  });

  it('answers 01 to a signed IPN for an order we never issued, and 97 to an unsigned one', async () => {
    expect(await ipn(gatewayResult({ reference: 'DVCNOSUCHORDER01', amount: FEE, transactionNo: '99' }))).toEqual({
      RspCode: '01',
      Message: 'Order not found',
    });
    expect((await ipn('vnp_TxnRef=DVC1&vnp_Amount=700000&vnp_ResponseCode=00')).RspCode).toBe('97');
    expect((await ipn('')).RspCode).toBe('97');
  });

  it('a return with a bad signature only shows the page with an error, and is recorded without the browser address', async () => {
    const d = await w.payableDossier();
    const { payment } = (await startPayment(w.citizen, d)).body;
    const forged = gatewayResult(
      { reference: payment.reference, amount: FEE, transactionNo: '1' },
      'a-forger-secret-that-is-long-enough!!',
    );
    const res = await fetch(`${w.base}/api/v1/payments/gateway/return?${forged}`, { redirect: 'manual' });
    expect(res.headers.get('location')).toBe(`/payments/${payment.id}/result?error=signature`);
    expect(await securityEvents(payment.reference)).toEqual([
      { kind: 'bad_signature', channel: 'return', source_ip: null },
    ]);
    expect((await getPayment(payment.id)).state).toBe('pending');
  });
});

describe('security events', () => {
  it('are logged at warn with identifiers and codes only, and a browser address is never stored', async () => {
    const warn = vi.fn();
    await recordSecurityEvent(
      w.t.database.db,
      { warn },
      {
        kind: 'wrong_amount',
        channel: 'return',
        reference: 'DVCLOGTEST000001',
        sourceIp: '203.0.113.9',
        detail: { expected: 7000, received: 8000 },
      },
    );
    expect(warn).toHaveBeenCalledWith(
      {
        paymentSecurityEvent: 'wrong_amount',
        channel: 'return',
        reference: 'DVCLOGTEST000001',
        expected: 7000,
        received: 8000,
      },
      'payment gateway security event',
    );
    expect(await securityEvents('DVCLOGTEST000001')).toEqual([
      { kind: 'wrong_amount', channel: 'return', source_ip: null },
    ]);
  });
});

describe('expiry', () => {
  it('expires open payments after PAYMENT_EXPIRY_MINUTES; a new payment can then be made', async () => {
    const d = await w.payableDossier();
    const { payment } = (await startPayment(w.citizen, d)).body;
    expect(await expirePayments(w.t.database.db, new Date(Date.now() + 14 * 60_000))).toBe(0);
    expect(await expirePayments(w.t.database.db, new Date(Date.now() + 16 * 60_000))).toBeGreaterThanOrEqual(1);
    expect(await getPayment(payment.id)).toMatchObject({ state: 'expired' });
    const next = await startPayment(w.citizen, d);
    expect(next.status).toBe(201);
    expect(next.body.payment.id).not.toBe(payment.id);
  });

  it('a late successful IPN still credits an expired payment while the dossier is unpaid', async () => {
    const d = await w.payableDossier();
    const { payment, redirectUrl } = (await startPayment(w.citizen, d)).body;
    await completeOnGateway(w.base, redirectUrl!, 'pay', { manual: '1' });
    await expirePayments(w.t.database.db, new Date(Date.now() + 16 * 60_000));
    expect((await getPayment(payment.id)).state).toBe('expired');
    expect(await sendIpn(payment.reference)).toBe('00');
    expect((await getPayment(payment.id)).state).toBe('succeeded');
    expect((await w.dossierFee(d)).feeStatus).toBe('paid');
  });

  it('a late success for an expired payment of a dossier already paid by a retry is 00, paid_not_credited in the refund queue, and a "paid_not_credited" event', async () => {
    const d = await w.payableDossier();
    const first = (await startPayment(w.citizen, d)).body;
    await completeOnGateway(w.base, first.redirectUrl!, 'pay', { manual: '1' });
    await expirePayments(w.t.database.db, new Date(Date.now() + 16 * 60_000));
    const second = (await startPayment(w.citizen, d)).body;
    await completeOnGateway(w.base, second.redirectUrl!, 'pay');
    expect(await sendIpn(first.payment.reference)).toBe('00');
    expect(await getPayment(first.payment.id)).toMatchObject({ state: 'paid_not_credited', refundDue: 'already_paid' });
    expect(await sendIpn(first.payment.reference)).toBe('02');
    expect(await w.dossierFee(d)).toMatchObject({
      feeStatus: 'paid',
      feePaymentId: second.payment.id,
      feePaidAmount: FEE,
    });
    expect((await securityEvents(first.payment.reference)).map((e) => e.kind)).toEqual(['paid_not_credited']);
  });
});

describe('refunds, gateway queries and who sees what', () => {
  let dossierId: string;
  let payment: Payment;
  beforeAll(async () => {
    dossierId = await w.payableDossier();
    const started = (await startPayment(w.citizen, dossierId)).body;
    await completeOnGateway(w.base, started.redirectUrl!, 'pay');
    payment = await getPayment(started.payment.id);
  });
  const refund = (
    session = w.police,
    body: object = { amount: 2000, reason: 'Thu thừa lệ phí do nhập sai số người' },
  ) => session.inject({ method: 'POST', url: `/api/v1/payments/${payment.id}/refunds`, payload: body });

  it('shows the payment to its citizen and the commune police of the unit; 404 to others', async () => {
    expect((await w.citizen.inject(`/api/v1/payments/${payment.id}`)).statusCode).toBe(200);
    expect((await w.police.inject(`/api/v1/payments/${payment.id}`)).statusCode).toBe(200);
    expect((await w.otherCitizen.inject(`/api/v1/payments/${payment.id}`)).statusCode).toBe(404);
    expect((await w.policeElsewhere.inject(`/api/v1/payments/${payment.id}`)).statusCode).toBe(404);
    expect((await w.t.app.inject(`/api/v1/payments/${payment.id}`)).statusCode).toBe(401);
    const list = (await w.police.inject(`/api/v1/payments?dossierId=${dossierId}`)).json<{
      items: Payment[];
      total: number;
    }>();
    expect(list.items.map((p) => p.id)).toEqual([payment.id]);
    expect(
      (await w.policeElsewhere.inject(`/api/v1/payments?dossierId=${dossierId}`)).json<{ total: number }>().total,
    ).toBe(0);
    expect((await w.citizen.inject(`/api/v1/payments?dossierId=${dossierId}`)).statusCode).toBe(403);
    expect(
      (await w.citizen.inject(`/api/v1/payments/by-dossier/${dossierId}`)).json<{ items: Payment[] }>().items,
    ).toHaveLength(1);
    expect(
      (await w.otherCitizen.inject(`/api/v1/payments/by-dossier/${dossierId}`)).json<{ items: Payment[] }>().items,
    ).toHaveLength(0);
  });

  it('queries the gateway: found, paid, no mismatch (officers with payments.refund only)', async () => {
    const res = await w.police.inject(`/api/v1/payments/${payment.id}/gateway-status`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      found: true,
      transactionStatus: '00',
      amount: FEE,
      ourState: 'succeeded',
      mismatch: false,
      gatewayTransactionId: payment.gatewayTransactionId,
    });
    expect((await w.oneStop.inject(`/api/v1/payments/${payment.id}/gateway-status`)).statusCode).toBe(403);
    const d = await w.payableDossier();
    const neverOpened = (await startPayment(w.citizen, d)).body.payment;
    expect((await w.police.inject(`/api/v1/payments/${neverOpened.id}/gateway-status`)).json()).toMatchObject({
      found: false,
      mismatch: false,
    });
  });

  it('refuses refunds without a reason, above the amount, by citizens and by officers without payments.refund', async () => {
    expect((await refund(w.police, { amount: 2000 })).statusCode).toBe(400);
    const tooMuch = await refund(w.police, { amount: FEE + 1, reason: 'Hoàn trả lệ phí' });
    expect(tooMuch.statusCode).toBe(400);
    expect(errorCode(tooMuch).code).toBe('PAYMENT.REFUND_AMOUNT_INVALID');
    expect((await refund(w.citizen)).statusCode).toBe(403);
    expect((await refund(w.oneStop)).statusCode).toBe(403);
    expect((await refund(w.policeElsewhere)).statusCode).toBe(404);
  });

  it('refunds partially, then the rest; the dossier follows; the gateway has both refunds', async () => {
    let res = await refund();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Payment>()).toMatchObject({ state: 'partially_refunded', refundedAmount: 2000 });
    expect(res.json<Payment>().refunds[0]).toMatchObject({
      amount: 2000,
      state: 'succeeded',
      full: false,
      actorRole: 'commune_police',
      actorUnit: '03445',
    });
    expect(await w.dossierFee(dossierId)).toMatchObject({ feeStatus: 'paid', feePaidAmount: FEE - 2000 });
    expect((await refund(w.police, { amount: FEE - 1999, reason: 'Hoàn phần còn lại' })).statusCode).toBe(400);
    res = await refund(w.police, { amount: FEE - 2000, reason: 'Hồ sơ bị từ chối, hoàn phần còn lại' });
    expect(res.json<Payment>()).toMatchObject({ state: 'refunded', refundedAmount: FEE });
    expect(await w.dossierFee(dossierId)).toMatchObject({ feeStatus: 'refunded', feePaidAmount: 0 });
    expect((await sandboxRecord(payment.reference)).refunds.map((r) => r.amount)).toEqual([2000, FEE - 2000]);
    expect(errorCode(await refund(w.police, { amount: 1, reason: 'Thêm một đồng' })).code).toBe(
      'PAYMENT.REFUND_STATE_CONFLICT',
    );
  });

  it('two officers refunding at once cannot give back more than was paid', async () => {
    const d = await w.payableDossier();
    const started = (await startPayment(w.citizen, d)).body;
    await completeOnGateway(w.base, started.redirectUrl!, 'pay');
    const other = await w.t.staff('commune_police', '03445');
    const results = await Promise.all(
      [w.police, other, w.police].map((s) =>
        s.inject({
          method: 'POST',
          url: `/api/v1/payments/${started.payment.id}/refunds`,
          payload: { amount: 4000, reason: 'Hoàn tiền đồng thời' },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400, 400]);
    const after = await getPayment(started.payment.id);
    expect(after).toMatchObject({ refundedAmount: 4000, state: 'partially_refunded' });
    expect((await sandboxRecord(started.payment.reference)).refunds.map((r) => r.amount)).toEqual([4000]);
  });

  it("produces the day's settlement file with payments and refunds", async () => {
    const day = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const res = await fetch(`${w.base}/pay-sandbox/settlement?date=${day}`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('transaction_no,txn_ref,type,amount,currency,transaction_time,bank_code,tmn_code');
    const mine = lines.filter((l) => l.includes(payment.reference));
    expect(mine.map((l) => l.split(',').slice(2, 4).join(','))).toEqual([
      'payment,7000',
      'refund,-2000',
      'refund,-5000',
    ]);
    expect((await fetch(`${w.base}/pay-sandbox/settlement?date=2026-02-30`)).status).toBe(400);
  });
});
