import { address, idNumber, fullName, phone } from './common-fields';
import { defineDatasetType } from './field';

/** Household businesses (hộ kinh doanh) and whether they file through eTax Mobile, kept by the tax office. */
export const householdBusinesses = defineDatasetType({
  code: 'household-businesses',
  nameVi: 'Hộ kinh doanh',
  nameEn: 'Household businesses',
  sector: 'tax',
  fields: [
    {
      key: 'taxCode',
      labelVi: 'Mã số thuế',
      labelEn: 'Tax code',
      kind: 'code',
      required: false,
      aliases: ['Mã số thuế', 'MST', 'Mã số thuế hộ', 'Tax code'],
    },
    {
      key: 'businessName',
      labelVi: 'Tên hộ kinh doanh',
      labelEn: 'Business name',
      kind: 'text',
      required: false,
      aliases: ['Tên hộ kinh doanh', 'Tên cơ sở', 'Tên HKD', 'Business name'],
    },
    {
      ...fullName,
      key: 'ownerName',
      labelVi: 'Họ và tên chủ hộ kinh doanh',
      labelEn: 'Owner',
      aliases: ['Họ và tên chủ hộ kinh doanh', 'Chủ hộ kinh doanh', 'Họ tên chủ hộ', 'Chủ hộ', ...fullName.aliases],
    },
    idNumber,
    address,
    phone,
    {
      key: 'eTaxMobile',
      labelVi: 'Nộp thuế qua eTax Mobile',
      labelEn: 'Files via eTax Mobile',
      kind: 'bool',
      required: false,
      aliases: ['Nộp thuế qua eTax Mobile', 'eTax Mobile', 'Sử dụng eTax Mobile', 'Files via eTax Mobile'],
    },
  ],
  rowKey: (v) =>
    typeof v.taxCode === 'string' ? `tax:${v.taxCode}` : typeof v.idNumber === 'string' ? `id:${v.idNumber}` : null,
});
