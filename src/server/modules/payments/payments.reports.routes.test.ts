import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import * as mupdf from 'mupdf';
import { sql } from 'drizzle-orm';
import type { Payment } from '../../../contracts/payments';
import type {
  DailyReport,
  OnlineShare,
  StatementImportReport,
  VietqrTransfer,
} from '../../../contracts/payments-reports';
import type { Session } from '../../../../test/app';
import { todayInVietnam } from '../../../contracts/common';
import { onlinePaymentShare } from './online-share';
import { decodeVietqr } from './vietqr';
import {
  completeOnGateway,
  FEE,
  gatewayResult,
  paymentWorld,
  startPayment,
  UNIT,
  type PaymentWorld,
} from './test-support';

let w: PaymentWorld;
let provinceOfficer: Session;
beforeAll(async () => {
  w = await paymentWorld();
  provinceOfficer = await w.t.staff('commune_police', '12');
}, 90_000);
afterAll(async () => w?.close());

type ErrorBody = {
  error: { code: string; messageVi: string; messageEn: string; fields?: Array<{ field: string; messageVi: string }> };
};

/** The text of a PDF as MuPDF extracts it (what copy-paste and screen readers get). */
function pdfText(pdf: Buffer): string {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  return Array.from({ length: doc.countPages() }, (_, i) =>
    doc.loadPage(i).toStructuredText('preserve-whitespace').asText(),
  ).join('\n');
}

function multipart(content: Buffer | string, fileName = 'sao-ke.csv', field = 'file') {
  const boundary = `----dvc06${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const createVietqr = (session: Session, dossierId: string, key?: string) =>
  session.inject({
    method: 'POST',
    url: '/api/v1/payments/vietqr',
    payload: { dossierId },
    headers: key ? { 'idempotency-key': key } : {},
  });
const importStatement = async (session: Session, csv: Buffer | string) =>
  session.inject({ method: 'POST', url: '/api/v1/payments/statements', ...multipart(csv) });
const getPayment = async (id: string) => (await w.citizen.inject(`/api/v1/payments/${id}`)).json<Payment>();
const HEADER = 'Ngày giao dịch,Số tiền,Nội dung,Số bút toán\n';
const nowVn = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

describe('VietQR transfer orders', () => {
  it('gives the citizen a reference, a QR payload that decodes to the account and the fee, and a PNG', async () => {
    const dossierId = await w.payableDossier();
    const res = await createVietqr(w.citizen, dossierId);
    expect(res.statusCode).toBe(201);
    const body = res.json<VietqrTransfer>();
    expect(body.reference).toMatch(/^DVC[0-9A-Z]{12}$/);
    expect(body.payment).toMatchObject({
      method: 'vietqr',
      gateway: 'vietqr',
      state: 'pending',
      amount: FEE,
      reference: body.reference,
    });
    expect(decodeVietqr(body.payload)).toMatchObject({
      bankBin: '970436',
      accountNo: '0000012345678',
      amount: FEE,
      purpose: body.reference,
      currency: '704',
      pointOfInitiation: '12',
      crcValid: true,
    });
    expect(body.account).toEqual({
      bankBin: '970436',
      accountNo: '0000012345678',
      accountName: 'KHO BAC NHA NUOC LAI CHAU DEMO',
    });
    expect(body.qrPngDataUrl.startsWith('data:image/png;base64,iVBOR')).toBe(true);
    expect(new Date(body.expiresAt).getTime() - Date.now()).toBeGreaterThan(71 * 3_600_000);
    const again = await createVietqr(w.citizen, dossierId);
    expect(again.statusCode).toBe(200);
    expect(again.json<VietqrTransfer>()).toMatchObject({ reference: body.reference, reused: true });
    const shown = await w.citizen.inject(`/api/v1/payments/${body.payment.id}/vietqr`);
    expect(shown.json<VietqrTransfer>().payload).toBe(body.payload);
  });

  it('refuses another citizen (404), staff (403), an open gateway payment (409) and a bad key (400)', async () => {
    const dossierId = await w.payableDossier();
    expect((await createVietqr(w.otherCitizen, dossierId)).statusCode).toBe(404);
    expect((await createVietqr(w.police, dossierId)).statusCode).toBe(403);
    expect((await createVietqr(w.citizen, dossierId, 'short')).json<ErrorBody>().error.code).toBe(
      'PAYMENT.IDEMPOTENCY_KEY_INVALID',
    );
    await startPayment(w.citizen, dossierId);
    const res = await createVietqr(w.citizen, dossierId);
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.messageVi).toContain('cổng thanh toán chưa kết thúc');
    const bad = await w.citizen.inject({
      method: 'POST',
      url: '/api/v1/payments/vietqr',
      payload: { dossierId: "1' or 1=1--" },
    });
    expect(bad.statusCode).toBe(400);
  });
});

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
    const payment = await getPayment(paid.payment.id);
    expect(payment).toMatchObject({ state: 'succeeded', gatewayTransactionId: `FT-A-${paid.reference}` });
    expect(await w.dossierFee(dossierId)).toEqual({
      state: 'submitted',
      feeStatus: 'paid',
      feePaidAmount: FEE,
      feePaymentId: paid.payment.id,
    });
    expect((await getPayment(wrong.payment.id)).state).toBe('pending');
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
    expect((await getPayment(other.payment.id)).state).toBe('pending');
    const inside = (await importStatement(w.police, csv)).json<StatementImportReport>();
    expect(inside.matched.map((l) => l.reference)).toEqual([other.reference]);
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

describe('daily reconciliation against the gateway settlement file', () => {
  const day = todayInVietnam();
  let gatewayPaid: { id: string; reference: string };
  let ipnOnly: { id: string; reference: string };

  it('imports the sandbox file of the day and reports the three kinds of mismatch', async () => {
    const d1 = await w.payableDossier();
    const start1 = (await startPayment(w.citizen, d1)).body;
    expect((await completeOnGateway(w.base, start1.redirectUrl!, 'pay')).status).toBe(303);
    gatewayPaid = start1.payment;
    // Credited here by an IPN the sandbox never issued: absent from the gateway's file.
    const d2 = await w.payableDossier();
    ipnOnly = (await startPayment(w.citizen, d2)).body.payment;
    const answer = (await (
      await fetch(
        `${w.base}/api/v1/payments/gateway/ipn?${gatewayResult({ reference: ipnOnly.reference, amount: FEE, transactionNo: '990001' })}`,
      )
    ).json()) as { RspCode: string };
    expect(answer.RspCode).toBe('00');
    const file = await (await fetch(`${w.base}/pay-sandbox/settlement?date=${day}`)).text();
    expect(file.split('\r\n')[0]).toBe(
      'transaction_no,txn_ref,type,amount,currency,transaction_time,bank_code,tmn_code',
    );
    const altered =
      file.replace(new RegExp(`(${gatewayPaid.reference},payment,)${FEE}`), '$19000') +
      `777,DVC0NKNWNREF000,payment,7000,VND,${nowVn()},NCB,DVC06SBX\r\n`;
    const res = await provinceOfficer.inject({
      method: 'POST',
      url: `/api/v1/payments/reconciliation/settlement-files?day=${day}`,
      ...multipart(altered, 'settlement.csv'),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ day, replaced: false });
    const report = (
      await provinceOfficer.inject(`/api/v1/payments/reconciliation/daily?day=${day}`)
    ).json<DailyReport>();
    expect(report.settlementFile).not.toBeNull();
    const kinds = report.mismatches.map((m) => [m.kind, m.reference]);
    expect(kinds).toContainEqual(['amount_differs', gatewayPaid.reference]);
    expect(kinds).toContainEqual(['missing_here', 'DVC0NKNWNREF000']);
    expect(kinds).toContainEqual(['missing_in_file', ipnOnly.reference]);
    expect(report.totals.paid).toBeGreaterThanOrEqual(2);
    expect(
      report.byMethodAndState.find((g) => g.method === 'vietqr' && g.state === 'succeeded')?.count,
    ).toBeGreaterThanOrEqual(1);
  });

  it('shows a unit officer only the mismatches of their units (not unknown references)', async () => {
    const scoped = (await w.police.inject(`/api/v1/payments/reconciliation/daily?day=${day}`)).json<DailyReport>();
    expect(scoped.mismatches.map((m) => m.reference)).not.toContain('DVC0NKNWNREF000');
    expect(scoped.mismatches.map((m) => m.reference)).toContain(ipnOnly.reference);
    const elsewhere = (
      await w.policeElsewhere.inject(`/api/v1/payments/reconciliation/daily?day=${day}`)
    ).json<DailyReport>();
    expect(elsewhere.mismatches).toEqual([]);
    expect(elsewhere.totals.created).toBe(0);
    expect(
      (await w.policeElsewhere.inject(`/api/v1/payments/reconciliation/daily?day=${day}&unitCode=${UNIT}`)).statusCode,
    ).toBe(403);
  });

  it('exports the report as XLSX with Vietnamese headers', async () => {
    const res = await provinceOfficer.inject(`/api/v1/payments/reconciliation/daily.xlsx?day=${day}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`doi-soat-${day}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Theo trạng thái', 'Chênh lệch']);
    const mismatches = workbook.getWorksheet('Chênh lệch')!;
    expect(mismatches.getRow(1).getCell(1).value).toBe('Loại chênh lệch');
    expect(mismatches.rowCount - 1).toBe(3);
  });

  it('refuses a file of another day, naming the line, and leaves the stored file unchanged', async () => {
    const res = await provinceOfficer.inject({
      method: 'POST',
      url: `/api/v1/payments/reconciliation/settlement-files?day=2020-01-01`,
      ...multipart(
        `transaction_no,txn_ref,type,amount,currency,transaction_time,bank_code,tmn_code\r\n1,DVC0A,payment,7000,VND,${nowVn()},NCB,DVC06SBX\r\n`,
      ),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.fields?.[0]?.field).toBe('line 2.transaction_time');
    expect(
      (await provinceOfficer.inject(`/api/v1/payments/reconciliation/daily?day=${day}`)).json<DailyReport>().mismatches
        .length,
    ).toBe(3);
    expect((await provinceOfficer.inject(`/api/v1/payments/reconciliation/daily?day=31-12-2026`)).statusCode).toBe(400);
    expect((await w.citizen.inject(`/api/v1/payments/reconciliation/daily?day=${day}`)).statusCode).toBe(403);
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

describe('online share of fee payments', () => {
  const month = todayInVietnam().slice(0, 7);

  it('counts this month’s gateway and VietQR payments of the unit against the fees paid in cash at its counter', async () => {
    const res = await w.police.inject(`/api/v1/payments/stats/online-share?from=${month}&to=${month}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<OnlineShare>();
    const row = body.rows.find((r) => r.unitCode === UNIT && r.month === month)!;
    expect(row.gateway).toBeGreaterThanOrEqual(2);
    expect(row.vietqr).toBeGreaterThanOrEqual(3);
    expect(row.online).toBe(row.gateway + row.vietqr);
    const [cash] = await w.t.database.rows<{ n: string }>(
      sql`select count(*)::text as n from dossiers.dossiers where fee_status = 'cash' and unit_code = ${UNIT}`,
    );
    expect(row.cash).toBe(Number(cash!.n));
    expect(row.onlineShare).toBeCloseTo(row.online / (row.online + Number(cash!.n)));
    expect(body.cashKnown).toBe(true);
    expect(body.total).toEqual([expect.objectContaining({ month, online: row.online })]);
  });

  it('computes the share per unit and month once cash counts are supplied', async () => {
    const withCash = await onlinePaymentShare(
      w.t.database.db,
      { from: month, to: month, unitCodes: [UNIT, '03388'] },
      async () => [
        { unitCode: UNIT, month, count: 5 },
        { unitCode: '03388', month, count: 2 },
      ],
    );
    const unit = withCash.rows.find((r) => r.unitCode === UNIT)!;
    expect(unit.onlineShare).toBeCloseTo(unit.online / (unit.online + 5));
    expect(withCash.rows.find((r) => r.unitCode === '03388')).toMatchObject({ online: 0, cash: 2, onlineShare: 0 });
    expect(withCash.total[0]).toMatchObject({ cash: 7, online: unit.online });
    expect(withCash.cashKnown).toBe(true);
  });

  it('refuses a reversed period, another unit and citizens', async () => {
    expect(
      (await w.police.inject(`/api/v1/payments/stats/online-share?from=2026-10&to=2026-01`)).json<ErrorBody>().error
        .code,
    ).toBe('PAYMENT.PERIOD_INVALID');
    expect((await w.police.inject(`/api/v1/payments/stats/online-share?from=2026-13&to=2026-01`)).statusCode).toBe(400);
    expect(
      (await w.policeElsewhere.inject(`/api/v1/payments/stats/online-share?from=${month}&to=${month}&unitCode=${UNIT}`))
        .statusCode,
    ).toBe(403);
    expect((await w.citizen.inject(`/api/v1/payments/stats/online-share?from=${month}&to=${month}`)).statusCode).toBe(
      403,
    );
  });
});
