import type { Db } from '../../platform/db';
import * as repo from './identity.repository';
import { assignRole, createStaffUser } from './users.service';

/** Password of every demo staff account (demo only; listed in the README). */
export const DEMO_PASSWORD = 'LaiChau@Demo2026';

/** One demo account per role, in real Lai Châu units (Phường Đoàn Kết 03388, Xã Mường Tè 03445, province 12). */
export const DEMO_ACCOUNTS = [
  // The officers who receive dossiers sign the slips: a (synthetic) person's name and their title.
  {
    username: 'ca.doanket',
    displayName: 'Lò Văn Thành (demo)',
    jobTitle: 'Cán bộ Công an phường Đoàn Kết',
    role: 'commune_police',
    unitCode: '03388',
  },
  {
    username: 'ca.muongte',
    displayName: 'Giàng A Chư (demo)',
    jobTitle: 'Cán bộ Công an xã Mường Tè',
    role: 'commune_police',
    unitCode: '03445',
  },
  {
    username: 'motcua.doanket',
    displayName: 'Nguyễn Thị Hoa (demo)',
    jobTitle: 'Công chức Bộ phận một cửa phường Đoàn Kết',
    role: 'one_stop_officer',
    unitCode: '03388',
  },
  {
    username: 'tuphap.doanket',
    displayName: 'Tao Văn Minh (demo)',
    jobTitle: 'Công chức Tư pháp – hộ tịch phường Đoàn Kết',
    role: 'civil_status_officer',
    unitCode: '03388',
  },
  {
    username: 'tuphap.muongte',
    displayName: 'Vàng Thị Dua (demo)',
    jobTitle: 'Công chức Tư pháp – hộ tịch xã Mường Tè',
    role: 'civil_status_officer',
    unitCode: '03445',
  },
  {
    username: 'bhyt.tinh',
    displayName: 'Bảo hiểm xã hội tỉnh (demo)',
    role: 'sector_officer',
    unitCode: '12',
    sector: 'health_insurance',
  },
  {
    username: 'ansinh.tinh',
    displayName: 'Bảo trợ xã hội tỉnh – trợ cấp mai táng, tuất (demo)',
    role: 'sector_officer',
    unitCode: '12',
    sector: 'social_protection',
  },
  {
    username: 'thuongtruc.tinh',
    displayName: 'Công an tỉnh – thường trực Đề án 06 (demo)',
    role: 'standing_agency',
    unitCode: '12',
  },
  { username: 'lanhdao.tinh', displayName: 'Lãnh đạo UBND tỉnh (demo)', role: 'leader', unitCode: '12' },
  { username: 'kiemtra.tinh', displayName: 'Kiểm tra, giám sát (demo)', role: 'auditor', unitCode: '12' },
  { username: 'quantri', displayName: 'Quản trị hệ thống (demo)', role: 'admin', unitCode: '12' },
  // Focal officers of pilot models (target 14): a commune's People's Committee, and a provincial department.
  {
    username: 'mohinh.doanket',
    displayName: 'Hoàng Thị Lan (demo)',
    jobTitle: 'Đầu mối mô hình điểm, UBND phường Đoàn Kết',
    role: 'pilot_officer',
    unitCode: '03388',
  },
  {
    username: 'mohinh.tinh',
    displayName: 'Đầu mối mô hình điểm cấp tỉnh (demo)',
    role: 'pilot_officer',
    unitCode: '12',
  },
] as const;

/** Creates the demo staff accounts that do not exist yet. */
export async function ensureDemoAccounts(db: Db): Promise<number> {
  let created = 0;
  for (const d of DEMO_ACCOUNTS) {
    if (await repo.findAccountByUsername(db, d.username)) continue;
    const { user } = await createStaffUser(db, {
      username: d.username,
      displayName: d.displayName,
      ...('jobTitle' in d && { jobTitle: d.jobTitle }),
      password: DEMO_PASSWORD,
    });
    await assignRole(db, null, user.id, {
      role: d.role,
      unitCode: d.unitCode,
      sector: 'sector' in d ? d.sector : null,
    });
    created++;
  }
  return created;
}
