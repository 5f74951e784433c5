import { describe, expect, it } from 'vitest';
import { taxCheckDigit, TaxCodeAllocator } from './contacts';
import { dayToIso, isoToDay } from './dates';
import { adultCard, cardExpiry, centurySexDigit, NationalIdAllocator } from './identity';
import { Rng } from './random';

describe('personal ID numbers', () => {
  it.each([
    [1985, 'male', 0],
    [1985, 'female', 1],
    [2003, 'male', 2],
    [2003, 'female', 3],
    [2100, 'male', 4],
    [2399, 'female', 9],
    [1899, 'male', null],
    [2400, 'female', null],
  ] as const)('encodes the century and sex of a birth in %i (%s) as %s', (year, sex, digit) => {
    expect(centurySexDigit(year, sex)).toBe(digit);
  });

  it('issues unique 12-digit numbers whose digits 1–6 follow the birth registration, sex and year', () => {
    const ids = new NationalIdAllocator(7);
    const issued = Array.from({ length: 5000 }, (_, i) =>
      ids.issue(i % 3 ? '012' : '034', i % 2 ? 'female' : 'male', 1990 + (i % 3)),
    );
    expect(new Set(issued).size).toBe(issued.length);
    expect(issued[0]).toMatch(/^034090\d{6}$/);
    expect(issued[1]).toMatch(/^012191\d{6}$/);
    expect(ids.issue('012', 'male', 1888)).toBeNull();
  });
});

describe('ID cards (Identity Law 26/2023: renewal at 14, 25, 40, 60)', () => {
  it.each([
    ['2000-05-10', '2021-03-01', '2025-05-10'],
    ['2000-05-10', '2023-06-01', '2040-05-10'],
    ['1970-01-15', '2021-05-01', '2030-01-15'],
    ['1965-02-01', '2023-03-01', null],
    ['2015-01-01', '2024-08-01', '2029-01-01'],
    ['2012-03-01', '2024-08-01', '2037-03-01'],
  ])('gives a card of someone born %s and issued %s an expiry of %s', (birth, issued, expiry) => {
    const result = cardExpiry(isoToDay(birth), isoToDay(issued));
    expect(result === null ? null : dayToIso(result)).toBe(expiry);
  });

  it('issues adult cards after the 14th birthday that are still valid on the reference date', () => {
    const rng = new Rng('cards');
    const ref = isoToDay('2026-06-30');
    for (let i = 0; i < 2000; i++) {
      const birth = ref - rng.int(14 * 366, 90 * 365);
      const card = adultCard(rng, birth, ref);
      expect(card.issuedDay).toBeLessThanOrEqual(ref);
      expect(dayToIso(card.issuedDay) >= `${Number(dayToIso(birth).slice(0, 4)) + 14}${dayToIso(birth).slice(4)}`).toBe(
        true,
      );
      expect(card.kind).toBe(card.issuedDay < isoToDay('2024-07-01') ? 'cccd_chip' : 'can_cuoc');
      if (card.expiresDay !== null) expect(card.expiresDay).toBeGreaterThan(ref);
    }
  });
});

describe('tax codes', () => {
  it.each([
    ['010023348', 8],
    ['031440905', 8],
  ])('computes the MST check digit of %s as %i', (body, digit) => {
    expect(taxCheckDigit(body)).toBe(digit);
  });

  it('issues distinct 10-digit codes with a valid check digit', () => {
    const taxes = new TaxCodeAllocator(3);
    const codes = Array.from({ length: 3000 }, () => taxes.issue());
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(Number(code[9])).toBe(taxCheckDigit(code.slice(0, 9)));
  });
});
