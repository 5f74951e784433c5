import type { ReactNode } from 'react';
import type { ColumnMeta, FieldMeta } from '../../../contracts/procedures';
import { FieldControl } from './FormFieldControl';
import type { PropertySchema } from './procedure-form-values';

interface Props {
  /** The input's id: the field's name at the top level (`fullName`), `members_0_birthDate` in a table. */
  id: string;
  meta: Pick<FieldMeta | ColumnMeta, 'labelVi' | 'labelEn' | 'widget' | 'options'>;
  schema: PropertySchema;
  label: string;
  /** Shown beside the label (the prefill's source badge). */
  badge?: ReactNode;
  required: boolean;
  locked: boolean;
  disabled: boolean;
  value: unknown;
  onChange: (value: unknown) => void;
  /** Under the input: the hint, the in-person warning, "cannot be changed". */
  extra?: ReactNode;
  problem?: string;
}

/**
 * One question of a procedure form: its label (with the prefill's badge and the required mark),
 * the input, what is said under it, and the problem found in its answer — the badge, the hint and
 * the problem tied to the input by `aria-describedby` (and `aria-invalid`), so a screen reader reads
 * them with the field, whose name stays its label.
 */
export function FormField({
  id,
  meta,
  schema,
  label,
  badge,
  required,
  locked,
  disabled,
  value,
  onChange,
  extra,
  problem,
}: Props) {
  const checkbox = meta.widget === 'checkbox' && !locked;
  // The badge is read as part of the description, not of the name: the field is named by its label alone.
  const described =
    [badge ? `${id}-source` : '', extra ? `${id}-extra` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className={`plain-field form-field${problem ? ' has-error' : ''}`}>
      {!checkbox && (
        // The required mark is drawn by CSS (as antd drew it): the label's text stays the field's name; aria-required says it.
        <label htmlFor={id} className={`field-label${required && !locked ? ' required' : ''}`}>
          {label}{' '}
          {badge && (
            <span id={`${id}-source`} aria-hidden="true">
              {badge}
            </span>
          )}
        </label>
      )}
      <FieldControl
        id={id}
        meta={meta}
        schema={schema}
        locked={locked}
        disabled={disabled}
        label={label}
        required={required && !locked}
        value={value}
        onChange={onChange}
        describedBy={described}
        invalid={!!problem}
      />
      {extra && (
        <div id={`${id}-extra`} className="plain-field-hint">
          {extra}
        </div>
      )}
      {problem && (
        <div id={`${id}-error`} className="plain-field-error">
          {problem}
        </div>
      )}
    </div>
  );
}
