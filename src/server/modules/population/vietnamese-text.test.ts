import { describe, it, expect } from 'vitest';
import {
  isNormalized,
  looksLikeLegacyEncoding,
  nameMatchKey,
  namesEquivalent,
  normalizeDeclared,
  searchKey,
  splitFullName,
} from './vietnamese-text';
import {
  ETHNICITIES,
  HOUSEHOLD_RELATIONS,
  RELIGIONS,
  findEthnicityByName,
  findReligionByName,
  isEthnicityCode,
  isHouseholdRelationCode,
  isReligionCode,
} from './codes';

/** Builds the decomposed (NFD) form, as some keyboards and macOS file names produce it. */
const nfd = (s: string): string => s.normalize('NFD');

describe('normalizeDeclared', () => {
  const cases: { name: string; input: string; stored: string }[] = [
    { name: 'moves the tone of "oa" to the second vowel (hòa → hoà)', input: 'hòa', stored: 'hoà' },
    { name: 'keeps capitals when moving the tone (Hòa → Hoà)', input: 'Hòa', stored: 'Hoà' },
    { name: 'handles all-capital words (HÒA → HOÀ)', input: 'HÒA', stored: 'HOÀ' },
    { name: 'moves the tone of "oe" (khỏe → khoẻ)', input: 'khỏe', stored: 'khoẻ' },
    { name: 'moves the tone of "uy" in a Thái name (Lò Văn Thủy → Thuỷ)', input: 'Lò Văn Thủy', stored: 'Lò Văn Thuỷ' },
    { name: 'leaves a name already in the convention unchanged', input: 'Lò Văn Thuỷ', stored: 'Lò Văn Thuỷ' },
    { name: 'composes NFD input with the tone on the first vowel', input: nfd('Hòa'), stored: 'Hoà' },
    {
      name: 'composes NFD input with stacked marks (Nguyễn)',
      input: nfd('Nguyễn Thị Ngọc'),
      stored: 'Nguyễn Thị Ngọc',
    },
    { name: 'collapses double spaces inside a name', input: 'Nguyễn  Văn   A', stored: 'Nguyễn Văn A' },
    { name: 'trims spaces and tabs around a Mông name', input: '  Giàng A Páo\t', stored: 'Giàng A Páo' },
    { name: 'turns no-break spaces into ordinary spaces', input: 'Lò\u00A0Văn\u00A0Thuỷ', stored: 'Lò Văn Thuỷ' },
    { name: 'removes zero-width spaces pasted from the web', input: 'Giàng\u200B A Páo', stored: 'Giàng A Páo' },
    {
      name: 'replaces the look-alike Ð (U+00D0) with Đ (U+0110)',
      input: '\u00D0inh Văn Hùng',
      stored: '\u0110inh Văn Hùng',
    },
    { name: 'replaces the look-alike ð (U+00F0) with đ (U+0111)', input: 'Lò Thị \u00F0ào', stored: 'Lò Thị \u0111ào' },
    { name: 'fixes a tone misplaced on the u of "qu" (qúy → quý)', input: 'Nguyễn Văn Qúy', stored: 'Nguyễn Văn Quý' },
    { name: 'does not move tones in three-vowel runs (ngoài, thuyền)', input: 'Ngoài Thuyền', stored: 'Ngoài Thuyền' },
    { name: 'does not move tones of ua/ia (quà, mùa, kìa)', input: 'quà mùa kìa', stored: 'quà mùa kìa' },
    {
      name: 'keeps Dao and Hà Nhì names as declared (Tẩn Láo Lở, Pờ Mé Xá)',
      input: 'Tẩn Láo Lở Pờ Mé Xá',
      stored: 'Tẩn Láo Lở Pờ Mé Xá',
    },
    { name: 'keeps the declared letter case (no title-casing)', input: 'giàng a páo', stored: 'giàng a páo' },
  ];
  it.each(cases)('$name', ({ input, stored }) => {
    expect(normalizeDeclared(input)).toBe(stored);
  });

  it('is idempotent on every case above', () => {
    for (const { input } of cases) expect(normalizeDeclared(normalizeDeclared(input))).toBe(normalizeDeclared(input));
  });
});

describe('isNormalized', () => {
  it.each([
    ['Lò Văn Thuỷ', true],
    ['Giàng A Páo', true],
    ['Lò Văn Thủy', false],
    ['Nguyễn  Văn A', false],
    [' Giàng A Páo', false],
    [nfd('Tẩn Láo Lở'), false],
    ['\u00D0inh Văn Hùng', false],
  ] as const)('judges %j clean: %s', (input, expected) => {
    expect(isNormalized(input)).toBe(expected);
  });
});

describe('searchKey', () => {
  it.each([
    ['Nguyễn Văn A', 'nguyen van a'],
    ['Lò Văn Thủy', 'lo van thuy'],
    ['Lò Văn Thuỷ', 'lo van thuy'],
    ['\u0110inh Văn Hùng', 'dinh van hung'],
    ['\u00D0inh Văn Hùng', 'dinh van hung'],
    [nfd('Pờ Mé Xá'), 'po me xa'],
    ['  Tẩn   Láo Lở ', 'tan lao lo'],
    ["H'Mông", 'hmong'],
    ['Khơ-mú', 'kho mu'],
  ] as const)('keys %j as %j', (input, key) => {
    expect(searchKey(input)).toBe(key);
  });
});

describe('nameMatchKey', () => {
  it('keeps diacritics but ignores case, tone placement and Unicode form', () => {
    expect(nameMatchKey('LÒ VĂN THỦY')).toBe('lò văn thuỷ');
    expect(nameMatchKey(nfd('Lò Văn Thuỷ'))).toBe('lò văn thuỷ');
  });
});

describe('namesEquivalent', () => {
  const cases: { a: string; b: string; same: boolean }[] = [
    { a: 'Lò Văn Thủy', b: 'Lò Văn Thuỷ', same: true },
    { a: 'Hòa', b: 'hoà', same: true },
    { a: 'Nguyễn Thị Khỏe', b: nfd('Nguyễn Thị Khoẻ'), same: true },
    { a: 'GIÀNG A PÁO', b: 'Giàng A Páo', same: true },
    { a: 'Tẩn  Láo Lở', b: 'Tẩn Láo Lở', same: true },
    { a: '\u00D0inh Văn Hùng', b: '\u0110inh Văn Hùng', same: true },
    { a: 'Lý Thị Mai', b: 'Lí Thị Mai', same: true },
    { a: 'Trần Văn Kỳ', b: 'Trần Văn Kì', same: true },
    { a: 'Nguyễn Văn Quý', b: 'Nguyễn Văn Quí', same: true },
    { a: 'Lý Thị Mai', b: 'Lê Thị Mai', same: false },
    { a: 'Lý Thị Mai', b: 'Li Thị Mai', same: false },
    { a: 'Lò Văn Huy', b: 'Lò Văn Hui', same: false },
    { a: 'Lò Văn Thủy', b: 'Lò Văn Thúy', same: false },
    { a: 'Giàng A Páo', b: 'Giang A Pao', same: false },
    { a: 'Pờ Mé Xá', b: 'Pờ Mé Xa', same: false },
  ];
  it.each(cases)('treats $a and $b as the same name: $same', ({ a, b, same }) => {
    expect(namesEquivalent(a, b)).toBe(same);
    expect(namesEquivalent(b, a)).toBe(same);
  });

  it('never rewrites the stored i/y spelling', () => {
    expect(normalizeDeclared('Lý Thị Mai')).toBe('Lý Thị Mai');
    expect(normalizeDeclared('Lí Thị Mai')).toBe('Lí Thị Mai');
  });
});

describe('splitFullName', () => {
  it.each([
    ['Giàng A Páo', { family: 'Giàng', middle: 'A', given: 'Páo' }],
    ['Nguyễn Thị Minh Khai', { family: 'Nguyễn', middle: 'Thị Minh', given: 'Khai' }],
    ['Lò Văn Thủy', { family: 'Lò', middle: 'Văn', given: 'Thuỷ' }],
    ['  Pờ   Mé Xá ', { family: 'Pờ', middle: 'Mé', given: 'Xá' }],
    ['Lò Thuỷ', { family: 'Lò', middle: '', given: 'Thuỷ' }],
    ['Páo', { family: '', middle: '', given: 'Páo' }],
    ['   ', { family: '', middle: '', given: '' }],
  ] as const)('splits %j into family, middle and given names', (input, parts) => {
    expect(splitFullName(input)).toEqual(parts);
  });
});

describe('looksLikeLegacyEncoding', () => {
  it.each([
    ['NguyÔn V¨n A', true], // TCVN3: ễ = Ô, ă = ¨
    ['Lß ThÞ Thuû', true], // TCVN3: ò = ß, ị = Þ, ỷ = û
    ['Giµng A P¸o', true], // TCVN3: à = µ, á = ¸
    ['§inh V¨n Hïng', true], // TCVN3: Đ = §
    ['TØnh Lai Ch©u', true], // TCVN3: ỉ = Ø, â = ©
    ['Nguyeãn Vaên A', true], // VNI: ễ = eã, ă = aê
    ['Vieät Nam', true], // VNI: ệ = eä
    ['Loø Vaên Thuûy', true], // VNI: ò = oø, ủ = uû
    ['Ñinh Thò Hoa', true], // VNI: Đ = Ñ
    ['Nguyễn Văn A', false],
    ['Giàng A Páo', false],
    ['Lò Văn Thuỷ, Tẩn Láo Lở, Pờ Mé Xá', false],
    ['Phật giáo Hoà Hảo, quà, khuya, thuyền, ngoài', false],
    ['\u00D0inh Văn Hùng', false],
    ['Liều dùng 5 µg', false],
    ['© 2024 UBND tỉnh Lai Châu', false],
    ['Müller', false],
    ['', false],
  ] as const)('flags %j as legacy-encoded: %s', (input, expected) => {
    expect(looksLikeLegacyEncoding(input)).toBe(expected);
  });
});

/* Code lists use the text normaliser for alias matching, so they are checked here too. */
describe('ethnicity and religion code lists (codes.ts)', () => {
  it.each([
    ['Mông', '08'],
    ["H'Mông", '08'],
    ['mèo', '08'],
    ['Hmong', '08'],
    ['HMÔNG', '08'],
    ['U Ni', '35'],
    ['Cù Dề Xừ', '50'],
    ['Việt', '01'],
    ['Khơ Mú', '29'],
    ['Khmu', '29'],
    ['thai', '03'],
    ['Ê Đê', '12'],
    ['  La   Hủ ', '41'],
  ] as const)('finds the ethnic group named %j (code %s)', (name, code) => {
    expect(findEthnicityByName(name)?.code).toBe(code);
  });

  it.each(['', 'Kinh Thái', 'Xyz'])('finds no ethnic group for %j', (name) => {
    expect(findEthnicityByName(name)).toBeUndefined();
  });

  it('lists 54 ethnic groups coded 01 to 54 and religions coded 00 to 14', () => {
    expect(ETHNICITIES.map((e) => e.code)).toEqual(
      Array.from({ length: 54 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    expect(RELIGIONS.map((r) => r.code)).toEqual(Array.from({ length: 15 }, (_, i) => String(i).padStart(2, '0')));
  });

  it('gives every name or alias a matching key that points to one entry only', () => {
    for (const list of [ETHNICITIES, RELIGIONS]) {
      const owner = new Map<string, string>();
      for (const e of list) {
        for (const n of [e.name, ...(e.aliases ?? [])]) {
          const key = searchKey(n).replace(/ /g, '');
          expect(owner.get(key) ?? e.code, `${n} collides`).toBe(e.code);
          owner.set(key, e.code);
        }
      }
    }
  });

  it('stores every official name in normalised form', () => {
    for (const e of [...ETHNICITIES, ...RELIGIONS]) expect(isNormalized(e.name), e.name).toBe(true);
  });

  it.each([
    ['01', true, true],
    ['54', true, false],
    ['00', false, true],
    ['14', true, true],
    ['55', false, false],
    ['1', false, false],
  ] as const)('checks code %j: ethnicity %s, religion %s', (code, ethnic, religion) => {
    expect(isEthnicityCode(code)).toBe(ethnic);
    expect(isReligionCode(code)).toBe(religion);
  });

  it('finds religions by common names', () => {
    expect(findReligionByName('Thiên Chúa giáo')?.code).toBe('02');
    expect(findReligionByName('không')?.code).toBe('00');
    expect(findReligionByName('Phật giáo Hòa Hảo')?.code).toBe('03');
  });

  it('labels relations to the household head in Vietnamese', () => {
    expect(HOUSEHOLD_RELATIONS.find((r) => r.code === 'head')?.labelVi).toBe('Chủ hộ');
    expect(HOUSEHOLD_RELATIONS.find((r) => r.code === 'child_in_law')?.labelVi).toBe('Con dâu/rể');
    expect(isHouseholdRelationCode('spouse')).toBe(true);
    expect(isHouseholdRelationCode('cousin')).toBe(false);
  });
});

describe('searchKey (fast path)', () => {
  it.each([
    'Lò Văn Thủy',
    'LÒ VĂN THUỶ',
    'Ðiêu Chính Tới',
    'Ɖặng Thị Hoà',
    "H'Mông",
    'Khơ-mú',
    'Giàng  A\tPáo',
    'Lò\u200BThị Hoa',
    'Nguyễn Thị Ngọc Ánh'.normalize('NFD'),
    'Tẩn Láo Lở',
    'Pờ Mé Xá',
    'Quàng Văn Ơn',
    'ĐẶNG VĂN ĐỨC',
  ])('keys %j exactly as the normalised declared form would', (name) => {
    const viaNormalized = normalizeDeclared(name)
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/đ/g, 'd')
      .replace(/['’‘ʼ`]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    expect(searchKey(name)).toBe(viaNormalized);
  });
});
