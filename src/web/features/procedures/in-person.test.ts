import { describe, expect, it } from 'vitest';
import { inPersonFields, inPersonRuleMet } from './in-person';

const rule = {
  field: 'supervisionStatus',
  values: ['criminal_procedure', 'administrative_measure'],
  reasonVi: 'Phải khai báo trực tiếp',
  reasonEn: 'Must declare in person',
  legalBasis: 'khoản 2, 3 Điều 31 Luật Cư trú số 68/2020/QH14',
};

describe('in-person rules in the web form (Residence Law 2020 Art. 31(2)(3))', () => {
  it.each([
    ['criminal_procedure', true],
    ['administrative_measure', true],
    ['long_absence', false],
    [undefined, false],
  ])('answer %s → rule met: %s', (value, met) => {
    expect(inPersonRuleMet({ inPersonOnly: [rule] }, 'supervisionStatus', value) !== undefined).toBe(met);
  });

  it('watches only the fields the rules name; a form without rules has none', () => {
    expect(inPersonFields({ inPersonOnly: [rule, { ...rule, values: ['x'] }] })).toEqual(['supervisionStatus']);
    expect(inPersonFields({})).toEqual([]);
    expect(inPersonRuleMet({}, 'supervisionStatus', 'criminal_procedure')).toBeUndefined();
    expect(inPersonRuleMet({ inPersonOnly: [rule] }, 'other', 'criminal_procedure')).toBeUndefined();
  });
});
