import { address, option, personFields, personKey } from './common-fields';
import { defineDatasetType } from './field';

/** Social-assistance beneficiaries (bảo trợ xã hội) and how they are paid. */
export const socialAssistance = defineDatasetType({
  code: 'social-assistance',
  nameVi: 'Đối tượng bảo trợ xã hội',
  nameEn: 'Social-assistance beneficiaries',
  sector: 'social_protection',
  fields: [
    ...personFields,
    address,
    {
      key: 'category',
      labelVi: 'Diện hưởng',
      labelEn: 'Category',
      kind: 'text',
      required: false,
      aliases: ['Diện hưởng', 'Đối tượng', 'Loại đối tượng', 'Category'],
    },
    {
      key: 'paymentMethod',
      labelVi: 'Hình thức chi trả',
      labelEn: 'Payment method',
      kind: 'enum',
      required: true,
      aliases: ['Hình thức chi trả', 'Hình thức nhận', 'Phương thức chi trả', 'Chi trả qua', 'Payment method'],
      options: [
        option('cash', 'Tiền mặt', 'Cash', 'TM', 'Trực tiếp'),
        option('bank_account', 'Tài khoản ngân hàng', 'Bank account', 'Tài khoản', 'Ngân hàng', 'TK', 'Chuyển khoản'),
        option('mobile_money', 'Mobile Money', 'Mobile money', 'Ví điện tử', 'MM', 'Mobile-Money'),
      ],
    },
    {
      key: 'account',
      labelVi: 'Số tài khoản',
      labelEn: 'Account number',
      kind: 'code',
      required: false,
      aliases: ['Số tài khoản', 'STK', 'Tài khoản số', 'Account number'],
    },
    {
      key: 'monthlyAmount',
      labelVi: 'Mức hưởng hằng tháng',
      labelEn: 'Monthly amount',
      kind: 'number',
      required: false,
      aliases: ['Mức hưởng hằng tháng', 'Mức hưởng', 'Số tiền', 'Monthly amount'],
    },
  ],
  rowKey: personKey,
  validateRow: (v) =>
    v.paymentMethod === 'bank_account' && v.account === null
      ? [{ field: 'account', vi: 'Chi trả qua tài khoản cần số tài khoản', en: 'Bank payment needs an account number' }]
      : [],
});
