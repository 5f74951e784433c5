import type { EnumOption, FieldSpec } from './field';

/**
 * The person columns most lists share, with the headers communes use for them. A type spreads
 * them into its field list and may override `required`.
 */
export const fullName: FieldSpec = {
  key: 'fullName',
  labelVi: 'Họ và tên',
  labelEn: 'Full name',
  kind: 'name',
  required: true,
  aliases: ['Họ và tên', 'Họ tên', 'Tên', 'Họ và tên người', 'Họ tên người', 'Ho va ten', 'Full name', 'Name'],
};

export const birthDate: FieldSpec = {
  key: 'birthDate',
  labelVi: 'Ngày sinh',
  labelEn: 'Date of birth',
  kind: 'date',
  required: true,
  aliases: ['Ngày sinh', 'Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'Năm sinh', 'NS', 'Date of birth', 'DOB'],
};

export const sex: FieldSpec = {
  key: 'sex',
  labelVi: 'Giới tính',
  labelEn: 'Sex',
  kind: 'sex',
  required: false,
  aliases: ['Giới tính', 'GT', 'Nam/Nữ', 'Nam nữ', 'Sex', 'Gender'],
};

export const idNumber: FieldSpec = {
  key: 'idNumber',
  labelVi: 'Số định danh cá nhân',
  labelEn: 'Personal ID number',
  kind: 'id-number',
  required: false,
  aliases: [
    'Số định danh cá nhân',
    'Số định danh',
    'Số CCCD',
    'CCCD',
    'Số CCCD/CMND',
    'CCCD/CMND',
    'Số CMND',
    'CMND',
    'Số CMND/CCCD',
    'Mã định danh',
    'ĐDCN',
    'Personal ID',
    'National ID',
  ],
};

export const address: FieldSpec = {
  key: 'address',
  labelVi: 'Địa chỉ',
  labelEn: 'Address',
  kind: 'text',
  required: false,
  aliases: ['Địa chỉ', 'Nơi ở', 'Nơi cư trú', 'Thôn, bản', 'Thôn/bản', 'Thôn', 'Bản', 'Tổ dân phố', 'Address'],
};

export const phone: FieldSpec = {
  key: 'phone',
  labelVi: 'Số điện thoại',
  labelEn: 'Phone',
  kind: 'code',
  required: false,
  aliases: ['Số điện thoại', 'Điện thoại', 'SĐT', 'SDT', 'Phone'],
};

export const note: FieldSpec = {
  key: 'note',
  labelVi: 'Ghi chú',
  labelEn: 'Note',
  kind: 'text',
  required: false,
  aliases: ['Ghi chú', 'Note', 'Notes'],
};

/** An option of an enum field. */
export const option = (key: string, labelVi: string, labelEn: string, ...aliases: string[]): EnumOption => ({
  key,
  labelVi,
  labelEn,
  aliases,
});

/** The usual person columns in list order. */
export const personFields: readonly FieldSpec[] = [fullName, birthDate, sex, idNumber];

/** A key from a row's ID number, falling back to name + birth date (normalised). */
export function personKey(values: Record<string, unknown>): string | null {
  if (typeof values.idNumber === 'string') return `id:${values.idNumber}`;
  if (typeof values.fullName === 'string' && typeof values.birthDate === 'string')
    return `nb:${values.fullName.toLowerCase()}|${values.birthDate}`;
  return null;
}
