import type { FieldMeta, ProcedureForm } from '../../../contracts/procedures';
import { EMPTY, formatDate } from '../../components/format';

/** A field's value as text for a read-only view: option labels, dd/mm/yyyy dates, yes/no. */
export function valueText(
  meta: Pick<FieldMeta, 'widget' | 'options'> | undefined,
  value: unknown,
  pick: (vi: string, en: string) => string,
  yesNo: { yes: string; no: string },
): string {
  if (value === undefined || value === null || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  if (meta?.options) {
    const option = meta.options.find((o) => o.value === value);
    if (option) return pick(option.labelVi, option.labelEn);
  }
  if (meta?.widget === 'date' && typeof value === 'string') return formatDate(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** The form's fields in display order (sections first, then any value the sections do not list). */
export function orderedFields(
  form: Pick<ProcedureForm, 'sections' | 'fields'> | undefined,
  values: Record<string, unknown>,
): string[] {
  const listed = form ? form.sections.flatMap((s) => s.fields) : [];
  const extra = Object.keys(values).filter((k) => !listed.includes(k));
  return [...listed, ...extra];
}
