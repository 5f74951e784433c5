import { AppError } from '../../platform/errors';
import {
  after,
  dossierCodeCheck,
  missingText,
  optionalDate,
  optionalText,
  requiredDate,
  type FieldCheck,
  type Problem,
} from './field-checks';

/**
 * The slips the one-stop shop hands to a citizen (Decree 118/2025 appendix, formerly
 * Decree 61/2018; residence variants CT04–CT06 of the Ministry of Public Security):
 * - `receipt`    Mẫu 01 / CT04 — receipt and appointment for the result
 * - `supplement` Mẫu 02 / CT05 — request to supplement or complete the dossier
 * - `refusal`    Mẫu 03 / CT06 — refusal to receive or to settle the dossier (must cite the law)
 * - `apology`    Mẫu 04        — apology and new appointment for a late dossier
 */
export type SlipKind = 'receipt' | 'supplement' | 'refusal' | 'apology';

export const SLIP_KINDS: readonly SlipKind[] = ['receipt', 'supplement', 'refusal', 'apology'];

/** How the citizen registered to receive the result (printed on the receipt). */
export type ResultDelivery = 'counter' | 'post' | 'online';

/**
 * Everything printed on a slip. Times are instants (`Date`) and are printed in
 * Asia/Ho_Chi_Minh (UTC+7). Strings are printed as given (NFC-normalised).
 */
export interface SlipData {
  kind: SlipKind;
  /**
   * Form set: `general` prints the one-stop titles (Mẫu 01–04); `residence` prints the Ministry
   * of Public Security's residence titles (CT04 receipt, CT05 supplement, CT06 refusal) for
   * dossiers handled by the commune police. The apology has no CT form and is Mẫu 04 in both.
   */
  formSet?: 'general' | 'residence';
  /** Competent agency, e.g. "Công an xã Bình Lư" (header line 1, upper case; named in the body). */
  agencyName: string;
  /** Receiving unit, e.g. "Bộ phận tiếp nhận và trả kết quả" (header line 2, bold upper case). */
  unitName: string;
  /** Province, e.g. "Lai Châu": the place in the place-and-date line unless `placeName` is given. */
  provinceName: string;
  /** Place of the place-and-date line (Decree 30: the commune's name for a commune agency). */
  placeName?: string;
  /** Slip number, e.g. "15/TNHS" (printed as "Số: …" under the agency; omitted when absent). */
  slipNumber?: string;
  /** Dossier code `<agency code>-YYMMDD-XXXX` (Circular 01/2018 style), printed and in the QR code. */
  dossierCode: string;
  procedureName: string;
  applicantName: string;
  /** "Ông" / "Bà" in the salutation; unknown → "Ông/Bà". */
  applicantSex?: 'male' | 'female';
  applicantNationalId?: string;
  applicantAddress?: string;
  applicantPhone?: string;
  applicantEmail?: string;
  /** When the complete dossier was received: the officer's act (receipt, apology). */
  receivedAt?: Date;
  /**
   * When the time limit starts to count, if not at `receivedAt`: an online filing outside working
   * hours counts from the next working period (receipt). Printed on its own line.
   */
  deadlineStartAt?: Date;
  /** The appointment for the result (receipt: required; apology: the original appointment). */
  dueAt?: Date;
  /** Legal time limit of the procedure in working days (may be 0.5 steps). */
  legalTimeLimitDays?: number;
  /** "HH:MM" with a limit of 0: the same working day, the next one when received after it (civil status: 15:00). */
  legalSameDayCutoff?: string;
  /** Documents received (receipt): one line each, e.g. "Tờ khai CT01 (bản chính)". */
  documents?: string[];
  /** Where the result is returned (receipt). */
  resultDelivery?: ResultDelivery;
  /** With `post`: the address the result is sent to (receipt). */
  deliveryAddress?: string;
  /** What is missing or must be corrected, and why (supplement). */
  missing?: { item: string; reason: string }[];
  /** Deadline for the citizen to supplement (supplement). */
  supplementDueAt?: Date;
  /** Telephone of the unit for questions (supplement, refusal). */
  contactPhone?: string;
  /** Reason for the refusal (refusal). */
  reason?: string;
  /** The legal provision the refusal rests on, e.g. "khoản 1 Điều 22 Luật Cư trú 2020" (refusal). */
  legalBasis?: string;
  /** Why the result is late (apology). */
  delayReason?: string;
  /** The new appointment (apology); must be after `dueAt`. */
  newDueAt?: Date;
  /** The officer who receives / guides / refuses; on the apology, the head of the agency. */
  officerName: string;
  /** The signing officer's position, printed under their name (receipt: the officer who received it). */
  officerPosition?: string;
  /** Title over the signature; defaults per kind (e.g. "NGƯỜI TIẾP NHẬN HỒ SƠ", "THỦ TRƯỞNG CƠ QUAN"). */
  officerTitle?: string;
  /** When the slip is issued: the date of the place-and-date line. */
  issuedAt: Date;
  /**
   * Public status-lookup page, e.g. `${PUBLIC_URL}/tra-cuu`. The QR code then encodes
   * `<lookupUrl>?ma=<dossierCode>`; without it the QR code holds the bare dossier code.
   * Either way it carries no personal data (the lookup page asks for the ID number).
   */
  lookupUrl?: string;
  /**
   * The refusal's public verification page (`<PUBLIC_URL>/xac-thuc/<token>`): when given, the QR
   * code encodes it instead of the lookup, and the slip says how to check it is genuine.
   */
  verifyUrl?: string;
}

type Check = FieldCheck<SlipData>;

const COMMON: Check[] = [
  (d) =>
    SLIP_KINDS.includes(d.kind)
      ? undefined
      : { field: 'kind', messageVi: 'Loại phiếu không hợp lệ', messageEn: 'Unknown slip kind' },
  (d) =>
    d.formSet === undefined || d.formSet === 'general' || d.formSet === 'residence'
      ? undefined
      : { field: 'formSet', messageVi: 'Bộ biểu mẫu không hợp lệ', messageEn: 'Unknown form set' },
  missingText('agencyName', 'tên cơ quan', 'Agency name', 200),
  missingText('unitName', 'tên bộ phận tiếp nhận', 'Receiving unit name', 200),
  missingText('provinceName', 'tên tỉnh', 'Province name', 100),
  optionalText('placeName', 'địa danh', 'Place name', 100),
  optionalText('slipNumber', 'số phiếu', 'Slip number', 50),
  dossierCodeCheck<SlipData>(),
  missingText('procedureName', 'tên thủ tục hành chính', 'Procedure name'),
  missingText('applicantName', 'họ tên người nộp hồ sơ', 'Applicant name', 200),
  optionalText('applicantNationalId', 'số định danh cá nhân', 'National ID number', 20),
  optionalText('applicantAddress', 'địa chỉ', 'Address'),
  optionalText('applicantPhone', 'số điện thoại', 'Phone', 30),
  optionalText('applicantEmail', 'thư điện tử', 'Email', 200),
  optionalText('contactPhone', 'số điện thoại liên hệ', 'Contact phone', 30),
  missingText('officerName', 'họ tên cán bộ', 'Officer name', 200),
  optionalText('officerPosition', 'chức danh cán bộ', 'Officer position', 120),
  optionalText('deliveryAddress', 'địa chỉ nhận kết quả', 'Delivery address', 300),
  optionalText('officerTitle', 'chức danh người ký', 'Signer title', 100),
  requiredDate('issuedAt', 'ngày lập phiếu', 'Issue date'),
  optionalDate('receivedAt', 'thời gian nhận hồ sơ', 'Time received'),
  optionalDate('deadlineStartAt', 'thời điểm bắt đầu tính thời hạn', 'Deadline start'),
  optionalDate('dueAt', 'thời gian hẹn trả kết quả', 'Appointment time'),
  (d) =>
    d.legalTimeLimitDays === undefined ||
    (Number.isFinite(d.legalTimeLimitDays) && d.legalTimeLimitDays >= 0 && Number.isInteger(d.legalTimeLimitDays * 2))
      ? undefined
      : {
          field: 'legalTimeLimitDays',
          messageVi: 'Thời hạn giải quyết phải là số ngày làm việc không âm, bước 0,5 ngày',
          messageEn: 'Legal time limit must be a non-negative number of working days in 0.5 steps',
        },
  (d) => {
    if (d.lookupUrl === undefined) return undefined;
    const ok = (() => {
      try {
        return ['http:', 'https:'].includes(new URL(d.lookupUrl).protocol);
      } catch {
        return false;
      }
    })();
    return ok
      ? undefined
      : {
          field: 'lookupUrl',
          messageVi: 'Địa chỉ tra cứu không hợp lệ',
          messageEn: 'Lookup URL is not a valid http(s) URL',
        };
  },
];

const listOfText =
  (field: 'documents', vi: string, en: string, maxItems: number): Check =>
  (d) => {
    const list = d[field];
    if (!Array.isArray(list) || list.length === 0)
      return { field, messageVi: `Thiếu ${vi}`, messageEn: `${en} is required` };
    if (list.length > maxItems)
      return { field, messageVi: `Quá ${maxItems} mục`, messageEn: `More than ${maxItems} items` };
    const bad = list.findIndex((s) => typeof s !== 'string' || s.trim() === '' || s.length > 300);
    if (bad >= 0)
      return {
        field: `${field}.${bad}`,
        messageVi: `Mục ${bad + 1} trống hoặc quá dài`,
        messageEn: `Item ${bad + 1} is empty or too long`,
      };
    return undefined;
  };

const missingItems: Check = (d) => {
  const list = d.missing;
  if (!Array.isArray(list) || list.length === 0) {
    return {
      field: 'missing',
      messageVi: 'Thiếu nội dung yêu cầu bổ sung',
      messageEn: 'What must be supplemented is required',
    };
  }
  if (list.length > 30) return { field: 'missing', messageVi: 'Quá 30 mục', messageEn: 'More than 30 items' };
  for (const [i, m] of list.entries()) {
    for (const key of ['item', 'reason'] as const) {
      const v = (m as Partial<Record<typeof key, unknown>> | null)?.[key];
      if (typeof v !== 'string' || v.trim() === '' || v.length > 500) {
        const [vi, en] = key === 'item' ? ['nội dung', 'item'] : ['lý do', 'reason'];
        return {
          field: `missing.${i}.${key}`,
          messageVi: `Mục ${i + 1}: thiếu ${vi} hoặc quá dài`,
          messageEn: `Item ${i + 1}: ${en} missing or too long`,
        };
      }
    }
  }
  return undefined;
};

/** What each kind needs on top of the common fields (the forms' mandatory content). */
const BY_KIND: Record<SlipKind, Check[]> = {
  receipt: [
    requiredDate('receivedAt', 'thời gian nhận hồ sơ', 'Time received'),
    requiredDate('dueAt', 'thời gian hẹn trả kết quả', 'Appointment time'),
    // The appointment counts from the deadline's start (the reception itself may come later).
    (d) =>
      after<SlipData>(
        'dueAt',
        d.deadlineStartAt ? 'deadlineStartAt' : 'receivedAt',
        'Thời gian hẹn trả phải sau thời điểm bắt đầu tính thời hạn',
        'The appointment must be after the deadline starts',
      )(d),
    listOfText('documents', 'thành phần hồ sơ đã nhận', 'List of documents received', 50),
  ],
  supplement: [missingItems, requiredDate('supplementDueAt', 'thời hạn bổ sung hồ sơ', 'Supplement deadline')],
  refusal: [
    missingText('reason', 'lý do từ chối', 'Refusal reason', 2000),
    missingText('legalBasis', 'căn cứ pháp lý của việc từ chối', 'Legal basis of the refusal', 500),
  ],
  apology: [
    requiredDate('receivedAt', 'thời gian nhận hồ sơ', 'Time received'),
    requiredDate('dueAt', 'thời gian hẹn trả kết quả ban đầu', 'Original appointment time'),
    missingText('delayReason', 'lý do chậm trả kết quả', 'Reason for the delay', 2000),
    requiredDate('newDueAt', 'thời gian hẹn trả kết quả mới', 'New appointment time'),
    after(
      'newDueAt',
      'dueAt',
      'Thời gian hẹn mới phải sau thời gian hẹn ban đầu',
      'The new appointment must be after the original one',
    ),
  ],
};

/**
 * Checks the fields a slip of this kind must carry; throws `SLIP.INVALID` (400) naming every
 * bad field, in Vietnamese and English. Messages name fields, never their values.
 */
export function validateSlipData(data: SlipData): void {
  const checks = [...COMMON, ...(BY_KIND[data.kind] ?? [])];
  const problems: Problem[] = [];
  for (const problem of checks.map((check) => check(data))) {
    // A field is reported once (an optional check and the kind's required check can both fire).
    if (problem && !problems.some((p) => p.field === problem.field)) problems.push(problem);
  }
  if (problems.length === 0) return;
  throw new AppError(
    'SLIP.INVALID',
    `Không lập được phiếu: ${problems.map((p) => p.messageVi).join('; ')}`,
    `Cannot render the slip: ${problems.map((p) => p.messageEn).join('; ')}`,
    problems.map((p) => ({ ...p, code: 'SLIP.INVALID' })),
  );
}
