import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as mupdf from 'mupdf';
import { sql } from 'drizzle-orm';
import type { StatementImportReport, VietqrTransfer } from '../../../contracts/payments-reports';
import type { Session } from '../../../../test/app';
import { FEE, paymentWorld, type PaymentWorld } from '../payments/test-support';
import {
  createVietqr,
  getPayment,
  HEADER,
  importStatement,
  nowVn,
  type ErrorBody,
} from './reconciliation.test-support';

let w: PaymentWorld;
let provinceOfficer: Session;
beforeAll(async () => {
  w = await paymentWorld();
  provinceOfficer = await w.t.staff('commune_police', '12');
}, 90_000);
afterAll(async () => w?.close());

/** The text of a PDF as MuPDF extracts it (what copy-paste and screen readers get). */
function pdfText(pdf: Buffer): string {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  return Array.from({ length: doc.countPages() }, (_, i) =>
    doc.loadPage(i).toStructuredText('preserve-whitespace').asText(),
  ).join('\n');
}

describe('settling VietQR transfers from a bank statement', () => {
  let paid: VietqrTransfer;
  let dossierId: string;

  it('credits the payment and the dossier once, and reports every other line in its list', async () => {
    dossierId = await w.payableDossier();
    paid = (await createVietqr(w.citizen, dossierId)).json<VietqrTransfer>();
    const wrongDossier = await w.payableDossier();
    const wrong = (await createVietqr(w.citizen, wrongDossier)).json<VietqrTransfer>();
    const spaced = `${paid.reference.slice(0, 3)} ${paid.reference.slice(3, 9).toLowerCase()}-${paid.reference.slice(9)}`;
    const csv =
      HEADER +
      [
        `${nowVn()},"7.000","MBVCB.1.LO THI LAN chuyen tien ${spaced}",FT-A-${paid.reference}`,
        `${nowVn()},5000,"${wrong.reference} thieu tien",FT-B-${wrong.reference}`,
        `${nowVn()},7000,"chuyen tien hoc phi '; drop table payments.payments;--",FT-C-${paid.reference}`,
        `${nowVn()},7000,"lap lai",FT-B-${wrong.reference}`,
        `${nowVn()},-3000,"phi dich vu",FT-D-${paid.reference}`,
      ].join('\n');
    const res = await importStatement(w.police, csv);
    expect(res.statusCode).toBe(201);
    const report = res.json<StatementImportReport>();
    expect(report).toMatchObject({ lines: 4, skippedDebits: 1 });
    expect(report.matched.map((l) => [l.line, l.paymentId])).toEqual([[2, paid.payment.id]]);
    expect(report.wrongAmount.map((l) => [l.line, l.amount, l.expectedAmount])).toEqual([[3, 5000, FEE]]);
    expect(report.unknownReference.map((l) => l.line)).toEqual([4]);
    expect(report.duplicates.map((l) => l.line)).toEqual([5]);
    expect(report.alreadyCredited).toEqual([]);
    const payment = await getPayment(w.citizen, paid.payment.id);
    expect(payment).toMatchObject({ state: 'succeeded', gatewayTransactionId: `FT-A-${paid.reference}` });
    expect(await w.dossierFee(dossierId)).toEqual({
      state: 'submitted',
      feeStatus: 'paid',
      feePaidAmount: FEE,
      feePaymentId: paid.payment.id,
    });
    expect((await getPayment(w.citizen, wrong.payment.id)).state).toBe('pending');
  });

  it('imports the same file again without crediting anything twice; a second transfer is reported as already credited', async () => {
    const again =
      HEADER +
      `${nowVn()},7000,"${paid.reference}",FT-A-${paid.reference}\n${nowVn()},7000,"${paid.reference} lan 2",FT-E-${paid.reference}\n`;
    const [a, b] = await Promise.all([importStatement(w.police, again), importStatement(provinceOfficer, again)]);
    const reports = [a.json<StatementImportReport>(), b.json<StatementImportReport>()];
    expect(reports.flatMap((r) => r.matched)).toEqual([]);
    expect(reports.flatMap((r) => r.duplicates).length).toBe(3);
    expect(reports.flatMap((r) => r.alreadyCredited).map((l) => l.bankTransactionId)).toEqual([
      `FT-E-${paid.reference}`,
    ]);
    const [row] = await w.t.database.rows<{ n: number | string }>(
      sql`select count(*) as n from payments.payment_events where payment_id = ${paid.payment.id} and to_state = 'succeeded'`,
    );
    expect(Number(row!.n)).toBe(1);
    expect((await w.dossierFee(dossierId)).feePaidAmount).toBe(FEE);
  });

  it('leaves a payment of another unit to its officers (out of scope, not recorded)', async () => {
    const other = (await createVietqr(w.citizen, await w.payableDossier())).json<VietqrTransfer>();
    const csv = HEADER + `${nowVn()},7000,"${other.reference}",FT-F-${other.reference}\n`;
    const outside = (await importStatement(w.policeElsewhere, csv)).json<StatementImportReport>();
    expect(outside.outOfScope.map((l) => l.reference)).toEqual([other.reference]);
    expect((await getPayment(w.citizen, other.payment.id)).state).toBe('pending');
    const inside = (await importStatement(w.police, csv)).json<StatementImportReport>();
    expect(inside.matched.map((l) => l.reference)).toEqual([other.reference]);
  });

  it('queues a transfer for a withdrawn dossier for refund (paid_not_credited) and reports it as already credited', async () => {
    const withdrawnDossier = await w.payableDossier();
    const order = (await createVietqr(w.citizen, withdrawnDossier)).json<VietqrTransfer>();
    const withdrawn = await w.citizen.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${withdrawnDossier}/commands/withdraw`,
      payload: {},
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const csv = HEADER + `${nowVn()},7000,"${order.reference}",FT-W-${order.reference}\n`;
    const report = (await importStatement(w.police, csv)).json<StatementImportReport>();
    expect(report.alreadyCredited.map((l) => l.reference)).toEqual([order.reference]);
    expect(await getPayment(w.citizen, order.payment.id)).toMatchObject({
      state: 'paid_not_credited',
      refundDue: 'dossier_withdrawn',
      gatewayTransactionId: `FT-W-${order.reference}`,
    });
    expect((await w.dossierFee(withdrawnDossier)).feeStatus).not.toBe('paid');
    const again = (await importStatement(w.police, csv)).json<StatementImportReport>();
    expect(again.duplicates.map((l) => l.reference)).toEqual([order.reference]);
  });

  it('lists imported lines to staff of the unit', async () => {
    const res = await w.police.inject('/api/v1/payments/statements/lines?outcome=matched');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ items: Array<{ reference: string }> }>().items.map((l) => l.reference)).toContain(paid.reference);
    expect((await w.citizen.inject('/api/v1/payments/statements/lines')).statusCode).toBe(403);
  });

  it('refuses bad files with bilingual errors naming the column or line, and citizens', async () => {
    const header = await importStatement(w.police, 'date,amount,description\n2026-10-05,1,x\n');
    expect(header.statusCode).toBe(400);
    expect(header.json<ErrorBody>().error.fields?.[0]).toMatchObject({ field: 'header.bankTransactionId' });
    expect(header.json<ErrorBody>().error.messageVi).toContain('thiếu cột');
    const cp1258 = Buffer.concat([
      Buffer.from(HEADER),
      Buffer.from([0x32, 0x30, 0x32, 0x36, 0x2c, 0x31, 0x2c, 0xd0, 0xe3, 0x2c, 0x46, 0x0a]),
    ]);
    expect((await importStatement(w.police, cp1258)).json<ErrorBody>().error.messageEn).toContain('not UTF-8');
    const badLine = await importStatement(w.police, `${HEADER}hôm qua,7000,x,FT1\n`);
    expect(badLine.json<ErrorBody>().error.fields?.[0]?.field).toBe('line 2.transaction_time');
    const big = await importStatement(w.police, HEADER + 'x'.repeat(2 * 1024 * 1024 + 10));
    expect(big.statusCode).toBe(413);
    expect(
      (await w.police.inject({ method: 'POST', url: '/api/v1/payments/statements', payload: { file: 'x' } }))
        .statusCode,
    ).toBe(400);
    expect((await importStatement(w.citizen, HEADER)).statusCode).toBe(403);
  });
});

describe('electronic receipt', () => {
  it('prints the amount in words and the dossier code, for the owner and the unit staff only', async () => {
    const dossierId = await w.payableDossier();
    const order = (await createVietqr(w.citizen, dossierId)).json<VietqrTransfer>();
    expect((await w.citizen.inject(`/api/v1/payments/${order.payment.id}/receipt.pdf`)).statusCode).toBe(409);
    await importStatement(w.police, HEADER + `${nowVn()},7000,"${order.reference}",FT-R-${order.reference}\n`);
    const res = await w.citizen.inject(`/api/v1/payments/${order.payment.id}/receipt.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('BIÊN LAI THU LỆ PHÍ ĐIỆN TỬ');
    expect(text).toContain('Bảy nghìn đồng');
    expect(text).toContain('7.000 đồng');
    expect(text).toContain(order.payment.dossierCode!);
    expect(text).toContain(`FT-R-${order.reference}`);
    expect(text).toContain('Lò Thị Lan');
    expect((await w.police.inject(`/api/v1/payments/${order.payment.id}/receipt.pdf`)).statusCode).toBe(200);
    expect((await w.policeElsewhere.inject(`/api/v1/payments/${order.payment.id}/receipt.pdf`)).statusCode).toBe(404);
    expect((await w.otherCitizen.inject(`/api/v1/payments/${order.payment.id}/receipt.pdf`)).statusCode).toBe(404);
  });
});
