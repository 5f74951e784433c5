import { address, birthDate, fullName, idNumber, sex } from './common-fields';
import { defineDatasetType } from './field';

/** Children under 6 (trẻ em dưới 6 tuổi), as the health and social sectors list them for free insurance cards. */
export const children = defineDatasetType({
  code: 'children',
  nameVi: 'Trẻ em dưới 6 tuổi',
  nameEn: 'Children under 6',
  sector: 'health_insurance',
  fields: [
    fullName,
    birthDate,
    sex,
    idNumber,
    {
      key: 'parentName',
      labelVi: 'Họ tên cha/mẹ',
      labelEn: 'Parent',
      kind: 'name',
      required: false,
      aliases: ['Họ tên cha/mẹ', 'Họ tên mẹ', 'Họ tên cha', 'Cha/mẹ', 'Mẹ', 'Người giám hộ', 'Parent'],
    },
    address,
    {
      key: 'cardNumber',
      labelVi: 'Mã thẻ BHYT',
      labelEn: 'Insurance card',
      kind: 'code',
      required: false,
      aliases: ['Mã thẻ BHYT', 'Số thẻ BHYT', 'Mã thẻ', 'Insurance card'],
    },
  ],
  // Every child under 6 of the commune should be on its list (free insurance cards, Law on Health Insurance art. 12).
  covers: { maxAge: 6, labelVi: 'Trẻ em dưới 6 tuổi', labelEn: 'Children under 6' },
  rowKey: (v) =>
    typeof v.idNumber === 'string'
      ? `id:${v.idNumber}`
      : `nb:${String(v.fullName).toLowerCase()}|${String(v.birthDate)}|${String(v.parentName ?? '').toLowerCase()}`,
});
