import { address, option, personFields, personKey } from './common-fields';
import { defineDatasetType } from './field';

/** People with merit to the revolution (người có công), kept by labour – social affairs. */
export const merit = defineDatasetType({
  code: 'merit',
  nameVi: 'Người có công với cách mạng',
  nameEn: 'People with merit',
  sector: 'social_protection',
  fields: [
    ...personFields,
    address,
    {
      key: 'category',
      labelVi: 'Đối tượng',
      labelEn: 'Category',
      kind: 'enum',
      required: true,
      aliases: ['Đối tượng', 'Loại đối tượng', 'Diện', 'Category'],
      options: [
        option('martyr_relative', 'Thân nhân liệt sĩ', 'Martyr’s relative', 'Thân nhân LS', 'TNLS'),
        option('war_invalid', 'Thương binh', 'War invalid', 'TB', 'Thương binh, bệnh binh'),
        option('sick_soldier', 'Bệnh binh', 'Sick soldier', 'BB'),
        option('resistance_activist', 'Người hoạt động kháng chiến', 'Resistance activist', 'HĐKC'),
        option('heroic_mother', 'Bà mẹ Việt Nam anh hùng', 'Heroic mother', 'BMVNAH'),
        option('other', 'Khác', 'Other'),
      ],
    },
    {
      key: 'monthlyAllowance',
      labelVi: 'Trợ cấp hằng tháng',
      labelEn: 'Monthly allowance',
      kind: 'number',
      required: false,
      aliases: ['Trợ cấp hằng tháng', 'Trợ cấp hàng tháng', 'Mức trợ cấp', 'Số tiền', 'Monthly allowance'],
    },
  ],
  rowKey: (v) => {
    const who = personKey(v);
    return who && `${who}|${String(v.category)}`;
  },
});
