import { describe, expect, it } from 'vitest';
import { renderSlip, slipQrPayload, type SlipData, type SlipKind } from './index';
import { decodeQr, extractText, ocrText, pageCount, pageFonts, rasterizePage } from './test-support';

const CODE = '000.00.01.X99-261127-0042';
const LOOKUP = 'https://dichvucong.laichau.example/tra-cuu';

/** A synthetic temporary-residence dossier (no real person) with every kind's fields filled. */
function slip(kind: SlipKind, overrides: Partial<SlipData> = {}): SlipData {
  return {
    kind,
    agencyName: 'Công an xã Bình Lư',
    unitName: 'Bộ phận tiếp nhận và trả kết quả',
    provinceName: 'Lai Châu',
    slipNumber: '42/TNHS',
    dossierCode: CODE,
    procedureName: 'Đăng ký tạm trú',
    applicantName: 'Lò Thị Mẩy',
    applicantSex: 'female',
    applicantNationalId: '012301234567',
    applicantAddress: 'Bản Nà Luồng, xã Bình Lư, tỉnh Lai Châu',
    applicantPhone: '0912000111',
    receivedAt: new Date('2026-11-27T01:30:00Z'),
    dueAt: new Date('2026-12-02T09:00:00Z'),
    legalTimeLimitDays: 3,
    documents: ['Tờ khai thay đổi thông tin cư trú (Mẫu CT01)', 'Hợp đồng thuê nhà ở (bản sao)'],
    resultDelivery: 'counter',
    missing: [{ item: 'Ý kiến đồng ý của chủ hộ', reason: 'Tờ khai chưa có ý kiến của chủ hộ' }],
    supplementDueAt: new Date('2026-12-04T10:00:00Z'),
    contactPhone: '0213 3800 000',
    reason: 'Chỗ ở thuộc khu vực không được đăng ký cư trú mới.',
    legalBasis: 'khoản 1 Điều 23 Luật Cư trú số 68/2020/QH14',
    delayReason: 'phải xác minh chỗ ở hợp pháp với cơ quan quản lý đất đai',
    newDueAt: new Date('2026-12-07T02:00:00Z'),
    officerName: 'Vàng A Sềnh',
    issuedAt: new Date('2026-11-27T01:35:00Z'),
    lookupUrl: LOOKUP,
    ...overrides,
  };
}

/** Text with runs of whitespace (line breaks of justified text) collapsed. */
const flat = (s: string): string => s.replace(/\s+/g, ' ');

/** What each kind must visibly say, beyond the header and the dossier code. */
const EXPECTED: Record<SlipKind, string[]> = {
  receipt: [
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    'Mẫu số 01',
    'Tiếp nhận hồ sơ của: Bà Lò Thị Mẩy',
    'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)',
    'Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 27 tháng 11 năm 2026',
    'Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 02 tháng 12 năm 2026',
    'NGƯỜI TIẾP NHẬN HỒ SƠ',
  ],
  supplement: [
    'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    'Mẫu số 02',
    'Ý kiến đồng ý của chủ hộ',
    'Lý do: Tờ khai chưa có ý kiến của chủ hộ',
    'trước 17 giờ 00 phút, ngày 04 tháng 12 năm 2026',
    'NGƯỜI HƯỚNG DẪN',
  ],
  refusal: [
    'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    'Mẫu số 03',
    'Căn cứ quy định tại khoản 1 Điều 23 Luật Cư trú số 68/2020/QH14',
    'Chỗ ở thuộc khu vực không được đăng ký cư trú mới.',
  ],
  apology: [
    'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    'Mẫu số 04',
    'Kính gửi: Bà Lò Thị Mẩy',
    'do: phải xác minh chỗ ở hợp pháp với cơ quan quản lý đất đai.',
    'vào 09 giờ 00 phút, ngày 07 tháng 12 năm 2026',
    'THỦ TRƯỞNG CƠ QUAN',
  ],
};

describe('renderSlip', () => {
  describe.each(['receipt', 'supplement', 'refusal', 'apology'] as const)('a %s slip', (kind) => {
    it('is a one-page A4 PDF whose QR code, read from the rendered picture, leads to the dossier', async () => {
      const pdf = await renderSlip(slip(kind));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pageCount(pdf)).toBe(1);
      const png = rasterizePage(pdf, 0, 150);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      const qr = decodeQr(png);
      expect(qr).toBe(`${LOOKUP}?ma=${CODE}`);
      expect(new URL(qr!).searchParams.get('ma')).toBe(CODE);
    });

    it('shows the dossier code printed on the rendered picture (read back by OCR)', async () => {
      const png = rasterizePage(await renderSlip(slip(kind)), 0, 300);
      const seen = (await ocrText(png)).replace(/\s+/g, '');
      expect(seen).toContain(CODE);
    });

    it('prints the dossier code, the national header and its own content in correct Vietnamese', async () => {
      const text = flat(extractText(await renderSlip(slip(kind))));
      expect(text).toContain(CODE);
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text).toContain('Lai Châu, ngày 27 tháng 11 năm 2026');
      expect(text).toContain('CÔNG AN XÃ BÌNH LƯ');
      expect(text).toContain('Vàng A Sềnh');
      for (const phrase of EXPECTED[kind]) expect(text).toContain(phrase);
    });
  });

  it('extracts the same text for a slip whatever was rendered before it (no font state shared between documents)', async () => {
    const kinds = ['supplement', 'apology', 'receipt', 'refusal'] as const;
    const first = new Map<SlipKind, string>();
    for (const kind of kinds)
      first.set(kind, extractText(await renderSlip(slip(kind, { applicantName: 'Hoàng Ôn Ìn Ọt' }))));
    for (const kind of [...kinds].reverse()) {
      const again = extractText(await renderSlip(slip(kind, { applicantName: 'Hoàng Ôn Ìn Ọt' })));
      expect(again).toBe(first.get(kind));
      expect(again).not.toContain('\uFFFD');
    }
    expect(flat(first.get('supplement')!)).toContain('Ý kiến đồng ý của chủ hộ');
  });

  it('puts the bare dossier code in the QR code when no lookup page is given', async () => {
    const pdf = await renderSlip(slip('receipt', { lookupUrl: undefined }));
    expect(decodeQr(rasterizePage(pdf))).toBe(CODE);
    expect(slipQrPayload(CODE)).toBe(CODE);
    expect(slipQrPayload(CODE, 'https://x.example/tra-cuu?lang=vi')).toBe(
      `https://x.example/tra-cuu?lang=vi&ma=${CODE}`,
    );
  });

  it('embeds Noto Serif subsets for every font it uses, so no system font is needed', async () => {
    const fonts = pageFonts(await renderSlip(slip('apology')));
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of fonts) {
      expect(font.baseFont).toMatch(/^[A-Z]{6}\+NotoSerif-/);
      expect(font.embedded).toBe(true);
      // A subset, not the whole 500 KB file.
      expect(font.programBytes).toBeGreaterThan(1_000);
      expect(font.programBytes).toBeLessThan(200_000);
    }
    expect(fonts.map((f) => f.baseFont.split('+')[1]).sort()).toEqual(
      expect.arrayContaining(['NotoSerif-Bold', 'NotoSerif-BoldItalic', 'NotoSerif-Italic', 'NotoSerif-Regular']),
    );
  });

  it('prints decomposed (NFD) input as precomposed Vietnamese letters', async () => {
    const text = flat(extractText(await renderSlip(slip('receipt', { applicantName: 'Lò Thị Mẩy'.normalize('NFD') }))));
    expect(text).toContain('Lò Thị Mẩy'.normalize('NFC'));
  });

  it('uses the residence titles (CT04–CT06) for the residence form set', async () => {
    const titles: [SlipKind, string, string][] = [
      ['receipt', 'PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', 'Mẫu CT04'],
      ['supplement', 'PHIẾU HƯỚNG DẪN BỔ SUNG, HOÀN THIỆN HỒ SƠ', 'Mẫu CT05'],
      ['refusal', 'PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ', 'Mẫu CT06'],
    ];
    for (const [kind, title, form] of titles) {
      const text = flat(extractText(await renderSlip(slip(kind, { formSet: 'residence' }))));
      expect(text).toContain(title);
      expect(text).toContain(form);
    }
  });

  it('prints the place given instead of the province and omits absent optional lines', async () => {
    const text = flat(
      extractText(
        await renderSlip(
          slip('receipt', {
            placeName: 'Bình Lư',
            slipNumber: undefined,
            applicantNationalId: undefined,
            applicantPhone: undefined,
          }),
        ),
      ),
    );
    expect(text).toContain('Bình Lư, ngày 27 tháng 11 năm 2026');
    expect(text).not.toContain('Số định danh cá nhân:');
    expect(text).not.toContain('Số điện thoại:');
    expect(text).not.toContain('Số: ');
  });

  it('flows a long list of documents onto a second page and keeps the signature block whole', async () => {
    const documents = Array.from(
      { length: 40 },
      (_, i) => `Giấy tờ chứng minh số ${i + 1} về chỗ ở hợp pháp của người đề nghị`,
    );
    const pdf = await renderSlip(slip('receipt', { documents }));
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    const first = flat(extractText(pdf, 0));
    const last = flat(extractText(pdf, pages - 1));
    expect(first).toContain('a) Giấy tờ chứng minh số 1 về chỗ ở hợp pháp');
    expect(first).not.toContain('NGƯỜI NỘP HỒ SƠ');
    expect(flat(extractText(pdf))).toContain('40) Giấy tờ chứng minh số 40 về chỗ ở hợp pháp');
    for (const part of ['NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ', 'Lò Thị Mẩy', 'Vàng A Sềnh'])
      expect(last).toContain(part);
    expect(decodeQr(rasterizePage(pdf, 0))).toBe(`${LOOKUP}?ma=${CODE}`);
  });
});
