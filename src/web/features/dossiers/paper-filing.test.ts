import { describe, expect, it } from 'vitest';
import type { FeeItem, RequiredDocument } from '../../../contracts/procedures';
import { missingDocuments } from './attachments';
import {
  counterFeeItems,
  intakeProblems,
  NATIONAL_ID_PATTERN,
  normalizeNationalId,
  paperDocuments,
  receivingUnits,
} from './paper-filing';

const doc = (code: string, required: boolean, replaceableByRegistry = false): RequiredDocument => ({
  code,
  nameVi: code,
  nameEn: code,
  required,
  replaceableByRegistry,
  noteVi: 'online note',
  noteEn: 'online note',
});
const problem = (field: string) => ({ field, code: 'X', messageVi: `vi ${field}`, messageEn: `en ${field}` });

describe('the applicant ID number typed at the counter', () => {
  it.each([
    ['001090000301', '001090000301', true],
    ['001 090 000 301', '001090000301', true],
    [' 001090000301 ', '001090000301', true],
    ['00109000030', '00109000030', false],
    ['0010900003011', '0010900003011', false],
    ['00109000030A', '00109000030A', false],
    [undefined, '', false],
  ])('%o is taken as %o (valid: %s)', (typed, normalized, valid) => {
    expect(normalizeNationalId(typed)).toBe(normalized);
    expect(NATIONAL_ID_PATTERN.test(normalizeNationalId(typed))).toBe(valid);
  });
});

describe('the receiving communes of an officer', () => {
  const units = [
    { code: '12', level: 'province' as const, fullName: 'Tỉnh Lai Châu' },
    { code: '03445', level: 'commune' as const, fullName: 'Xã Mường Tè' },
    { code: '03388', level: 'commune' as const, fullName: 'Phường Đoàn Kết' },
    { code: '03451', level: 'commune' as const, fullName: 'Xã Mù Cả' },
  ];
  it('are the communes where the session allows entering a dossier, by name; a province is not a receiving unit', () => {
    expect(receivingUnits(['03445', '03388', '12'], units)).toEqual([
      { code: '03388', name: 'Phường Đoàn Kết' },
      { code: '03445', name: 'Xã Mường Tè' },
    ]);
  });
  it('are none for a unit no longer in force or no grant at all', () => {
    expect(receivingUnits(['99999'], units)).toEqual([]);
    expect(receivingUnits([], units)).toEqual([]);
  });
});

describe('the documents of a paper filing', () => {
  const documents = [
    doc('ct01', true),
    doc('lawful_dwelling', true),
    doc('birth_certificate', true, true),
    doc('written_consent', false),
  ];
  it('never require the paper form the officer types in, and describe it for the counter', () => {
    const paper = paperDocuments(documents, 'CT01', 'typed above');
    expect(paper.find((d) => d.code === 'ct01')).toMatchObject({
      required: false,
      noteVi: 'typed above',
      noteEn: 'typed above',
    });
    expect(paper.find((d) => d.code === 'lawful_dwelling')).toEqual(documents[1]);
    // Only the proof of the dwelling must be scanned: the registry replaces the birth certificate.
    expect(missingDocuments(paper, {})).toEqual(['lawful_dwelling']);
  });
  it('match a form code written with a dash (TK-KHAI-SINH → tk_khai_sinh), and leave all as they are without a form code', () => {
    expect(paperDocuments([doc('tk_khai_sinh', true)], 'TK-KHAI-SINH', 'n')[0]?.required).toBe(false);
    expect(paperDocuments(documents, null, 'n')).toEqual(documents);
  });
});

describe('the fee collected at the counter', () => {
  const item = (code: string, basis: FeeItem['basis'], direct: number, online: number): FeeItem => ({
    code,
    labelVi: code,
    labelEn: code,
    basis,
    direct,
    online,
  });
  it('is the direct rate of each item that charges one', () => {
    expect(
      counterFeeItems([
        item('standard', 'per_dossier', 15_000, 7_000),
        item('list', 'per_person', 10_000, 5_000),
        item('free_online', 'per_dossier', 0, 0),
      ]),
    ).toEqual([
      { code: 'standard', labelVi: 'standard', labelEn: 'standard', basis: 'per_dossier', amount: 15_000 },
      { code: 'list', labelVi: 'list', labelEn: 'list', basis: 'per_person', amount: 10_000 },
    ]);
  });
});

describe('server problems about step 1', () => {
  it('go to the ID number, the commune or the procedure; others are left to the alert', () => {
    const intake = intakeProblems([
      problem('applicantNationalId'),
      problem('unitCode'),
      problem('procedureVersionId'),
      problem('channel'),
    ]);
    expect(intake.map((p) => [p.input, p.messageVi])).toEqual([
      ['nationalId', 'vi applicantNationalId'],
      ['unitCode', 'vi unitCode'],
      ['procedureCode', 'vi procedureVersionId'],
    ]);
  });
});
