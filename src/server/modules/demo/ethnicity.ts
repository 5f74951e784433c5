/**
 * Ethnic composition of the synthetic province.
 *
 * Province-wide targets are the 2009 census shares quoted in DOMAIN.md §7 (Thái 32.3%,
 * Mông 22.5%, Kinh 15.3%, Dao 13.2%, Hà Nhì 3.7%, Giáy 3.1%, La Hủ 2.6%); the split of the
 * remaining 7.3% among the small groups, the per-commune profiles and the demographic
 * parameters below are approximations chosen to look plausible, not statistics.
 * Codes follow Decision 121-TCTK/PPCĐ (DOMAIN.md §8).
 */

/**
 * Province-wide person shares (sum 1) by official code: Thái 03, HMông 08, Kinh 01, Dao 09,
 * Hà Nhì 35, Giáy 25, La Hủ 41, Lự 42, Mảng 45, Khơ-mú 29, Kháng 33, Lào 37, Cống 48,
 * Si La 50, Tày 02, Nùng 07, Mường 06.
 */
export const ETHNIC_TARGETS: Readonly<Record<string, number>> = {
  '03': 0.323,
  '08': 0.225,
  '01': 0.153,
  '09': 0.132,
  '35': 0.037,
  '25': 0.031,
  '41': 0.026,
  '42': 0.016,
  '45': 0.011,
  '29': 0.008,
  '33': 0.007,
  '37': 0.006,
  '48': 0.005,
  '50': 0.002,
  '02': 0.012,
  '07': 0.003,
  '06': 0.003,
};

/** All ethnic codes the generator draws, in a fixed order. */
export const ETHNIC_CODES: readonly string[] = Object.keys(ETHNIC_TARGETS);

/** Coarse settlement profile of a commune, used to shape its ethnic mix. */
export type CommuneProfile = 'ward' | 'thai' | 'mong_dao' | 'tibeto' | 'mixed';

// Relative person weights per profile; every group keeps a small floor weight so the
// province-wide fitting below always has room to reach its target.
const PROFILE_WEIGHTS: Record<CommuneProfile, Partial<Record<string, number>>> = {
  ward: { '01': 55, '03': 12, '25': 10, '08': 5, '09': 5, '02': 6, '07': 2, '06': 2, '42': 1, '37': 1 },
  thai: { '03': 62, '01': 9, '08': 10, '09': 5, '29': 4, '33': 3, '25': 2, '37': 1, '02': 2, '06': 1, '42': 1 },
  mong_dao: { '08': 50, '09': 30, '25': 5, '03': 5, '01': 4, '35': 2, '42': 1, '02': 1, '07': 1 },
  tibeto: { '35': 30, '41': 22, '03': 8, '48': 6, '50': 3, '45': 6, '01': 7, '08': 6, '09': 5 },
  mixed: { '03': 30, '08': 25, '09': 18, '01': 12, '25': 5, '42': 4, '45': 3, '33': 2, '37': 2, '02': 2, '35': 1 },
};

// Extra weight for groups known to live in particular communes (approximate geography).
const LOCAL_BIAS: Record<string, Partial<Record<string, number>>> = {
  'Bình Lư': { '01': 20, '25': 20, '42': 10 },
  'Bản Bo': { '25': 15, '42': 8, '37': 4 },
  'Phong Thổ': { '25': 10, '01': 8 },
  'Khổng Lào': { '37': 10, '03': 10 },
  'Nậm Hàng': { '45': 25 },
  'Lê Lợi': { '45': 10 },
  'Hua Bum': { '48': 6, '41': 4 },
  'Than Uyên': { '29': 6, '01': 8 },
  'Tân Uyên': { '29': 6, '01': 8 },
};

const TIBETO = ['Mường Tè', 'Thu Lũm', 'Pa Ủ', 'Mù Cả', 'Bum Tở', 'Bum Nưa', 'Ka Lăng', 'Tà Tổng'];
const MONG_DAO = [
  'Sìn Hồ',
  'Tủa Sín Chải',
  'Pu Sam Cáp',
  'Sì Lở Lầu',
  'Dào San',
  'Khổng Lào',
  'Hồng Thu',
  'Tả Lèng',
  'Sin Suối Hồ',
  'Khun Há',
];
const THAI = ['Than Uyên', 'Tân Uyên', 'Pắc Ta', 'Khoen On', 'Nậm Sỏ'];

/** The commune's short name without a "Xã"/"Phường" prefix. */
export function shortName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/^(Xã|Phường|Thị trấn)\s+/u, '')
    .trim();
}

/** Classifies a commune by type and name (DOMAIN.md §7 geography, simplified). */
export function communeProfile(name: string, type: string): CommuneProfile {
  const short = shortName(name);
  if (type === 'phuong' || /^Phường\s/u.test(name)) return 'ward';
  if (TIBETO.includes(short)) return 'tibeto';
  if (MONG_DAO.includes(short)) return 'mong_dao';
  if (THAI.includes(short) || short.startsWith('Mường ')) return 'thai';
  return 'mixed';
}

/** Initial (unfitted) person shares for one commune. */
export function initialShares(name: string, type: string): number[] {
  const base = PROFILE_WEIGHTS[communeProfile(name, type)];
  const bias = LOCAL_BIAS[shortName(name)] ?? {};
  const raw = ETHNIC_CODES.map((code) => 0.05 + (base[code] ?? 0) + (bias[code] ?? 0));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / total);
}

/**
 * Iterative proportional fitting: rescales each commune's shares so that the
 * population-weighted province totals equal ETHNIC_TARGETS while keeping each commune's
 * character (rows stay normalised). `rows[c]` are shares, `weights[c]` commune populations.
 */
export function fitShares(rows: number[][], weights: number[], iterations = 60): number[][] {
  const fitted = rows.map((r) => r.slice());
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  for (let it = 0; it < iterations; it++) {
    ETHNIC_CODES.forEach((code, e) => {
      let current = 0;
      fitted.forEach((row, c) => (current += (row[e] as number) * (weights[c] as number)));
      const factor = ((ETHNIC_TARGETS[code] as number) * totalWeight) / current;
      for (const row of fitted) row[e] = (row[e] as number) * factor;
    });
    for (const row of fitted) {
      const sum = row.reduce((a, b) => a + b, 0);
      for (let e = 0; e < row.length; e++) row[e] = (row[e] as number) / sum;
    }
  }
  return fitted;
}

/** Demographic parameters of a group (approximate; high fertility and early marriage in the uplands). */
export interface EthnicParams {
  /** Mean number of children born to a woman of the 1980s cohort. */
  children: number;
  /** Mean age of a mother at her first birth. */
  firstBirthAge: number;
  /** Typical age at which a daughter marries out of the household. */
  daughterLeaves: number;
  /** Share of household heads who are men. */
  maleHead: number;
}

const PARAMS: Record<string, EthnicParams> = {
  '01': { children: 2.1, firstBirthAge: 23.5, daughterLeaves: 22, maleHead: 0.8 },
  '08': { children: 3.9, firstBirthAge: 18.5, daughterLeaves: 17.5, maleHead: 0.95 },
  '09': { children: 3.1, firstBirthAge: 19.5, daughterLeaves: 18.5, maleHead: 0.93 },
  '35': { children: 3.4, firstBirthAge: 19, daughterLeaves: 18, maleHead: 0.93 },
  '03': { children: 2.6, firstBirthAge: 20.5, daughterLeaves: 19.5, maleHead: 0.88 },
  '25': { children: 2.4, firstBirthAge: 21, daughterLeaves: 20, maleHead: 0.88 },
};
const GROUP_OF: Record<string, string> = {
  '41': '35',
  '48': '35',
  '50': '35',
  '45': '35',
  '29': '03',
  '33': '03',
  '37': '03',
  '42': '03',
  '02': '25',
  '07': '25',
  '06': '25',
};

/** Demographic parameters for an ethnic code (small groups borrow a neighbour's). */
export function ethnicParams(code: string): EthnicParams {
  return PARAMS[code] ?? PARAMS[GROUP_OF[code] ?? '03'] ?? (PARAMS['03'] as EthnicParams);
}

/**
 * Religion code of a household (Decision 1019/QĐ-TCTK): '00' none is by far the most common;
 * Tin Lành '08' and Công giáo '02' appear among Mông and Dao at a few percent (approximation).
 */
export function religionWeights(ethnicCode: string): ReadonlyArray<readonly [string, number]> {
  switch (ethnicCode) {
    case '08':
      return [
        ['00', 92],
        ['08', 6],
        ['02', 2],
      ];
    case '09':
      return [
        ['00', 96],
        ['08', 2.5],
        ['02', 1.5],
      ];
    case '01':
      return [
        ['00', 92],
        ['01', 5],
        ['02', 3],
      ];
    case '35':
    case '41':
      return [
        ['00', 98],
        ['08', 2],
      ];
    default:
      return [
        ['00', 99],
        ['01', 1],
      ];
  }
}
