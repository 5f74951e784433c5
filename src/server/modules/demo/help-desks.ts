import type { Db } from '../../platform/db';
import type { NewHelpDeskBody } from '../../../contracts/help-desks';
import { countHelpDesks, recordHelpDesk } from '../units';

/**
 * Help desks of the demo province (Lai Châu, a few units the demo accounts work in). Obviously
 * synthetic, never a real office's contact: every name ends in "(demo)", the addresses say so,
 * the phones are Lai Châu landlines whose subscriber number begins with 0 — a number no exchange
 * issues (0213 0000 0xx) — and the e-mail addresses are on example.org (reserved, RFC 2606).
 */
const SOURCE = 'Dữ liệu mẫu (demo): số điện thoại, thư điện tử và địa chỉ không có thật';
const FROM = '2025-07-01'; // the first day of the communes after the 2025 reform
const HOURS = 'Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00 (demo)';

const DEMO_DESKS: NewHelpDeskBody[] = [
  {
    unitCode: '12',
    kind: 'service_centre',
    name: 'Trung tâm Phục vụ hành chính công tỉnh Lai Châu (demo)',
    address: 'Địa chỉ mẫu (demo), tỉnh Lai Châu',
    phone: '0213 0000 001',
    email: 'trungtam-hcc.demo@example.org',
    openingHours: HOURS,
  },
  {
    unitCode: '03388',
    kind: 'one_stop_counter',
    name: 'Bộ phận Một cửa phường Đoàn Kết (demo)',
    address: 'Địa chỉ mẫu (demo), phường Đoàn Kết',
    phone: '0213 0000 011',
    email: 'motcua-doanket.demo@example.org',
    openingHours: HOURS,
  },
  {
    unitCode: '03388',
    kind: 'police',
    name: 'Công an phường Đoàn Kết (demo)',
    address: 'Địa chỉ mẫu (demo), phường Đoàn Kết',
    phone: '0213 0000 012',
    openingHours: HOURS,
  },
  {
    unitCode: '03445',
    kind: 'one_stop_counter',
    name: 'Bộ phận Một cửa xã Mường Tè (demo)',
    address: 'Địa chỉ mẫu (demo), xã Mường Tè',
    phone: '0213 0000 021',
    openingHours: HOURS,
  },
].map((d) => ({ ...d, source: SOURCE, validFrom: FROM }) as NewHelpDeskBody);

/** Records the demo's help desks into an empty register (Lai Châu only); how many were added. */
export async function seedDemoHelpDesks(db: Db, provinceCode: string): Promise<number> {
  if (provinceCode !== '12' || (await countHelpDesks(db)) > 0) return 0;
  for (const desk of DEMO_DESKS)
    await recordHelpDesk(db, desk, { accountId: null, name: 'Dữ liệu mẫu (demo)' }, () => true);
  return DEMO_DESKS.length;
}
