import type { InPersonRule, ProcedureForm } from '../../../contracts/procedures';

/**
 * The in-person rule a field's current answer meets (the version's `form.inPersonOnly`), if any:
 * e.g. temporary absence of a person under supervision (Residence Law 2020 Art. 31(2)(3)). The form
 * shows its reason at once; the server refuses such an answer on an online filing.
 */
export function inPersonRuleMet(
  form: Pick<ProcedureForm, 'inPersonOnly'>,
  field: string,
  value: unknown,
): InPersonRule | undefined {
  if (typeof value !== 'string') return undefined;
  return form.inPersonOnly?.find((r) => r.field === field && r.values.includes(value));
}

/** The fields an in-person rule watches. */
export function inPersonFields(form: Pick<ProcedureForm, 'inPersonOnly'>): string[] {
  return [...new Set((form.inPersonOnly ?? []).map((r) => r.field))];
}
