import { describe, it, expect } from 'vitest';
import { centurySexDigit, checkNationalId, decodeNationalId, isLegacyIdFormat, isSex, type Sex } from './id-number';

/** A small set of province codes built for the tests (Hà Nội, Điện Biên, Lai Châu, TP HCM). */
const PROVINCES: ReadonlySet<string> = new Set(['001', '011', '012', '079']);

describe('problem fields and messages', () => {
  const messageCases: {
    name: string;
    id: string;
    birthYear?: number;
    sex?: Sex;
    field: string;
    vi: RegExp;
    en: RegExp;
  }[] = [
    {
      name: 'a wrong length names the 12 digits',
      id: '0120950001',
      field: 'id',
      vi: /đúng 12 chữ số/,
      en: /exactly 12 digits/,
    },
    {
      name: 'whitespace is called out rather than stripped',
      id: '012095000123 ',
      field: 'id',
      vi: /dấu cách/,
      en: /spaces/,
    },
    { name: 'letters are called out', id: '0120950001x3', field: 'id', vi: /chữ số 0–9/, en: /only the digits/ },
    {
      name: 'a legacy CMND points to the legacy field',
      id: '040123456',
      field: 'id',
      vi: /Chứng minh nhân dân/,
      en: /legacy CMND field/,
    },
    {
      name: 'a sex mismatch points at the sex field',
      id: '012095000123',
      sex: 'female',
      field: 'sex',
      vi: /giới tính/,
      en: /declared sex/,
    },
    {
      name: 'a year mismatch points at the date of birth',
      id: '012095000123',
      birthYear: 1990,
      field: 'birthDate',
      vi: /năm sinh/,
      en: /birth year/,
    },
  ];
  it.each(messageCases)('$name', (c) => {
    const [first] = checkNationalId({ id: c.id, birthYear: c.birthYear, sex: c.sex }, PROVINCES).problems;
    expect(first?.field).toBe(c.field);
    expect(first?.messageVi).toMatch(c.vi);
    expect(first?.messageEn).toMatch(c.en);
  });
});

describe('decodeNationalId', () => {
  it('returns no decoded value when the format is wrong', () => {
    expect(decodeNationalId('12345', PROVINCES)).toEqual({
      problems: [expect.objectContaining({ code: 'ID.FORMAT' })],
    });
  });
  it('does not judge plausibility of the year unless a current year is given', () => {
    expect(decodeNationalId('012400000001', PROVINCES).problems).toEqual([]);
  });
});

describe('centurySexDigit', () => {
  const digitCases: { birthYear: number; sex: Sex; digit: string }[] = [
    { birthYear: 1900, sex: 'male', digit: '0' },
    { birthYear: 1999, sex: 'female', digit: '1' },
    { birthYear: 2000, sex: 'male', digit: '2' },
    { birthYear: 2026, sex: 'female', digit: '3' },
    { birthYear: 2150, sex: 'male', digit: '4' },
    { birthYear: 2199, sex: 'female', digit: '5' },
    { birthYear: 2200, sex: 'male', digit: '6' },
    { birthYear: 2250, sex: 'female', digit: '7' },
    { birthYear: 2300, sex: 'male', digit: '8' },
    { birthYear: 2399, sex: 'female', digit: '9' },
  ];
  it.each(digitCases)('gives $digit for a $sex born in $birthYear', ({ birthYear, sex, digit }) => {
    expect(centurySexDigit(birthYear, sex)).toBe(digit);
  });

  it.each([1899, 2400, 1995.5])('refuses to encode birth year %s', (year) => {
    expect(() => centurySexDigit(year, 'male')).toThrow(RangeError);
  });

  it('round-trips through the decoder for every century and both sexes', () => {
    for (const birthYear of [1900, 1957, 2000, 2031, 2100, 2288, 2399]) {
      for (const sex of ['male', 'female'] as const) {
        const id = `012${centurySexDigit(birthYear, sex)}${String(birthYear % 100).padStart(2, '0')}123456`;
        expect(checkNationalId({ id, birthYear, sex }, PROVINCES)).toMatchObject({
          valid: true,
          decoded: { birthYear, sex },
        });
      }
    }
  });
});

describe('isLegacyIdFormat and isSex', () => {
  it.each([
    ['040123456', true],
    ['012095000123', false],
    ['04012345', false],
    ['04012345A', false],
    [' 040123456', false],
  ] as const)('treats %j as legacy CMND: %s', (id, expected) => {
    expect(isLegacyIdFormat(id)).toBe(expected);
  });

  it.each([
    ['male', true],
    ['female', true],
    ['Nam', false],
    [undefined, false],
  ] as const)('recognises %j as a sex value: %s', (value, expected) => {
    expect(isSex(value)).toBe(expected);
  });
});
