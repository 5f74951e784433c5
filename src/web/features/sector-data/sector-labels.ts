import { foldHeader } from '../../../shared/text';
import type { StatusKind } from '../../components/StatusTag';
import type { SectorKey } from './use-sector-text';

/** The outcomes a row may have, in the order the filters show them. */
export const ROW_OUTCOMES = [
  'matched',
  'matched_with_discrepancies',
  'probable',
  'not_found',
  'duplicate_in_list',
  'id_belongs_to_someone_else',
  'invalid',
  'unlinked',
] as const;
export type RowOutcomeCode = (typeof ROW_OUTCOMES)[number];

export const BATCH_STATES = ['importing', 'committed', 'failed', 'cancelled'] as const;
export type BatchStateCode = (typeof BATCH_STATES)[number];

/** The colour of an outcome: the finding that matters most (someone else's ID number, errors) in red. */
export const OUTCOME_KIND: Record<RowOutcomeCode, StatusKind> = {
  matched: 'ok',
  matched_with_discrepancies: 'warn',
  probable: 'info',
  not_found: 'neutral',
  duplicate_in_list: 'warn',
  id_belongs_to_someone_else: 'danger',
  invalid: 'danger',
  unlinked: 'neutral',
};

export const STATE_KIND: Record<BatchStateCode, StatusKind> = {
  importing: 'info',
  committed: 'ok',
  failed: 'danger',
  cancelled: 'neutral',
};

/** The tag of a committed batch's linking to the registry (`Batch.link.state`). */
export const LINK_STATE_KIND: Record<'none' | 'linking' | 'linked' | 'failed', StatusKind> = {
  none: 'neutral',
  linking: 'info',
  linked: 'ok',
  failed: 'danger',
};

const isOutcome = (code: string): code is RowOutcomeCode => (ROW_OUTCOMES as readonly string[]).includes(code);

/** The label key of an outcome; an unknown code (a newer server) reads as "not linked". */
export const outcomeKey = (code: string): SectorKey =>
  `sector.outcome.${isOutcome(code) ? code : 'unlinked'}` as SectorKey;
export const outcomeKind = (code: string): StatusKind => (isOutcome(code) ? OUTCOME_KIND[code] : 'neutral');
export const stateKey = (state: BatchStateCode): SectorKey => `sector.state.${state}`;

/** The engine's comparison fields (the `disagreements` of a link). */
export const LINK_FIELDS = ['name', 'birthDate', 'sex', 'unit', 'household', 'nationalId', 'legacyId'] as const;
export type LinkFieldCode = (typeof LINK_FIELDS)[number];
export const isLinkField = (f: string): f is LinkFieldCode => (LINK_FIELDS as readonly string[]).includes(f);
export const linkFieldKey = (f: LinkFieldCode): SectorKey => `sector.field.${f}`;

const LEVELS = [
  'exact',
  'unaccented',
  'folded',
  'phonetic',
  'close',
  'similar',
  'different',
  'swapped',
  'typo',
  'year_only',
  'same_year',
  'agree',
  'disagree',
  'missing',
] as const;
/** The label key of an agreement level of the score's explanation, or undefined for one this page does not know. */
export const levelKey = (level: string): SectorKey | undefined =>
  (LEVELS as readonly string[]).includes(level) ? (`sector.level.${level}` as SectorKey) : undefined;

/** The dataset-type field (the list's column) each engine field is read from (links/link-batch.ts). */
const LIST_FIELD_OF: Partial<Record<LinkFieldCode, string>> = {
  name: 'fullName',
  birthDate: 'birthDate',
  sex: 'sex',
  nationalId: 'idNumber',
  legacyId: 'idNumber',
  household: 'headName',
};

/** The registry person's field each engine field compares with (`unit`: the residence). */
export type PersonField = 'fullName' | 'birthDate' | 'sex' | 'nationalId' | 'unitCode';
const PERSON_FIELD_OF: Record<LinkFieldCode, PersonField | undefined> = {
  name: 'fullName',
  birthDate: 'birthDate',
  sex: 'sex',
  nationalId: 'nationalId',
  legacyId: 'nationalId',
  unit: 'unitCode',
  household: undefined,
};

/**
 * The indices of the list's columns that hold a differing field: `mapping` says which header text
 * holds which field (the batch's mapping), matched to the header as the server reads it (foldHeader).
 */
export function differingColumns(
  header: readonly string[],
  mapping: Record<string, string>,
  disagreements: readonly string[],
): Set<number> {
  const folded = header.map((h) => foldHeader(h));
  const columns = new Set<number>();
  for (const d of disagreements) {
    const field = isLinkField(d) ? LIST_FIELD_OF[d] : undefined;
    const text = field ? mapping[field] : undefined;
    if (text === undefined) continue;
    const at = folded.indexOf(foldHeader(text));
    if (at >= 0) columns.add(at);
  }
  return columns;
}

/** The registry fields to highlight beside a row that differs in `disagreements`. */
export function differingPersonFields(disagreements: readonly string[]): Set<PersonField> {
  const fields = new Set<PersonField>();
  for (const d of disagreements) {
    const f = isLinkField(d) ? PERSON_FIELD_OF[d] : undefined;
    if (f) fields.add(f);
  }
  return fields;
}

/** A dataset type's field as GET /types gives it (the part the mapping needs). */
export interface TypeField {
  key: string;
  labelVi: string;
  labelEn: string;
  required: boolean;
  aliases: string[];
}

/**
 * The mapping the server would make of a header by the usual names (field → column), to start the
 * officer's hand mapping from: the same comparison as the server's (foldHeader of key, labels, aliases).
 */
export function guessMapping(fields: readonly TypeField[], columns: readonly string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  const taken = new Set<string>();
  for (const field of fields) {
    const names = new Set([field.key, field.labelVi, field.labelEn, ...field.aliases].map((a) => foldHeader(a)));
    const column = columns.find((c) => !taken.has(c) && names.has(foldHeader(c)));
    if (column !== undefined) {
      mapping[field.key] = column;
      taken.add(column);
    }
  }
  return mapping;
}

/** The required fields a mapping leaves without a column. */
export function missingRequired(fields: readonly TypeField[], mapping: Record<string, string>): TypeField[] {
  return fields.filter((f) => f.required && !mapping[f.key]);
}

/**
 * The file's columns as the server's "required column missing" refusal lists them (`Các cột trong
 * tệp: "A", "B"` / `Columns in the file: "A", "B"`, import/mapping.ts); empty when the text has no such list.
 */
export function columnsFromRefusal(message: string): string[] {
  const at = message.search(/Các cột trong tệp:|Columns in the file:/);
  if (at < 0) return [];
  return [...message.slice(at).matchAll(/"([^"]*)"/g)].map((m) => m[1]!).filter((c) => c.trim() !== '');
}

/** A registry date (YYYY-MM-DD) as dd/mm/yyyy, or the year alone when only the year is known. */
export function personBirth(birthDate: string | null, birthYear: number): string {
  if (!birthDate) return String(birthYear);
  const [y, m, d] = birthDate.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * How long the import wizard waits before asking for the batch again: every `baseMs` while the
 * answers come, doubling after each failed ask in a row (a network blip or a restart), at most `maxMs`.
 */
export function pollDelay(failures: number, baseMs = 1_000, maxMs = 30_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failures));
}

/**
 * The page to go to when a page of a list came back empty while the list is not (the last item of a
 * later page was decided, so that page no longer exists): the last page; otherwise undefined.
 */
export function pageToShow(shown: number, total: number, page: number, pageSize: number): number | undefined {
  if (shown > 0 || total <= 0 || page <= 1) return undefined;
  const last = Math.max(1, Math.ceil(total / pageSize));
  return last < page ? last : undefined;
}
