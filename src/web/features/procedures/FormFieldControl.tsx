import type { ReactNode } from 'react';
import { Checkbox, DatePicker, Input, InputNumber, Select, Tag } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import type { ColumnMeta, FieldMeta, FieldSource } from '../../../contracts/procedures';
import { useI18n, type Translate } from '../../shell/i18n';
import { CommuneSelect } from '../../components/CommuneSelect';
import type { PropertySchema } from './procedure-form-values';

type Meta = Pick<FieldMeta | ColumnMeta, 'labelVi' | 'labelEn' | 'widget' | 'options'>;

/** "Từ CSDL quốc gia về dân cư" / "Từ tài khoản định danh điện tử" next to a prefilled field's label. */
export function SourceBadge({ source }: { source: FieldSource | undefined }) {
  const { t } = useI18n();
  if (!source || source === 'typed') return null;
  return (
    <Tag color="blue" className="source-badge">
      {t(source === 'eid' ? 'procform.source.eid' : 'procform.source.registry')}
    </Tag>
  );
}

/** The text a read-only field shows: option label, dd/mm/yyyy, yes/no. */
function displayText(meta: Meta, value: unknown, pick: (vi: string, en: string) => string, t: Translate): string {
  if (value === undefined || value === null || value === '') return '';
  if (dayjs.isDayjs(value)) return value.format('DD/MM/YYYY');
  if (typeof value === 'boolean') return t(value ? 'procform.yes' : 'procform.no');
  const option = meta.options?.find((o) => o.value === value);
  if (option) return pick(option.labelVi, option.labelEn);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** A prefilled value the citizen may not change: shown in a read-only box (the form keeps the value). */
function LockedValue({ meta, value, id }: { meta: Meta; value?: unknown; id?: string }) {
  const { t, pick } = useI18n();
  return (
    <Input
      id={id}
      size="large"
      readOnly
      value={displayText(meta, value, pick, t)}
      className="locked-input"
      aria-readonly="true"
    />
  );
}

/** The antd input for a widget (value/onChange are injected by Form.Item). */
export function fieldControl(
  meta: Meta,
  schema: PropertySchema,
  locked: boolean,
  disabled: boolean,
  label: string,
): ReactNode {
  if (locked) return <LockedValue meta={meta} />;
  const common = { size: 'large' as const, disabled };
  switch (meta.widget) {
    case 'textarea':
      return <Input.TextArea {...common} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={schema.maxLength} />;
    case 'date':
      return <DatePicker {...common} format="DD/MM/YYYY" className="full-width" inputReadOnly={false} />;
    case 'select':
      return (
        <Select
          {...common}
          options={(meta.options ?? []).map((o) => ({
            value: o.value,
            label: <OptionLabel vi={o.labelVi} en={o.labelEn} />,
          }))}
          aria-label={label}
        />
      );
    case 'checkbox':
      return (
        <Checkbox disabled={disabled} className="big-checkbox">
          {label}
        </Checkbox>
      );
    case 'number':
      return <InputNumber {...common} className="full-width" />;
    case 'phone':
      return <Input {...common} inputMode="tel" autoComplete="tel" maxLength={11} />;
    case 'email':
      return <Input {...common} type="email" inputMode="email" autoComplete="email" maxLength={schema.maxLength} />;
    case 'nationalId':
      return <Input {...common} inputMode="numeric" autoComplete="off" maxLength={12} className="tabular" />;
    case 'commune':
      return <CommuneSelect {...common} purpose="answer" aria-label={label} />;
    default:
      return <Input {...common} maxLength={schema.maxLength} />;
  }
}

function OptionLabel({ vi, en }: { vi: string; en: string }) {
  const { pick } = useI18n();
  return <>{pick(vi, en)}</>;
}

/** Client-side rules mirroring the schema: required, pattern (ID number, phone), e-mail, length. */
export function fieldRules(meta: Meta, schema: PropertySchema, required: boolean, t: Translate, label: string): Rule[] {
  const rules: Rule[] = [];
  const isText = !['checkbox', 'number', 'date', 'select', 'commune'].includes(meta.widget);
  // `whitespace` makes the validator treat the value as text: only for text widgets (a date, a number or a checkbox is not a string).
  if (required)
    rules.push({ required: true, ...(isText ? { whitespace: true } : {}), message: t('procform.required', { label }) });
  if (schema.pattern && isText) {
    const hint =
      meta.widget === 'nationalId'
        ? 'procform.pattern.nationalId'
        : meta.widget === 'phone'
          ? 'procform.pattern.phone'
          : 'procform.pattern.other';
    rules.push({ pattern: new RegExp(schema.pattern), message: t(hint, { label }) });
  }
  if (meta.widget === 'email') rules.push({ type: 'email', message: t('procform.email', { label }) });
  if (schema.maxLength && isText)
    rules.push({ max: schema.maxLength, message: t('procform.maxLength', { label, n: schema.maxLength }) });
  return rules;
}
