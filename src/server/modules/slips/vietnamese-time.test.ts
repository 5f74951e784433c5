import { describe, expect, it } from 'vitest';
import { dateTimeVi, dateVi, placeDateVi, workingDaysVi } from './vietnamese-time';

describe('Vietnamese date and time wording (Asia/Ho_Chi_Minh)', () => {
  it.each([
    ['2026-11-27T01:30:00Z', '08 giờ 30 phút, ngày 27 tháng 11 năm 2026'],
    ['2026-02-05T16:59:00Z', '23 giờ 59 phút, ngày 05 tháng 02 năm 2026'],
    ['2026-02-05T17:00:00Z', '00 giờ 00 phút, ngày 06 tháng 02 năm 2026'],
    ['2026-03-09T03:00:00Z', '10 giờ 00 phút, ngày 09 tháng 3 năm 2026'],
    ['2025-12-31T17:30:00Z', '00 giờ 30 phút, ngày 01 tháng 01 năm 2026'],
    ['2026-10-10T09:05:59Z', '16 giờ 05 phút, ngày 10 tháng 10 năm 2026'],
  ])('prints %s as "%s"', (iso, expected) => {
    expect(dateTimeVi(new Date(iso))).toBe(expected);
  });

  it.each([
    ['2026-01-01T00:00:00Z', 'ngày 01 tháng 01 năm 2026'],
    ['2026-02-28T10:00:00Z', 'ngày 28 tháng 02 năm 2026'],
    ['2026-09-02T10:00:00Z', 'ngày 02 tháng 9 năm 2026'],
    ['2026-12-31T16:59:59Z', 'ngày 31 tháng 12 năm 2026'],
  ])('writes the date of %s with Decree 30 zero padding: "%s"', (iso, expected) => {
    expect(dateVi(new Date(iso))).toBe(expected);
  });

  it('builds the place-and-date line in Vietnam time, not UTC', () => {
    expect(placeDateVi('Lai Châu', new Date('2026-11-26T18:00:00Z'))).toBe('Lai Châu, ngày 27 tháng 11 năm 2026');
  });

  it.each([
    [7, '07'],
    [12, '12'],
    [0.5, '0,5'],
    [2.5, '2,5'],
  ])('prints %d working days as "%s"', (days, expected) => {
    expect(workingDaysVi(days)).toBe(expected);
  });
});
