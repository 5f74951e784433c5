import { describe, expect, it } from 'vitest';
import { compareDates, compareNames, discrepancies } from './compare';
import { fromIso, parseListDate } from './dates';
import { nameForms } from './names';

const date = (raw: string) => parseListDate(raw, { referenceYear: 2026 });

describe('birth-date agreement levels', () => {
  it.each([
    ['25/03/1990', '1990-03-25', 'exact'],
    ['05/03/1990', '1990-05-03', 'swapped'],
    ['03/25/1990', '1990-03-25', 'swapped'],
    ['25/03/1991', '1990-03-25', 'typo'],
    ['24/03/1990', '1990-03-25', 'typo'],
    ['01/04/1990', '1990-03-31', 'typo'],
    ['1990', '1990-03-25', 'year_only'],
    ['03/1990', '1990-03-25', 'year_only'],
    ['04/1990', '1990-03-25', 'same_year'],
    ['17/08/1990', '1990-03-25', 'same_year'],
    ['17/08/1975', '1990-03-25', 'different'],
    ['', '1990-03-25', 'missing'],
    ['not a date', '1990-03-25', 'missing'],
  ])('%s against %s is %s', (raw, reg, level) => {
    expect(compareDates(date(raw), fromIso(reg))).toBe(level);
  });

  it('compares with a person known by year only', () => {
    expect(compareDates(date('12/06/1950'), { year: 1950 })).toBe('year_only');
    expect(compareDates(date('12/06/1951'), { year: 1950 })).toBe('different');
  });
});

describe('name agreement levels', () => {
  it.each([
    ['Lò Thị Hòa', 'Lò Thị Hoà', 'exact'],
    ['Lí A Sử', 'Lý A Sử', 'exact'],
    ['LO THI HOA', 'Lò Thị Hoà', 'unaccented'],
    ['Lò Thị Hóa', 'Lò Thị Hoà', 'folded'],
    ['Hua Bun', 'Hua Bum', 'phonetic'],
    ['Lò Thị Hoan', 'Lò Thị Hoa', 'close'],
    ['Lò Thị Mai', 'Lò Thị Mao', 'different'],
    ['Giàng A Páo', 'Lò Văn Minh', 'different'],
  ])('%s against %s is %s', (a, b, level) => {
    expect(compareNames(nameForms(a), nameForms(b))).toBe(level);
  });

  it('is missing without a row name', () => {
    expect(compareNames(undefined, nameForms('Lò Văn Minh'))).toBe('missing');
  });
});

describe('discrepancies', () => {
  it('names the fields that differ, not those written differently', () => {
    expect(
      discrepancies({
        name: 'unaccented',
        birthDate: 'swapped',
        sex: 'disagree',
        unit: 'agree',
        household: 'missing',
        nationalId: 'typo',
        legacyId: 'missing',
      }),
    ).toEqual(['sex', 'nationalId']);
  });
});
