import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { IpnScheduler } from './payment-sandbox.ipn';
import * as repo from './payment-sandbox.repository';
import { formatVnpDate, signApi, signedQuery, toVnpAmount, verifyApi } from '../payment-protocol';
import {
  completeOnGateway,
  DEV_SECRET,
  DEV_TMN,
  FEE,
  openGatewayPage,
  paymentWorld,
  startPayment,
  type PaymentWorld,
} from '../payments/test-support';

let w: PaymentWorld;
beforeAll(async () => {
  w = await paymentWorld();
}, 60_000);
afterAll(async () => w?.close());

/** A signed merchant-API call, as the adapter makes it. */
async function api(kind: 'querydr' | 'refund', fields: Record<string, string>, secret = DEV_SECRET) {
  const body: Record<string, string> = {
    vnp_RequestId: randomUUID().replace(/-/g, ''),
    vnp_Version: '2.1.0',
    vnp_Command: kind,
    vnp_TmnCode: DEV_TMN,
    vnp_TransactionDate: formatVnpDate(new Date()),
    vnp_CreateDate: formatVnpDate(new Date()),
    vnp_IpAddr: '127.0.0.1',
    vnp_OrderInfo: 'kiem thu',
    ...fields,
  };
  body.vnp_SecureHash = signApi(secret, kind === 'querydr' ? 'querydrRequest' : 'refundRequest', body);
  const res = await fetch(`${w.base}/pay-sandbox/merchant_webapi/api/transaction`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { body, answer: (await res.json()) as Record<string, string> };
}

async function paidOrder(): Promise<{ reference: string; transactionNo: string }> {
  const d = await w.payableDossier();
  const started = (await startPayment(w.citizen, d)).body;
  await completeOnGateway(w.base, started.redirectUrl!, 'pay');
  const rec = (await (await fetch(`${w.base}/pay-sandbox/api/transactions/${started.payment.reference}`)).json()) as {
    transactionNo: string;
  };
  return { reference: started.payment.reference, transactionNo: rec.transactionNo };
}

describe('the sandbox payment page', () => {
  it('refuses a redirect with a bad signature (400) and an order past its expiry (410)', async () => {
    const bad = await fetch(
      `${w.base}/pay-sandbox/paymentv2/vpcpay.html?vnp_TxnRef=DVC1&vnp_Amount=700000&vnp_SecureHash=00`,
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('sai chữ ký');
    const past = new Date(Date.now() - 60_000);
    const expired = signedQuery(DEV_SECRET, {
      vnp_Version: '2.1.0',
      vnp_Command: 'pay',
      vnp_TmnCode: DEV_TMN,
      vnp_Amount: toVnpAmount(FEE),
      vnp_CurrCode: 'VND',
      vnp_TxnRef: `DVCX${Date.now()}`,
      vnp_OrderInfo: 'Le phi',
      vnp_OrderType: 'billpayment',
      vnp_Locale: 'vn',
      vnp_ReturnUrl: `${w.base}/api/v1/payments/gateway/return`,
      vnp_IpAddr: '127.0.0.1',
      vnp_CreateDate: formatVnpDate(new Date(past.getTime() - 15 * 60_000)),
      vnp_ExpireDate: formatVnpDate(past),
    });
    expect((await fetch(`${w.base}/pay-sandbox/paymentv2/vpcpay.html?${expired}`)).status).toBe(410);
  });

  it('refuses a completion without the page token, and completes an order only once', async () => {
    const d = await w.payableDossier();
    const started = (await startPayment(w.citizen, d)).body;
    const page = await openGatewayPage(started.redirectUrl!);
    const post = (token: string, choice: string) =>
      fetch(`${w.base}${page.action}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, choice }).toString(),
      });
    expect((await post('wrong-token', 'pay')).status).toBe(403);
    expect((await post(page.token, 'decline')).status).toBe(303);
    const second = await post(page.token, 'pay'); // the browser's back button: the order is done
    expect(second.status).toBe(303);
    const rec = (await (await fetch(`${w.base}/pay-sandbox/api/transactions/${started.payment.reference}`)).json()) as {
      state: string;
      deliveries: unknown[];
    };
    expect(rec).toMatchObject({ state: 'declined' });
    expect(rec.deliveries).toHaveLength(1);
    // Opening the gateway page again sends the browser back with the result.
    const again = await fetch(started.redirectUrl!, { redirect: 'manual' });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toContain('vnp_ResponseCode=51');
  });
});

describe('the sandbox merchant API', () => {
  it('answers querydr signed, 91 for an unknown order, 97 for a bad checksum, 02 for another merchant', async () => {
    const { reference, transactionNo } = await paidOrder();
    const q = await api('querydr', { vnp_TxnRef: reference });
    expect(q.answer).toMatchObject({
      vnp_ResponseCode: '00',
      vnp_TxnRef: reference,
      vnp_TransactionNo: transactionNo,
      vnp_TransactionStatus: '00',
      vnp_Amount: String(FEE * 100),
    });
    expect(verifyApi(DEV_SECRET, 'querydrResponse', q.answer)).toBe(true);
    expect((await api('querydr', { vnp_TxnRef: 'DVCUNKNOWN' })).answer.vnp_ResponseCode).toBe('91');
    expect(
      (await api('querydr', { vnp_TxnRef: reference }, 'someone-else-secret-long-enough-32ch')).answer.vnp_ResponseCode,
    ).toBe('97');
    expect((await api('querydr', { vnp_TxnRef: reference, vnp_TmnCode: 'OTHER' })).answer.vnp_ResponseCode).toBe('02');
  });

  it('refunds at most what is left, once per request id, only paid orders', async () => {
    const { reference, transactionNo } = await paidOrder();
    const part = {
      vnp_TxnRef: reference,
      vnp_TransactionNo: transactionNo,
      vnp_TransactionType: '03',
      vnp_Amount: toVnpAmount(3000),
      vnp_CreateBy: 'officer-1',
    };
    const first = await api('refund', part);
    expect(first.answer.vnp_ResponseCode).toBe('00');
    expect(verifyApi(DEV_SECRET, 'refundResponse', first.answer)).toBe(true);
    // The same request again (a retry after a timeout): same answer, no second refund.
    const res = await fetch(`${w.base}/pay-sandbox/merchant_webapi/api/transaction`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(first.body),
    });
    expect(((await res.json()) as Record<string, string>).vnp_ResponseCode).toBe('00');
    expect((await api('refund', { ...part, vnp_Amount: toVnpAmount(FEE - 2999) })).answer.vnp_ResponseCode).toBe('03');
    expect(
      (await api('refund', { ...part, vnp_TransactionType: '02', vnp_Amount: toVnpAmount(FEE - 3000) })).answer
        .vnp_ResponseCode,
    ).toBe('03');
    const rec = (await (await fetch(`${w.base}/pay-sandbox/api/transactions/${reference}`)).json()) as {
      refunds: Array<{ amount: number }>;
    };
    expect(rec.refunds.map((r) => r.amount)).toEqual([3000]);

    const d = await w.payableDossier();
    const declined = (await startPayment(w.citizen, d)).body;
    await completeOnGateway(w.base, declined.redirectUrl!, 'decline');
    expect(
      (await api('refund', { ...part, vnp_TxnRef: declined.payment.reference, vnp_TransactionNo: '' })).answer
        .vnp_ResponseCode,
    ).toBe('95');
  });
});

describe('IPN retries', () => {
  it('retries an IPN the merchant did not acknowledge (99) until it answers 00 or 02, then stops', async () => {
    const answers = ['99', '99', '00'];
    const seen: string[] = [];
    const merchant = createServer((req, res) => {
      seen.push(new URL(req.url!, 'http://x').searchParams.get('vnp_TxnRef') ?? '');
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ RspCode: answers.shift() ?? '02', Message: 'x' }));
    });
    await new Promise<void>((r) => merchant.listen(0, '127.0.0.1', r));
    const port = (merchant.address() as { port: number }).port;
    const db = w.t.database.db;
    const txnRef = `DVCRETRY${Date.now()}`;
    const txn = await repo.findOrCreateTransaction(db, {
      tmnCode: DEV_TMN,
      txnRef,
      amount: FEE,
      orderInfo: 'x',
      bankCode: 'NCB',
      locale: 'vn',
      returnUrl: `${w.base}/r`,
      createDate: formatVnpDate(new Date()),
      expiresAt: new Date(Date.now() + 60_000),
      state: 'pending',
      transactionStatus: '01',
      pageToken: 't',
    });
    const paid = (await repo.completeTransaction(db, txn.id, {
      state: 'paid',
      responseCode: '00',
      transactionStatus: '00',
      payDate: new Date(),
      ipnOptions: null,
      bankCode: 'NCB',
    }))!;
    const scheduler = new IpnScheduler(
      db,
      { tmnCode: DEV_TMN, hashSecret: DEV_SECRET, ipnUrl: `http://127.0.0.1:${port}/ipn` },
      { warn: () => undefined },
      [20, 20, 20],
    );
    expect((await scheduler.send(paid, 'correct')).rspCode).toBe('99');
    const end = Date.now() + 3_000;
    while ((await repo.deliveriesOf(db, txn.id)).length < 3 && Date.now() < end)
      await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100)); // no fourth attempt after the 00
    const deliveries = await repo.deliveriesOf(db, txn.id);
    expect(deliveries.map((d) => [d.attempt, d.rspCode])).toEqual([
      [1, '99'],
      [2, '99'],
      [3, '00'],
    ]);
    expect(seen).toEqual([txnRef, txnRef, txnRef]);
    // A faulty IPN (the test mode) is never retried.
    answers.push('97');
    await scheduler.send(paid, 'wrong_signature');
    await new Promise((r) => setTimeout(r, 100));
    expect((await repo.deliveriesOf(db, txn.id)).filter((d) => d.variant === 'wrong_signature')).toHaveLength(1);
    await scheduler.close();
    await new Promise<void>((r) => merchant.close(() => r()));
  });
});
