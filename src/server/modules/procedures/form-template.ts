import { z } from 'zod';
import { FieldMeta, FormSection, InPersonRule, ProcedureForm } from '../../../contracts/procedures';

/**
 * A form written as a shared template plus changes (reference data): e.g. the residence
 * procedures all use CT01 but differ in where the head of household and the address come from.
 * The seed expands it; a stored version always holds the full form.
 */
export const FormTemplateRef = z.object({
  template: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  formCode: z.string().max(20).nullable().optional(),
  titleVi: z.string().optional(),
  titleEn: z.string().optional(),
  /** Fields of the template this procedure does not ask. */
  omit: z.array(z.string()).optional(),
  /** Partial metadata merged over the template's (source, path, editable, labels…). */
  fieldOverrides: z.record(z.string(), FieldMeta.partial()).optional(),
  /** JSON Schema of a property, replacing the template's. */
  propertyOverrides: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  /** Replaces the template's `required` list. */
  required: z.array(z.string()).optional(),
  /** Sections added after the template's, with their properties, metadata and required names. */
  extraSections: z
    .array(
      z.object({
        section: FormSection,
        properties: z.record(z.string(), z.record(z.string(), z.unknown())),
        fields: z.record(z.string(), FieldMeta),
        required: z.array(z.string()).optional(),
        /** Key of the template's section this one goes before (default: after all of them). */
        before: z.string().optional(),
      }),
    )
    .optional(),
  /**
   * JSON Schema conditions added to the form's `allOf`, e.g. "if what changes is the head, the new
   * head's ID number is required" ({ if: …, then: { required: [...] } }).
   */
  conditions: z.array(z.record(z.string(), z.unknown())).max(10).optional(),
  /** Answers that must be filed in person (replaces the template's rules). */
  inPersonOnly: z.array(InPersonRule).max(10).optional(),
  /** The commune field deciding who receives the dossier (see ProcedureForm). */
  receivingUnitField: ProcedureForm.shape.receivingUnitField,
  /** Where the dossier goes when no field names it (see ProcedureForm). */
  receivingUnitFrom: ProcedureForm.shape.receivingUnitFrom,
  /** The household head's ID number checked against the registry (see ProcedureForm). */
  householdHeadCheck: ProcedureForm.shape.householdHeadCheck,
});
export type FormTemplateRef = z.infer<typeof FormTemplateRef>;

type Schema = Record<string, unknown> & { properties: Record<string, unknown>; required?: string[] };

/** Expands a template reference into a full form (pure; throws on an unknown template). */
export function expandForm(ref: FormTemplateRef, templates: Readonly<Record<string, ProcedureForm>>): ProcedureForm {
  const base = templates[ref.template];
  if (!base) throw new Error(`unknown form template ${ref.template}`);
  const form = structuredClone(base);
  const schema = form.schema as Schema;
  const omit = new Set(ref.omit ?? []);
  for (const name of omit) {
    delete schema.properties[name];
    delete form.fields[name];
  }
  for (const [name, prop] of Object.entries(ref.propertyOverrides ?? {})) schema.properties[name] = prop;
  for (const [name, patch] of Object.entries(ref.fieldOverrides ?? {})) {
    const meta = form.fields[name];
    if (!meta) throw new Error(`form template ${ref.template} has no field ${name}`);
    form.fields[name] = { ...meta, ...patch };
  }
  form.sections = form.sections
    .map((s) => ({ ...s, fields: s.fields.filter((f) => !omit.has(f)) }))
    .filter((s) => s.fields.length > 0);
  let required = ref.required ?? (schema.required ?? []).filter((r) => !omit.has(r));
  for (const extra of ref.extraSections ?? []) {
    const at = extra.before === undefined ? -1 : form.sections.findIndex((s) => s.key === extra.before);
    if (extra.before !== undefined && at < 0)
      throw new Error(`form template ${ref.template} has no section ${extra.before}`);
    if (at < 0) form.sections.push(extra.section);
    else form.sections.splice(at, 0, extra.section);
    Object.assign(schema.properties, extra.properties);
    Object.assign(form.fields, extra.fields);
    required = [...required, ...(extra.required ?? [])];
  }
  schema.required = required;
  if (ref.conditions?.length) schema.allOf = [...((schema.allOf as unknown[] | undefined) ?? []), ...ref.conditions];
  if (ref.formCode !== undefined) form.formCode = ref.formCode;
  if (ref.titleVi) form.titleVi = ref.titleVi;
  if (ref.titleEn) form.titleEn = ref.titleEn;
  if (ref.inPersonOnly) form.inPersonOnly = ref.inPersonOnly;
  if (ref.receivingUnitField) form.receivingUnitField = ref.receivingUnitField;
  if (ref.receivingUnitFrom) form.receivingUnitFrom = ref.receivingUnitFrom;
  if (ref.householdHeadCheck) form.householdHeadCheck = ref.householdHeadCheck;
  return ProcedureForm.parse(form);
}
