import { describe, expect, it } from 'vitest';
import { isCalendarDate, parseListDate } from './dates';

const opts = { referenceYear: 2026 };

describe('reading birth dates as lists write them', () => {
  it.each([
    ['dd/mm/yyyy', '25/03/1990', { year: 1990, month: 3, day: 25 }, 'dmy'],
    ['d/m/yyyy', '5/3/1990', { year: 1990, month: 3, day: 5 }, 'dmy'],
    ['dd-mm-yyyy', '25-03-1990', { year: 1990, month: 3, day: 25 }, 'dmy'],
    ['dd.mm.yyyy', '25.03.1990', { year: 1990, month: 3, day: 25 }, 'dmy'],
    ['yyyy-mm-dd', '1990-03-25', { year: 1990, month: 3, day: 25 }, 'ymd'],
    ['yyyymmdd', '19900325', { year: 1990, month: 3, day: 25 }, 'ymd'],
    ['words', 'Ngày 25 tháng 3 năm 1990', { year: 1990, month: 3, day: 25 }, 'dmy'],
    ['an Excel serial', '32957', { year: 1990, month: 3, day: 25 }, 'excel_serial'],
    ['an Excel serial as a number', 32957, { year: 1990, month: 3, day: 25 }, 'excel_serial'],
    ['an Excel serial with decimals', '32957.0', { year: 1990, month: 3, day: 25 }, 'excel_serial'],
    ['a date cell', new Date(Date.UTC(1990, 2, 25)), { year: 1990, month: 3, day: 25 }, 'date_cell'],
  ])('reads %s', (_what, raw, date, form) => {
    const parsed = parseListDate(raw, opts);
    expect(parsed).toMatchObject({ kind: 'date', date, precision: 'day', form });
  });

  it('reads two-digit years around the reference year', () => {
    expect(parseListDate('5/3/90', opts)).toMatchObject({
      date: { year: 1990, month: 3, day: 5 },
      notes: ['two_digit_year'],
    });
    expect(parseListDate('5/3/21', opts)).toMatchObject({ date: { year: 2021 } });
    expect(parseListDate('5/3/27', opts)).toMatchObject({ date: { year: 1927 } });
  });

  it('returns the swapped reading as an alternative when both readings are dates', () => {
    const parsed = parseListDate('05/03/1990', opts);
    expect(parsed).toMatchObject({
      date: { year: 1990, month: 3, day: 5 },
      alternatives: [{ year: 1990, month: 5, day: 3 }],
    });
    expect(parseListDate('07/07/1990', opts)).toMatchObject({ alternatives: [] });
  });

  it('reads month-first when day-first is impossible, and says so', () => {
    expect(parseListDate('03/25/1990', opts)).toMatchObject({
      date: { year: 1990, month: 3, day: 25 },
      form: 'mdy',
      notes: ['day_month_swapped'],
      alternatives: [],
    });
  });

  it('reads a year alone and a month with its year at their precision', () => {
    expect(parseListDate('1958', opts)).toMatchObject({ date: { year: 1958 }, precision: 'year', form: 'year' });
    expect(parseListDate(1958, opts)).toMatchObject({ precision: 'year' });
    expect(parseListDate('năm 1958', opts)).toMatchObject({ precision: 'year' });
    expect(parseListDate('03/1958', opts)).toMatchObject({ date: { year: 1958, month: 3 }, precision: 'month' });
  });

  it.each(['31/02/1990', '32/13/1990', '25/03/2030', 'không rõ', '12', '1/1/1850', '2026-13-01'])(
    'refuses %s as invalid',
    (raw) => {
      expect(parseListDate(raw, opts)).toMatchObject({ kind: 'invalid' });
    },
  );

  it('tells an empty cell from an invalid one', () => {
    expect(parseListDate('  ', opts)).toEqual({ kind: 'missing' });
    expect(parseListDate(null, opts)).toEqual({ kind: 'missing' });
  });

  it('knows leap days', () => {
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
  });
});
