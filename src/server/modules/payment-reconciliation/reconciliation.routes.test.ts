import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { DailyReport, OnlineShare, VietqrTransfer } from '../../../contracts/payments-reports';
import type { Session } from '../../../../test/app';
import { todayInVietnam } from '../../../contracts/common';
import {
  completeOnGateway,
  FEE,
  gatewayResult,
  paymentWorld,
  startPayment,
  UNIT,
  type PaymentWorld,
} from '../payments/test-support';
import { onlinePaymentShare } from './online-share';
import { createVietqr, HEADER, importStatement, multipart, nowVn, type ErrorBody } from './reconciliation.test-support';

let w: PaymentWorld;
let provinceOfficer: Session;
beforeAll(async () => {
  w = await paymentWorld();
  provinceOfficer = await w.t.staff('commune_police', '12');
  // A VietQR payment settled from a statement today: the report and the online share count it.
  const order = (await createVietqr(w.citizen, await w.payableDossier())).json<VietqrTransfer>();
  await importStatement(w.police, HEADER + `${nowVn()},7000,"${order.reference}",FT-S-${order.reference}\n`);
}, 90_000);
afterAll(async () => w?.close());

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

describe('online share of fee payments', () => {
  const month = todayInVietnam().slice(0, 7);

  it('counts this month’s gateway and VietQR payments of the unit against the fees paid in cash at its counter', async () => {
    const res = await w.police.inject(`/api/v1/payments/stats/online-share?from=${month}&to=${month}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<OnlineShare>();
    const row = body.rows.find((r) => r.unitCode === UNIT && r.month === month)!;
    expect(row.gateway).toBeGreaterThanOrEqual(2);
    expect(row.vietqr).toBeGreaterThanOrEqual(1);
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
