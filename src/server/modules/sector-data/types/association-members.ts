import { address, option, personFields, personKey, phone } from './common-fields';
import { defineDatasetType } from './field';

/** Members of the mass associations; which association is an attribute of the row. */
export const associationMembers = defineDatasetType({
  code: 'association-members',
  nameVi: 'Hội viên các hội, đoàn thể',
  nameEn: 'Association members',
  sector: 'associations',
  fields: [
    ...personFields,
    address,
    phone,
    {
      key: 'association',
      labelVi: 'Hội',
      labelEn: 'Association',
      kind: 'enum',
      required: true,
      aliases: ['Hội', 'Tổ chức hội', 'Đoàn thể', 'Tên hội', 'Association'],
      options: [
        option('veterans', 'Hội Cựu chiến binh', 'Veterans', 'Cựu chiến binh', 'CCB'),
        option('farmers', 'Hội Nông dân', 'Farmers', 'Nông dân', 'ND'),
        option('elderly', 'Hội Người cao tuổi', 'Elderly', 'Người cao tuổi', 'NCT'),
        option('women', 'Hội Liên hiệp Phụ nữ', 'Women', 'Phụ nữ', 'Hội Phụ nữ', 'LHPN', 'PN'),
        option('youth', 'Đoàn Thanh niên', 'Youth', 'Thanh niên', 'Đoàn TN', 'ĐTN'),
      ],
    },
    {
      key: 'joinedOn',
      labelVi: 'Ngày vào hội',
      labelEn: 'Joined on',
      kind: 'date',
      required: false,
      aliases: ['Ngày vào hội', 'Ngày kết nạp', 'Ngày vào đoàn', 'Joined on'],
    },
  ],
  rowKey: (v) => {
    const who = personKey(v);
    return who && `${who}|${String(v.association)}`;
  },
});
