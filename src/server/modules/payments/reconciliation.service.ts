import ExcelJS from 'exceljs';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import type {
  DailyReport,
  DailyReportQuery,
  ReconciliationMismatch,
  SettlementFileResult,
} from '../../../contracts/payments-reports';
import type { PaymentMethod, PaymentState } from '../../../contracts/payments';
import type { AccessContext } from '../identity';
import * as errors from './payments.errors';
import { payments } from './payments.schema';
import { settlementFiles, settlementLines } from './reconciliation.schema';
import { findMismatches, readSettlementFile, type OurPayment, type SettlementLineInput } from './reconciliation';

/**
 * The daily reconciliation (đối soát, issue #5 §4): staff import the gateway's settlement file of
 * a day, then read the day's report — payments per method and state, totals, and the mismatches
 * between the file and DVC06's records — as JSON or as an XLSX workbook with Vietnamese headers.
 * Scope: `dossiers.process` in the caller's units (until a `payments.reconcile` action exists);
 * file lines whose reference is unknown here belong to no unit and are shown only to staff with
 * the whole province in scope, without a unit filter.
 */

const ACTION = 'payments.reconcile';

export interface ReconciliationDeps {
  db: Db;
  /** The gateway's name (payments.gateway) and DVC06's merchant code in its files. */
  gateway: string;
  tmnCode: string;
}

const dayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);
const dayRange = (day: string) =>
  [dayStart(day).toISOString(), new Date(dayStart(day).getTime() + 86_400_000).toISOString()] as const;

function staffOnly(access: AccessContext): void {
  if (!access.actor || access.actor.kind === 'citizen') throw errors.paymentForbidden();
}

/** Stores the settlement file of `day`, replacing an earlier one of the same day (one transaction). */
export async function importSettlementFile(
  deps: ReconciliationDeps,
  access: AccessContext,
  bytes: Uint8Array,
  day: string,
  now = new Date(),
): Promise<SettlementFileResult> {
  staffOnly(access);
  const lines = readSettlementFile(bytes, day, deps.tmnCode);
  const paymentsCount = lines.filter((l) => l.type === 'payment').length;
  return deps.db.transaction(async (tx) => {
    const removed = await tx
      .delete(settlementFiles)
      .where(and(eq(settlementFiles.gateway, deps.gateway), eq(settlementFiles.day, day)))
      .returning({ id: settlementFiles.id });
    const [file] = await tx
      .insert(settlementFiles)
      .values({
        day,
        gateway: deps.gateway,
        paymentCount: paymentsCount,
        refundCount: lines.length - paymentsCount,
        importedAt: now,
        importedByAccountId: access.actor!.accountId,
      })
      .returning({ id: settlementFiles.id });
    for (let i = 0; i < lines.length; i += 500) {
      await tx.insert(settlementLines).values(
        lines.slice(i, i + 500).map((l) => ({
          fileId: file!.id,
          transactionNo: l.transactionNo,
          reference: l.reference,
          type: l.type,
          amount: l.amount,
          transactionAt: l.transactionAt,
          bankCode: l.bankCode,
        })),
      );
    }
    return { day, payments: paymentsCount, refunds: lines.length - paymentsCount, replaced: removed.length > 0 };
  });
}

/** SQL condition on payments alias `p` for the caller's units and the optional unit filter. */
function unitCondition(access: AccessContext, unitCode: string | undefined): SQL {
  const scope = access.unitScope(ACTION);
  const parts: SQL[] = [];
  if (scope !== null)
    parts.push(
      scope.size
        ? sql`p.unit_code in (${sql.join(
            [...scope].map((u) => sql`${u}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  if (unitCode) parts.push(sql`p.unit_code = ${unitCode}`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

async function ourPaymentsFor(db: Db, gateway: string, references: string[], day: string): Promise<OurPayment[]> {
  const [from, to] = dayRange(day);
  const byRef = references.length ? inArray(payments.reference, references) : sql`false`;
  const rows = await db
    .select({
      id: payments.id,
      reference: payments.reference,
      amount: payments.amount,
      state: payments.state,
      gatewayTransactionId: payments.gatewayTransactionId,
      paidAt: payments.paidAt,
      dossierCode: payments.dossierCode,
      unitCode: payments.unitCode,
    })
    .from(payments)
    .where(
      and(
        eq(payments.gateway, gateway),
        sql`(${byRef} or (${payments.paidAt} >= ${from}::timestamptz and ${payments.paidAt} < ${to}::timestamptz))`,
      ),
    );
  return rows.map((r) => ({ ...r, state: r.state as PaymentState }));
}

function visibleMismatch(access: AccessContext, unitCode: string | undefined, m: ReconciliationMismatch): boolean {
  if (m.unitCode === null) return !unitCode && access.unitScope(ACTION) === null;
  return (!unitCode || m.unitCode === unitCode) && access.canInUnit(ACTION, m.unitCode);
}

/** The day's report (JSON). */
export async function dailyReport(
  deps: ReconciliationDeps,
  access: AccessContext,
  q: DailyReportQuery,
): Promise<DailyReport> {
  staffOnly(access);
  const [from, to] = dayRange(q.day);
  const units = unitCondition(access, q.unitCode);
  const groups = await queryRows<{
    method: PaymentMethod;
    state: PaymentState;
    n: string | number;
    amount: string | number;
  }>(
    deps.db,
    sql`
    select p.method, p.state, count(*) as n, coalesce(sum(p.amount), 0) as amount from payments.payments p
    where p.created_at >= ${from}::timestamptz and p.created_at < ${to}::timestamptz and ${units}
    group by p.method, p.state order by p.method, p.state`,
  );
  const [paid] = await queryRows<{ n: string | number; amount: string | number }>(
    deps.db,
    sql`
    select count(*) as n, coalesce(sum(p.amount), 0) as amount from payments.payments p
    where p.state in ('succeeded', 'partially_refunded', 'refunded') and p.paid_at >= ${from}::timestamptz and p.paid_at < ${to}::timestamptz and ${units}`,
  );
  const [refunded] = await queryRows<{ n: string | number; amount: string | number }>(
    deps.db,
    sql`
    select count(*) as n, coalesce(sum(r.amount), 0) as amount from payments.refunds r join payments.payments p on p.id = r.payment_id
    where r.state = 'succeeded' and r.completed_at >= ${from}::timestamptz and r.completed_at < ${to}::timestamptz and ${units}`,
  );
  const byMethodAndState = groups.map((g) => ({
    method: g.method,
    state: g.state,
    count: Number(g.n),
    amount: Number(g.amount),
  }));
  const [file] = await deps.db
    .select()
    .from(settlementFiles)
    .where(and(eq(settlementFiles.gateway, deps.gateway), eq(settlementFiles.day, q.day)))
    .limit(1);
  let mismatches: ReconciliationMismatch[] = [];
  if (file) {
    const lines: SettlementLineInput[] = (
      await deps.db.select().from(settlementLines).where(eq(settlementLines.fileId, file.id))
    ).map((l, i) => ({
      line: i + 2,
      transactionNo: l.transactionNo,
      reference: l.reference,
      type: l.type as 'payment' | 'refund',
      amount: l.amount,
      transactionAt: l.transactionAt,
      bankCode: l.bankCode,
    }));
    const ours = await ourPaymentsFor(deps.db, deps.gateway, [...new Set(lines.map((l) => l.reference))], q.day);
    mismatches = findMismatches(lines, ours, q.day).filter((m) => visibleMismatch(access, q.unitCode, m));
  }
  return {
    day: q.day,
    unitCode: q.unitCode ?? null,
    byMethodAndState,
    totals: {
      created: byMethodAndState.reduce((s, g) => s + g.count, 0),
      createdAmount: byMethodAndState.reduce((s, g) => s + g.amount, 0),
      paid: Number(paid?.n ?? 0),
      paidAmount: Number(paid?.amount ?? 0),
      refunds: Number(refunded?.n ?? 0),
      refundedAmount: Number(refunded?.amount ?? 0),
    },
    settlementFile: file
      ? { importedAt: file.importedAt.toISOString(), payments: file.paymentCount, refunds: file.refundCount }
      : null,
    mismatches,
  };
}

const METHOD_VI: Record<PaymentMethod, string> = { gateway: 'Cổng thanh toán', vietqr: 'Chuyển khoản VietQR' };
const STATE_VI: Record<PaymentState, string> = {
  created: 'Mới tạo',
  pending: 'Đang chờ thanh toán',
  succeeded: 'Thành công',
  failed: 'Thất bại',
  cancelled: 'Đã hủy',
  expired: 'Hết hạn',
  partially_refunded: 'Hoàn một phần',
  refunded: 'Đã hoàn tiền',
  paid_not_credited: 'Đã thu, không ghi nhận cho hồ sơ — phải hoàn tiền',
};
const KIND_VI: Record<ReconciliationMismatch['kind'], string> = {
  missing_here: 'Có trong tệp cổng thanh toán, chưa thành công tại DVC06',
  missing_in_file: 'Thành công tại DVC06, không có trong tệp cổng thanh toán',
  amount_differs: 'Số tiền khác nhau',
};

function sheet(
  workbook: ExcelJS.Workbook,
  name: string,
  header: string[],
  rows: Array<Array<string | number | null>>,
  widths: number[],
): void {
  const ws = workbook.addWorksheet(name);
  ws.addRow(header).font = { bold: true };
  for (const row of rows) ws.addRow(row);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The same report as an XLSX workbook: "Tổng hợp" (summary), "Theo trạng thái" (per method and state), "Chênh lệch" (mismatches). */
export async function dailyReportXlsx(report: DailyReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'DVC06';
  const t = report.totals;
  sheet(
    workbook,
    'Tổng hợp',
    ['Chỉ tiêu', 'Giá trị'],
    [
      ['Ngày đối soát', report.day],
      ['Đơn vị', report.unitCode ?? 'Toàn bộ phạm vi'],
      ['Số giao dịch tạo trong ngày', t.created],
      ['Tổng tiền giao dịch tạo trong ngày (đồng)', t.createdAmount],
      ['Số giao dịch thanh toán thành công trong ngày', t.paid],
      ['Tổng tiền đã thu (đồng)', t.paidAmount],
      ['Số lần hoàn tiền', t.refunds],
      ['Tổng tiền đã hoàn (đồng)', t.refundedAmount],
      [
        'Tệp đối soát của cổng thanh toán',
        report.settlementFile
          ? `Đã nhập (${report.settlementFile.payments} thanh toán, ${report.settlementFile.refunds} hoàn tiền)`
          : 'Chưa nhập',
      ],
      ['Số chênh lệch', report.mismatches.length],
    ],
    [48, 40],
  );
  sheet(
    workbook,
    'Theo trạng thái',
    ['Hình thức', 'Trạng thái', 'Số giao dịch', 'Số tiền (đồng)'],
    report.byMethodAndState.map((g) => [METHOD_VI[g.method], STATE_VI[g.state], g.count, g.amount]),
    [24, 24, 14, 18],
  );
  sheet(
    workbook,
    'Chênh lệch',
    [
      'Loại chênh lệch',
      'Mã tham chiếu',
      'Mã giao dịch cổng',
      'Số tiền theo tệp (đồng)',
      'Số tiền tại DVC06 (đồng)',
      'Trạng thái tại DVC06',
      'Mã hồ sơ',
      'Đơn vị',
    ],
    report.mismatches.map((m) => [
      KIND_VI[m.kind],
      m.reference,
      m.gatewayTransactionId,
      m.fileAmount,
      m.ourAmount,
      m.ourState ? STATE_VI[m.ourState] : 'Không có',
      m.dossierCode,
      m.unitCode,
    ]),
    [52, 20, 18, 20, 20, 20, 26, 10],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
