import ExcelJS from 'exceljs';
import type { DailyReport, ReconciliationMismatch } from '../../../contracts/payments-reports';
import type { PaymentMethod, PaymentState } from '../../../contracts/payments';

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
