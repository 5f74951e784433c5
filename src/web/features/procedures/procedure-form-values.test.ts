import { describe, expect, it } from 'vitest';
import type { ProcedureForm } from '../../../contracts/procedures';
import {
  dayTextToIso,
  fromFormValues,
  isFormPath,
  isoToDayText,
  namePath,
  toFormValues,
  typedRemaining,
} from './procedure-form-values';

const form: ProcedureForm = {
  formCode: null,
  titleVi: 'Thử',
  titleEn: 'Test',
  schema: { type: 'object', additionalProperties: false, properties: {} },
  sections: [{ key: 'a', titleVi: 'A', titleEn: 'A', fields: ['name', 'born', 'agree', 'members'] }],
  fields: {
    name: { labelVi: 'Tên', labelEn: 'Name', source: 'typed', path: null, editable: true, widget: 'text' },
    born: { labelVi: 'Ngày sinh', labelEn: 'Born', source: 'typed', path: null, editable: true, widget: 'date' },
    agree: { labelVi: 'Đồng ý', labelEn: 'Agree', source: 'typed', path: null, editable: true, widget: 'checkbox' },
    members: {
      labelVi: 'Thành viên',
      labelEn: 'Members',
      source: 'registry.household',
      path: 'members',
      editable: true,
      widget: 'table',
      columns: [
        { key: 'fullName', labelVi: 'Họ tên', labelEn: 'Name', widget: 'text', editable: false },
        { key: 'birthDate', labelVi: 'Ngày sinh', labelEn: 'Born', widget: 'date', editable: false },
      ],
    },
  },
};

describe('form values between the API and the form', () => {
  it('turns ISO dates into dd/mm/yyyy and back, in tables too, and keys the rows', () => {
    const ui = toFormValues(form, {
      name: 'Lò Thị Mai',
      born: '1990-03-15',
      members: [{ fullName: 'Lò Văn Sơn', birthDate: '1988-07-01' }],
    });
    expect(ui.born).toBe('15/03/1990');
    expect((ui.members as Array<Record<string, unknown>>)[0]).toEqual({
      fullName: 'Lò Văn Sơn',
      birthDate: '01/07/1988',
      _key: 0,
    });
    expect(fromFormValues(form, ui)).toEqual({
      name: 'Lò Thị Mai',
      born: '1990-03-15',
      members: [{ fullName: 'Lò Văn Sơn', birthDate: '1988-07-01' }],
    });
  });

  it('leaves out empty inputs, trims text, drops empty rows and keys the form does not have', () => {
    expect(
      fromFormValues(form, {
        name: '  ',
        born: null,
        agree: false,
        members: [{ fullName: ' An ' }, {}, { birthDate: undefined }],
        hacker: 'x',
      }),
    ).toEqual({
      agree: false,
      members: [{ fullName: 'An' }],
    });
  });

  it('reads a date typed the ways people write it, and refuses a day that does not exist', () => {
    expect(dayTextToIso('05/09/1990')).toBe('1990-09-05');
    expect(dayTextToIso('5/9/1990')).toBe('1990-09-05');
    expect(dayTextToIso('05.09.1990')).toBe('1990-09-05');
    expect(dayTextToIso('05091990')).toBe('1990-09-05');
    expect(dayTextToIso('29/02/2023')).toBeUndefined();
    expect(dayTextToIso('1990-09-05')).toBeUndefined();
    expect(isoToDayText('2015-06-01')).toBe('01/06/2015');
    expect(fromFormValues(form, { born: '31/02/2020' })).toEqual({ born: '31/02/2020' }); // left for the check to name
  });

  it('maps server field paths to name paths and knows which are on the form', () => {
    expect(namePath('members.1.birthDate')).toEqual(['members', 1, 'birthDate']);
    expect(isFormPath(form, 'members.1.birthDate')).toBe(true);
    expect(isFormPath(form, 'name')).toBe(true);
    expect(isFormPath(form, 'members.1.shoeSize')).toBe(false);
    expect(isFormPath(form, 'favouriteColour')).toBe(false);
  });
});

describe('typedRemaining (the "you still type N fields" counter)', () => {
  const sources = { members: 'registry.household' };

  it('counts the typed fields while empty, as the server counts them, and goes down as they are filled', () => {
    expect(typedRemaining(form, sources, {})).toBe(3); // name, born, agree; the members come from the registry
    expect(typedRemaining(form, sources, { name: 'Lò Thị Mai' })).toBe(2);
    expect(typedRemaining(form, sources, { name: '   ', born: '15/03/1990' })).toBe(2); // blanks are not answers
    expect(typedRemaining(form, sources, { name: 'Mai', born: '15/03/1990', agree: true })).toBe(0);
  });

  it('counts a field the registry could not answer (typed for this citizen), a table by its columns', () => {
    expect(typedRemaining(form, { members: 'typed' }, { name: 'Mai', born: '01/01/2000', agree: true })).toBe(2);
    expect(typedRemaining(form, {}, { name: 'Mai', born: '01/01/2000', agree: false })).toBe(3);
  });
});
