import { columnOfHeader } from '../../platform/tabular-import';

/**
 * The columns of the monthly import file. A header cell is matched after the text kernel's foldHeader
 * (lower case, no diacritics, đ → d, words joined by '_'), so "Mã cơ sở", "ma_co_so" and "facility_code" name the
 * same column. The template writes the Vietnamese labels.
 */
export const IMPORT_COLUMNS = [
  { key: 'facility_code', labelVi: 'Mã cơ sở', required: true, aliases: ['ma_co_so', 'facility_code'] },
  { key: 'facility_name', labelVi: 'Tên cơ sở', required: false, aliases: ['ten_co_so', 'facility_name'] },
  { key: 'month', labelVi: 'Tháng (YYYY-MM)', required: true, aliases: ['thang_yyyy_mm', 'thang', 'month'] },
  {
    key: 'cashless_count',
    labelVi: 'Số giao dịch không dùng tiền mặt',
    required: true,
    aliases: [
      'so_giao_dich_khong_dung_tien_mat',
      'so_gd_khong_dung_tien_mat',
      'so_giao_dich_khong_tien_mat',
      'so_gd_khong_tien_mat',
      'cashless_count',
    ],
  },
  {
    key: 'cash_count',
    labelVi: 'Số giao dịch tiền mặt',
    required: true,
    aliases: ['so_giao_dich_tien_mat', 'so_gd_tien_mat', 'cash_count'],
  },
  {
    key: 'cashless_amount',
    labelVi: 'Số tiền không dùng tiền mặt (đồng)',
    required: true,
    aliases: [
      'so_tien_khong_dung_tien_mat_dong',
      'so_tien_khong_dung_tien_mat',
      'so_tien_khong_tien_mat',
      'cashless_amount',
      'cashless_amount_vnd',
    ],
  },
  {
    key: 'cash_amount',
    labelVi: 'Số tiền mặt (đồng)',
    required: true,
    aliases: ['so_tien_mat_dong', 'so_tien_mat', 'cash_amount', 'cash_amount_vnd'],
  },
] as const;

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];
export type FigureColumnKey = 'cashless_count' | 'cash_count' | 'cashless_amount' | 'cash_amount';
export const FIGURE_COLUMNS: readonly FigureColumnKey[] = [
  'cashless_count',
  'cash_count',
  'cashless_amount',
  'cash_amount',
];

/** Vietnamese label of a column (for messages). */
export function columnLabel(key: ImportColumnKey): string {
  return IMPORT_COLUMNS.find((c) => c.key === key)!.labelVi;
}

/** The column a header cell names, if any. */
export function columnOf(cell: string): ImportColumnKey | undefined {
  return columnOfHeader(cell, IMPORT_COLUMNS);
}
