import { address, birthDate, fullName, idNumber, sex } from './common-fields';
import { defineDatasetType } from './field';

/** Health-insurance cards (thẻ BHYT) of the provincial social-insurance office. */
export const healthInsurance = defineDatasetType({
  code: 'health-insurance',
  nameVi: 'Thẻ bảo hiểm y tế',
  nameEn: 'Health-insurance cards',
  sector: 'health_insurance',
  fields: [
    {
      key: 'cardNumber',
      labelVi: 'Mã thẻ BHYT',
      labelEn: 'Card number',
      kind: 'code',
      required: true,
      aliases: ['Mã thẻ BHYT', 'Mã thẻ', 'Số thẻ BHYT', 'Số thẻ', 'Mã số BHXH', 'Card number'],
    },
    fullName,
    birthDate,
    sex,
    idNumber,
    address,
    {
      key: 'clinic',
      labelVi: 'Nơi đăng ký KCB ban đầu',
      labelEn: 'Registered clinic',
      kind: 'text',
      required: false,
      aliases: [
        'Nơi đăng ký KCB ban đầu',
        'Nơi ĐKKCB',
        'Nơi KCB ban đầu',
        'KCB ban đầu',
        'Mã KCB',
        'Registered clinic',
      ],
    },
    {
      key: 'validFrom',
      labelVi: 'Giá trị sử dụng từ ngày',
      labelEn: 'Valid from',
      kind: 'date',
      required: false,
      aliases: ['Giá trị từ ngày', 'Giá trị sử dụng từ ngày', 'Từ ngày', 'Hạn từ', 'Valid from'],
    },
    {
      key: 'validTo',
      labelVi: 'Giá trị sử dụng đến ngày',
      labelEn: 'Valid to',
      kind: 'date',
      required: false,
      aliases: ['Giá trị đến ngày', 'Giá trị sử dụng đến ngày', 'Đến ngày', 'Hạn đến', 'Hạn thẻ', 'Valid to'],
    },
  ],
  // Children under 6 are insured by the State (Law on Health Insurance, art. 12): each should hold a card.
  covers: {
    maxAge: 6,
    labelVi: 'Trẻ em dưới 6 tuổi có thẻ BHYT',
    labelEn: 'Children under 6 with a health-insurance card',
  },
  rowKey: (v) => (typeof v.cardNumber === 'string' ? `card:${v.cardNumber}` : null),
  validateRow: (v) =>
    typeof v.validFrom === 'string' && typeof v.validTo === 'string' && v.validTo < v.validFrom
      ? [{ field: 'validTo', vi: 'Hạn thẻ kết thúc trước ngày bắt đầu', en: 'The card ends before it starts' }]
      : [],
});
