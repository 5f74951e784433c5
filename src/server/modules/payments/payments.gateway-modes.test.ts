import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expirePayments } from './expiry';
import { recordSecurityEvent } from './security-events';
import { completeOnGateway, FEE, gatewayResult, startPayment, paymentWorld, type PaymentWorld } from './test-support';
import { routeHelpers } from './payments.routes.test-support';

let w: PaymentWorld;
beforeAll(async () => {
  w = await paymentWorld();
}, 60_000);
afterAll(async () => w?.close());

const { getPayment, sandboxRecord, securityEvents, ipn, sendIpn, until } = routeHelpers(() => w);

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
