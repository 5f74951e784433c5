import type { ApiError } from '../../api/client';
import type { StatusKind } from '../../components/StatusTag';
import { differingColumns, personBirth } from './sector-labels';
import type { SectorKey } from './use-sector-text';

/**
 * Pure helpers of the change requests' pages (correction-labels.test.ts): which fields of a row may be
 * proposed, the values shown, the request states, and how the server's refusals are read.
 */

/** The registry fields a change request may correct (the contract's CORRECTABLE_FIELD_CODES). */
export const CORRECTABLE_FIELDS = ['fullName', 'birthDate', 'sex'] as const;
export type CorrectableFieldCode = (typeof CORRECTABLE_FIELDS)[number];

/** The linking engine's name of each correctable field in a link's `disagreements`. */
const DISAGREEMENT_OF: Record<CorrectableFieldCode, string> = {
  fullName: 'name',
  birthDate: 'birthDate',
  sex: 'sex',
};

/** The change request states, in the order the filter shows them (the contract's CHANGE_REQUEST_STATE_CODES). */
export const REQUEST_STATES = ['proposed', 'accepted', 'rejected', 'withdrawn'] as const;
export type RequestStateCode = (typeof REQUEST_STATES)[number];

export const REQUEST_STATE_KIND: Record<RequestStateCode, StatusKind> = {
  proposed: 'info',
  accepted: 'ok',
  rejected: 'danger',
  withdrawn: 'neutral',
};

const isRequestState = (s: string): s is RequestStateCode => (REQUEST_STATES as readonly string[]).includes(s);
export const requestStateKey = (s: string): SectorKey =>
  isRequestState(s) ? `sector.cr.state.${s}` : 'sector.cr.state.proposed';
export const requestStateKind = (s: string): StatusKind => (isRequestState(s) ? REQUEST_STATE_KIND[s] : 'neutral');
export const correctableFieldKey = (f: CorrectableFieldCode): SectorKey => `sector.person.${f}`;
export const isCorrectableField = (f: string): f is CorrectableFieldCode =>
  (CORRECTABLE_FIELDS as readonly string[]).includes(f);

/**
 * The fields a correction may be proposed for from a row: only a row `matched_with_discrepancies`
 * (the row is this person, a field differs), only the full name, birth date or sex it differs in.
 */
export function proposableFields(outcome: string, disagreements: readonly string[]): CorrectableFieldCode[] {
  if (outcome !== 'matched_with_discrepancies') return [];
  return CORRECTABLE_FIELDS.filter((f) => disagreements.includes(DISAGREEMENT_OF[f]));
}

/** A registry person as a link or a request gives it (the fields a correction touches). */
export interface PersonValues {
  fullName: string;
  birthDate: string | null;
  birthYear: number;
  sex: string;
}

/** The registry's value of a field in the server's form (a name; YYYY-MM-DD or YYYY; male / female). */
export function registryValueOf(field: CorrectableFieldCode, person: PersonValues): string {
  if (field === 'birthDate') return person.birthDate ?? String(person.birthYear);
  return person[field];
}

/**
 * The list's cell of a field as typed (what the officer reads in the row), or undefined when the
 * batch's mapping gives the field no column of the header.
 */
export function listCellOf(
  field: CorrectableFieldCode,
  header: readonly string[],
  mapping: Record<string, string>,
  cells: readonly string[],
): string | undefined {
  const [at] = differingColumns(header, mapping, [DISAGREEMENT_OF[field]]);
  return at === undefined ? undefined : cells[at];
}

/**
 * A value of a field as people read it: a date YYYY-MM-DD as dd/mm/yyyy (a year alone as it is), a
 * sex by its word (`sexWord` names male / female), a name as it is; nothing as "—".
 */
export function showValue(
  field: CorrectableFieldCode,
  value: string | null | undefined,
  sexWord: (sex: 'male' | 'female') => string,
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'birthDate')
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? personBirth(value, Number(value.slice(0, 4))) : value;
  if (field === 'sex') return value === 'male' || value === 'female' ? sexWord(value) : value;
  return value;
}

/** The registry no longer holds the value the request saw: accepting it is refused (409). */
export function registryMovedOn(request: { registryValue: string | null; currentValue: string | null }): boolean {
  return request.registryValue !== request.currentValue;
}

/** A refusal because the record or the request changed since the page showed it: reload and look again. */
export function isChangedMeanwhile(error: ApiError | undefined): boolean {
  return error?.status === 409;
}

/** The server's problems with named fields of a body, by field (the first message of each), in the current language. */
export function fieldProblems(
  error: ApiError | undefined,
  pick: (vi: string, en: string) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of error?.fields ?? []) if (f.field && !(f.field in out)) out[f.field] = pick(f.messageVi, f.messageEn);
  return out;
}

/** The problems of an answer not tied to one of `shown` fields: shown above the form rather than under a field. */
export function hasGeneralProblem(error: ApiError | undefined, shown: readonly string[]): boolean {
  if (!error) return false;
  return error.fields.length === 0 || error.fields.some((f) => !f.field || !shown.includes(f.field));
}
