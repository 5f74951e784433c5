import { option, personFields, personKey } from './common-fields';
import { defineDatasetType } from './field';

/** Digitised civil-status records (birth, marriage, death books) with their book and page. */
export const civilStatusRecords = defineDatasetType({
  code: 'civil-status-records',
  nameVi: 'Dữ liệu hộ tịch số hoá',
  nameEn: 'Digitised civil-status records',
  sector: 'civil_status',
  fields: [
    {
      key: 'event',
      labelVi: 'Loại sự kiện',
      labelEn: 'Event',
      kind: 'enum',
      required: true,
      aliases: ['Loại sự kiện', 'Loại sổ', 'Sự kiện', 'Loại việc', 'Event'],
      options: [
        option('birth', 'Khai sinh', 'Birth', 'KS', 'Sổ khai sinh'),
        option('marriage', 'Kết hôn', 'Marriage', 'KH', 'Sổ kết hôn'),
        option('death', 'Khai tử', 'Death', 'KT', 'Sổ khai tử'),
      ],
    },
    {
      key: 'book',
      labelVi: 'Quyển số',
      labelEn: 'Book',
      kind: 'code',
      required: true,
      aliases: ['Quyển số', 'Quyển', 'Số quyển', 'Sổ số', 'Book'],
    },
    {
      key: 'page',
      labelVi: 'Trang số',
      labelEn: 'Page',
      kind: 'code',
      required: false,
      aliases: ['Trang số', 'Trang', 'Tờ số', 'Page'],
    },
    {
      key: 'entry',
      labelVi: 'Số đăng ký',
      labelEn: 'Entry number',
      kind: 'code',
      required: true,
      aliases: ['Số đăng ký', 'Số', 'Số ĐK', 'Số vào sổ', 'Entry number'],
    },
    {
      key: 'registeredOn',
      labelVi: 'Ngày đăng ký',
      labelEn: 'Registered on',
      kind: 'date',
      required: true,
      aliases: ['Ngày đăng ký', 'Ngày ĐK', 'Ngày vào sổ', 'Registered on'],
    },
    ...personFields.map((f) => (f.key === 'birthDate' ? { ...f, required: false } : f)),
  ],
  rowKey: (v) =>
    typeof v.book === 'string' && typeof v.entry === 'string'
      ? `book:${String(v.event)}|${v.book}|${v.entry}`
      : personKey(v),
});
