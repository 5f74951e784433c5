import { describe, expect, it } from 'vitest';
import type { ProcedureForm } from '../../../contracts/procedures';
import { expandForm } from './form-template';

const template: ProcedureForm = {
  formCode: 'T',
  titleVi: 'Tờ khai',
  titleEn: 'Form',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['a', 'b'],
    properties: { a: { type: 'string', maxLength: 10 }, b: { type: 'string', maxLength: 10 } },
  },
  sections: [
    { key: 'first', titleVi: 'Một', titleEn: 'One', fields: ['a'] },
    { key: 'second', titleVi: 'Hai', titleEn: 'Two', fields: ['b'] },
  ],
  fields: {
    a: { labelVi: 'A', labelEn: 'A', source: 'typed', path: null, editable: true, widget: 'text' },
    b: { labelVi: 'B', labelEn: 'B', source: 'typed', path: null, editable: true, widget: 'text' },
  },
};

const place = {
  section: { key: 'place', titleVi: 'Nơi', titleEn: 'Place', fields: ['commune'] },
  properties: { commune: { type: 'string', pattern: '^[0-9]{5}$' } },
  fields: {
    commune: {
      labelVi: 'Xã',
      labelEn: 'Commune',
      source: 'typed' as const,
      path: null,
      editable: true,
      widget: 'commune' as const,
    },
  },
  required: ['commune'],
};

describe('expandForm (a reference form written as a template plus changes)', () => {
  it('puts an added section before the section it names, with its required fields, and carries the form-level references', () => {
    const form = expandForm(
      {
        template: 'T',
        omit: ['b'],
        extraSections: [{ ...place, before: 'first' }],
        receivingUnitField: 'commune',
        householdHeadCheck: { nationalIdField: 'a', communeField: 'commune' },
      },
      { T: template },
    );
    expect(form.sections.map((s) => s.key)).toEqual(['place', 'first']);
    expect(form.schema.required).toEqual(['a', 'commune']);
    expect(form.receivingUnitField).toBe('commune');
    expect(form.householdHeadCheck).toEqual({ nationalIdField: 'a', communeField: 'commune' });
  });

  it('adds a section at the end by default, and refuses a "before" naming no section', () => {
    expect(expandForm({ template: 'T', extraSections: [place] }, { T: template }).sections.map((s) => s.key)).toEqual([
      'first',
      'second',
      'place',
    ]);
    expect(() => expandForm({ template: 'T', extraSections: [{ ...place, before: 'nope' }] }, { T: template })).toThrow(
      /no section nope/,
    );
  });
});
