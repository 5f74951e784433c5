import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { dateTimeVi, drawQr, placeDateVi } from '../slips';
import { formatVnd } from '../../../contracts/fees';
import { vndInWords } from './vietnamese-words';

/**
 * The electronic fee receipt (biên lai điện tử thu phí, lệ phí) of a credited payment, as an A4 PDF
 * in Vietnamese with the committed Noto Serif font (full TTF: pdfkit draws Vietnamese correctly).
 * Pure rendering: the caller loads the data and signs the result (`receipt-signing.ts`). What it
 * prints follows the content public copies of Decree 254/2026/NĐ-CP report for an electronic
 * receipt (ADR 0015): form and series symbols, a number of at most 8 digits, the collecting body's
 * name and tax code, what was collected and from whom, the date, the collecting body's digital
 * signature (described here, made on the PDF) and a link to verify it.
 */

const FONT_DIR = fileURLToPath(new URL('../../../../assets/fonts/noto-serif/', import.meta.url));

/** The legal basis printed on the receipt; the decree's text was not read by us (public copies only). */
export const RECEIPT_LEGAL_BASIS = {
  citation: 'Nghị định số 254/2026/NĐ-CP',
  inForce: '2026-07-01',
  source: 'public copies of Decree 254/2026/NĐ-CP (replacing Decrees 123/2020 and 70/2025), as reported',
  confirmed: false,
} as const;

export interface ReceiptData {
  /** The collecting body, e.g. "Ủy ban nhân dân Xã Mường Tè". */
  collectingBodyName: string;
  taxCode: string;
  formSymbol: string;
  seriesSymbol: string;
  /** 1 … 99 999 999, within the collecting body's year. */
  number: number;
  payerName: string;
  dossierCode: string;
  procedureName: string;
  amount: number;
  method: 'gateway' | 'vietqr';
  /** Gateway transaction number or bank transaction id. */
  transactionNumber: string;
  paidAt: Date;
  /** When the fee was credited: the receipt's date. */
  issuedAt: Date;
  /** Place printed before the date, e.g. "Lai Châu". */
  place: string;
  /** The signer as the signing certificate names it (its subject's common name). */
  signerName: string;
  /** Where anyone can check the receipt (printed and as a QR code). */
  verificationUrl: string;
  /** A demonstration receipt (fake tax code, development key): printed so, in words. */
  demo: boolean;
}

const METHOD_VI = {
  gateway: 'Thanh toán trực tuyến qua cổng thanh toán',
  vietqr: 'Chuyển khoản ngân hàng (VietQR)',
} as const;

/** The receipt number as printed: 8 digits, zero-padded (the padding is unconfirmed, ADR 0015). */
export function formatReceiptNumber(n: number): string {
  return String(n).padStart(8, '0');
}

/** Renders the (unsigned) receipt; resolves with the PDF bytes. */
export async function renderReceipt(r: ReceiptData): Promise<Buffer> {
  const number = formatReceiptNumber(r.number);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 57, bottom: 57, left: 85, right: 43 },
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: `Biên lai điện tử ${r.formSymbol} ${r.seriesSymbol} số ${number}`,
      Author: r.collectingBodyName,
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
  const left = 85;
  const width = doc.page.width - left - 43;
  const top = doc.y;
  const half = width / 2;
  doc.font('bold').fontSize(11).text(r.collectingBodyName.toUpperCase(), left, top, { width: half, align: 'center' });
  doc.font('regular').fontSize(11).text(`Mã số thuế: ${r.taxCode}`, left, doc.y, { width: half, align: 'center' });
  const leftBottom = doc.y;
  doc.font('regular').fontSize(11);
  const symbols: Array<[string, string]> = [
    ['Ký hiệu mẫu số', r.formSymbol],
    ['Ký hiệu', r.seriesSymbol],
    ['Số', number],
  ];
  doc.y = top;
  for (const [label, value] of symbols)
    doc
      .font('regular')
      .text(`${label}: `, left + half + 40, doc.y, { continued: true, width: half - 40 })
      .font('bold')
      .text(value);
  doc.x = left;
  doc.y = Math.max(leftBottom, doc.y);
  doc.moveDown(2);
  doc.font('bold').fontSize(16).text('BIÊN LAI THU LỆ PHÍ ĐIỆN TỬ', left, doc.y, { width, align: 'center' });
  doc.font('italic').fontSize(12).text(`Ký hiệu: ${r.seriesSymbol} – Số: ${number}`, { width, align: 'center' });
  doc.moveDown(1.5);
  const row = (label: string, value: string) => {
    doc.font('regular').fontSize(13).text(`${label}: `, { continued: true, width }).font('bold').text(value, { width });
    doc.moveDown(0.3);
  };
  row('Đơn vị thu', r.collectingBodyName);
  row('Mã số thuế đơn vị thu', r.taxCode);
  row('Người nộp', r.payerName);
  row('Mã hồ sơ', r.dossierCode);
  row('Nội dung thu', `Lệ phí thủ tục "${r.procedureName}"`);
  row('Số tiền', formatVnd(r.amount, 'vi'));
  row('Bằng chữ', vndInWords(r.amount));
  row('Hình thức thanh toán', METHOD_VI[r.method]);
  row('Mã giao dịch', r.transactionNumber);
  row('Thời gian thanh toán', dateTimeVi(r.paidAt));
  doc.moveDown(1);
  doc.font('italic').fontSize(12).text(placeDateVi(r.place, r.issuedAt), { width, align: 'right' });
  doc.font('bold').fontSize(12).text('ĐƠN VỊ THU', { width, align: 'right' });
  doc.font('regular').fontSize(11).text(`Ký số bởi: ${r.signerName}`, { width, align: 'right' });
  doc.moveDown(1);
  const qrTop = doc.y;
  const qrSize = 90;
  drawQr(doc, r.verificationUrl, left, qrTop, qrSize);
  doc
    .font('regular')
    .fontSize(10)
    .text('Kiểm tra biên lai và chữ ký số tại:', left + qrSize + 10, qrTop + 10, { width: width - qrSize - 10 })
    .text(r.verificationUrl, { width: width - qrSize - 10, link: r.verificationUrl });
  doc.text(
    `Biên lai điện tử lập theo ${RECEIPT_LEGAL_BASIS.citation}, có chữ ký số của đơn vị thu; biên lai này có giá trị khi chữ ký số hợp lệ.`,
    { width: width - qrSize - 10 },
  );
  doc.x = left;
  doc.y = Math.max(doc.y, qrTop + qrSize) + 8;
  if (r.demo)
    doc
      .font('bold')
      .fontSize(11)
      .text('BẢN TRÌNH DIỄN – mã số thuế, ký hiệu và chữ ký số là giá trị mẫu; biên lai không có giá trị pháp lý.', {
        width,
        align: 'center',
      });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
