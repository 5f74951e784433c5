import { describe, expect, it } from 'vitest';
import { fieldProblem, tableProblem } from './form-field-rules';
import { preventEnterSubmit } from './ProcedureForm';

const t = (key: string, vars?: Record<string, unknown>) => `${key} ${JSON.stringify(vars ?? {})}`;
const date = { widget: 'date' as const };
const text = { widget: 'text' as const };

describe('client-side checks of a field before sending', () => {
  it('accept a filled date (dd/mm/yyyy), number and checkbox, ticked or not', () => {
    expect(fieldProblem(date, { type: 'string' }, true, t, 'Ngày sinh', '02/01/2020')).toBeUndefined();
    expect(fieldProblem(date, { type: 'string' }, true, t, 'Ngày sinh', '2/1/2020')).toBeUndefined();
    expect(fieldProblem({ widget: 'number' }, { type: 'integer' }, true, t, 'Số người', '3')).toBeUndefined();
    expect(fieldProblem({ widget: 'checkbox' }, { type: 'boolean' }, true, t, 'Cam đoan', true)).toBeUndefined();
    expect(fieldProblem({ widget: 'checkbox' }, { type: 'boolean' }, true, t, 'Cam đoan', false)).toBeUndefined();
  });

  it('refuse an empty required date, a day that does not exist and a blank text, naming the field', () => {
    expect(fieldProblem(date, { type: 'string' }, true, t, 'Ngày sinh', undefined)).toBe(
      'procform.required {"label":"Ngày sinh"}',
    );
    expect(fieldProblem(date, { type: 'string' }, false, t, 'Ngày sinh', '31/02/2020')).toBe(
      'procform.date {"label":"Ngày sinh"}',
    );
    expect(fieldProblem(text, { type: 'string' }, true, t, 'Họ tên', '   ')).toContain('procform.required');
    expect(fieldProblem(text, { type: 'string' }, true, t, 'Họ tên', 'Lò Thị Mai')).toBeUndefined();
    expect(fieldProblem(text, { type: 'string' }, false, t, 'Họ tên', '')).toBeUndefined();
  });

  it('check the pattern of an ID number and a phone, an e-mail address and the length of a text', () => {
    const id = { type: 'string', pattern: '^\\d{12}$' };
    expect(fieldProblem({ widget: 'nationalId' }, id, true, t, 'Số định danh', '12345')).toContain(
      'procform.pattern.nationalId',
    );
    expect(fieldProblem({ widget: 'nationalId' }, id, true, t, 'Số định danh', '012345678901')).toBeUndefined();
    expect(fieldProblem({ widget: 'phone' }, { pattern: '^0\\d{9,10}$' }, false, t, 'Điện thoại', '12')).toContain(
      'procform.pattern.phone',
    );
    expect(fieldProblem({ widget: 'email' }, {}, false, t, 'Thư', 'a@b')).toContain('procform.email');
    expect(fieldProblem({ widget: 'email' }, {}, false, t, 'Thư', 'mai@example.vn')).toBeUndefined();
    expect(fieldProblem(text, { maxLength: 3 }, false, t, 'Mã', 'abcd')).toContain('procform.maxLength');
  });

  it('ask a table for its minimum of rows', () => {
    expect(tableProblem({ minItems: 1 }, 0, t, 'Thành viên')).toContain('procform.table.minRows');
    expect(tableProblem({ minItems: 1 }, 1, t, 'Thành viên')).toBeUndefined();
    expect(tableProblem({}, 0, t, 'Thành viên')).toBeUndefined();
  });
});

describe('Enter in a field of a procedure form', () => {
  const press = (key: string, tagName: string) => {
    let prevented = false;
    preventEnterSubmit({
      key,
      target: { tagName } as unknown as EventTarget,
      preventDefault: () => (prevented = true),
    });
    return prevented;
  };
  it('does not send the form from an input (a date typed, a field typed), but still from the button and in a textarea adds a line', () => {
    expect(press('Enter', 'INPUT')).toBe(true);
    expect(press('Enter', 'BUTTON')).toBe(false);
    expect(press('Enter', 'TEXTAREA')).toBe(false);
    expect(press('Tab', 'INPUT')).toBe(false);
  });
});
