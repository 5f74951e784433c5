/**
 * Address lines for synthetic households: "Tổ dân phố số N, Phường …" in wards and
 * "Bản <village>, Xã …" in communes. Village names are composed from syllables common in
 * Lai Châu place names (Thái-style Nà/Nậm/Huổi/Phiêng…, Mông-style Tả/Sin/Lao/Chu…,
 * Hà Nhì/La Hủ-style); they are plausible inventions, not the real villages of each commune.
 */
import type { CommuneProfile } from './ethnicity';
import { flat, Rng } from './random';

const SYLLABLES: Record<'thai' | 'mong' | 'tibeto', [string[], string[]]> = {
  thai: [
    ['Nà', 'Nậm', 'Huổi', 'Pá', 'Hua', 'Phiêng', 'Co', 'Noong', 'Tà', 'Na', 'Bó', 'Khau', 'Mường', 'Ten'],
    [
      'Khum',
      'Cuổn',
      'Phát',
      'Lại',
      'Bon',
      'Sàng',
      'Pầu',
      'Hẹ',
      'Mạ',
      'Chăn',
      'Ít',
      'Ún',
      'Luông',
      'Xẻ',
      'Vảy',
      'Hon',
      'Tăm',
      'Ngà',
    ],
  ],
  mong: [
    ['Tả', 'Sin', 'Lao', 'Chu', 'Sì', 'Phìn', 'Sáng', 'Xà', 'Mào', 'Lùng', 'Hồng', 'Sử', 'Làng', 'Séo'],
    [
      'Chải',
      'Hồ',
      'Phìn',
      'Dền',
      'Sang',
      'Tủng',
      'Chồ',
      'Pao',
      'Sáng',
      'Lử',
      'Dao',
      'Pờ',
      'San',
      'Mủ',
      'Giàng',
      'Thàng',
    ],
  ],
  tibeto: [
    ['Nậm', 'Pa', 'Ca', 'Mù', 'Bum', 'Xì', 'Lò', 'Ma', 'Nhù', 'Tá', 'Pờ', 'Thu'],
    ['Xá', 'Sì', 'Lò', 'Pho', 'Cha', 'Phìn', 'Lũm', 'Mì', 'Khao', 'Hạ', 'Ngà', 'Ma', 'Cú', 'Lé'],
  ],
};

/** Full administrative name, e.g. "Xã Mường Kim", "Phường Đoàn Kết". */
export function communeFullName(name: string, type: string): string {
  const clean = name.normalize('NFC').trim();
  if (/^(Xã|Phường|Thị trấn)\s/u.test(clean)) return clean;
  return `${type === 'phuong' ? 'Phường' : 'Xã'} ${clean}`;
}

function styleOf(profile: CommuneProfile): 'thai' | 'mong' | 'tibeto' {
  if (profile === 'mong_dao') return 'mong';
  if (profile === 'tibeto') return 'tibeto';
  return 'thai';
}

/**
 * The settlements of a commune: residential groups ("Tổ dân phố số N") in wards, 7–14
 * invented village names elsewhere. Depends only on the seed and the commune code.
 */
export function settlementsOf(seed: string, code: string, shortName: string, profile: CommuneProfile): string[] {
  const rng = new Rng(`${seed}/settlements/${code}`);
  if (profile === 'ward') {
    const count = rng.int(14, 26);
    return Array.from({ length: count }, (_, i) => `Tổ dân phố số ${i + 1}`);
  }
  const [firsts, seconds] = SYLLABLES[styleOf(profile)];
  const names = new Set<string>(rng.chance(0.5) ? ['Bản Trung Tâm'] : []);
  if (rng.chance(0.4)) names.add(`Bản ${shortName}`);
  const target = rng.int(7, 14);
  for (let tries = 0; names.size < target && tries < 200; tries++) {
    const first = rng.pick(firsts);
    const second = rng.pick(seconds);
    if (first !== second) names.add(`Bản ${first} ${second}`);
  }
  return [...names];
}

/** "<settlement>, <commune full name>". */
export function addressLine(settlement: string, communeFull: string): string {
  return flat(`${settlement}, ${communeFull}`);
}
