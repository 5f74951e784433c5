import { describe, expect, it } from 'vitest';
import { formatVnd, groupVndAmounts } from './fees';

describe('formatVnd', () => {
  it.each([
    [0, '0 đồng', '0 VND'],
    [500, '500 đồng', '500 VND'],
    [7000, '7.000 đồng', '7,000 VND'],
    [15000, '15.000 đồng', '15,000 VND'],
    [1_234_567, '1.234.567 đồng', '1,234,567 VND'],
    [-7000, '-7.000 đồng', '-7,000 VND'],
  ])('writes %d as "%s" / "%s"', (amount, vi, en) => {
    expect(formatVnd(amount, 'vi')).toBe(vi);
    expect(formatVnd(amount, 'en')).toBe(en);
  });

  it("groups exactly as Intl.NumberFormat('vi-VN') does", () => {
    for (const n of [1000, 99_999, 100_000, 2_000_000_000])
      expect(formatVnd(n, 'vi')).toBe(`${new Intl.NumberFormat('vi-VN').format(n)} đồng`);
  });
});

describe('groupVndAmounts', () => {
  it.each([
    ['Thanh toán trực tuyến: 7000 đồng', 'Thanh toán trực tuyến: 7.000 đồng'],
    ['Chuyển khoản VietQR: 15000 đồng', 'Chuyển khoản VietQR: 15.000 đồng'],
    ['Hoàn 1234567 đồng', 'Hoàn 1.234.567 đồng'],
    ['Hoàn 500 đồng', 'Hoàn 500 đồng'],
    ['Đã nhận 7.000 đồng', 'Đã nhận 7.000 đồng'],
    ['Số tiền 7000 khác 8000 đồng', 'Số tiền 7000 khác 8.000 đồng'],
  ])('turns "%s" into "%s"', (text, expected) => {
    expect(groupVndAmounts(text)).toBe(expected);
  });
});
