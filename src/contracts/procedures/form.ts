import { z } from 'zod';
import { Label } from './label';

/** The form of a procedure version: a JSON Schema plus, for every field, where its value can come from. */

export const FIELD_SOURCES = ['registry.person', 'registry.household', 'eid', 'typed'] as const;
/** Where a form field's value comes from. */
export const FieldSource = z.enum(FIELD_SOURCES);
export type FieldSource = z.infer<typeof FieldSource>;

/** Paths of the citizen's own registry record that prefill can answer (source 'registry.person'). */
export const PERSON_PATHS = [
  'fullName',
  'birthDate',
  'sex',
  'nationalId',
  'phone',
  'email',
  'ethnicity',
  'nationality',
  'homeTown',
  'permanentAddress',
  'temporaryAddress',
  'currentAddress',
  /** The code of the commune of the current residence (temporary, else permanent): a commune field's answer. */
  'currentCommune',
  'idCardNumber',
  'healthInsuranceNo',
] as const;
/** Paths of the citizen's household that prefill can answer (source 'registry.household'). */
export const HOUSEHOLD_PATHS = [
  'head.fullName',
  'head.nationalId',
  'head.birthDate',
  'relationToHead',
  'addressLine',
  'members',
  'spouse.fullName',
  'spouse.nationalId',
  'spouse.birthDate',
  // The couple of the citizen and their spouse in the household, by sex: the parents of a child they register.
  'mother.fullName',
  'mother.nationalId',
  'mother.birthDate',
  'father.fullName',
  'father.nationalId',
  'father.birthDate',
] as const;
/** Columns a 'members' table may have (one row per other household member). */
export const MEMBER_COLUMNS = ['fullName', 'birthDate', 'sex', 'nationalId', 'relationToHead'] as const;
/** Claims of the e-ID (VNeID) sign-in that prefill can answer (source 'eid'). */
export const EID_CLAIMS = ['nationalId', 'fullName'] as const;

/** The name of a top-level form field. */
const FieldName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/);

/** How the web form shows a field. */
export const FieldWidget = z.enum([
  'text',
  'textarea',
  'date',
  'select',
  'phone',
  'email',
  'nationalId',
  'checkbox',
  'number',
  'table',
  /** A commune of today's structure (its 5-digit code), searchable by its current or pre-2025 name. */
  'commune',
]);
export type FieldWidget = z.infer<typeof FieldWidget>;

export const FieldOption = z.object({ value: z.string().max(100), labelVi: Label, labelEn: Label });

/** A column of a table field (e.g. household members). `editable` = may a prefilled row's cell be changed. */
export const ColumnMeta = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/),
  labelVi: Label,
  labelEn: Label,
  widget: FieldWidget.exclude(['table']),
  options: z.array(FieldOption).max(100).optional(),
  editable: z.boolean(),
});
export type ColumnMeta = z.infer<typeof ColumnMeta>;

/** Metadata of one top-level form field: label, source, whether a prefilled value may be changed. */
export const FieldMeta = z.object({
  labelVi: Label,
  labelEn: Label,
  source: FieldSource,
  /** Registry path (PERSON_PATHS / HOUSEHOLD_PATHS) or e-ID claim (EID_CLAIMS); null for 'typed'. */
  path: z.string().max(60).nullable(),
  /** May the citizen change a prefilled value? Only where the law lets the citizen declare it. */
  editable: z.boolean(),
  widget: FieldWidget,
  options: z.array(FieldOption).max(100).optional(),
  hintVi: z.string().max(500).optional(),
  hintEn: z.string().max(500).optional(),
  /** Table fields: the columns, in display order. */
  columns: z.array(ColumnMeta).max(20).optional(),
  /** Table fields: may the citizen add rows that the registry did not give? */
  allowNewRows: z.boolean().optional(),
});
export type FieldMeta = z.infer<typeof FieldMeta>;

/** A group of fields on the form, in display order (jsonb does not keep key order, so order lives here). */
export const FormSection = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/),
  titleVi: Label,
  titleEn: Label,
  fields: z.array(z.string()).min(1).max(60),
});
export type FormSection = z.infer<typeof FormSection>;

/**
 * An answer that takes a filing out of the online channel: when `field` holds one of `values`, the
 * citizen must file in person (e.g. temporary absence of a person under supervision, Residence Law
 * 2020 Art. 31(2)(3)). Online filings are refused with the reason; counter and paper filings pass.
 */
export const InPersonRule = z.object({
  field: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/),
  values: z.array(z.string().max(100)).min(1).max(30),
  reasonVi: z.string().min(1).max(1000),
  reasonEn: z.string().min(1).max(1000),
  legalBasis: z.string().min(1).max(300),
});
export type InPersonRule = z.infer<typeof InPersonRule>;

/** The form of a procedure version: JSON Schema (draft 2020-12) + per-field metadata. */
export const ProcedureForm = z.object({
  formCode: z.string().max(20).nullable(),
  titleVi: Label,
  titleEn: Label,
  schema: z.record(z.string(), z.unknown()),
  sections: z.array(FormSection).min(1).max(20),
  fields: z.record(z.string(), FieldMeta),
  /** Answers that must be filed in person (refused online with the reason). */
  inPersonOnly: z.array(InPersonRule).max(10).optional(),
  /**
   * The commune field (widget 'commune') whose value decides who receives the dossier: a registration
   * is filed with the police of the commune where the person will live (Residence Law 2020 Art. 22,
   * 28). Without it the dossier goes to the applicant's commune of residence.
   */
  receivingUnitField: FieldName.optional(),
  /**
   * Where the dossier goes when no field names it: `temporary_residence` = the commune of the
   * applicant's temporary residence in force (an extension is filed there, Residence Law 2020 Art. 28).
   * Without it: the commune chosen, or the applicant's permanent residence.
   */
  receivingUnitFrom: z.enum(['temporary_residence']).optional(),
  /**
   * The household head's ID number typed on the form is checked against the registry (exists, alive,
   * head of a household in the commune of `communeField`, named as `nameField` says), and the officer
   * sees the result.
   */
  householdHeadCheck: z
    .object({ nationalIdField: FieldName, communeField: FieldName, nameField: FieldName.optional() })
    .optional(),
});
export type ProcedureForm = z.infer<typeof ProcedureForm>;
