import { describe, it, expect } from 'vitest';
import { checkNationalId, type IdProblemCode, type Sex } from './id-number';

/** A small set of province codes built for the tests (Hà Nội, Điện Biên, Lai Châu, TP HCM). */
const PROVINCES: ReadonlySet<string> = new Set(['001', '011', '012', '079']);

interface Case {
  name: string;
  id: string;
  birthYear?: number;
  sex?: Sex;
  currentYear?: number;
  valid: boolean;
  codes: IdProblemCode[];
  decoded?: { provinceCode: string; sex: Sex; birthYear: number; serial: string };
}

const cases: Case[] = [
  {
    name: 'accepts a man born in 1995 whose birth was registered in Lai Châu',
    id: '012095000123',
    birthYear: 1995,
    sex: 'male',
    valid: true,
    codes: [],
    decoded: { provinceCode: '012', sex: 'male', birthYear: 1995, serial: '000123' },
  },
  {
    name: 'accepts a woman born in 1995 (4th digit 1)',
    id: '012195000456',
    birthYear: 1995,
    sex: 'female',
    valid: true,
    codes: [],
    decoded: { provinceCode: '012', sex: 'female', birthYear: 1995, serial: '000456' },
  },
  {
    name: 'accepts a man born in 1900, the first encodable year',
    id: '001000000001',
    birthYear: 1900,
    sex: 'male',
    valid: true,
    codes: [],
    decoded: { provinceCode: '001', sex: 'male', birthYear: 1900, serial: '000001' },
  },
  {
    name: 'accepts a man born in 2005 in Hà Nội (4th digit 2)',
    id: '001205001234',
    birthYear: 2005,
    sex: 'male',
    valid: true,
    codes: [],
    decoded: { provinceCode: '001', sex: 'male', birthYear: 2005, serial: '001234' },
  },
  {
    name: 'accepts a woman born in 2010 in TP HCM (4th digit 3)',
    id: '079310123456',
    birthYear: 2010,
    sex: 'female',
    valid: true,
    codes: [],
    decoded: { provinceCode: '079', sex: 'female', birthYear: 2010, serial: '123456' },
  },
  {
    name: 'decodes a man born in 2100 (4th digit 4)',
    id: '011400000001',
    birthYear: 2100,
    sex: 'male',
    valid: true,
    codes: [],
    decoded: { provinceCode: '011', sex: 'male', birthYear: 2100, serial: '000001' },
  },
  {
    name: 'decodes a woman born in 2101 (4th digit 5)',
    id: '012501000002',
    birthYear: 2101,
    sex: 'female',
    valid: true,
    codes: [],
    decoded: { provinceCode: '012', sex: 'female', birthYear: 2101, serial: '000002' },
  },
  {
    name: 'decodes a woman born in 2399, the last encodable year (4th digit 9)',
    id: '001999999999',
    valid: true,
    codes: [],
    decoded: { provinceCode: '001', sex: 'female', birthYear: 2399, serial: '999999' },
  },
  {
    name: 'accepts a well-formed number when no birth year or sex is declared',
    id: '012095000123',
    valid: true,
    codes: [],
  },
  { name: 'rejects a number with 11 digits', id: '01209500012', valid: false, codes: ['ID.FORMAT'] },
  { name: 'rejects a number with 13 digits', id: '0120950001234', valid: false, codes: ['ID.FORMAT'] },
  { name: 'rejects a number containing a letter', id: '01209500012A', valid: false, codes: ['ID.FORMAT'] },
  { name: 'rejects full-width digits', id: '０１２０９５０００１２３', valid: false, codes: ['ID.FORMAT'] },
  { name: 'rejects a leading space instead of stripping it', id: ' 012095000123', valid: false, codes: ['ID.FORMAT'] },
  { name: 'rejects digits grouped with spaces', id: '012 095 000 123', valid: false, codes: ['ID.FORMAT'] },
  { name: 'rejects an empty number', id: '', valid: false, codes: ['ID.FORMAT'] },
  { name: 'rejects a 9-digit legacy CMND number', id: '040123456', valid: false, codes: ['ID.FORMAT'] },
  {
    name: 'rejects an unknown province code but still decodes the rest',
    id: '099095000123',
    birthYear: 1995,
    sex: 'male',
    valid: false,
    codes: ['ID.PROVINCE_UNKNOWN'],
    decoded: { provinceCode: '099', sex: 'male', birthYear: 1995, serial: '000123' },
  },
  {
    name: 'reports a sex mismatch when a man’s digit is declared female',
    id: '012095000123',
    birthYear: 1995,
    sex: 'female',
    valid: false,
    codes: ['ID.SEX_MISMATCH'],
  },
  {
    name: 'reports a sex mismatch when a woman’s digit is declared male',
    id: '012305000123',
    birthYear: 2005,
    sex: 'male',
    valid: false,
    codes: ['ID.SEX_MISMATCH'],
  },
  {
    name: 'reports a birth-year mismatch when digits 5–6 differ from the declared year',
    id: '012095000123',
    birthYear: 1996,
    sex: 'male',
    valid: false,
    codes: ['ID.BIRTH_YEAR_MISMATCH'],
  },
  {
    name: 'reports a century mismatch for someone born in 1995 with 4th digit 2',
    id: '012295000123',
    birthYear: 1995,
    sex: 'male',
    valid: false,
    codes: ['ID.CENTURY_MISMATCH'],
  },
  {
    name: 'reports both year and century when the number says 2005 and the person was born 1995',
    id: '012205000123',
    birthYear: 1995,
    sex: 'male',
    valid: false,
    codes: ['ID.BIRTH_YEAR_MISMATCH', 'ID.CENTURY_MISMATCH'],
  },
  {
    name: 'reports that a birth year before 1900 cannot be encoded',
    id: '012099000123',
    birthYear: 1899,
    sex: 'male',
    valid: false,
    codes: ['ID.CENTURY_SEX_DIGIT'],
  },
  {
    name: 'reports a 4th digit that implies a birth year after the current year when one is given',
    id: '012400000001',
    currentYear: 2026,
    valid: false,
    codes: ['ID.CENTURY_SEX_DIGIT'],
  },
  {
    name: 'reports every problem at once: unknown province, sex and year',
    id: '098195000123',
    birthYear: 1994,
    sex: 'male',
    valid: false,
    codes: ['ID.PROVINCE_UNKNOWN', 'ID.SEX_MISMATCH', 'ID.BIRTH_YEAR_MISMATCH'],
  },
];

describe('checkNationalId', () => {
  it.each(cases)('$name', (c) => {
    const options = c.currentYear === undefined ? {} : { currentYear: c.currentYear };
    const result = checkNationalId({ id: c.id, birthYear: c.birthYear, sex: c.sex }, PROVINCES, options);
    expect(result.valid).toBe(c.valid);
    expect(result.problems.map((p) => p.code)).toEqual(c.codes);
    if (c.decoded) expect(result.decoded).toEqual(c.decoded);
    for (const p of result.problems) {
      expect(p.messageVi.length).toBeGreaterThan(10);
      expect(p.messageEn.length).toBeGreaterThan(10);
    }
  });
});
