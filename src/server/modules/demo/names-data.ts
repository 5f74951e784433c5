/**
 * Name parts by ethnic group for the synthetic population.
 *
 * Patterns follow DOMAIN.md §7 (Mông clan names with the male middle name "A", Thái family
 * names Lò/Lường/Tòng/Điêu/Quàng/Tao, Dao Tẩn/Chảo/Phàn/Lý, Hà Nhì Pờ/Lò/Chu/Phu) and common
 * Vietnamese usage. They are APPROXIMATIONS for synthetic data: transliteration of minority
 * names varies, the weights are rough, and the smaller groups (Lự, Mảng, Kháng, Si La, Cống,
 * Lào, Khơ Mú) borrow Thái-style parts where no better pattern was at hand.
 * Kinh family-name weights approximate published national frequencies (Nguyễn ≈ 38%),
 * shifted towards northern forms (Hoàng, Vũ) as most Kinh in Lai Châu came from the delta.
 */

/** [part, weight] pairs; '' as a middle name means "no middle name". */
export type Weighted = ReadonlyArray<readonly [string, number]>;

/** Name parts of one ethnic group. */
export interface NamePool {
  family: Weighted;
  middleMale: Weighted;
  middleFemale: Weighted;
  givenMale: readonly string[];
  givenFemale: readonly string[];
  /** Share of Kinh-style given names among the youngest generation (0 = traditional only). */
  modern: number;
}

const even = (names: string): Weighted => names.split(',').map((n) => [n.trim(), 1] as const);
const list = (names: string): string[] => names.split(',').map((n) => n.trim());

/** Kinh-style given names, also used by younger minority people. */
export const MODERN_MALE = list(
  'Anh, Bình, Cường, Dũng, Đạt, Đức, Hải, Hiếu, Hoàng, Hùng, Huy, Khánh, Kiên, Long, Mạnh, Minh, Nam, ' +
    'Phong, Phúc, Quân, Quang, Sơn, Tâm, Thắng, Thành, Toàn, Trung, Tuấn, Tùng, Việt, Vinh, Hưng, Lâm, ' +
    'Khoa, Đông, Hòa, Lợi, Thịnh, Tú, Chiến, Công, Hậu, Bảo, Duy, Nghĩa, Thái, Tiến, Trọng',
);
/** Kinh-style given names for women. */
export const MODERN_FEMALE = list(
  'Anh, Chi, Dung, Giang, Hà, Hạnh, Hằng, Hiền, Hoa, Hồng, Huyền, Hương, Lan, Liên, Linh, Loan, Mai, My, ' +
    'Nga, Ngân, Ngọc, Nhung, Oanh, Phương, Quỳnh, Tâm, Thảo, Thơ, Thủy, Thu, Trang, Tuyết, Uyên, Vân, ' +
    'Yến, Vy, Nhi, Diệp, Hậu, Lụa, Nhàn, Thắm, Xuân, Duyên',
);

const KINH: NamePool = {
  family: [
    ['Nguyễn', 38],
    ['Trần', 11],
    ['Lê', 9.5],
    ['Phạm', 7],
    ['Hoàng', 4.5],
    ['Huỳnh', 0.5],
    ['Phan', 4],
    ['Vũ', 3.4],
    ['Võ', 0.5],
    ['Đặng', 2.1],
    ['Bùi', 2],
    ['Đỗ', 1.4],
    ['Hồ', 1.3],
    ['Ngô', 1.3],
    ['Dương', 1],
    ['Lý', 0.5],
    ['Đinh', 0.9],
    ['Trịnh', 0.8],
    ['Đào', 0.8],
    ['Mai', 0.6],
    ['Lương', 0.6],
    ['Cao', 0.5],
    ['Hà', 0.7],
    ['Trương', 0.6],
    ['Đoàn', 0.6],
    ['Tạ', 0.4],
    ['Lưu', 0.4],
    ['Tô', 0.3],
    ['Vương', 0.3],
    ['Nghiêm', 0.2],
    ['Quách', 0.2],
    ['Khúc', 0.1],
    ['Lại', 0.2],
    ['Kiều', 0.2],
    ['Chu', 0.3],
    ['Mạc', 0.1],
  ],
  middleMale: [
    ['Văn', 45],
    ['Đức', 12],
    ['Minh', 10],
    ['Quang', 6],
    ['Hữu', 6],
    ['Xuân', 4],
    ['Ngọc', 3],
    ['Anh', 3],
    ['Thành', 3],
    ['Trung', 3],
    ['Mạnh', 2],
    ['Tiến', 3],
    ['Công', 3],
    ['Đình', 4],
    ['Hồng', 2],
  ],
  middleFemale: [
    ['Thị', 60],
    ['Thu', 5],
    ['Ngọc', 6],
    ['Thanh', 5],
    ['Minh', 4],
    ['Phương', 4],
    ['Hồng', 4],
    ['Thùy', 4],
    ['Khánh', 3],
    ['Bảo', 2],
    ['Mai', 2],
    ['Kim', 3],
    ['Diệu', 2],
    ['Hải', 2],
  ],
  givenMale: MODERN_MALE,
  givenFemale: MODERN_FEMALE,
  modern: 0,
};

const MONG: NamePool = {
  family: [
    ['Giàng', 16],
    ['Vàng', 14],
    ['Lý', 12],
    ['Sùng', 12],
    ['Thào', 10],
    ['Mùa', 8],
    ['Lầu', 6],
    ['Hầu', 5],
    ['Chảo', 5],
    ['Hạng', 4],
    ['Tráng', 4],
    ['Vừ', 4],
  ],
  middleMale: [
    ['A', 86],
    ['Seo', 10],
    ['Chứ', 2],
    ['Páo', 2],
  ],
  middleFemale: [
    ['Thị', 82],
    ['', 18],
  ],
  givenMale: list(
    'Páo, Sử, Chứ, Dơ, Lử, Pó, Tủa, Sình, Chư, Vảng, Dình, Phừ, Sàng, Cở, Lềnh, Chá, Khua, ' +
      'Chống, Tú, Súa, Nhè, Thề, Chính, Lồng, Giống, Chìa, Mang, Dế, Tỏa, Vư, Trống, Cáng, Say, Hờ, Nủ, ' +
      'Xá, Pao, Dùng, Kỷ, Phềnh, Sếnh, Chớ, Cà, Lù, Chinh, Sài, Của, Dia, Trư',
  ),
  givenFemale: list(
    'Mai, Dở, Ca, Mỷ, Dợ, Sua, Say, Chở, Pàng, Xúa, Dua, Mái, Chía, Cở, Súa, Phía, Lỳ, Si, ' +
      'Mẩy, Nhìa, Kía, Chá, Dung, Sểnh, Lan, Dính, Vá, Lia, Xua, Pằng, Chua, Dế, Dinh, Nhú, Khu, Tồng, ' +
      'Nhè, Sò, Ly, Chi, Của, Chứ, Sinh, Vừ, Ví, Hoa, Sung, Pà',
  ),
  modern: 0.25,
};

const THAI: NamePool = {
  family: [
    ['Lò', 20],
    ['Lường', 14],
    ['Tòng', 10],
    ['Điêu', 8],
    ['Quàng', 8],
    ['Tao', 6],
    ['Cầm', 6],
    ['Hoàng', 6],
    ['Vì', 6],
    ['Lù', 4],
    ['Bạc', 3],
    ['Kha', 3],
    ['Lê', 2],
    ['Hà', 2],
    ['Mè', 1],
  ],
  middleMale: [
    ['Văn', 94],
    ['Đức', 3],
    ['Xuân', 3],
  ],
  middleFemale: [
    ['Thị', 95],
    ['', 5],
  ],
  givenMale: list(
    'Ơn, Pâng, Xuân, Inh, Kim, Thoan, Chiến, Lả, Pản, Phanh, Khăm, Ngoan, Hoan, Quyết, ' +
      'Bun, Sinh, Đôi, Hặc, Pọm, Diện, Ẳm, Piếng, Chương, Lún, Khiêm, Xiêng, Ón, Thương, Chăn, Muôn, ' +
      'Tiến, Thái, Sơn, Hùng, Pươn, Ún, Dịnh, Xôm, Tươi, Khánh',
  ),
  givenFemale: list(
    'Thủy, Ánh, Hương, Kim, Xuân, Lan, Hoa, Hiền, Phương, Nga, Bích, Ngọc, Thu, Duyên, ' +
      'Hạnh, Pằn, Ín, Ỏn, Chung, Dung, Mai, Thảo, Yến, Hằng, Lả, Ọn, Khiếu, Nhung, Tiên, Ương, Ếnh, ' +
      'Pâng, Xiêng, Én, Mun, Cương, Bun, Thoa, Ươi, Phăn',
  ),
  modern: 0.55,
};

const DAO: NamePool = {
  family: [
    ['Tẩn', 22],
    ['Chảo', 20],
    ['Phàn', 18],
    ['Lý', 14],
    ['Đặng', 12],
    ['Triệu', 10],
    ['Bàn', 4],
  ],
  middleMale: [
    ['Láo', 30],
    ['Vần', 25],
    ['Sành', 15],
    ['Văn', 20],
    ['A', 10],
  ],
  middleFemale: [
    ['Thị', 55],
    ['Mẩy', 30],
    ['Sành', 5],
    ['Vần', 5],
    ['', 5],
  ],
  givenMale: list(
    'Lở, Chòi, Phin, Sài, Quẩy, Kiềm, Chản, Phẩu, Lìu, Sinh, Chìu, Tả, Ông, Duần, Xiểu, ' +
      'Kháy, Phú, Tòng, Vảng, Chàn, Sấu, Kiều, Pham, Xuân, Ton, Sói, Nải, Liềm, Tạ, Chiêu',
  ),
  givenFemale: list(
    'Mẩy, Chỉn, Xoang, Khé, Chiêu, Mụi, Phẩy, Nái, Sử, Siếu, Liều, Dần, Chài, Nải, Lai, ' +
      'Sói, Chạn, Kiều, Lìu, Phây, Ton, Xuyến, Mùi, Diu, Quáy, Hòa, Xoan, Mình',
  ),
  modern: 0.3,
};

// Hà Nhì given names are often two syllables (e.g. Mé Xá, Gió Phì, Xá Mì); composed here
// from common syllables, so many combinations are invented rather than attested.
const HA_NHI: NamePool = {
  family: [
    ['Pờ', 22],
    ['Lò', 20],
    ['Chu', 18],
    ['Phu', 14],
    ['Lý', 12],
    ['Chang', 8],
    ['Sừ', 3],
    ['Hờ', 3],
  ],
  middleMale: [
    ['A', 45],
    ['', 55],
  ],
  middleFemale: [
    ['Thị', 40],
    ['', 60],
  ],
  givenMale: list(
    'Gió Phì, Xá Dơ, Chà Gió, Lù Xá, Xe Phù, Hừ Gió, Ngá Xá, Chừ Phì, Dơ Lù, Pa Xe, ' +
      'Khó Hừ, Sừ Chà, Gió Lù, Phì Xá, Xá Chừ, Ha Phù, Mi Gió, Xe Dơ, Chà Phì, Lù Ngá',
  ),
  givenFemale: list(
    'Mé Xá, Xá Mì, Mi Dơ, Pà Chà, Gió Mé, Xá Mé, Mì Lù, Chà Mì, Ma Xá, Mé Gió, ' +
      'Lù Mé, Dơ Mì, Phì Mé, Xe Mì, Hừ Mé, Mì Xá, Chừ Mé, Ngá Mì',
  ),
  modern: 0.2,
};

const LA_HU: NamePool = {
  family: [
    ['Lý', 30],
    ['Chà', 25],
    ['Phìn', 20],
    ['Lò', 15],
    ['Vàng', 10],
  ],
  middleMale: [
    ['Xe', 40],
    ['A', 30],
    ['', 30],
  ],
  middleFemale: [
    ['Thị', 50],
    ['Na', 20],
    ['', 30],
  ],
  givenMale: list('Pu, Pha, Chừ, Gá, Dề, Xé, Lạ, Hù, Chè, Phà, Xì, Giá, Lử, Pô, Chơ, Nhù, Cà, Phú'),
  givenFemale: list('Chớ, Mé, Nạ, Xé, Ca, Mi, Phì, Sứ, Hừ, Nhà, Chè, Pơ, Lơ, Xạ, Dì, Cớ'),
  modern: 0.15,
};

function thaiLike(family: Weighted, modern = 0.45): NamePool {
  return { ...THAI, family, modern };
}

/** Name pools keyed by ethnic code; unknown codes use Thái-style parts. */
export const NAME_POOLS: Readonly<Record<string, NamePool>> = {
  '01': KINH,
  '08': MONG,
  '03': THAI,
  '09': DAO,
  '35': HA_NHI,
  '41': LA_HU,
  '25': {
    ...THAI,
    family: [
      ['Hoàng', 25],
      ['Lù', 20],
      ['Sầm', 15],
      ['Vàng', 15],
      ['Lò', 10],
      ['Lương', 8],
      ['Nông', 7],
    ],
    modern: 0.55,
  },
  '29': thaiLike([
    ['Lò', 35],
    ['Vì', 30],
    ['Cầm', 25],
    ['Quàng', 10],
  ]),
  '42': thaiLike([
    ['Lò', 35],
    ['Tao', 30],
    ['Pặc', 20],
    ['Vàng', 15],
  ]),
  '45': {
    ...LA_HU,
    family: [
      ['Chìn', 30],
      ['Lò', 25],
      ['Tao', 25],
      ['Pờ', 20],
    ],
    modern: 0.2,
  },
  '33': thaiLike([
    ['Lò', 30],
    ['Vì', 30],
    ['Quàng', 20],
    ['Lường', 20],
  ]),
  '50': {
    ...HA_NHI,
    family: [
      ['Pờ', 45],
      ['Hù', 35],
      ['Lỳ', 20],
    ],
  },
  '48': {
    ...HA_NHI,
    family: [
      ['Chang', 35],
      ['Pờ', 25],
      ['Lò', 25],
      ['Hoàng', 15],
    ],
  },
  '37': {
    ...thaiLike([
      ['Lò', 30],
      ['Vì', 25],
      ['Cầm', 25],
      ['Lường', 20],
    ]),
    givenMale: list('Bun, Khăm, Phết, Xổm, Pản, Inh, Chăn, Xiêng, Ơn, Đôi, Phanh, Thoong'),
  },
  '02': { ...KINH, family: even('Hoàng, Nông, Lương, Ma, Hà, Lù, Triệu, Đàm, Bế, Vi') },
  '07': { ...KINH, family: even('Hoàng, Nông, Lý, Vi, Lục, Lăng, Chu') },
  '06': { ...KINH, family: even('Bùi, Đinh, Quách, Hà, Xa, Cao') },
};

/** Name pool of an ethnic code. */
export function namePool(ethnicCode: string): NamePool {
  return NAME_POOLS[ethnicCode] ?? THAI;
}
