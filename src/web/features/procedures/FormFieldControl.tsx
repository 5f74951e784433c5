import type { ColumnMeta, FieldMeta, FieldSource } from '../../../contracts/procedures';
import { useI18n, type Translate } from '../../shell/i18n';
import { PlainCommuneSelect } from '../../components/PlainCommuneSelect';
import type { PropertySchema } from './procedure-form-values';

type Meta = Pick<FieldMeta | ColumnMeta, 'labelVi' | 'labelEn' | 'widget' | 'options'>;

/** "Từ CSDL quốc gia về dân cư" / "Từ tài khoản định danh điện tử" next to a prefilled field's label. */
export function SourceBadge({ source }: { source: FieldSource | undefined }) {
  const { t } = useI18n();
  if (!source || source === 'typed') return null;
  return (
    <span className="plain-tag plain-tag-info source-badge">
      {t(source === 'eid' ? 'procform.source.eid' : 'procform.source.registry')}
    </span>
  );
}

/** The text a read-only field shows: option label, dd/mm/yyyy (the form holds dates so), yes/no. */
function displayText(meta: Meta, value: unknown, pick: (vi: string, en: string) => string, t: Translate): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'boolean') return t(value ? 'procform.yes' : 'procform.no');
  const option = meta.options?.find((o) => o.value === value);
  if (option) return pick(option.labelVi, option.labelEn);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

export interface ControlProps {
  id: string;
  meta: Meta;
  schema: PropertySchema;
  /** A prefilled value the citizen may not change: a read-only box. */
  locked: boolean;
  disabled: boolean;
  label: string;
  required: boolean;
  value: unknown;
  onChange: (value: unknown) => void;
  /** Ids of the hint and the error under the field. */
  describedBy?: string;
  invalid: boolean;
}

const INPUT = 'plain-input plain-input-lg';
const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/**
 * The native input for a widget, drawn by components/plain.css: text, a date typed as dd/mm/yyyy,
 * a list (select), a commune (searchable), a checkbox, a number, phone, e-mail, ID number.
 */
export function FieldControl(props: ControlProps) {
  const { t, pick } = useI18n();
  const { id, meta, schema, locked, disabled, label, required, value, onChange, describedBy, invalid } = props;
  const aria = {
    id,
    disabled,
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
    'aria-required': required || undefined,
  };
  if (locked)
    return (
      <input
        id={id}
        readOnly
        aria-readonly="true"
        aria-describedby={describedBy}
        className={`${INPUT} locked-input`}
        value={displayText(meta, value, pick, t)}
      />
    );
  const onText = (e: { target: { value: string } }) => onChange(e.target.value);
  switch (meta.widget) {
    case 'textarea':
      return (
        <textarea
          {...aria}
          className={INPUT}
          rows={3}
          maxLength={schema.maxLength}
          value={text(value)}
          onChange={onText}
        />
      );
    case 'date':
      return (
        <input
          {...aria}
          className={`${INPUT} date-input tabular`}
          inputMode="numeric"
          autoComplete="off"
          maxLength={10}
          placeholder={t('procform.datePlaceholder')}
          value={text(value)}
          onChange={onText}
        />
      );
    case 'select':
      return (
        <select {...aria} className={`${INPUT} plain-select`} value={text(value)} onChange={onText}>
          <option value="">{t('procform.choose')}</option>
          {(meta.options ?? []).map((o) => (
            <option key={String(o.value)} value={String(o.value)}>
              {pick(o.labelVi, o.labelEn)}
            </option>
          ))}
        </select>
      );
    case 'checkbox':
      return (
        <label className="big-checkbox">
          <input {...aria} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          <span>{label}</span>
        </label>
      );
    case 'number':
      return (
        <input {...aria} className={INPUT} type="number" inputMode="numeric" value={text(value)} onChange={onText} />
      );
    case 'phone':
      return (
        <input
          {...aria}
          className={INPUT}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={11}
          value={text(value)}
          onChange={onText}
        />
      );
    case 'email':
      return (
        <input
          {...aria}
          className={INPUT}
          type="email"
          inputMode="email"
          autoComplete="email"
          maxLength={schema.maxLength}
          value={text(value)}
          onChange={onText}
        />
      );
    case 'nationalId':
      return (
        <input
          {...aria}
          className={`${INPUT} tabular`}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          value={text(value)}
          onChange={onText}
        />
      );
    case 'commune':
      return (
        <PlainCommuneSelect
          {...aria}
          value={typeof value === 'string' && value ? value : undefined}
          onChange={(code) => onChange(code)}
        />
      );
    default:
      return <input {...aria} className={INPUT} maxLength={schema.maxLength} value={text(value)} onChange={onText} />;
  }
}
