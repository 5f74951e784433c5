import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { Payment } from '../../../contracts/payments';
import { expirePayments } from './expiry';
import { openGatewayPage, paymentWorld, startPayment, type PaymentWorld } from './test-support';

/**
 * Exactly once, as a property (a fee must never be credited twice nor lost): random interleavings of payment attempts, gateway
 * outcomes, IPN deliveries (correct, duplicated concurrently, wrong amount, wrong signature, late
 * after an expiry), browser returns, expiries and refunds, against the real app, sandbox and
 * database. After each sequence: the money credited to the dossier = paid − refunded; at most one
 * success; the dossier's fee state matches its payments and the gateway's own record.
 */

type Op =
  | { kind: 'create' }
  | { kind: 'gateway'; p: number; choice: 'pay' | 'decline' | 'cancel' }
  | { kind: 'ipn'; p: number; variant: 'correct' | 'wrong_amount' | 'wrong_signature'; copies: number }
  | { kind: 'return'; p: number }
  | { kind: 'expire' }
  | { kind: 'refund'; p: number; amount: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'create' as const }), weight: 3 },
  {
    arbitrary: fc.record({
      kind: fc.constant('gateway' as const),
      p: fc.oneof(fc.constant(0), fc.constant(0), fc.nat(3)),
      choice: fc.constantFrom('pay' as const, 'pay' as const, 'decline' as const, 'cancel' as const),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('ipn' as const),
      p: fc.oneof(fc.constant(0), fc.constant(0), fc.nat(3)),
      variant: fc.constantFrom(
        'correct' as const,
        'correct' as const,
        'wrong_amount' as const,
        'wrong_signature' as const,
      ),
      copies: fc.integer({ min: 1, max: 3 }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('return' as const),
      p: fc.oneof(fc.constant(0), fc.constant(0), fc.nat(3)),
    }),
    weight: 1,
  },
  { arbitrary: fc.constant({ kind: 'expire' as const }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      p: fc.oneof(fc.constant(0), fc.constant(0), fc.nat(3)),
      amount: fc.integer({ min: 1, max: 7_000 }),
    }),
    weight: 2,
  },
);

interface Attempt {
  id: string;
  reference: string;
  redirectUrl: string | null;
  returnUrl?: string;
}

let w: PaymentWorld;
beforeAll(async () => {
  w = await paymentWorld();
}, 60_000);
afterAll(async () => w?.close());

const FEES = [5_000, 7_000, 15_000];

async function run(ops: Op[], fee: number): Promise<void> {
  const dossierId = await w.payableDossier({ fee });
  const attempts: Attempt[] = [];
  // Mostly the latest attempt (p = 0), sometimes an older one (a late or duplicated delivery).
  const pick = (p: number) => attempts[attempts.length - 1 - (p % Math.max(1, attempts.length))];
  let clockMinutes = 0;
  for (const o of ops) {
    if (o.kind === 'create') {
      const res = await startPayment(w.citizen, dossierId);
      if (res.status === 201)
        attempts.push({
          id: res.body.payment.id,
          reference: res.body.payment.reference,
          redirectUrl: res.body.redirectUrl,
        });
      else if (res.status !== 200) expect(res.status).toBe(409); // the dossier is paid: not payable
    } else if (o.kind === 'gateway') {
      const a = pick(o.p);
      if (!a?.redirectUrl) continue;
      const page = await openGatewayPage(a.redirectUrl);
      if (!page.action) continue; // already completed on the gateway
      const res = await fetch(`${w.base}${page.action}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: page.token, choice: o.choice, manual: '1' }).toString(),
      });
      a.returnUrl = res.headers.get('location') ?? undefined;
    } else if (o.kind === 'ipn') {
      const a = pick(o.p);
      if (!a) continue;
      const send = () =>
        fetch(`${w.base}/pay-sandbox/api/transactions/${a.reference}/ipn`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ variant: o.variant }),
        });
      await Promise.all(Array.from({ length: o.copies }, send));
    } else if (o.kind === 'return') {
      const a = pick(o.p);
      if (a?.returnUrl) expect((await fetch(a.returnUrl, { redirect: 'manual' })).status).toBe(303);
    } else if (o.kind === 'expire') {
      clockMinutes += 16;
      await expirePayments(w.t.database.db, new Date(Date.now() + clockMinutes * 60_000));
    } else {
      const a = pick(o.p);
      if (!a) continue;
      const res = await w.police.inject({
        method: 'POST',
        url: `/api/v1/payments/${a.id}/refunds`,
        payload: { amount: Math.min(o.amount, fee), reason: 'Hoàn tiền (kiểm thử thuộc tính)' },
      });
      expect([200, 400, 409]).toContain(res.statusCode);
    }
  }
  await checkInvariants(dossierId, fee);
}

async function checkInvariants(dossierId: string, fee: number): Promise<void> {
  const payments = (await w.citizen.inject(`/api/v1/payments/by-dossier/${dossierId}`)).json<{ items: Payment[] }>()
    .items;
  const dossier = await w.dossierFee(dossierId);
  const credited = payments.filter((p) => ['succeeded', 'partially_refunded', 'refunded'].includes(p.state));
  // At most one success per dossier, and each payment was confirmed by at most one IPN.
  expect(credited.length).toBeLessThanOrEqual(1);
  for (const p of payments) {
    const [n] = await w.t.database.rows<{ n: string }>(
      sql`select count(*)::text as n from payments.payment_events where payment_id = ${p.id} and event = 'ipn_succeeded'`,
    );
    expect(Number(n!.n)).toBe(credited.includes(p) ? 1 : 0);
    // A credited payment has exactly one receipt number, given with the credit (ADR 0015); no other has one.
    const [r] = await w.t.database.rows<{ n: string }>(
      sql`select count(*)::text as n from payments.receipts where payment_id = ${p.id}`,
    );
    expect(Number(r!.n)).toBe(credited.includes(p) ? 1 : 0);
  }
  // Money credited to the dossier = paid − refunded, on our side and at the gateway.
  const paidMinusRefunded = credited.reduce((s, p) => s + p.amount - p.refundedAmount, 0);
  expect(dossier.feePaidAmount).toBe(paidMinusRefunded);
  for (const p of credited) {
    const gw = (await (await fetch(`${w.base}/pay-sandbox/api/transactions/${p.reference}`)).json()) as {
      state: string;
      amount: number;
      refunds: Array<{ amount: number }>;
    };
    expect(gw.state).toBe('paid');
    expect(gw.amount).toBe(p.amount);
    expect(gw.refunds.reduce((s, r) => s + r.amount, 0)).toBe(p.refundedAmount);
    expect(p.amount).toBe(fee);
  }
  // The dossier's fee state matches its payments.
  const c = credited[0];
  if (!c) expect(dossier).toMatchObject({ feeStatus: 'unpaid', state: 'awaiting_payment', feePaidAmount: 0 });
  else if (c.refundedAmount === c.amount)
    expect(dossier).toMatchObject({ feeStatus: 'refunded', feePaymentId: c.id, state: 'submitted' });
  else expect(dossier).toMatchObject({ feeStatus: 'paid', feePaymentId: c.id, state: 'submitted' });
  // Nothing left half-done: no refund still reserved, every refund answered.
  const [open] = await w.t.database.rows<{ n: string }>(
    sql`select count(*)::text as n from payments.payments where dossier_id = ${dossierId} and refund_reserved_amount <> 0`,
  );
  expect(Number(open!.n)).toBe(0);
}

describe('exactly-once settlement under random interleavings', () => {
  it('holds the money and state invariants', async () => {
    await fc.assert(
      // Every sequence starts with an attempt on the gateway, then anything may happen in any order.
      fc.asyncProperty(
        fc.constantFrom('pay' as const, 'pay' as const, 'decline' as const, 'cancel' as const),
        fc.array(op, { minLength: 1, maxLength: 9 }),
        fc.constantFrom(...FEES),
        async (choice, ops, fee) => run([{ kind: 'create' }, { kind: 'gateway', p: 0, choice }, ...ops], fee),
      ),
      { numRuns: 40 },
    );
  }, 180_000);

  it('holds them for the sequence that pays, duplicates, expires and refunds in the worst order', async () => {
    await run(
      [
        { kind: 'create' },
        { kind: 'gateway', p: 0, choice: 'pay' },
        { kind: 'return', p: 0 },
        { kind: 'expire' },
        { kind: 'create' },
        { kind: 'gateway', p: 1, choice: 'pay' },
        { kind: 'ipn', p: 1, variant: 'correct', copies: 3 },
        { kind: 'ipn', p: 0, variant: 'correct', copies: 2 },
        { kind: 'ipn', p: 1, variant: 'wrong_amount', copies: 1 },
        { kind: 'refund', p: 1, amount: 3_000 },
        { kind: 'refund', p: 1, amount: 7_000 },
        { kind: 'refund', p: 1, amount: 4_000 },
      ],
      7_000,
    );
  }, 60_000);
});
