import type { Sector } from '../../identity';

/**
 * What a field of a dataset type holds, which decides how a cell is read and normalised
 * (values.ts): free text, a person's name, a date, a sex, a personal ID number, a code (card,
 * book reference), a value from a closed list, a number, or yes/no.
 */
export type FieldKind = 'text' | 'name' | 'date' | 'sex' | 'id-number' | 'code' | 'enum' | 'number' | 'bool';

/** One value of an `enum` field: its stored key, its labels and the words lists use for it. */
export interface EnumOption {
  key: string;
  labelVi: string;
  labelEn: string;
  /** Spellings seen in lists (compared after foldHeader: case, diacritics and spacing do not matter). */
  aliases: readonly string[];
}

/** One column of a dataset type. */
export interface FieldSpec {
  key: string;
  labelVi: string;
  labelEn: string;
  kind: FieldKind;
  required: boolean;
  /** The usual Vietnamese (and English) headers of this column, for mapping detection (compared after foldHeader). */
  aliases: readonly string[];
  /** The values of an `enum` field. */
  options?: readonly EnumOption[];
}

/** The normalised values of one row: field key → value (null when the cell was blank). */
export type RowValues = Record<string, string | number | boolean | null>;

/** A problem of one row, bilingual, naming the field (null: the row as a whole). */
export interface RowError {
  field: string | null;
  vi: string;
  en: string;
}

/**
 * A dataset type: a kind of list another agency keeps (health-insurance cards, poor households…),
 * owned by one sector. Adding a type is adding one file that exports such an object and listing it
 * in types/index.ts; nothing else changes.
 */
export interface DatasetType {
  /** Short code used by the CLI and the API, e.g. `health-insurance`. */
  code: string;
  nameVi: string;
  nameEn: string;
  /** The sector whose officers import and read it (identity's sectors). */
  sector: Sector;
  fields: readonly FieldSpec[];
  /**
   * The key of a row within a list of this type (e.g. the card number), used to diff a newer list
   * against the one it supersedes; null when the row has no usable key (it then counts as added).
   */
  rowKey(values: RowValues): string | null;
  /** Rules across fields (e.g. valid-to after valid-from), after each field was read. */
  validateRow?(values: RowValues): RowError[];
  /**
   * The registry people a list of this type should cover (issue 16 §4), where that is known: those
   * alive and living in a commune whose age on the as-of day is at least `minAge` and below `maxAge`
   * (years). kpi then counts, per commune, how many of them a row of the lists in force is linked to,
   * and lists those missing. Absent: no coverage figure (a list of volunteers covers nobody in particular).
   */
  covers?: { minAge?: number; maxAge?: number; labelVi: string; labelEn: string };
}

/** Checks a type's definition (unique field keys, options for enum fields, at least one required field). */
export function defineDatasetType(type: DatasetType): DatasetType {
  const keys = new Set<string>();
  for (const f of type.fields) {
    if (keys.has(f.key)) throw new Error(`dataset type ${type.code}: field ${f.key} twice`);
    keys.add(f.key);
    if (f.kind === 'enum' && !f.options?.length)
      throw new Error(`dataset type ${type.code}: enum ${f.key} has no options`);
  }
  if (!type.fields.some((f) => f.required)) throw new Error(`dataset type ${type.code}: no required field`);
  const { minAge = 0, maxAge = Infinity } = type.covers ?? {};
  if (type.covers && (minAge < 0 || maxAge <= minAge))
    throw new Error(`dataset type ${type.code}: covers ages ${minAge} to ${maxAge}`);
  return type;
}
