import { formatVnd, type FeeCalculationExemption, type FeeCalculationLine } from '../../../contracts/fees';
import type { FeeVersion } from './fee-input';
import type { FeeInput, FeeSubject } from './fees.types';

/* The explanation of a calculation, in Vietnamese and English (calculation.ts puts the lines together). */

export function exemptionLines(e: FeeCalculationExemption): { vi: string; en: string } {
  const lawVi = e.legalBasis ? ` (${e.legalBasis})` : '';
  const provisionalVi = e.provisional
    ? ' Lưu ý: danh sách dùng để xét là danh sách tạm, sẽ cập nhật theo quyết định của cơ quan có thẩm quyền.'
    : '';
  const provisionalEn = e.provisional
    ? ' Note: the list used is provisional, to be updated from the competent decision.'
    : '';
  switch (e.status) {
    case 'granted':
      return {
        vi: `Được miễn lệ phí: ${e.labelVi}${lawVi}. ${e.reasonVi}.${provisionalVi}`,
        en: `Exempt from the fee: ${e.labelEn}${lawVi}. ${e.reasonEn}.${provisionalEn}`,
      };
    case 'pending':
      return {
        vi: `Đề nghị miễn lệ phí: ${e.labelVi}${lawVi}. ${e.reasonVi}. Trong khi chờ xét, chưa phải nộp phần lệ phí được đề nghị miễn.`,
        en: `Exemption requested: ${e.labelEn}${lawVi}. ${e.reasonEn}. While it is reviewed, the part requested for exemption is not due.`,
      };
    case 'confirmed':
      return {
        vi: `Cán bộ đã xác nhận miễn lệ phí: ${e.labelVi}. ${e.reasonVi}.`,
        en: `The officer confirmed the exemption: ${e.labelEn}. ${e.reasonEn}.`,
      };
    case 'rejected':
      return {
        vi: `Không được miễn lệ phí theo lý do "${e.labelVi}": ${e.reasonVi}.`,
        en: `No exemption for "${e.labelEn}": ${e.reasonEn}.`,
      };
  }
}

/** The amount due, saying what the exemption (for the person registered) and the waiver took off. */
export function dueLine(base: number, exempted: number, waived = 0): { vi: string; en: string } {
  const due = base - exempted - waived;
  if (waived > 0) {
    return {
      vi: `Số tiền phải nộp: ${formatVnd(due, 'vi')} (đã trừ ${formatVnd(waived, 'vi')} được miễn tạm thời${exempted > 0 ? ` và ${formatVnd(exempted, 'vi')} được miễn cho người được đăng ký` : ''}).`,
      en: `Amount due: ${formatVnd(due, 'en')} (${formatVnd(waived, 'en')} waived for a limited time${exempted > 0 ? ` and ${formatVnd(exempted, 'en')} exempted for the person registered` : ''}).`,
    };
  }
  if (exempted > 0 && exempted < base) {
    return {
      vi: `Số tiền phải nộp: ${formatVnd(due, 'vi')} (đã trừ ${formatVnd(exempted, 'vi')} được miễn cho người được đăng ký).`,
      en: `Amount due: ${formatVnd(due, 'en')} (${formatVnd(exempted, 'en')} exempted for the person registered).`,
    };
  }
  return {
    vi: `Số tiền phải nộp: ${formatVnd(due, 'vi')}.`,
    en: `Amount due: ${formatVnd(due, 'en')}.`,
  };
}

const SUBJECT_FACTS: Record<FeeSubject['source'], { vi: string; en: string }> = {
  registry: { vi: 'theo cơ sở dữ liệu dân cư', en: 'from the registry' },
  declared: { vi: 'theo ngày sinh khai trên tờ khai', en: 'from the date of birth declared on the form' },
  unknown: { vi: 'chưa có thông tin để tự động xét', en: 'nothing known to check automatically' },
};

/** Who the exemptions were checked on, when it is not simply the filer. */
export function subjectLine(subject: FeeSubject | undefined): { vi: string; en: string } | null {
  if (!subject || subject.party === 'filer') return null;
  const from = SUBJECT_FACTS[subject.source];
  const [fromVi, fromEn] = [from.vi, from.en];
  return {
    vi: `Miễn lệ phí được xét cho người được đăng ký, không phải người nộp hồ sơ (Thông tư 75/2022/TT-BTC, Điều 4): ${subject.labelVi} — ${fromVi}.`,
    en: `Exemptions are checked for the person registered, not the filer (Circular 75/2022/TT-BTC, Art. 4): ${subject.labelEn} — ${fromEn}.`,
  };
}

export function lineTexts(
  version: FeeVersion,
  input: FeeInput,
  lines: FeeCalculationLine[],
  rate: 'online' | 'direct',
): { vi: string[]; en: string[] } {
  const vi = lines.map(
    (l) =>
      `${l.labelVi}: ${formatVnd(l.unit, 'vi')} × ${l.quantity} ${l.basis === 'per_person' ? 'người' : 'hồ sơ'} = ${formatVnd(l.amount, 'vi')}.`,
  );
  const en = lines.map(
    (l) =>
      `${l.labelEn}: ${formatVnd(l.unit, 'en')} × ${l.quantity} ${l.basis === 'per_person' ? (l.quantity === 1 ? 'person' : 'persons') : 'dossier'} = ${formatVnd(l.amount, 'en')}.`,
  );
  const assistedVi =
    input.channel === 'assisted'
      ? ' (nộp trên thiết bị tại bộ phận một cửa có hướng dẫn được tính như nộp trực tuyến)'
      : '';
  const assistedEn = input.channel === 'assisted' ? ' (filing on a counter device with guidance counts as online)' : '';
  vi.push(
    `Mức thu ${rate === 'online' ? 'khi nộp trực tuyến' : 'khi nộp trực tiếp (hồ sơ giấy)'}${assistedVi}${version.fees.legalBasis ? `, theo ${version.fees.legalBasis}` : ''}.`,
  );
  en.push(
    `${rate === 'online' ? 'Online' : 'Direct (paper filing)'} rate${assistedEn}${version.fees.legalBasis ? `, under ${version.fees.legalBasis}` : ''}.`,
  );
  return { vi, en };
}
