import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Payment } from '../../../contracts/payments';
import { closePaymentsOfWithdrawnDossier } from './withdrawal';
import { completeOnGateway, FEE, gatewayResult, paymentWorld, startPayment, type PaymentWorld } from './test-support';

/**
 * Money for a withdrawn dossier (ADR 0010 rule 8) and the gateway's "not finished"
 * transaction status (ADR 0010 rule 9), through the real app and the sandbox gateway over HTTP.
 */
let w: PaymentWorld;
beforeAll(async () => {
  w = await paymentWorld();
}, 60_000);
afterAll(async () => w?.close());

const getPayment = async (id: string) => (await w.citizen.inject(`/api/v1/payments/${id}`)).json<Payment>();
const withdraw = (dossierId: string) =>
  w.citizen.inject({ method: 'POST', url: `/api/v1/dossiers/${dossierId}/commands/withdraw`, payload: {} });
const sandboxRecord = async (reference: string) =>
  (await fetch(`${w.base}/pay-sandbox/api/transactions/${reference}`)).json() as Promise<{
    state: string;
    deliveries: Array<{ rspCode: string | null }>;
    refunds: Array<{ amount: number }>;
  }>;
const refundQueue = async (dossierId: string) =>
  (await w.police.inject(`/api/v1/payments?refundDue=true&dossierId=${dossierId}`)).json<{ items: Payment[] }>().items;
const refund = (id: string, amount = FEE) =>
  w.police.inject({
    method: 'POST',
    url: `/api/v1/payments/${id}/refunds`,
    payload: { amount, reason: 'Hoàn lệ phí của hồ sơ đã rút' },
  });
const ipn = async (query: string) =>
  (await (await fetch(`${w.base}/api/v1/payments/gateway/ipn?${query}`)).json()) as { RspCode: string };

/** Who expired a payment, as its events record it. */
const expiredBy = async (paymentId: string) =>
  (
    await w.t.database.rows<{ source: string }>(
      sql`select source from payments.payment_events where payment_id = ${paymentId} and event = 'expire'`,
    )
  ).map((r) => r.source);

describe('the unpaid-expiry job withdraws a dossier whose payment was started', () => {
  it('expires the payment with the job as its source, not the citizen', async () => {
    const dossierId = await w.payableDossier();
    const { payment } = (await startPayment(w.citizen, dossierId)).body;
    await w.t.database.db.transaction((tx) => closePaymentsOfWithdrawnDossier(tx, dossierId, new Date(), 'job'));
    expect(await getPayment(payment.id)).toMatchObject({ state: 'expired' });
    expect(await expiredBy(payment.id)).toEqual(['job']);
  });
});

describe('the citizen keeps the gateway page, withdraws the dossier, then pays', () => {
  let dossierId: string;
  let paymentId: string;
  let reference: string;
  let redirectUrl: string;

  it('withdrawing closes the open payment (expired), and the dossier is withdrawn', async () => {
    dossierId = await w.payableDossier();
    const started = (await startPayment(w.citizen, dossierId)).body;
    ({ id: paymentId, reference } = started.payment);
    redirectUrl = started.redirectUrl!;
    const res = await withdraw(dossierId);
    expect(res.statusCode, res.body).toBe(200);
    expect(await getPayment(paymentId)).toMatchObject({ state: 'expired', refundDue: null });
    expect(await expiredBy(paymentId)).toEqual(['citizen']);
    expect((await startPayment(w.citizen, dossierId)).status).toBe(409);
  });

  it('the success that still arrives is acknowledged (00), recorded as paid_not_credited and queued for refund; the dossier stays withdrawn and unpaid', async () => {
    const back = await completeOnGateway(w.base, redirectUrl, 'pay');
    expect(back.status).toBe(303);
    expect((await sandboxRecord(reference)).deliveries.map((d) => d.rspCode)).toEqual(['00']);
    const p = await getPayment(paymentId);
    expect(p).toMatchObject({
      state: 'paid_not_credited',
      refundDue: 'dossier_withdrawn',
      amount: FEE,
      refundedAmount: 0,
    });
    expect(p.gatewayTransactionId).toMatch(/^\d+$/);
    expect(await w.dossierFee(dossierId)).toEqual({
      state: 'withdrawn',
      feeStatus: 'unpaid',
      feePaidAmount: 0,
      feePaymentId: null,
    });
    // A repeated delivery changes nothing.
    const again = await fetch(`${w.base}/pay-sandbox/api/transactions/${reference}/ipn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ variant: 'correct' }),
    });
    expect(((await again.json()) as { rspCode: string }).rspCode).toBe('02');
    expect((await getPayment(paymentId)).state).toBe('paid_not_credited');
  });

  it('staff see it in the refund queue, flagged; the refund gives the money back without touching the dossier', async () => {
    expect((await refundQueue(dossierId)).map((p) => [p.id, p.refundDue])).toEqual([[paymentId, 'dossier_withdrawn']]);
    const listed = (await w.police.inject(`/api/v1/payments?dossierId=${dossierId}`)).json<{ items: Payment[] }>()
      .items;
    expect(listed.find((p) => p.id === paymentId)).toMatchObject({
      state: 'paid_not_credited',
      refundDue: 'dossier_withdrawn',
    });
    const res = await refund(paymentId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Payment>()).toMatchObject({ state: 'paid_not_credited', refundedAmount: FEE, refundDue: null });
    expect((await sandboxRecord(reference)).refunds.map((r) => r.amount)).toEqual([FEE]);
    expect(await refundQueue(dossierId)).toEqual([]);
    expect(await w.dossierFee(dossierId)).toMatchObject({ state: 'withdrawn', feeStatus: 'unpaid' });
    expect((await refund(paymentId, 1)).statusCode).toBe(400);
  });
});

describe('the IPN arrives before the withdrawal', () => {
  it('credits the dossier; withdrawing the paid dossier then queues the refund of its fee', async () => {
    const dossierId = await w.payableDossier();
    const started = (await startPayment(w.citizen, dossierId)).body;
    await completeOnGateway(w.base, started.redirectUrl!, 'pay');
    expect(await getPayment(started.payment.id)).toMatchObject({ state: 'succeeded', refundDue: null });
    expect(await w.dossierFee(dossierId)).toMatchObject({ state: 'submitted', feeStatus: 'paid' });
    expect(await refundQueue(dossierId)).toEqual([]);
    const res = await withdraw(dossierId);
    expect(res.statusCode, res.body).toBe(200);
    expect(await getPayment(started.payment.id)).toMatchObject({ state: 'succeeded', refundDue: 'dossier_withdrawn' });
    expect((await refundQueue(dossierId)).map((p) => p.id)).toEqual([started.payment.id]);
    expect((await refund(started.payment.id)).statusCode).toBe(200);
    expect(await getPayment(started.payment.id)).toMatchObject({ state: 'refunded', refundDue: null });
    expect(await w.dossierFee(dossierId)).toMatchObject({ state: 'withdrawn', feeStatus: 'refunded' });
  });
});

describe('transaction status 01 ("not finished") with response code 00', () => {
  it('keeps the payment open (acknowledged, nothing changes); the later success credits the dossier', async () => {
    const dossierId = await w.payableDossier();
    const started = (await startPayment(w.citizen, dossierId)).body;
    const unfinished = await ipn(
      gatewayResult({
        reference: started.payment.reference,
        amount: FEE,
        transactionNo: '0',
        responseCode: '00',
        transactionStatus: '01',
      }),
    );
    expect(unfinished.RspCode).toBe('00');
    expect(await getPayment(started.payment.id)).toMatchObject({ state: 'pending', refundDue: null });
    await completeOnGateway(w.base, started.redirectUrl!, 'pay');
    expect(await getPayment(started.payment.id)).toMatchObject({ state: 'succeeded', refundDue: null });
    expect(await w.dossierFee(dossierId)).toMatchObject({
      state: 'submitted',
      feeStatus: 'paid',
      feePaymentId: started.payment.id,
    });
    const [row] = await w.t.database.rows<{ n: string }>(
      sql`select count(*)::text as n from payments.payment_events where payment_id = ${started.payment.id} and to_state = 'failed'`,
    );
    expect(row!.n).toBe('0');
  });

  it('a forged or repeated 01 never closes a payment that the gateway later pays', async () => {
    const dossierId = await w.payableDossier();
    const started = (await startPayment(w.citizen, dossierId, randomUUID())).body;
    for (let i = 0; i < 2; i++) {
      expect(
        (
          await ipn(
            gatewayResult({
              reference: started.payment.reference,
              amount: FEE,
              transactionNo: '1234',
              responseCode: '00',
              transactionStatus: '01',
            }),
          )
        ).RspCode,
      ).toBe('00');
    }
    expect((await getPayment(started.payment.id)).state).toBe('pending');
  });
});
