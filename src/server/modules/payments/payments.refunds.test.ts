import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payment } from '../../../contracts/payments';
import { completeOnGateway, FEE, startPayment, paymentWorld, type PaymentWorld } from './test-support';
import { routeHelpers } from './payments.routes.test-support';

let w: PaymentWorld;
beforeAll(async () => {
  w = await paymentWorld();
}, 60_000);
afterAll(async () => w?.close());

const { getPayment, sandboxRecord, errorCode } = routeHelpers(() => w);

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
