import type { DatasetType, RowError, RowValues } from './field';
import { fieldError, readField } from './values';
import { associationMembers } from './association-members';
import { children } from './children';
import { civilStatusRecords } from './civil-status-records';
import { facilitiesEid } from './facilities-eid';
import { healthInsurance } from './health-insurance';
import { householdBusinesses } from './household-businesses';
import { merit } from './merit';
import { poorHouseholds } from './poor-households';
import { socialAssistance } from './social-assistance';
import { vaccination } from './vaccination';

export type { DatasetType, EnumOption, FieldKind, FieldSpec, RowError, RowValues } from './field';
export { readDate, readField, readIdNumber, readSex } from './values';

/** Every dataset type. Adding a type: one file in this folder, one line here. */
export const DATASET_TYPES: readonly DatasetType[] = [
  healthInsurance,
  vaccination,
  merit,
  poorHouseholds,
  socialAssistance,
  children,
  associationMembers,
  householdBusinesses,
  facilitiesEid,
  civilStatusRecords,
];

/** The type with this code, or undefined. */
export function findDatasetType(code: string): DatasetType | undefined {
  return DATASET_TYPES.find((t) => t.code === code);
}

/** One row read against its type: the normalised values, the errors (empty when valid) and the row's key. */
export interface ValidatedRow {
  values: RowValues;
  errors: RowError[];
  rowKey: string | null;
}

/**
 * Reads one data row (cells by field key, '' for a field the row lacks) as `type`: each field
 * through its kind, then the type's rules across fields. Errors are returned, never thrown.
 */
export function validateRow(type: DatasetType, cells: Readonly<Record<string, string>>): ValidatedRow {
  const values: RowValues = {};
  const errors: RowError[] = [];
  for (const field of type.fields) {
    const read = readField(field, cells[field.key] ?? '');
    if (read.ok) values[field.key] = read.value;
    else {
      values[field.key] = null;
      errors.push(fieldError(field, read));
    }
  }
  if (errors.length === 0) errors.push(...(type.validateRow?.(values) ?? []));
  return { values, errors, rowKey: errors.length === 0 ? type.rowKey(values) : null };
}
