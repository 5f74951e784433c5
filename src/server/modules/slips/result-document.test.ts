import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { renderResultDocument, type ResultDocumentData, type ResultDocumentKind } from './index';
import { decodeQr, extractText, rasterizePage } from './test-support';

const CODE = 'TEST.LC.03388-261127-0007';

/** A synthetic person (no real one) with what each kind needs. */
function doc(kind: ResultDocumentKind, overrides: Partial<ResultDocumentData> = {}): ResultDocumentData {
  return {
    kind,
    agencyName: 'Công an xã Bình Lư',
    parentAgencyName: 'Công an tỉnh Lai Châu',
    provinceName: 'Lai Châu',
    placeName: 'Bình Lư',
    dossierCode: CODE,
    procedureName: 'Khai báo tạm vắng',
    person: {
      fullName: 'Lò Thị Mẩy',
      birthDate: '1990-03-04',
      sex: 'female',
      nationalId: '012190001234',
      address: 'Bản Nà Luồng, xã Bình Lư, tỉnh Lai Châu',
    },
    content: 'Đi làm ăn xa trên 12 tháng',
    absence: { from: '2026-12-01', to: '2027-12-31', destination: 'Phường Bắc Ninh, tỉnh Bắc Ninh' },
    officerName: 'Vàng A Sềnh',
    issuedAt: new Date('2026-11-27T03:00:00Z'),
    lookupUrl: 'https://dichvucong.laichau.example/tra-cuu',
    ...overrides,
  };
}

/** Text of the PDF with whitespace collapsed (lines are justified and wrapped). */
async function textOf(d: ResultDocumentData): Promise<string> {
  return extractText(await renderResultDocument(d)).replace(/\s+/g, ' ');
}

describe('result documents of residence procedures (Ministry of Public Security forms CT03, CT07, CT08)', () => {
  it('CT03 temporary-absence slip (Residence Law 2020 Art. 31(4)): title, form label, person, period and destination', async () => {
    const text = await textOf(doc('CT03'));
    for (const part of [
      'PHIẾU KHAI BÁO TẠM VẮNG',
      'Mẫu CT03',
      'CÔNG AN TỈNH LAI CHÂU',
      'CÔNG AN XÃ BÌNH LƯ',
      'LÒ THỊ MẨY',
      '04/03/1990',
      '012190001234',
      'từ ngày 01/12/2026 đến ngày 31/12/2027',
      'Phường Bắc Ninh, tỉnh Bắc Ninh',
      CODE,
      'Bình Lư, ngày 27 tháng 11 năm 2026',
    ])
      expect(text).toContain(part);
  });

  it('CT07 confirmation of residence information: the residence and what is confirmed', async () => {
    const text = await textOf(
      doc('CT07', {
        procedureName:
          'Khai báo thông tin về cư trú đối với người chưa đủ điều kiện đăng ký thường trú, đăng ký tạm trú',
        content: 'Đang ở tại nhà tạm trên đất nông nghiệp',
      }),
    );
    for (const part of [
      'XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ',
      'Mẫu CT07',
      'xác nhận thông tin về cư trú của công dân',
      'Bản Nà Luồng, xã Bình Lư, tỉnh Lai Châu',
      'Đang ở tại nhà tạm trên đất nông nghiệp',
      CODE,
    ])
      expect(text).toContain(part);
    expect(text).not.toContain('TẠM VẮNG');
  });

  it('CT08 notice of result: settled request, dossier code, date recorded in the residence database', async () => {
    const pdf = await renderResultDocument(doc('CT08', { procedureName: 'Đăng ký thường trú' }));
    const text = extractText(pdf).replace(/\s+/g, ' ');
    for (const part of [
      'THÔNG BÁO',
      'Về kết quả giải quyết, hủy bỏ đăng ký cư trú',
      'Mẫu CT08',
      'đăng ký thường trú',
      `(mã hồ sơ ${CODE}) đã được giải quyết`,
      'ngày 27 tháng 11 năm 2026',
    ])
      expect(text).toContain(part);
    expect(decodeQr(rasterizePage(pdf))).toBe(`https://dichvucong.laichau.example/tra-cuu?ma=${CODE}`);
  });

  it('CT07 prints the registry facts and its validity, and its QR code opens its verification page', async () => {
    const verifyUrl = 'https://dichvucong.laichau.example/xac-thuc/Abcdefghijklmnop_-1234567';
    const d = doc('CT07', {
      procedureName: 'Xác nhận thông tin về cư trú',
      registryFacts: [
        { label: 'Đăng ký thường trú từ ngày', value: '01/01/2010' },
        { label: 'Họ và tên chủ hộ', value: 'Lò Văn Sơn' },
      ],
      validUntil: '2026-12-26',
      verifyUrl,
    });
    const pdf = await renderResultDocument(d);
    const text = extractText(pdf).replace(/\s+/g, ' ');
    for (const part of [
      'Đăng ký thường trú từ ngày: 01/01/2010',
      'Họ và tên chủ hộ: Lò Văn Sơn',
      'có giá trị sử dụng đến hết ngày 26/12/2026',
      verifyUrl,
    ])
      expect(text).toContain(part);
    expect(decodeQr(rasterizePage(pdf))).toBe(verifyUrl);
  });

  it('birth extract (bản điện tử): the child, the ID number, the parents, where and when registered; QR opens its verification', async () => {
    const verifyUrl = 'https://dichvucong.laichau.example/xac-thuc/Birthextract_token-123456';
    const pdf = await renderResultDocument(
      doc('BIRTH_EXTRACT', {
        agencyName: 'Ủy ban nhân dân xã Mường Tè',
        parentAgencyName: 'Ủy ban nhân dân tỉnh Lai Châu',
        placeName: 'Mường Tè',
        procedureName: 'Đăng ký khai sinh',
        person: { fullName: 'Lò Văn Bình', birthDate: '2026-11-20', sex: 'male', nationalId: '012226001234' },
        content: undefined,
        absence: undefined,
        birth: {
          birthPlace: 'Trạm y tế xã Mường Tè, tỉnh Lai Châu',
          ethnicity: 'Thái',
          nationality: 'Việt Nam',
          mother: { fullName: 'Lò Thị Mẩy', birthDate: '1995-03-04' },
          registeredBy: 'Ủy ban nhân dân xã Mường Tè, tỉnh Lai Châu',
          registeredOn: '2026-11-27',
        },
        verifyUrl,
      }),
    );
    const text = extractText(pdf).replace(/\s+/g, ' ');
    for (const part of [
      'TRÍCH LỤC KHAI SINH',
      'Bản điện tử',
      'ỦY BAN NHÂN DÂN XÃ MƯỜNG TÈ',
      'LÒ VĂN BÌNH',
      'Ngày, tháng, năm sinh: 20/11/2026',
      'Giới tính: Nam',
      'Dân tộc: Thái',
      'Nơi sinh: Trạm y tế xã Mường Tè, tỉnh Lai Châu',
      'Số định danh cá nhân: 012226001234',
      'Họ, chữ đệm, tên người mẹ: Lò Thị Mẩy',
      'Năm sinh: 1995',
      'Nơi đăng ký khai sinh: Ủy ban nhân dân xã Mường Tè, tỉnh Lai Châu',
      'Ngày, tháng, năm đăng ký: 27/11/2026',
      CODE,
      'NGƯỜI KÝ TRÍCH LỤC',
      verifyUrl,
    ])
      expect(text).toContain(part);
    expect(text).not.toContain('người cha'); // no father named on the form: no line
    expect(decodeQr(rasterizePage(pdf))).toBe(verifyUrl);
  });

  it.each([
    [
      'BIRTH_EXTRACT',
      { person: { fullName: 'Lò Văn Bình', birthDate: '2026-11-20', sex: 'male' } },
      'person.nationalId',
    ],
    ['BIRTH_EXTRACT', { birth: undefined }, 'birth.registeredOn'],
    ['CT03', { absence: undefined }, 'absence'],
    ['CT03', { absence: { from: '2026-12-05', to: '2026-12-01', destination: 'Hà Nội' } }, 'absence.to'],
    ['CT07', { person: { fullName: 'Lò Thị Mẩy' } }, 'person.address'],
    ['CT08', { dossierCode: 'not-a-code' }, 'dossierCode'],
    ['CT08', { person: { fullName: ' ' } }, 'person.fullName'],
  ] as const)('%s without what the form needs → SLIP.INVALID naming %s', async (kind, overrides, field) => {
    const error = await renderResultDocument(doc(kind, overrides as Partial<ResultDocumentData>)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('SLIP.INVALID');
    expect(JSON.stringify((error as AppError).fields)).toContain(`"field":"${field}"`);
  });
});
