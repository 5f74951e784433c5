import { describe, expect, it } from 'vitest';
import { idSays, oneTypingSlipApart, parseIdNumber, parseSex } from './fields';

describe('sex in words or codes', () => {
  it.each([
    ['Nam', 'male'],
    ['NAM', 'male'],
    ['nam giới', 'male'],
    ['1', 'male'],
    [1, 'male'],
    ['M', 'male'],
    ['Nữ', 'female'],
    ['NỮ', 'female'],
    ['nu', 'female'],
    ['0', 'female'],
    [0, 'female'],
    ['2', 'female'],
    ['F', 'female'],
    ['Nữ'.normalize('NFD'), 'female'],
    ['', undefined],
    ['x', undefined],
    [null, undefined],
  ])('reads %j as %s', (raw, sex) => {
    expect(parseSex(raw)).toBe(sex);
  });
});

describe('identity numbers', () => {
  it('accepts a 12-digit number with a known province code', () => {
    expect(parseIdNumber('012090001234')).toEqual({ kind: 'personal_id', value: '012090001234' });
  });

  it('removes spaces, dots and the leading apostrophe, and says so', () => {
    expect(parseIdNumber("'012 090 001 234")).toEqual({
      kind: 'personal_id',
      value: '012090001234',
      repaired: 'separators',
    });
    expect(parseIdNumber('012.090.001.234')).toMatchObject({ value: '012090001234' });
  });

  it('restores the leading 0 a spreadsheet dropped', () => {
    expect(parseIdNumber('12090001234')).toEqual({
      kind: 'personal_id',
      value: '012090001234',
      repaired: 'leading_zero',
    });
    expect(parseIdNumber(12090001234)).toMatchObject({ value: '012090001234' });
  });

  it('recognises an old 9-digit CMND as such', () => {
    expect(parseIdNumber('045123456')).toEqual({ kind: 'legacy_cmnd', value: '045123456' });
  });

  it.each([
    ['999090001234', 'province_unknown'],
    ['99090001234', 'province_unknown'],
    ['0120900012', 'format'],
    ['CCCD 0120', 'format'],
    ['1.2009E+11', 'scientific_notation'],
  ])('refuses %s (%s)', (raw, reason) => {
    expect(parseIdNumber(raw)).toMatchObject({ kind: 'invalid', reason });
  });

  it('tells an empty cell apart', () => {
    expect(parseIdNumber(' ')).toEqual({ kind: 'missing' });
  });

  it('decodes sex and birth year from digits 4–6', () => {
    expect(idSays('012190001234')).toEqual({ sex: 'female', birthYear: 1990 });
    expect(idSays('012205001234')).toEqual({ sex: 'male', birthYear: 2005 });
  });

  it('finds one typing slip: one digit or two adjacent digits swapped', () => {
    expect(oneTypingSlipApart('012090001234', '012090001239')).toBe(true);
    expect(oneTypingSlipApart('012090001234', '012090002134')).toBe(true);
    expect(oneTypingSlipApart('012090001234', '012090001243')).toBe(true);
    expect(oneTypingSlipApart('012090001234', '012090004321')).toBe(false);
    expect(oneTypingSlipApart('012090001234', '012090001234')).toBe(false);
  });
});
