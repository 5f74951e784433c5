import { describe, expect, it } from 'vitest';
import { SECTORS } from '../../identity';
import { DATASET_TYPES, findDatasetType, readDate, readIdNumber, readSex, validateRow } from './index';
import { readField } from './values';

describe('dataset types', () => {
  it('lists the ten types of the issue, each owned by a known sector, with unique codes', () => {
    expect(DATASET_TYPES.map((t) => t.code)).toEqual([
      'health-insurance',
      'vaccination',
      'merit',
      'poor-households',
      'social-assistance',
      'children',
      'association-members',
      'household-businesses',
      'facilities-eid',
      'civil-status-records',
    ]);
    for (const t of DATASET_TYPES) expect(SECTORS).toContain(t.sector);
  });

  it('gives every field both labels and at least one header alias', () => {
    for (const t of DATASET_TYPES)
      for (const f of t.fields) {
        expect(f.labelVi && f.labelEn, `${t.code}.${f.key}`).toBeTruthy();
        expect(f.aliases.length, `${t.code}.${f.key}`).toBeGreaterThan(0);
      }
  });

  it('reads a valid health-insurance row into normalised values and its card key', () => {
    const row = validateRow(findDatasetType('health-insurance')!, {
      cardNumber: ' hs4121234567890 ',
      fullName: 'LÒ  VĂN   THUỶ',
      birthDate: '5/3/1990',
      sex: 'nữ',
      idNumber: "'012190000001",
      validFrom: '01/01/2026',
      validTo: '31/12/2026',
    });
    expect(row.errors).toEqual([]);
    expect(row.values).toMatchObject({
      cardNumber: 'HS4121234567890',
      birthDate: '1990-03-05',
      sex: 'female',
      idNumber: '012190000001',
      validTo: '2026-12-31',
    });
    expect(row.rowKey).toBe('card:HS4121234567890');
  });

  it('keeps every error of a bad row, bilingual and naming the field, and gives it no key', () => {
    const row = validateRow(findDatasetType('health-insurance')!, { fullName: 'A', birthDate: '31/02/1990', sex: 'x' });
    expect(row.errors.map((e) => e.field)).toEqual(['cardNumber', 'birthDate', 'sex']);
    expect(row.errors[1]!.vi).toContain('Ngày sinh');
    expect(row.errors[1]!.en).toContain('Date of birth');
    expect(row.rowKey).toBeNull();
  });

  it('applies a type’s rule across fields (a bank payment needs an account)', () => {
    const type = findDatasetType('social-assistance')!;
    const base = { fullName: 'Giàng A Pao', birthDate: '1950' };
    expect(validateRow(type, { ...base, paymentMethod: 'Chuyển khoản' }).errors.map((e) => e.field)).toEqual([
      'account',
    ]);
    expect(validateRow(type, { ...base, paymentMethod: 'TM' }).errors).toEqual([]);
    expect(validateRow(type, { ...base, paymentMethod: 'vàng' }).errors[0]!.en).toContain('not one of the allowed');
  });
});

describe('cell readers', () => {
  it.each([
    ['15/03/1990', '1990-03-15'],
    ['5/3/90', '1990-03-05'],
    ['05-03-2001', '2001-03-05'],
    ['05.03.2001', '2001-03-05'],
    ['2001-03-05', '2001-03-05'],
    ['1985', '1985'],
    ['32874', '1990-01-01'],
    ['3/4/05', '2005-04-03'],
    // Real only month first: day and month swapped (linking compares both readings of 3/4/05 too).
    ['03/25/1990', '1990-03-25'],
    ['3/1990', '1990-03'],
    ['19900325', '1990-03-25'],
    ['ngày 5 tháng 3 năm 1990', '1990-03-05'],
  ])('reads the date %s as %s', (text, iso) => {
    expect(readDate(text)).toEqual({ ok: true, value: iso });
  });

  it.each(['31/02/2000', '15/13/1990', 'hôm qua', '1/1/1800', '12/2000/1'])('refuses the date %s', (text) => {
    expect(readDate(text).ok).toBe(false);
  });

  it.each([
    ['Nam', 'male'],
    ['NỮ', 'female'],
    ['nu', 'female'],
    ['1', 'male'],
    ['0', 'female'],
  ])('reads the sex %s as %s', (text, sex) => {
    expect(readSex(text)).toEqual({ ok: true, value: sex });
  });

  it.each([
    ['012 190 000 001', '012190000001'],
    ['12190000001', '012190000001'],
    ['123456789', '123456789'],
  ])('reads the ID number %s as %s', (text, id) => {
    expect(readIdNumber(text)).toEqual({ ok: true, value: id });
  });

  it.each(['12345', 'abc012190000001', '0121900000011'])('refuses the ID number %s', (text) => {
    expect(readIdNumber(text).ok).toBe(false);
  });

  it('reads Vietnamese numbers and yes/no, and leaves a blank optional cell null', () => {
    const field = { key: 'n', labelVi: 'Số', labelEn: 'N', required: false, aliases: ['n'] };
    expect(readField({ ...field, kind: 'number' }, '1.234.567')).toEqual({ ok: true, value: 1234567 });
    expect(readField({ ...field, kind: 'number' }, '12,5')).toEqual({ ok: true, value: 12.5 });
    expect(readField({ ...field, kind: 'bool' }, 'Có')).toEqual({ ok: true, value: true });
    expect(readField({ ...field, kind: 'bool' }, 'chưa')).toEqual({ ok: true, value: false });
    expect(readField({ ...field, kind: 'text' }, '  ')).toEqual({ ok: true, value: null });
    expect(readField({ ...field, kind: 'text', required: true }, '').ok).toBe(false);
  });
});
