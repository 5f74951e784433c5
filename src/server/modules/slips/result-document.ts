import { AppError } from '../../platform/errors';
import {
  dossierCodeCheck,
  missingText,
  nfcDeep,
  optionalText,
  requiredDate,
  type FieldCheck,
  type Problem,
} from './field-checks';
import type { Span } from './rich-text';
import { SlipPdf, type Signature } from './slip-pdf';
import { slipQrPayload } from './render-slip';
import { dateVi, placeDateVi } from './vietnamese-time';

/**
 * The result documents of residence procedures, forms of the Ministry of Public Security's
 * residence set (Circular 53/2025/TT-BCA, which replaced Circular 66/2023/TT-BCA; titles as in
 * that set — wording of the bodies follows the forms in substance, not line by line):
 * - `CT03` Phiếu khai báo tạm vắng — the temporary-absence slip (Residence Law 2020 Art. 31(4))
 * - `CT07` Xác nhận thông tin về cư trú — confirmation of residence information
 * - `CT08` Thông báo về kết quả giải quyết, hủy bỏ đăng ký cư trú — notice of the result
 *
 * and of civil status: `BIRTH_EXTRACT` Trích lục khai sinh (bản điện tử) — the electronic extract of
 * a birth registered by the commune People's Committee (Civil Status Law 2014; the extract's content
 * follows the Ministry of Justice's form in substance — the register's book and entry numbers, kept
 * by the civil-status system, are not printed: the dossier code stands for the registration).
 */
export type ResultDocumentKind = 'CT03' | 'CT07' | 'CT08' | 'BIRTH_EXTRACT';
export const RESULT_DOCUMENT_KINDS: readonly ResultDocumentKind[] = ['CT03', 'CT07', 'CT08', 'BIRTH_EXTRACT'];

/** What a birth extract states besides the child (name, birth date, sex, ID number: `person`). */
export interface BirthExtractFacts {
  ethnicity?: string;
  nationality?: string;
  birthPlace?: string;
  mother?: { fullName: string; birthDate?: string };
  father?: { fullName: string; birthDate?: string };
  /** Where the birth was registered, e.g. "Ủy ban nhân dân xã Mường Tè, tỉnh Lai Châu". */
  registeredBy: string;
  /** The day of the registration (ISO date, Vietnam). */
  registeredOn: string;
}

/** Everything printed on a result document. Dates of birth and of absence are ISO dates (YYYY-MM-DD). */
export interface ResultDocumentData {
  kind: ResultDocumentKind;
  /** The issuing authority, e.g. "Công an xã Bình Lư" (residence), "Ủy ban nhân dân xã Mường Tè" (birth extract). */
  agencyName: string;
  /** Its superior for the header's first line, e.g. "Công an tỉnh Lai Châu". */
  parentAgencyName: string;
  provinceName: string;
  placeName?: string;
  documentNumber?: string;
  dossierCode: string;
  procedureName: string;
  person: {
    fullName: string;
    birthDate?: string;
    sex?: 'male' | 'female';
    nationalId?: string;
    /** The residence the document is about (registered, current or declared). */
    address?: string;
  };
  /** CT07: what is confirmed; CT08: the request that was settled; CT03: the case of Art. 31(1). */
  content?: string;
  /** CT03: the absence. */
  absence?: { from: string; to: string; destination: string };
  /** BIRTH_EXTRACT: the registration and the parents. */
  birth?: BirthExtractFacts;
  /**
   * CT07: the registry's facts on the day of issue, each a printed line (permanent and temporary
   * residence with their dates, the household head and relation, a temporary absence).
   */
  registryFacts?: Array<{ label: string; value: string }>;
  /** The last day the document may be used (ISO date), printed on it; absent: no limit. */
  validUntil?: string;
  /**
   * The public verification page of this document (`<PUBLIC_URL>/xac-thuc/<token>`): its QR code
   * encodes it. Without it the QR code holds the status lookup of the dossier code.
   */
  verifyUrl?: string;
  officerName: string;
  officerTitle?: string;
  /** When the result is issued: the date of the place-and-date line. */
  issuedAt: Date;
  lookupUrl?: string;
}

const TITLES: Record<ResultDocumentKind, { title: string[]; formLabel: string }> = {
  CT03: { title: ['PHIẾU KHAI BÁO TẠM VẮNG'], formLabel: 'Mẫu CT03' },
  CT07: { title: ['XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ'], formLabel: 'Mẫu CT07' },
  CT08: { title: ['THÔNG BÁO', 'Về kết quả giải quyết, hủy bỏ đăng ký cư trú'], formLabel: 'Mẫu CT08' },
  BIRTH_EXTRACT: { title: ['TRÍCH LỤC KHAI SINH'], formLabel: 'Bản điện tử' },
};

/** Who signs: the residence authority's head, or for civil status the person signing the extract. */
const SIGNERS: Record<ResultDocumentKind, string> = {
  CT03: 'THỦ TRƯỞNG CƠ QUAN ĐĂNG KÝ CƯ TRÚ',
  CT07: 'THỦ TRƯỞNG CƠ QUAN ĐĂNG KÝ CƯ TRÚ',
  CT08: 'THỦ TRƯỞNG CƠ QUAN ĐĂNG KÝ CƯ TRÚ',
  BIRTH_EXTRACT: 'NGƯỜI KÝ TRÍCH LỤC',
};

/** The title lines of a result document (first line upper case). */
export function resultDocumentTitle(kind: ResultDocumentKind): string[] {
  return TITLES[kind].title;
}

type Check = FieldCheck<ResultDocumentData>;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const personName: Check = (d) =>
  typeof d.person?.fullName === 'string' && d.person.fullName.trim() !== '' && d.person.fullName.length <= 200
    ? undefined
    : { field: 'person.fullName', messageVi: 'Thiếu họ tên công dân', messageEn: 'Full name is required' };

const personBirth: Check = (d) =>
  d.person?.birthDate === undefined || ISO_DATE.test(d.person.birthDate)
    ? undefined
    : { field: 'person.birthDate', messageVi: 'Ngày sinh không hợp lệ', messageEn: 'Invalid date of birth' };

const absence: Check = (d) => {
  const a = d.absence;
  if (!a || !ISO_DATE.test(a.from ?? '') || !ISO_DATE.test(a.to ?? ''))
    return {
      field: 'absence',
      messageVi: 'Thiếu thời gian tạm vắng (từ ngày, đến ngày)',
      messageEn: 'The absence period (from, to) is required',
    };
  if (a.to < a.from)
    return {
      field: 'absence.to',
      messageVi: 'Ngày kết thúc tạm vắng phải sau ngày bắt đầu',
      messageEn: 'The absence must end after it starts',
    };
  if (typeof a.destination !== 'string' || a.destination.trim() === '' || a.destination.length > 300)
    return { field: 'absence.destination', messageVi: 'Thiếu nơi đến', messageEn: 'Destination is required' };
  return undefined;
};

const COMMON: Check[] = [
  (d) =>
    RESULT_DOCUMENT_KINDS.includes(d.kind)
      ? undefined
      : { field: 'kind', messageVi: 'Loại giấy tờ kết quả không hợp lệ', messageEn: 'Unknown result document' },
  missingText('agencyName', 'tên cơ quan đăng ký cư trú', 'Residence authority', 200),
  missingText('parentAgencyName', 'tên cơ quan cấp trên', 'Superior agency', 200),
  missingText('provinceName', 'tên tỉnh', 'Province name', 100),
  optionalText('placeName', 'địa danh', 'Place name', 100),
  optionalText('documentNumber', 'số văn bản', 'Document number', 50),
  dossierCodeCheck<ResultDocumentData>(),
  missingText('procedureName', 'tên thủ tục hành chính', 'Procedure name'),
  personName,
  personBirth,
  optionalText('content', 'nội dung', 'Content', 2000),
  (d) =>
    d.validUntil === undefined || ISO_DATE.test(d.validUntil)
      ? undefined
      : { field: 'validUntil', messageVi: 'Ngày hết giá trị không hợp lệ', messageEn: 'Invalid validity date' },
  optionalText('verifyUrl', 'địa chỉ kiểm tra', 'Verification address', 300),
  missingText('officerName', 'họ tên người ký', 'Signer name', 200),
  optionalText('officerTitle', 'chức danh người ký', 'Signer title', 100),
  requiredDate('issuedAt', 'ngày cấp', 'Issue date'),
];

const BY_KIND: Record<ResultDocumentKind, Check[]> = {
  CT03: [absence],
  CT07: [
    (d) =>
      d.person?.address?.trim()
        ? undefined
        : {
            field: 'person.address',
            messageVi: 'Thiếu nơi cư trú được xác nhận',
            messageEn: 'The residence is required',
          },
  ],
  CT08: [],
  BIRTH_EXTRACT: [
    (d) =>
      d.person?.birthDate
        ? undefined
        : { field: 'person.birthDate', messageVi: 'Thiếu ngày sinh', messageEn: 'The date of birth is required' },
    (d) =>
      d.person?.sex === 'male' || d.person?.sex === 'female'
        ? undefined
        : { field: 'person.sex', messageVi: 'Thiếu giới tính', messageEn: 'The sex is required' },
    (d) =>
      d.person?.nationalId && /^\d{12}$/.test(d.person.nationalId)
        ? undefined
        : {
            field: 'person.nationalId',
            messageVi: 'Thiếu số định danh cá nhân của người được khai sinh',
            messageEn: "The child's personal ID number is required",
          },
    (d) =>
      typeof d.birth?.registeredBy === 'string' &&
      d.birth.registeredBy.trim() !== '' &&
      d.birth.registeredBy.length <= 300
        ? undefined
        : {
            field: 'birth.registeredBy',
            messageVi: 'Thiếu nơi đăng ký khai sinh',
            messageEn: 'Place of registration is required',
          },
    (d) =>
      ISO_DATE.test(d.birth?.registeredOn ?? '')
        ? undefined
        : {
            field: 'birth.registeredOn',
            messageVi: 'Thiếu ngày đăng ký khai sinh',
            messageEn: 'Date of registration is required',
          },
  ],
};

/** Checks what a result document of this kind must carry; `SLIP.INVALID` (400) names every bad field, never a value. */
export function validateResultDocument(data: ResultDocumentData): void {
  const problems: Problem[] = [];
  for (const p of [...COMMON, ...(BY_KIND[data.kind] ?? [])].map((check) => check(data)))
    if (p && !problems.some((x) => x.field === p.field)) problems.push(p);
  if (problems.length === 0) return;
  throw new AppError(
    'SLIP.INVALID',
    `Không lập được giấy tờ kết quả: ${problems.map((p) => p.messageVi).join('; ')}`,
    `Cannot render the result document: ${problems.map((p) => p.messageEn).join('; ')}`,
    problems.map((p) => ({ ...p, code: 'SLIP.INVALID' })),
  );
}

const plain = (text: string): Span => ({ text });
const bold = (text: string): Span => ({ text, style: 'bold' });
const SEX_VI = { male: 'Nam', female: 'Nữ' } as const;

/** "27/11/2026" from an ISO date (dates of birth and of absence are printed as dd/mm/yyyy). */
function dmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function personLines(pdf: SlipPdf, d: ResultDocumentData, addressLabel: string): void {
  const p = d.person;
  pdf.paragraph([plain('Họ, chữ đệm và tên: '), bold(p.fullName.toUpperCase())]);
  const line = [
    p.birthDate && `Ngày, tháng, năm sinh: ${dmy(p.birthDate)}`,
    p.sex && `Giới tính: ${SEX_VI[p.sex]}`,
  ].filter(Boolean);
  if (line.length) pdf.paragraph([plain(line.join('    '))]);
  if (p.nationalId) pdf.paragraph([plain('Số định danh cá nhân: '), plain(p.nationalId)]);
  if (p.address) pdf.paragraph([plain(`${addressLabel}: `), plain(p.address)]);
}

function ct03(pdf: SlipPdf, d: ResultDocumentData): void {
  pdf.paragraph([plain(`${d.agencyName} đã tiếp nhận khai báo tạm vắng của:`)]);
  personLines(pdf, d, 'Nơi cư trú');
  if (d.content) pdf.paragraph([plain('Trường hợp khai báo: '), plain(d.content)]);
  const a = d.absence!;
  pdf.paragraph([
    plain('Thời gian tạm vắng: từ ngày '),
    bold(dmy(a.from)),
    plain(' đến ngày '),
    bold(dmy(a.to)),
    plain('.'),
  ]);
  pdf.paragraph([plain('Nơi đến: '), plain(a.destination)]);
  pdf.paragraph([plain(`Mã hồ sơ: ${d.dossierCode}.`)]);
}

function ct07(pdf: SlipPdf, d: ResultDocumentData): void {
  pdf.paragraph([plain(`${d.agencyName} xác nhận thông tin về cư trú của công dân:`)]);
  personLines(pdf, d, d.registryFacts?.length ? 'Nơi thường trú' : 'Nơi cư trú');
  for (const fact of d.registryFacts ?? []) pdf.paragraph([plain(`${fact.label}: `), plain(fact.value)]);
  if (d.content) pdf.paragraph([plain('Nội dung xác nhận: '), plain(d.content)]);
  pdf.paragraph([
    plain(
      `Thông tin trên được xác nhận theo Cơ sở dữ liệu về cư trú, theo hồ sơ ${d.procedureName.toLowerCase()}, mã hồ sơ ${d.dossierCode}.`,
    ),
  ]);
  validity(pdf, d);
}

/** The validity line and how to verify the document by its QR code. */
function validity(pdf: SlipPdf, d: ResultDocumentData): void {
  if (d.validUntil)
    pdf.paragraph([plain('Giấy xác nhận có giá trị sử dụng đến hết ngày '), bold(dmy(d.validUntil)), plain('.')]);
  if (d.verifyUrl)
    pdf.paragraph([plain(`Kiểm tra tính xác thực: quét mã QR trên giấy này hoặc truy cập ${d.verifyUrl}`)]);
}

function ct08(pdf: SlipPdf, d: ResultDocumentData): void {
  pdf.paragraph([plain('Kính gửi: '), bold(d.person.fullName)], { align: 'center' });
  pdf.space(0.3);
  personLines(pdf, d, 'Địa chỉ');
  pdf.paragraph(
    [
      plain(`${d.agencyName} thông báo: hồ sơ đề nghị `),
      bold(d.procedureName.toLowerCase()),
      plain(
        ` (mã hồ sơ ${d.dossierCode}) đã được giải quyết; thông tin về cư trú đã được cập nhật vào Cơ sở dữ liệu về cư trú ngày ${dateVi(d.issuedAt)}.`,
      ),
    ],
    { firstLine: 28 },
  );
  if (d.content) pdf.paragraph([plain('Nội dung đề nghị: '), plain(d.content)], { firstLine: 28 });
  pdf.paragraph([plain('Xin thông báo để công dân được biết./.')], { firstLine: 28 });
}

/**
 * The electronic birth extract: the child as registered, where and when the birth was registered,
 * the parents (name and year of birth), and how to verify it.
 */
function birthExtract(pdf: SlipPdf, d: ResultDocumentData): void {
  const b = d.birth!;
  const p = d.person;
  pdf.paragraph([plain('Họ, chữ đệm, tên: '), bold(p.fullName.toUpperCase())]);
  pdf.paragraph([plain('Ngày, tháng, năm sinh: '), plain(dmy(p.birthDate!))]);
  pdf.paragraph([
    plain(
      [
        `Giới tính: ${SEX_VI[p.sex!]}`,
        b.ethnicity && `Dân tộc: ${b.ethnicity}`,
        b.nationality && `Quốc tịch: ${b.nationality}`,
      ]
        .filter(Boolean)
        .join('    '),
    ),
  ]);
  if (b.birthPlace) pdf.paragraph([plain('Nơi sinh: '), plain(b.birthPlace)]);
  pdf.paragraph([plain('Số định danh cá nhân: '), bold(p.nationalId!)]);
  for (const [label, parent] of [
    ['mẹ', b.mother],
    ['cha', b.father],
  ] as const)
    if (parent)
      pdf.paragraph([
        plain(`Họ, chữ đệm, tên người ${label}: `),
        plain(parent.fullName),
        plain(parent.birthDate ? `    Năm sinh: ${parent.birthDate.slice(0, 4)}` : ''),
      ]);
  pdf.paragraph([plain('Nơi đăng ký khai sinh: '), plain(b.registeredBy)]);
  pdf.paragraph([plain('Ngày, tháng, năm đăng ký: '), plain(dmy(b.registeredOn))]);
  pdf.paragraph([plain(`Đăng ký theo hồ sơ ${d.procedureName.toLowerCase()}, mã hồ sơ ${d.dossierCode}.`)]);
  validity(pdf, d);
}

const BODIES: Record<ResultDocumentKind, (pdf: SlipPdf, d: ResultDocumentData) => void> = {
  CT03: ct03,
  CT07: ct07,
  CT08: ct08,
  BIRTH_EXTRACT: birthExtract,
};

/** What a result document's QR code encodes: its verification page, else the dossier's status lookup. */
export function resultQrPayload(d: Pick<ResultDocumentData, 'verifyUrl' | 'dossierCode' | 'lookupUrl'>): string {
  return d.verifyUrl ?? slipQrPayload(d.dossierCode, d.lookupUrl);
}

/**
 * Renders a result document (CT03, CT07, CT08; a birth extract) as an A4 PDF with the slips' layout
 * (Decree 30/2020 header, QR code of its verification page, Noto Serif embedded). Validates first
 * (`SLIP.INVALID`, 400). Pure: no database, no logging (the document carries personal data).
 */
export async function renderResultDocument(input: ResultDocumentData): Promise<Buffer> {
  validateResultDocument(input);
  const d = nfcDeep(input);
  const { title, formLabel } = TITLES[d.kind];
  const pdf = await SlipPdf.create({
    title: `${title[0]} — ${d.dossierCode}`,
    author: d.agencyName,
    createdAt: d.issuedAt,
  });
  pdf.header({
    agency: d.parentAgencyName,
    unit: d.agencyName,
    slipNumber: d.documentNumber,
    placeDate: placeDateVi(d.placeName ?? d.provinceName, d.issuedAt),
    qrText: resultQrPayload(d),
    formLabel,
  });
  pdf.title(title);
  BODIES[d.kind](pdf, d);
  pdf.space(0.4);
  const signer: Signature = {
    title: d.officerTitle ?? SIGNERS[d.kind],
    hint: '(Ký, ghi rõ họ tên và đóng dấu)',
    name: d.officerName,
  };
  pdf.signatures(signer);
  return pdf.finish();
}
