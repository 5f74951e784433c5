import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app';
import { openDatabase, type Database } from '../../platform/db';
import { ownSecrets, testConfig, withDatabaseName } from '../../../../test/db';
import { FEE, gatewayResult, paymentWorld, startPayment, type PaymentWorld } from './test-support';

/**
 * Two server processes receiving the same IPN at once: two app instances (each with its own
 * connection pool on PostgreSQL) on the same database. Exactly one answers 00, the others 02,
 * and the dossier is credited once.
 */
let w: PaymentWorld;
let second: FastifyInstance;
let secondDb: Database | undefined;
beforeAll(async () => {
  // The second process has no sandbox of its own, so neither may use the published development secrets: both share the test's.
  w = await paymentWorld(ownSecrets());
  const url = process.env.DATABASE_URL;
  if (url) {
    const [{ name }] = (await w.t.database.rows<{ name: string }>(sql`select current_database() as name`)) as [
      { name: string },
    ];
    secondDb = await openDatabase({ kind: 'postgres', url: withDatabaseName(url, name), poolSize: 5 });
  }
  second = await buildApp({
    config: testConfig({
      ...ownSecrets(),
      PUBLIC_URL: w.base,
      PAYMENT_SANDBOX: 'off',
      PAYMENT_GATEWAY_URL: `${w.base}/pay-sandbox/paymentv2/vpcpay.html`,
      PAYMENT_GATEWAY_API_URL: `${w.base}/pay-sandbox/merchant_webapi/api/transaction`,
    }),
    database: secondDb ?? w.t.database,
  });
  await second.ready();
}, 60_000);
afterAll(async () => {
  await second?.close();
  await secondDb?.close();
  await w?.close();
});

describe('the same IPN at two server processes at once', () => {
  it('credits each payment once: per payment one 00, every other copy 02', async () => {
    const payments = [];
    for (let i = 0; i < 12; i++) {
      const d = await w.payableDossier();
      payments.push({ dossier: d, payment: (await startPayment(w.citizen, d)).body.payment });
    }
    const answers = await Promise.all(
      payments.map(async ({ payment }, i) => {
        const url = `/api/v1/payments/gateway/ipn?${gatewayResult({ reference: payment.reference, amount: FEE, transactionNo: String(900_000 + i) }, ownSecrets().PAYMENT_HASH_SECRET)}`;
        const copies = [w.t.app, second, w.t.app, second].map((app) => app.inject({ url, remoteAddress: '10.9.9.9' }));
        return (await Promise.all(copies)).map((r) => r.json<{ RspCode: string }>().RspCode).sort();
      }),
    );
    for (const a of answers) expect(a).toEqual(['00', '02', '02', '02']);
    for (const { dossier, payment } of payments) {
      expect(await w.dossierFee(dossier)).toMatchObject({
        feeStatus: 'paid',
        feePaidAmount: FEE,
        feePaymentId: payment.id,
      });
      const [n] = await w.t.database.rows<{ n: string }>(
        sql`select count(*)::text as n from payments.payment_events where payment_id = ${payment.id} and event = 'ipn_succeeded'`,
      );
      expect(Number(n!.n)).toBe(1);
      const [t] = await w.t.database.rows<{ n: string }>(
        sql`select count(*)::text as n from dossiers.transitions where dossier_id = ${dossier} and command = 'pay'`,
      );
      expect(Number(t!.n)).toBe(1);
    }
    // One receipt per payment, and the unit's numbers of the year have no gap (ADR 0015).
    const numbers = await w.t.database.rows<{ number: number; year: number; unit: string }>(
      sql`select number, year, collecting_unit_code as unit from payments.receipts order by collecting_unit_code, year, number`,
    );
    expect(numbers).toHaveLength(payments.length);
    const byBody = new Map<string, number[]>();
    for (const r of numbers)
      byBody.set(`${r.unit}/${r.year}`, [...(byBody.get(`${r.unit}/${r.year}`) ?? []), Number(r.number)]);
    for (const list of byBody.values()) expect(list).toEqual(list.map((_, i) => i + 1));
  });

  it('refuses a second payment claiming a gateway transaction number already credited', async () => {
    const [a, b] = [await w.payableDossier(), await w.payableDossier()];
    const pa = (await startPayment(w.citizen, a)).body.payment;
    const pb = (await startPayment(w.citizen, b)).body.payment;
    const first = await second.inject(
      `/api/v1/payments/gateway/ipn?${gatewayResult({ reference: pa.reference, amount: FEE, transactionNo: '777001' }, ownSecrets().PAYMENT_HASH_SECRET)}`,
    );
    const reused = await w.t.app.inject(
      `/api/v1/payments/gateway/ipn?${gatewayResult({ reference: pb.reference, amount: FEE, transactionNo: '777001' }, ownSecrets().PAYMENT_HASH_SECRET)}`,
    );
    expect([first.json<{ RspCode: string }>().RspCode, reused.json<{ RspCode: string }>().RspCode]).toEqual([
      '00',
      '02',
    ]);
    expect((await w.dossierFee(b)).feeStatus).toBe('unpaid');
    const [e] = await w.t.database.rows<{ kind: string }>(
      sql`select kind from payments.security_events where payment_reference = ${pb.reference}`,
    );
    expect(e?.kind).toBe('transaction_reused');
  });
});
