import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FeeCalculation } from '../../../contracts/fees';
import { I18nProvider } from '../../shell/i18n';
import { FeeSummary } from './FeeSummary';

const base: FeeCalculation = {
  procedureCode: '1.004194',
  versionId: 'v1',
  asOf: '2026-03-10',
  channel: 'online',
  rate: 'online',
  persons: 3,
  variant: 'list',
  claim: null,
  base: 15_000,
  lines: [
    {
      code: 'list',
      labelVi: 'Đăng ký tạm trú theo danh sách (mỗi người)',
      labelEn: 'Temporary residence by list (per person)',
      basis: 'per_person',
      unit: 5_000,
      quantity: 3,
      amount: 15_000,
    },
  ],
  exemption: null,
  exempted: 0,
  amount: 15_000,
  explanationVi: ['Dòng giải thích thứ nhất.', 'Số tiền phải nộp: 15.000 đồng.'],
  explanationEn: ['First line.', 'Amount due: 15,000 VND.'],
};

/** The summary as the server renders it (the browser's language defaults to Vietnamese), as text. */
function text(calculation: FeeCalculation): string {
  const html = renderToStaticMarkup(createElement(I18nProvider, null, createElement(FeeSummary, { calculation })));
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('FeeSummary', () => {
  it('shows each line as rate × quantity, the rate used, the amount due and the explanation', () => {
    const shown = text(base);
    expect(shown).toContain('Đăng ký tạm trú theo danh sách (mỗi người) 5.000 đồng × 3 người 15.000 đồng');
    expect(shown).toContain('Mức thu khi nộp trực tuyến');
    expect(shown).toContain('Số tiền phải nộp 15.000 đồng');
    expect(shown).toContain('Cách tính');
    expect(shown).toContain('Dòng giải thích thứ nhất.');
    expect(shown).not.toContain('Được miễn');
  });

  it('shows a pending exemption with the document to attach and nothing due yet', () => {
    const shown = text({
      ...base,
      exemption: {
        code: 'disability',
        labelVi: 'Người khuyết tật',
        labelEn: 'People with disabilities',
        legalBasis: 'Thông tư 75/2022/TT-BTC, Điều 4',
        check: 'proof',
        status: 'pending',
        reasonVi: 'Chờ cán bộ kiểm tra giấy tờ',
        reasonEn: 'Waiting',
        proofVi: 'Giấy xác nhận khuyết tật',
        proofEn: 'Disability certificate',
        provisional: false,
      },
      exempted: 5_000,
      amount: 10_000,
    });
    expect(shown).toContain('Chờ cán bộ xét Người khuyết tật');
    expect(shown).toContain('Giấy tờ cần nộp kèm: Giấy xác nhận khuyết tật');
    expect(shown).toContain('Tổng lệ phí 15.000 đồng Được miễn −5.000 đồng Số tiền phải nộp 10.000 đồng');
  });

  it('says when a granted exemption rests on a provisional list, and when a procedure is free', () => {
    const granted = text({
      ...base,
      exemption: {
        code: 'border_commune',
        labelVi: 'Công dân thường trú tại xã biên giới',
        labelEn: 'Border',
        legalBasis: '',
        check: 'registry',
        status: 'granted',
        reasonVi: 'Thường trú tại Xã Mù Cả',
        reasonEn: 'x',
        proofVi: null,
        proofEn: null,
        provisional: true,
      },
    });
    expect(granted).toContain('Được miễn Công dân thường trú tại xã biên giới');
    expect(granted).toContain('danh sách tạm');
    expect(text({ ...base, base: 0, lines: [], amount: 0, explanationVi: [], explanationEn: [] })).toContain(
      'Thủ tục này không thu lệ phí.',
    );
  });
});

describe('FeeSummary: whose exemption, and the temporary waiver with its legal basis', () => {
  it('Circular 117/2026/TT-BTC Art. 1(3): shows the waiver, its legal basis, period and that it is unconfirmed', () => {
    const shown = text({
      ...base,
      waiver: {
        code: 'online_eid_level2_2026',
        labelVi: 'Miễn lệ phí đăng ký cư trú khi nộp trực tuyến bằng tài khoản định danh điện tử mức độ 2',
        labelEn: 'Waived online with a level-2 e-ID',
        legalBasis: 'Thông tư 117/2026/TT-BTC, Điều 1 khoản 3',
        validFrom: '2026-08-15',
        validTo: '2027-02-28',
        conditionsVi: 'Nộp trực tuyến bằng tài khoản định danh điện tử mức độ 2',
        conditionsEn: 'Online with a level-2 e-ID',
        confirmed: false,
      },
      waived: 15_000,
      amount: 0,
    });
    expect(shown).toContain('Miễn tạm thời Miễn lệ phí đăng ký cư trú khi nộp trực tuyến');
    expect(shown).toContain(
      'Căn cứ: Thông tư 117/2026/TT-BTC, Điều 1 khoản 3; áp dụng từ 15/08/2026 đến hết 28/02/2027.',
    );
    expect(shown).toContain('chưa đối chiếu văn bản chính thức');
    expect(shown).toContain('Tổng lệ phí 15.000 đồng Miễn tạm thời −15.000 đồng Số tiền phải nộp 0 đồng');
    expect(text(base)).not.toContain('Miễn tạm thời');
  });

  it('Circular 75/2022/TT-BTC Art. 4: names the person registered when it is not the filer', () => {
    const subject = {
      party: 'newborn',
      labelVi: 'trẻ được đăng ký khai sinh',
      labelEn: 'the child',
      facts: 'unknown',
    } as const;
    const shown = text({ ...base, subject });
    expect(shown).toContain('Miễn lệ phí được xét cho người được đăng ký: trẻ được đăng ký khai sinh');
    expect(shown).toContain('theo ngày sinh khai trên tờ khai khi bạn nộp hồ sơ');
    expect(text({ ...base, subject: { ...subject, party: 'filer' } })).not.toContain('người được đăng ký');
  });
});
