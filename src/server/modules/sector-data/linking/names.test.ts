import { describe, expect, it } from 'vitest';
import { namesEquivalent } from '../../population';
import { foldedNameKey, nameForms, phoneticNameKey, sameNameExactly } from './names';

const NFD = (s: string) => s.normalize('NFD');

describe('name keys for linking (DOMAIN §9)', () => {
  it.each([
    ['NFC and NFD', 'Nguyễn Thị Hoà', NFD('Nguyễn Thị Hoà')],
    ['old and new tone placement (hoà/hòa)', 'Lò Thị Hoà', 'Lò Thị Hòa'],
    ['old and new tone placement (thuý/thúy)', 'Vàng Thị Thuý', 'Vàng Thị Thúy'],
    ['letter case', 'GIÀNG A PÁO', 'giàng a páo'],
    ['extra and odd spaces', '  Lò\u00a0Văn   Minh ', 'Lò Văn Minh'],
    ['Đ and the look-alike Ð', 'Ðiêu Chính Tươi', 'Điêu Chính Tươi'],
  ])('gives one exact key across %s', (_what, a, b) => {
    expect(nameForms(a).exact).toBe(nameForms(b).exact);
    expect(sameNameExactly(nameForms(a), nameForms(b))).toBe(true);
  });

  it('keeps different tones apart in the exact key but not in the folded key', () => {
    const a = nameForms('Lò Thị Thủy');
    const b = nameForms('Lò Thị Thúy');
    expect(a.exact).not.toBe(b.exact);
    expect(sameNameExactly(a, b)).toBe(false);
    expect(a.folded).toBe(b.folded);
  });

  it('reads a final i/y after a consonant alike (Lý/Lí, Kỳ/Kì) but not Huy/Hui', () => {
    expect(foldedNameKey('Lý Thị Mỹ')).toBe('li thi mi');
    expect(foldedNameKey('Lí Thị Mĩ')).toBe('li thi mi');
    expect(sameNameExactly(nameForms('Lý A Sử'), nameForms('Lí A Sử'))).toBe(true);
    expect(foldedNameKey('Lò Văn Huy')).toBe('lo van huy');
    expect(foldedNameKey('Lò Văn Huy')).not.toBe(foldedNameKey('Lò Văn Hui'));
  });

  it.each([
    ['Hua Bum', 'Hua Bun'],
    ['Ma Ly Pho', 'Ma Li Pho'],
    ['Sùng A Páo', 'Xùng A Pao'],
    ['Giàng Thị Dợ', 'Dàng Thị Rợ'],
    ['Lò Văn Chinh', 'Lò Văn Chin'],
    ['Phàn Mùi Chẻo', 'Fan Mui Cheo'],
  ])('gives the ethnic-minority spelling variants %s / %s one phonetic key', (a, b) => {
    expect(phoneticNameKey(a)).toBe(phoneticNameKey(b));
  });

  it('keeps clearly different names apart in the phonetic key', () => {
    expect(phoneticNameKey('Lò Văn Minh')).not.toBe(phoneticNameKey('Lò Văn Mạnh'));
    expect(phoneticNameKey('Giàng A Páo')).not.toBe(phoneticNameKey('Giàng A Pó'));
  });

  it('splits out the family and given names and notes a name typed without diacritics', () => {
    const forms = nameForms('Giàng A Páo');
    expect(forms.family).toBe('giang');
    expect(forms.given).toBe('pao');
    expect(forms.hasDiacritics).toBe(true);
    expect(nameForms('GIANG A PAO').hasDiacritics).toBe(false);
    expect(nameForms('Ðo A Di').hasDiacritics).toBe(true);
    expect(nameForms('Lò'.normalize('NFD')).hasDiacritics).toBe(true);
    expect(nameForms("H'Mong").hasDiacritics).toBe(false);
  });

  it.each([
    ['Lý Thị Mỹ', 'Lí Thị Mĩ'],
    ['Quý', 'Quí'],
    ['Lò Văn Huy', 'Lò Văn Hui'],
    ['Lý', 'Li'],
    ['Lý', 'Lê'],
    ['Hoà', 'Hòa'],
    ['Thủy', 'Thúy'],
    ['Kỳ', 'Kì'],
    ['Giàng A Páo', 'GIÀNG A PÁO'],
  ])("treats %s and %s alike exactly when population's namesEquivalent does", (a, b) => {
    expect(sameNameExactly(nameForms(a), nameForms(b))).toBe(namesEquivalent(a, b));
  });
});
