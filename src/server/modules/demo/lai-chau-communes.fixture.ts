/**
 * Test fixture: the 38 current communes and wards of Lai Châu (from 1/7/2025), derived from
 * thanglequoc/vietnamese-provinces-database (MIT; see reference/admin-units/ATTRIBUTION.md).
 * The generator itself never reads this: callers pass the communes they hold.
 */
import type { CommuneInput } from './types';

/** Lai Châu's current communes (code, short name, type). */
export const LAI_CHAU_COMMUNES: readonly CommuneInput[] = [
  { code: '03388', name: 'Đoàn Kết', type: 'phuong' },
  { code: '03390', name: 'Bình Lư', type: 'xa' },
  { code: '03394', name: 'Sin Suối Hồ', type: 'xa' },
  { code: '03405', name: 'Tả Lèng', type: 'xa' },
  { code: '03408', name: 'Tân Phong', type: 'phuong' },
  { code: '03424', name: 'Bản Bo', type: 'xa' },
  { code: '03430', name: 'Khun Há', type: 'xa' },
  { code: '03433', name: 'Bum Tở', type: 'xa' },
  { code: '03434', name: 'Nậm Hàng', type: 'xa' },
  { code: '03439', name: 'Thu Lũm', type: 'xa' },
  { code: '03442', name: 'Pa Ủ', type: 'xa' },
  { code: '03445', name: 'Mường Tè', type: 'xa' },
  { code: '03451', name: 'Mù Cả', type: 'xa' },
  { code: '03460', name: 'Hua Bum', type: 'xa' },
  { code: '03463', name: 'Tà Tổng', type: 'xa' },
  { code: '03466', name: 'Bum Nưa', type: 'xa' },
  { code: '03472', name: 'Mường Mô', type: 'xa' },
  { code: '03478', name: 'Sìn Hồ', type: 'xa' },
  { code: '03487', name: 'Lê Lợi', type: 'xa' },
  { code: '03503', name: 'Pa Tần', type: 'xa' },
  { code: '03508', name: 'Hồng Thu', type: 'xa' },
  { code: '03517', name: 'Nậm Tăm', type: 'xa' },
  { code: '03529', name: 'Tủa Sín Chải', type: 'xa' },
  { code: '03532', name: 'Pu Sam Cáp', type: 'xa' },
  { code: '03538', name: 'Nậm Mạ', type: 'xa' },
  { code: '03544', name: 'Nậm Cuổi', type: 'xa' },
  { code: '03549', name: 'Phong Thổ', type: 'xa' },
  { code: '03562', name: 'Sì Lở Lầu', type: 'xa' },
  { code: '03571', name: 'Dào San', type: 'xa' },
  { code: '03583', name: 'Khổng Lào', type: 'xa' },
  { code: '03595', name: 'Than Uyên', type: 'xa' },
  { code: '03598', name: 'Tân Uyên', type: 'xa' },
  { code: '03601', name: 'Mường Khoa', type: 'xa' },
  { code: '03613', name: 'Nậm Sỏ', type: 'xa' },
  { code: '03616', name: 'Pắc Ta', type: 'xa' },
  { code: '03618', name: 'Mường Than', type: 'xa' },
  { code: '03637', name: 'Mường Kim', type: 'xa' },
  { code: '03640', name: 'Khoen On', type: 'xa' },
];
