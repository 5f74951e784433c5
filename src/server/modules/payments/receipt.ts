import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { dateTimeVi, placeDateVi } from '../slips';
import { vndInWords } from './vietnamese-words';

/**
 * The electronic receipt (biên lai điện tử) of a successful fee payment, as an A4 PDF in
 * Vietnamese with the committed Noto Serif font (full TTF: pdfkit draws Vietnamese correctly).
 * Pure rendering: the caller loads the data. What it prints follows the content of a fee receipt
 * (Decree 11/2020/NĐ-CP, Art. 32, simplified): issuer, receipt number, payer, what was paid
 * (dossier, procedure), amount in figures and in words, method, transaction number and time.
 */

const FONT_DIR = fileURLToPath(new URL('../../../../assets/fonts/noto-serif/', import.meta.url));

export interface ReceiptData {
  /** The collecting unit, e.g. "UBND xã Mường Tè". */
  unitName: string;
  /** Receipt number: the payment reference (unique). */
  receiptNumber: string;
  payerName: string;
  dossierCode: string;
  procedureName: string;
  amount: number;
  method: 'gateway' | 'vietqr';
  /** Gateway transaction number or bank transaction id. */
  transactionNumber: string;
  paidAt: Date;
  /** Refunded so far (printed as a note when > 0). */
  refundedAmount: number;
  issuedAt: Date;
  /** Place printed before the date, e.g. "Lai Châu". */
  place: string;
}

const METHOD_VI = {
  gateway: 'Thanh toán trực tuyến qua cổng thanh toán',
  vietqr: 'Chuyển khoản ngân hàng (VietQR)',
} as const;

/** 15000 → "15.000" (Vietnamese digit grouping). */
export function formatVnd(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Renders the receipt; resolves with the PDF bytes. */
export async function renderReceipt(r: ReceiptData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 57, bottom: 57, left: 85, right: 43 },
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: `Biên lai điện tử ${r.receiptNumber}`,
      Author: r.unitName,
      Creator: 'DVC06',
      CreationDate: r.issuedAt,
      ModDate: r.issuedAt,
    },
  });
  doc.registerFont('regular', `${FONT_DIR}NotoSerif-Regular.ttf`);
  doc.registerFont('bold', `${FONT_DIR}NotoSerif-Bold.ttf`);
  doc.registerFont('italic', `${FONT_DIR}NotoSerif-Italic.ttf`);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const width = doc.page.width - 85 - 43;
  const top = doc.y;
  const half = width / 2;
  doc
    .font('bold')
    .fontSize(11)
    .text(r.unitName.toUpperCase(), 85, top, { width: half - 10, align: 'center' });
  const leftBottom = doc.y;
  doc
    .font('bold')
    .fontSize(11)
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 85 + half - 10, top, { width: half + 10, align: 'center' });
  doc
    .font('bold')
    .fontSize(12)
    .text('Độc lập - Tự do - Hạnh phúc', 85 + half - 10, doc.y, { width: half + 10, align: 'center' });
  doc.x = 85;
  doc.y = Math.max(leftBottom, doc.y);
  doc.moveDown(2);
  doc.font('bold').fontSize(16).text('BIÊN LAI THU LỆ PHÍ ĐIỆN TỬ', { width, align: 'center' });
  doc.font('italic').fontSize(12).text(`Số: ${r.receiptNumber}`, { width, align: 'center' });
  doc.moveDown(1.5);
  const row = (label: string, value: string) => {
    doc.font('regular').fontSize(13).text(`${label}: `, { continued: true, width }).font('bold').text(value, { width });
    doc.moveDown(0.3);
  };
  row('Người nộp', r.payerName);
  row('Mã hồ sơ', r.dossierCode);
  row('Nội dung thu', `Lệ phí thủ tục "${r.procedureName}"`);
  row('Số tiền', `${formatVnd(r.amount)} đồng`);
  row('Bằng chữ', vndInWords(r.amount));
  row('Hình thức thanh toán', METHOD_VI[r.method]);
  row('Mã giao dịch', r.transactionNumber);
  row('Thời gian thanh toán', dateTimeVi(r.paidAt));
  if (r.refundedAmount > 0)
    row('Đã hoàn trả', `${formatVnd(r.refundedAmount)} đồng (${vndInWords(r.refundedAmount).toLowerCase()})`);
  doc.moveDown(1.5);
  doc.font('italic').fontSize(12).text(placeDateVi(r.place, r.issuedAt), { width, align: 'right' });
  doc.moveDown(0.5);
  doc
    .font('regular')
    .fontSize(11)
    .text(
      'Biên lai điện tử do hệ thống DVC06 lập từ giao dịch thanh toán đã được xác nhận; không cần chữ ký, đóng dấu.',
      { width },
    );
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
