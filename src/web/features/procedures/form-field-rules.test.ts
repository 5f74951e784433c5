import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import Schema from '@rc-component/async-validator';
import type { Rule } from 'antd/es/form';
import { fieldRules } from './FormFieldControl';
import { preventEnterSubmit } from './ProcedureForm';

const t = (key: string, vars?: Record<string, unknown>) => `${key} ${JSON.stringify(vars ?? {})}`;

/** Runs the rules through the validator antd's Form uses; the messages of the failed rules. */
async function problems(rules: Rule[], value: unknown): Promise<string[]> {
  const validator = new Schema({ field: rules as never });
  try {
    await validator.validate({ field: value });
    return [];
  } catch (e) {
    return (e as { errors: Array<{ message: string }> }).errors.map((x) => x.message);
  }
}

describe('client-side rules of a required field', () => {
  it('accept a filled date, number and checkbox (not text: no whitespace check)', async () => {
    expect(
      await problems(
        fieldRules({ labelVi: 'Ngày sinh', labelEn: 'Born', widget: 'date' }, { type: 'string' }, true, t, 'Ngày sinh'),
        dayjs('2020-01-02'),
      ),
    ).toEqual([]);
    expect(
      await problems(
        fieldRules(
          { labelVi: 'Số người', labelEn: 'Persons', widget: 'number' },
          { type: 'integer' },
          true,
          t,
          'Số người',
        ),
        3,
      ),
    ).toEqual([]);
    expect(
      await problems(
        fieldRules(
          { labelVi: 'Cam đoan', labelEn: 'Pledge', widget: 'checkbox' },
          { type: 'boolean' },
          true,
          t,
          'Cam đoan',
        ),
        true,
      ),
    ).toEqual([]);
  });

  it('refuse an empty date and a blank text', async () => {
    expect(
      await problems(
        fieldRules({ labelVi: 'Ngày sinh', labelEn: 'Born', widget: 'date' }, { type: 'string' }, true, t, 'Ngày sinh'),
        undefined,
      ),
    ).toHaveLength(1);
    expect(
      await problems(
        fieldRules({ labelVi: 'Họ tên', labelEn: 'Name', widget: 'text' }, { type: 'string' }, true, t, 'Họ tên'),
        '   ',
      ),
    ).toHaveLength(1);
    expect(
      await problems(
        fieldRules({ labelVi: 'Họ tên', labelEn: 'Name', widget: 'text' }, { type: 'string' }, true, t, 'Họ tên'),
        'Lò Thị Mai',
      ),
    ).toEqual([]);
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
  it('does not send the form from an input (a date confirmed, a field typed), but still from the button and in a textarea adds a line', () => {
    expect(press('Enter', 'INPUT')).toBe(true);
    expect(press('Enter', 'BUTTON')).toBe(false);
    expect(press('Enter', 'TEXTAREA')).toBe(false);
    expect(press('Tab', 'INPUT')).toBe(false);
  });
});
