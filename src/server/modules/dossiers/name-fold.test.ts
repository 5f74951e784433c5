import { describe, expect, it } from 'vitest';
import { FOLD_TABLE_LENGTHS, foldName, wordsPattern } from './name-fold';

describe('foldName', () => {
  it('has one plain letter for each marked one', () => {
    expect(FOLD_TABLE_LENGTHS.plain).toBe(FOLD_TABLE_LENGTHS.marked);
  });

  it.each([
    ['Lò Thị Mai', 'lo thi mai'],
    ['ĐẶNG VĂN ĐỨC', 'dang van duc'],
    ['Giàng  A   Sử', 'giang a su'],
    ['Nguyễn Thị Ánh Tuyết', 'nguyen thi anh tuyet'],
    ['Hoàng Ôn Ìn Ọt', 'hoang on in ot'],
    ['Lò Thị Mai'.normalize('NFD'), 'lo thi mai'],
    ['lo thi mai', 'lo thi mai'],
  ])('folds %j to %j', (input, folded) => {
    expect(foldName(input)).toBe(folded);
  });

  it('makes a pattern of the words in order, escaping LIKE characters', () => {
    expect(wordsPattern('lo mai')).toBe('%lo%mai%');
    expect(wordsPattern('a_b')).toBe('%a\\_b%');
  });
});
