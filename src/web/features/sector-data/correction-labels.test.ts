import { describe, expect, it } from 'vitest';
import { CHANGE_REQUEST_STATE_CODES, CORRECTABLE_FIELD_CODES } from '../../../contracts/sector-corrections';
import { ApiError } from '../../api/client';
import { NAV_GROUPS, allows } from '../../shell/navigation';
import type { Me } from '../../../contracts/identity';
import { enSector as en } from './messages.en';
import { viSector as vi } from './messages.vi';
import {
  CORRECTABLE_FIELDS,
  REQUEST_STATES,
  REQUEST_STATE_KIND,
  correctableFieldKey,
  fieldProblems,
  hasGeneralProblem,
  isChangedMeanwhile,
  listCellOf,
  proposableFields,
  registryMovedOn,
  registryValueOf,
  requestStateKey,
  requestStateKind,
  showValue,
} from './correction-labels';

const sexWord = (s: 'male' | 'female') => (s === 'male' ? 'Nam' : 'Nữ');

describe('change request labels', () => {
  it('know every state and correctable field of the contract, named in Vietnamese and English', () => {
    expect([...REQUEST_STATES].sort()).toEqual([...CHANGE_REQUEST_STATE_CODES].sort());
    expect([...CORRECTABLE_FIELDS].sort()).toEqual([...CORRECTABLE_FIELD_CODES].sort());
    for (const key of [...REQUEST_STATES.map(requestStateKey), ...CORRECTABLE_FIELDS.map(correctableFieldKey)]) {
      expect(vi[key], key).toBeTruthy();
      expect(en[key], key).toBeTruthy();
    }
    expect(new Set(Object.values(REQUEST_STATE_KIND)).size).toBe(4);
    expect(requestStateKind('accepted')).toBe('ok');
    expect(requestStateKind('something_new')).toBe('neutral');
  });

  it('show the menu item to the commune police, to sector readers and importers, to no one else', () => {
    const item = NAV_GROUPS.flatMap((g) => g.items).find((i) => i.path === '/du-lieu-chuyen-nganh/dieu-chinh')!;
    const me = (actions: string[]): Me =>
      ({ authenticated: true, account: { kind: 'staff' }, actions }) as unknown as Me;
    expect(allows(me(['population.person.correct']), item)).toBe(true);
    expect(allows(me(['sector.read']), item)).toBe(true);
    expect(allows(me(['sector.import']), item)).toBe(true);
    expect(allows(me(['population.person.search', 'dossiers.read']), item)).toBe(false);
  });
});

describe('what a row may propose', () => {
  it.each([
    ['matched_with_discrepancies', ['name', 'birthDate', 'sex'], ['fullName', 'birthDate', 'sex']],
    ['matched_with_discrepancies', ['birthDate', 'unit', 'household'], ['birthDate']],
    ['matched_with_discrepancies', ['nationalId', 'legacyId', 'unit'], []], // IDs and residence: their own procedures
    ['id_belongs_to_someone_else', ['name', 'birthDate'], []], // the row is another person than the holder
    ['probable', ['sex'], []],
    ['matched', [], []],
  ])('a %s row differing in %j proposes %j', (outcome, disagreements, fields) => {
    expect(proposableFields(outcome, disagreements)).toEqual(fields);
  });

  const header = ['STT', 'Mã thẻ BHYT', 'HỌ VÀ TÊN', 'Ngày sinh', 'Giới tính'];
  const mapping = { fullName: 'Họ và tên', birthDate: 'Ngày sinh', sex: 'Giới tính', cardNumber: 'Mã thẻ BHYT' };
  const cells = ['1', 'DN4120000000001', 'Lò Thị Mai', '15/06/1990', 'Nữ'];

  it('reads the list’s value of a field from the column its mapping names, however the header is spelled', () => {
    expect(listCellOf('fullName', header, mapping, cells)).toBe('Lò Thị Mai');
    expect(listCellOf('birthDate', header, mapping, cells)).toBe('15/06/1990');
    expect(listCellOf('sex', header, { fullName: 'Họ và tên' }, cells)).toBeUndefined();
  });

  it('takes the registry’s value in the server’s form (a year alone when the date is not known)', () => {
    const person = { fullName: 'Lò Thị Mai', birthDate: '1990-03-15', birthYear: 1990, sex: 'female' };
    expect(registryValueOf('birthDate', person)).toBe('1990-03-15');
    expect(registryValueOf('birthDate', { ...person, birthDate: null })).toBe('1990');
    expect(registryValueOf('sex', person)).toBe('female');
    expect(registryValueOf('fullName', person)).toBe('Lò Thị Mai');
  });

  it.each([
    ['birthDate', '1990-06-15', '15/06/1990'],
    ['birthDate', '1990', '1990'],
    ['sex', 'female', 'Nữ'],
    ['sex', 'other', 'other'],
    ['fullName', 'Lò Thị Mai', 'Lò Thị Mai'],
    ['fullName', null, '—'],
  ] as const)('shows the %s value %j as %j', (field, value, shown) => {
    expect(showValue(field, value, sexWord)).toBe(shown);
  });
});

describe('a request’s answers', () => {
  it('says when the registry moved on since the proposal', () => {
    expect(registryMovedOn({ registryValue: '1990-03-15', currentValue: '1990-03-15' })).toBe(false);
    expect(registryMovedOn({ registryValue: '1990-03-15', currentValue: '1990-06-15' })).toBe(true);
  });

  const refusal = (status: number, fields: Array<{ field: string }>) =>
    new ApiError(
      status,
      'X',
      'vi',
      'en',
      undefined,
      fields.map((f) => ({ ...f, code: 'X', messageVi: `${f.field} (vi)`, messageEn: `${f.field} (en)` })),
    );

  it('asks for a reload on a 409 only', () => {
    expect(isChangedMeanwhile(refusal(409, []))).toBe(true);
    expect(isChangedMeanwhile(refusal(400, [{ field: 'evidence' }]))).toBe(false);
    expect(isChangedMeanwhile(undefined)).toBe(false);
  });

  it('puts each named field’s first problem under it, in the current language, and the rest above the form', () => {
    const error = refusal(400, [{ field: 'value' }, { field: 'value' }, { field: 'evidence' }]);
    expect(fieldProblems(error, (_vi, en) => en)).toEqual({ value: 'value (en)', evidence: 'evidence (en)' });
    expect(fieldProblems(error, (v) => v).value).toBe('value (vi)');
    expect(hasGeneralProblem(error, ['field', 'value', 'evidence'])).toBe(false);
    expect(hasGeneralProblem(refusal(400, [{ field: 'linkId' }]), ['field', 'value', 'evidence'])).toBe(true);
    expect(hasGeneralProblem(refusal(409, []), ['evidence'])).toBe(true);
    expect(hasGeneralProblem(undefined, ['evidence'])).toBe(false);
  });
});
