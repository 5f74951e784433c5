import { describe, expect, it } from 'vitest';
import { integerToVietnamese, vndInWords } from './vietnamese-words';

describe('amounts in Vietnamese words', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [25, 'Hai mươi lăm đồng'],
    [11, 'Mười một đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [1_005, 'Một nghìn không trăm linh năm đồng'],
    [7_000, 'Bảy nghìn đồng'],
    [15_000, 'Mười lăm nghìn đồng'],
    [20_000, 'Hai mươi nghìn đồng'],
    [35_500, 'Ba mươi lăm nghìn năm trăm đồng'],
    [100_000, 'Một trăm nghìn đồng'],
    [1_000_000, 'Một triệu đồng'],
    [1_050_000, 'Một triệu không trăm năm mươi nghìn đồng'],
    [2_000_015, 'Hai triệu không trăm mười lăm đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [1_000_000_001, 'Một tỷ không trăm linh một đồng'],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
    [999_999_999, 'Chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng'],
  ])('%d → %s', (n, words) => {
    expect(vndInWords(n)).toBe(words);
  });

  it('refuses negative and fractional amounts', () => {
    expect(() => integerToVietnamese(-1)).toThrow();
    expect(() => integerToVietnamese(1.5)).toThrow();
  });
});
