import type { ColumnMeta, FieldMeta } from '../../../contracts/procedures';
import type { Translate } from '../../shell/i18n';
import { dayTextToIso, type PropertySchema } from './procedure-form-values';

type Meta = Pick<FieldMeta | ColumnMeta, 'widget'>;

/** Widgets whose value is free text (checked for blanks, patterns and length). */
const isText = (meta: Meta) => !['checkbox', 'number', 'date', 'select', 'commune'].includes(meta.widget);

/** An e-mail address as the server takes it (something@domain.tld, no spaces). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isEmpty(meta: Meta, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return isText(meta) || meta.widget === 'date' ? value.trim() === '' : value === '';
  return false;
}

/**
 * The first problem of one input's value, as the client checks it before sending (the server
 * checks everything again): required, a date that is a real day (dd/mm/yyyy), the schema's pattern
 * (ID number, phone), an e-mail address, the maximum length. Each message names the field.
 * Undefined when the value passes. An unticked checkbox (false) is an answer, as on the server.
 */
export function fieldProblem(
  meta: Meta,
  schema: PropertySchema,
  required: boolean,
  t: Translate,
  label: string,
  value: unknown,
): string | undefined {
  if (isEmpty(meta, value)) return required ? t('procform.required', { label }) : undefined;
  if (meta.widget === 'date')
    return typeof value === 'string' && !dayTextToIso(value) ? t('procform.date', { label }) : undefined;
  if (meta.widget === 'number')
    return Number.isFinite(Number(value)) ? undefined : t('procform.pattern.other', { label });
  if (!isText(meta) || typeof value !== 'string') return undefined;
  const text = value.trim();
  if (schema.pattern && !new RegExp(schema.pattern).test(text)) {
    const key =
      meta.widget === 'nationalId'
        ? 'procform.pattern.nationalId'
        : meta.widget === 'phone'
          ? 'procform.pattern.phone'
          : 'procform.pattern.other';
    return t(key, { label });
  }
  if (meta.widget === 'email' && !EMAIL.test(text)) return t('procform.email', { label });
  if (schema.maxLength && text.length > schema.maxLength)
    return t('procform.maxLength', { label, n: schema.maxLength });
  return undefined;
}

/** A table's own problem: fewer rows than the schema's minimum. */
export function tableProblem(schema: PropertySchema, rows: number, t: Translate, label: string): string | undefined {
  return schema.minItems && rows < schema.minItems
    ? t('procform.table.minRows', { label, n: schema.minItems })
    : undefined;
}
