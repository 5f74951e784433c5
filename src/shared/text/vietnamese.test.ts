import { describe, expect, it } from 'vitest';
import {
  foldForSearch,
  foldHeader,
  foldLetters,
  LETTER_FOLD,
  normalizeDeclared,
  normalizeText,
  placeToneMarks,
  toAscii,
} from './vietnamese';
import { VIETNAMESE_LETTERS as LETTERS } from './vietnamese.test-support';

const nfd = (s: string): string => s.normalize('NFD');

describe('the letter table', () => {
  it('holds the 134 Vietnamese letters and the Đ look-alikes, each once, with one plain letter each', () => {
    expect(LETTERS).toHaveLength(134);
    expect(LETTER_FOLD.to).toHaveLength(LETTER_FOLD.from.length);
    expect(new Set(LETTER_FOLD.from).size).toBe(LETTER_FOLD.from.length);
    expect(new Set(LETTER_FOLD.from)).toEqual(new Set([...LETTERS.map(([l]) => l), 'ð', 'Ð', 'ɖ', 'Ɖ']));
  });

  it.each(LETTERS)('folds %s to %s, from NFC and from NFD, in every fold', (letter, plain) => {
    expect(foldLetters(letter)).toBe(plain);
    expect(foldLetters(nfd(letter))).toBe(plain);
    expect(foldForSearch(`x${nfd(letter)}x`)).toBe(`x${plain}x`);
    expect(foldHeader(letter)).toBe(plain);
    expect(toAscii(letter)).toBe(letter === letter.toLowerCase() ? plain : plain.toUpperCase());
  });
});

describe('normalizeText and normalizeDeclared (DOMAIN.md §9)', () => {
  it.each([
    ['composes NFD input', nfd('Nguyễn Thị Ngọc'), 'Nguyễn Thị Ngọc', 'Nguyễn Thị Ngọc'],
    ['replaces Ð (U+00D0) with Đ (U+0110)', '\u00D0inh Văn Hùng', 'Đinh Văn Hùng', 'Đinh Văn Hùng'],
    ['replaces ð and Ɖ', 'Lò Thị \u00F0ào \u0189', 'Lò Thị đào Đ', 'Lò Thị đào Đ'],
    ['removes zero-width characters and a BOM', '\uFEFFGiàng\u200B A\u200D Páo\u2060', 'Giàng A Páo', 'Giàng A Páo'],
    ['tidies whitespace (tabs, no-break spaces)', '  Lò\u00A0Văn \t Thủy ', 'Lò Văn Thủy', 'Lò Văn Thuỷ'],
    ['keeps letter case', 'giàng a páo', 'giàng a páo', 'giàng a páo'],
    ['stores the new tone style (hòa → hoà)', 'Hòa khỏe Thủy', 'Hòa khỏe Thủy', 'Hoà khoẻ Thuỷ'],
    ['fixes a tone misplaced on the u of qu', 'Qúy', 'Qúy', 'Quý'],
  ])('%s', (_name, input, text, declared) => {
    expect(normalizeText(input)).toBe(text);
    expect(normalizeDeclared(input)).toBe(declared);
    expect(normalizeDeclared(declared)).toBe(declared);
  });

  it.each([
    ['hoà', 'hòa'],
    ['thuỷ', 'thủy'],
    ['khoẻ', 'khỏe'],
    ['HOÀ', 'HÒA'],
    [nfd('Hoà'), 'Hòa'],
    ['Đinh', '\u00D0inh'],
    ['Lò Văn  A', 'lò văn a'.toUpperCase()],
  ])('treats %j and %j as one name once normalised and case-folded', (a, b) => {
    expect(normalizeDeclared(a).toLowerCase()).toBe(normalizeDeclared(b).toLowerCase());
  });
});

describe('placeToneMarks', () => {
  it.each([
    // [new style, old style]
    ['hoà', 'hòa'],
    ['Hoà', 'Hòa'],
    ['HOÀ', 'HÒA'],
    ['khoẻ', 'khỏe'],
    ['thuỷ', 'thủy'],
    ['uỷ ban', 'ủy ban'],
    ['goá', 'góa'],
    ['hoàn', 'hoàn'],
    ['huỳnh', 'huỳnh'],
    ['quý', 'quý'],
    ['ngoài thuyền', 'ngoài thuyền'],
    ['quà mùa kìa', 'quà mùa kìa'],
    ['Tẩn Láo Lở', 'Tẩn Láo Lở'],
  ])('writes %j in the new style and %j in the old, from either', (newStyle, oldStyle) => {
    for (const input of [newStyle, oldStyle, nfd(oldStyle)]) {
      expect(placeToneMarks(input, 'new')).toBe(newStyle);
      expect(placeToneMarks(input, 'old')).toBe(oldStyle);
    }
  });

  it('moves a tone misplaced before a final consonant in both styles (hòan → hoàn)', () => {
    expect(placeToneMarks('hòan', 'new')).toBe('hoàn');
    expect(placeToneMarks('hòan', 'old')).toBe('hoàn');
  });
});

describe('foldForSearch', () => {
  it.each([
    ['Lò Thị Mai', 'lo thi mai'],
    ['ĐẶNG VĂN ĐỨC', 'dang van duc'],
    ['\u00D0inh Văn Hùng', 'dinh van hung'],
    ['  Giàng  A\t Sử ', 'giang a su'],
    [nfd('Nguyễn Thị Ánh Tuyết'), 'nguyen thi anh tuyet'],
    ["H'Mông Khơ-mú", 'hmong kho mu'],
    ['H’Mông', 'hmong'],
    ['Giàng\u200BA Páo', 'gianga pao'],
    ['Xã Mường Tè (12345)', 'xa muong te 12345'],
    ['François', 'francois'],
    ['', ''],
  ])('folds %j to %j', (input, key) => {
    expect(foldForSearch(input)).toBe(key);
  });

  it('gives hoà/hòa, thuỷ/thủy, khoẻ/khỏe one key', () => {
    expect(foldForSearch('Hoà Thuỷ Khoẻ')).toBe(foldForSearch('hòa thủy khỏe'));
  });
});

describe('foldHeader', () => {
  it.each([
    ['Số tiền mặt (đồng)', 'so_tien_mat_dong'],
    ['Số tiền không dùng tiền mặt (đồng)', 'so_tien_khong_dung_tien_mat_dong'],
    ['so_tien_mat_dong', 'so_tien_mat_dong'],
    ['  SO TIEN  ', 'so_tien'],
    ['Mã\u200B cơ sở', 'ma_co_so'],
    ['Tháng (YYYY-MM)', 'thang_yyyy_mm'],
    [nfd('Mã giao dịch'), 'ma_giao_dich'],
  ])('folds %j to %j', (input, key) => {
    expect(foldHeader(input)).toBe(key);
  });
});

describe('toAscii', () => {
  it.each([
    ['Thanh toán lệ phí hồ sơ 000123', 'Thanh toan le phi ho so 000123'],
    ['Đoàn Kết', 'Doan Ket'],
    ['\u00D0inh', 'Dinh'],
    [nfd('Nguyễn'), 'Nguyen'],
    ['Phí\u200B 10.000₫\tx', 'Phi 10.000x'],
  ])('turns %j into %j', (input, ascii) => {
    expect(toAscii(input)).toBe(ascii);
  });
});
