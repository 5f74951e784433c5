import { address } from './common-fields';
import { defineDatasetType } from './field';

/** Health facilities and whether they check insurance with the chip ID card / VNeID. */
export const facilitiesEid = defineDatasetType({
  code: 'facilities-eid',
  nameVi: 'Cơ sở y tế dùng CCCD gắn chíp / VNeID',
  nameEn: 'Health facilities accepting chip ID / VNeID',
  sector: 'health_insurance',
  fields: [
    {
      key: 'facilityCode',
      labelVi: 'Mã cơ sở KCB',
      labelEn: 'Facility code',
      kind: 'code',
      required: true,
      aliases: ['Mã cơ sở KCB', 'Mã cơ sở', 'Mã KCB', 'Mã CSKCB', 'Facility code'],
    },
    {
      key: 'facilityName',
      labelVi: 'Tên cơ sở',
      labelEn: 'Facility name',
      kind: 'text',
      required: true,
      aliases: ['Tên cơ sở', 'Tên cơ sở KCB', 'Tên CSKCB', 'Cơ sở y tế', 'Facility name'],
    },
    address,
    {
      key: 'chipCard',
      labelVi: 'Dùng CCCD gắn chíp',
      labelEn: 'Accepts chip ID card',
      kind: 'bool',
      required: true,
      aliases: ['Dùng CCCD gắn chíp', 'CCCD gắn chíp', 'Sử dụng CCCD', 'Accepts chip ID card'],
    },
    {
      key: 'vneid',
      labelVi: 'Dùng VNeID',
      labelEn: 'Accepts VNeID',
      kind: 'bool',
      required: false,
      aliases: ['Dùng VNeID', 'VNeID', 'Sử dụng VNeID', 'Accepts VNeID'],
    },
  ],
  rowKey: (v) => (typeof v.facilityCode === 'string' ? `facility:${v.facilityCode}` : null),
});
