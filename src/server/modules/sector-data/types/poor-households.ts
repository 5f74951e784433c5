import { address, birthDate, fullName, idNumber, option } from './common-fields';
import { defineDatasetType } from './field';

/** Poor and near-poor households (hộ nghèo, hộ cận nghèo), one row per household head. */
export const poorHouseholds = defineDatasetType({
  code: 'poor-households',
  nameVi: 'Hộ nghèo, hộ cận nghèo',
  nameEn: 'Poor and near-poor households',
  sector: 'social_protection',
  fields: [
    {
      ...fullName,
      key: 'headName',
      labelVi: 'Họ và tên chủ hộ',
      labelEn: 'Household head',
      aliases: ['Họ và tên chủ hộ', 'Họ tên chủ hộ', 'Chủ hộ', 'Tên chủ hộ', ...fullName.aliases],
    },
    { ...birthDate, required: false },
    idNumber,
    address,
    {
      key: 'status',
      labelVi: 'Phân loại',
      labelEn: 'Status',
      kind: 'enum',
      required: true,
      aliases: ['Phân loại', 'Loại hộ', 'Hộ nghèo/cận nghèo', 'Diện', 'Status'],
      options: [
        option('poor', 'Hộ nghèo', 'Poor', 'Nghèo', 'HN'),
        option('near_poor', 'Hộ cận nghèo', 'Near-poor', 'Cận nghèo', 'HCN', 'CN'),
      ],
    },
    {
      key: 'members',
      labelVi: 'Số nhân khẩu',
      labelEn: 'Members',
      kind: 'number',
      required: false,
      aliases: ['Số nhân khẩu', 'Số khẩu', 'Nhân khẩu', 'Số người', 'Members'],
    },
    {
      key: 'year',
      labelVi: 'Năm rà soát',
      labelEn: 'Review year',
      kind: 'number',
      required: false,
      aliases: ['Năm rà soát', 'Năm', 'Review year'],
    },
  ],
  rowKey: (v) =>
    typeof v.idNumber === 'string'
      ? `id:${v.idNumber}`
      : typeof v.headName === 'string'
        ? `head:${v.headName.toLowerCase()}|${String(v.birthDate ?? '')}|${String(v.address ?? '').toLowerCase()}`
        : null,
});
