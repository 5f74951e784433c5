import type { ResultDelivery, SlipData, SlipKind } from './slip-data';
import type { Span } from './rich-text';
import type { Signature, SlipPdf } from './slip-pdf';
import { dateTimeVi, dateVi, workingDaysVi } from './vietnamese-time';

/**
 * What each slip says. Wording follows the forms of the Decree on the one-stop shop
 * (Mẫu 01–04, Decree 61/2018 as replaced by Decree 118/2025) and, for residence dossiers,
 * the Ministry of Public Security's forms CT04–CT06. Validation has already guaranteed the
 * fields each kind needs (see slip-data.ts), hence the non-null assertions below.
 */
interface Titles {
  title: string;
  formLabel: string;
}

const TITLES: Record<'general' | 'residence', Record<SlipKind, Titles>> = {
  general: {
    receipt: { title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', formLabel: 'Mẫu số 01' },
    supplement: { title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', formLabel: 'Mẫu số 02' },
    refusal: { title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', formLabel: 'Mẫu số 03' },
    apology: { title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', formLabel: 'Mẫu số 04' },
  },
  residence: {
    receipt: { title: 'PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', formLabel: 'Mẫu CT04' },
    supplement: { title: 'PHIẾU HƯỚNG DẪN BỔ SUNG, HOÀN THIỆN HỒ SƠ', formLabel: 'Mẫu CT05' },
    refusal: { title: 'PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ', formLabel: 'Mẫu CT06' },
    apology: { title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', formLabel: 'Mẫu số 04' },
  },
};

/** The legal time limit in words: "3 ngày làm việc", or the same-day rule with its cut-off. */
function legalLimitVi(d: SlipData, days: number): string {
  return d.legalSameDayCutoff
    ? `trong ngày làm việc; hồ sơ nhận sau ${d.legalSameDayCutoff} thì trả kết quả trong ngày làm việc tiếp theo`
    : `${workingDaysVi(days)} ngày làm việc`;
}

/** The title and the form label printed top right for this slip. */
export function titlesFor(data: Pick<SlipData, 'kind' | 'formSet'>): Titles {
  return TITLES[data.formSet ?? 'general'][data.kind];
}

const DELIVERY: Record<ResultDelivery, string> = {
  counter: 'Bộ phận tiếp nhận và trả kết quả',
  post: 'Nhận qua dịch vụ bưu chính công ích',
  online: 'Nhận trực tuyến trên Cổng Dịch vụ công',
};

/** "Ông" / "Bà" / "Ông/Bà" for the salutation; lower case inside a sentence. */
function salutation(d: SlipData): string {
  return d.applicantSex === 'male' ? 'Ông' : d.applicantSex === 'female' ? 'Bà' : 'Ông/Bà';
}
const you = (d: SlipData): string => salutation(d).toLowerCase();

/** Ends a free-text sentence with a full stop unless it already ends with punctuation. */
const sentence = (s: string): string => (/[.!?…]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);
const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const plain = (text: string): Span => ({ text });
const bold = (text: string): Span => ({ text, style: 'bold' });
const italic = (text: string): Span => ({ text, style: 'italic' });

/** The applicant's identification lines shared by the receipt, supplement and refusal. */
function applicantLines(pdf: SlipPdf, d: SlipData, label: string): void {
  pdf.paragraph([plain(`${label}: `), bold(`${salutation(d)} ${d.applicantName}`)]);
  if (d.applicantNationalId) pdf.paragraph([plain('Số định danh cá nhân: '), plain(d.applicantNationalId)]);
  if (d.applicantAddress) pdf.paragraph([plain('Địa chỉ: '), plain(d.applicantAddress)]);
  const contact = [
    d.applicantPhone && `Số điện thoại: ${d.applicantPhone}`,
    d.applicantEmail && `Thư điện tử: ${d.applicantEmail}`,
  ].filter(Boolean);
  if (contact.length > 0) pdf.paragraph([plain(contact.join('    '))]);
  pdf.paragraph([plain('Nội dung yêu cầu giải quyết: '), plain(d.procedureName)]);
}

function receiptBody(pdf: SlipPdf, d: SlipData): Signature[] {
  pdf.paragraph([plain(`${d.unitName} – ${d.agencyName}`)]);
  applicantLines(pdf, d, 'Tiếp nhận hồ sơ của');
  let n = 0;
  const item = (spans: Span[]): void => pdf.paragraph([plain(`${++n}. `), ...spans]);
  item([plain('Thành phần hồ sơ nộp gồm:')]);
  d.documents!.forEach((doc, i) =>
    pdf.paragraph([plain(`${i < 26 ? String.fromCharCode(97 + i) : i + 1}) ${doc}`)], { indent: 18 }),
  );
  item([plain('Số lượng hồ sơ: 01 (bộ).')]);
  if (d.legalTimeLimitDays !== undefined) {
    item([plain(`Thời gian giải quyết hồ sơ theo quy định: ${legalLimitVi(d, d.legalTimeLimitDays)}.`)]);
  }
  item([plain('Thời gian nhận hồ sơ: '), bold(dateTimeVi(d.receivedAt!)), plain('.')]);
  if (d.deadlineStartAt && dateTimeVi(d.deadlineStartAt) !== dateTimeVi(d.receivedAt!)) {
    item([plain('Thời hạn giải quyết được tính từ: '), bold(dateTimeVi(d.deadlineStartAt)), plain('.')]);
  }
  item([plain('Thời gian trả kết quả giải quyết hồ sơ: '), bold(dateTimeVi(d.dueAt!)), plain('.')]);
  if (d.resultDelivery) {
    const to = d.resultDelivery === 'post' && d.deliveryAddress ? `, đến địa chỉ: ${d.deliveryAddress}` : '';
    item([plain(`Đăng ký nhận kết quả tại: ${DELIVERY[d.resultDelivery]}${to}.`)]);
  }
  pdf.space(0.3);
  pdf.paragraph([italic(lookupSentence(d))]);
  return [
    { title: 'NGƯỜI NỘP HỒ SƠ', hint: '(Ký và ghi rõ họ tên)', name: d.applicantName },
    {
      title: d.officerTitle ?? 'NGƯỜI TIẾP NHẬN HỒ SƠ',
      hint: '(Ký và ghi rõ họ tên)',
      name: d.officerName,
      ...(d.officerPosition && { position: d.officerPosition }),
    },
  ];
}

function supplementBody(pdf: SlipPdf, d: SlipData): Signature[] {
  applicantLines(pdf, d, 'Hồ sơ của');
  if (d.receivedAt) pdf.paragraph([plain(`Thời gian nhận hồ sơ: ${dateTimeVi(d.receivedAt)}.`)]);
  pdf.paragraph([plain('Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:')]);
  d.missing!.forEach((m, i) => {
    pdf.paragraph([bold(`${i + 1}. ${m.item}`)], { indent: 18 });
    pdf.paragraph([italic('Lý do: '), plain(m.reason)], { indent: 36 });
  });
  pdf.paragraph([
    plain(`Đề nghị ${you(d)} bổ sung, hoàn thiện hồ sơ trước `),
    bold(dateTimeVi(d.supplementDueAt!)),
    plain('. Thời gian bổ sung, hoàn thiện hồ sơ không tính vào thời hạn giải quyết.'),
  ]);
  pdf.paragraph([plain(contactSentence(d, 'hoàn thiện hồ sơ'))]);
  pdf.paragraph([italic(lookupSentence(d))]);
  return [{ title: d.officerTitle ?? 'NGƯỜI HƯỚNG DẪN', hint: '(Ký và ghi rõ họ tên)', name: d.officerName }];
}

function refusalBody(pdf: SlipPdf, d: SlipData): Signature[] {
  pdf.paragraph([plain(`${d.unitName} – ${d.agencyName}`)]);
  applicantLines(pdf, d, 'Tiếp nhận hồ sơ của');
  pdf.paragraph([
    plain('Căn cứ quy định tại '),
    bold(d.legalBasis!),
    plain(`, ${d.agencyName} từ chối tiếp nhận, giải quyết hồ sơ này vì lý do sau:`),
  ]);
  pdf.paragraph([plain(sentence(d.reason!))], { indent: 18 });
  pdf.paragraph([plain(`Xin thông báo để ${you(d)} được biết và thực hiện./.`)]);
  if (d.contactPhone) pdf.paragraph([plain(contactSentence(d, 'thực hiện'))]);
  if (d.verifyUrl)
    pdf.paragraph([italic(`Kiểm tra tính xác thực của phiếu: quét mã QR trên phiếu hoặc truy cập ${d.verifyUrl}`)]);
  return [{ title: d.officerTitle ?? 'NGƯỜI TIẾP NHẬN HỒ SƠ', hint: '(Ký và ghi rõ họ tên)', name: d.officerName }];
}

function apologyBody(pdf: SlipPdf, d: SlipData): Signature[] {
  pdf.paragraph([plain('Kính gửi: '), bold(`${salutation(d)} ${d.applicantName}`)], { align: 'center' });
  pdf.space(0.3);
  const indent = { firstLine: 28 };
  pdf.paragraph(
    [
      plain(
        `${capitalised(dateVi(d.receivedAt!))}, ${d.agencyName} tiếp nhận giải quyết hồ sơ đề nghị ${d.procedureName} của ${you(d)}. Mã hồ sơ: `,
      ),
      bold(d.dossierCode),
      plain('.'),
    ],
    indent,
  );
  const appointment = 'thời gian hẹn trả kết quả ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả: ';
  const limit =
    d.legalTimeLimitDays === undefined
      ? capitalised(appointment)
      : `Thời hạn giải quyết hồ sơ theo quy định: ${legalLimitVi(d, d.legalTimeLimitDays)}; ${appointment}`;
  pdf.paragraph([plain(limit), bold(dateTimeVi(d.dueAt!)), plain('.')], indent);
  pdf.paragraph(
    [
      plain(`Tuy nhiên đến nay, ${d.agencyName} chưa trả kết quả giải quyết hồ sơ cho ${you(d)} đúng hẹn do: `),
      plain(sentence(d.delayReason!)),
    ],
    indent,
  );
  pdf.paragraph(
    [
      plain(
        `Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của ${you(d)}. ${d.agencyName} xin lỗi ${you(d)} và sẽ trả kết quả giải quyết hồ sơ cho ${you(d)} vào `,
      ),
      bold(dateTimeVi(d.newDueAt!)),
      plain('.'),
    ],
    indent,
  );
  pdf.paragraph([plain(`Rất mong nhận được sự thông cảm của ${you(d)} vì sự chậm trễ này./.`)], indent);
  return [
    { title: d.officerTitle ?? 'THỦ TRƯỞNG CƠ QUAN', hint: '(Ký, ghi rõ họ tên và đóng dấu)', name: d.officerName },
  ];
}

function lookupSentence(d: SlipData): string {
  const where = d.lookupUrl ? ` hoặc truy cập ${d.lookupUrl}` : '';
  return `Tra cứu tình trạng giải quyết hồ sơ: quét mã QR trên phiếu${where}, nhập mã hồ sơ và số định danh cá nhân.`;
}

function contactSentence(d: SlipData, what: string): string {
  const phone = d.contactPhone ? ` (số điện thoại ${d.contactPhone})` : '';
  return `Trong quá trình ${what}, nếu có vướng mắc, ${you(d)} liên hệ ${d.unitName} – ${d.agencyName}${phone} để được hướng dẫn.`;
}

const BODIES: Record<SlipKind, (pdf: SlipPdf, d: SlipData) => Signature[]> = {
  receipt: receiptBody,
  supplement: supplementBody,
  refusal: refusalBody,
  apology: apologyBody,
};

/** Writes title, body and signatures of a validated slip. */
export function writeSlipBody(pdf: SlipPdf, d: SlipData): void {
  const { title } = titlesFor(d);
  pdf.title(d.kind === 'apology' ? [title] : [title, `Mã hồ sơ: ${d.dossierCode}`]);
  const signatures = BODIES[d.kind](pdf, d);
  pdf.space(0.4);
  if (d.kind === 'apology') pdf.signatures(signatures[0]!, undefined, ['- Như trên;', '- Lưu: VT.']);
  else if (signatures.length === 2) pdf.signatures(signatures[1]!, signatures[0]);
  else pdf.signatures(signatures[0]!);
}
