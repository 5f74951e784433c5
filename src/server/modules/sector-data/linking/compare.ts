/**
 * Field comparison of a prepared row and a registry person: one agreement level per field
 * (issue 16 §3, Fellegi–Sunter comparison vectors). Levels only; weights are in weights.ts.
 */
import { fromIso, isoOf, parseListDate, type ParsedDate, type PartialDate } from './dates';
import { oneTypingSlipApart, parseIdNumber, parseSex, type ParsedIdNumber, type Sex } from './fields';
import { jaroWinkler } from './jaro-winkler';
import { nameForms, sameNameExactly, type NameForms } from './names';
import type { Cell, LinkField, ListRow, RegistryPerson } from './types';

/** Agreement levels of each field, from strongest agreement to disagreement; `missing` when either side is empty. */
export const FIELD_LEVELS = {
  name: ['exact', 'unaccented', 'folded', 'phonetic', 'close', 'similar', 'different', 'missing'],
  birthDate: ['exact', 'swapped', 'typo', 'year_only', 'same_year', 'different', 'missing'],
  sex: ['agree', 'disagree', 'missing'],
  unit: ['agree', 'disagree', 'missing'],
  household: ['agree', 'disagree', 'missing'],
  nationalId: ['agree', 'typo', 'disagree', 'missing'],
  legacyId: ['agree', 'disagree', 'missing'],
} as const satisfies Record<LinkField, readonly string[]>;

/** The level of one field. */
export type FieldLevel<F extends LinkField> = (typeof FIELD_LEVELS)[F][number];

/** One level per field: a comparison vector. */
export type ComparisonVector = { [F in LinkField]: FieldLevel<F> };

/** A list row read once: every cell parsed, every key computed. */
export interface PreparedRow {
  row: number;
  name?: NameForms;
  date: ParsedDate;
  sex?: Sex;
  id: ParsedIdNumber;
  unitCode?: string;
  householdHead?: NameForms;
}

/** A registry person with their keys computed (cached by the engine). */
export interface PreparedPerson {
  person: RegistryPerson;
  name: NameForms;
  date: PartialDate;
}

function nonEmptyText(raw: Cell): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const text = String(raw).trim();
  return text === '' ? undefined : text;
}

/** Parses every cell of a row. */
export function prepareRow(row: ListRow, referenceYear: number): PreparedRow {
  const name = nonEmptyText(row.fullName);
  const head = nonEmptyText(row.householdHead);
  const sex = parseSex(row.sex);
  const unitCode = nonEmptyText(row.unitCode);
  return {
    row: row.row,
    date: parseListDate(row.birthDate, { referenceYear }),
    id: parseIdNumber(row.idNumber),
    ...(name ? { name: nameForms(name) } : {}),
    ...(sex ? { sex } : {}),
    ...(unitCode ? { unitCode } : {}),
    ...(head ? { householdHead: nameForms(head) } : {}),
  };
}

/** Computes a person's keys. */
export function preparePerson(person: RegistryPerson): PreparedPerson {
  return {
    person,
    name: nameForms(person.fullName),
    date: person.birthDate ? fromIso(person.birthDate) : { year: person.birthYear },
  };
}

/** Name similarity: Jaro–Winkler on folded keys; a different given name caps it (family + middle names repeat a lot). */
export function nameSimilarity(a: NameForms, b: NameForms): number {
  const whole = jaroWinkler(a.folded, b.folded);
  const given = jaroWinkler(a.given, b.given);
  return given < 0.85 ? Math.min(whole, given) : whole;
}

export function compareNames(row: NameForms | undefined, reg: NameForms): FieldLevel<'name'> {
  if (!row || row.folded === '') return 'missing';
  if (sameNameExactly(row, reg)) return 'exact';
  if (row.folded === reg.folded) return row.hasDiacritics ? 'folded' : 'unaccented';
  if (row.phonetic === reg.phonetic) return 'phonetic';
  // nameSimilarity without its second comparison where it cannot matter: a given name this far off
  // caps the similarity under 0.85 — most compared pairs (people born the same day) end here.
  const given = jaroWinkler(row.given, reg.given);
  if (given < 0.85) return 'different';
  const similarity = jaroWinkler(row.folded, reg.folded); // = nameSimilarity(row, reg) when given ≥ 0.85
  if (similarity >= 0.94) return 'close';
  if (similarity >= 0.85) return 'similar';
  return 'different';
}

const DAY_MS = 86_400_000;
const dayNumber = (d: PartialDate) => Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1) / DAY_MS;
const compact = (iso: string) => iso.replace(/-/g, '');

/** Two dates known to the day are the same day (as equal `isoOf` strings, without building them). */
const sameDay = (a: PartialDate, b: PartialDate) => a.day === b.day && a.month === b.month && a.year === b.year;
const toTheDay = (d: PartialDate) => d.month !== undefined && d.day !== undefined;

export function compareDates(row: ParsedDate, reg: PartialDate): FieldLevel<'birthDate'> {
  if (row.kind !== 'date') return 'missing';
  if (!toTheDay(row.date) || !toTheDay(reg)) {
    if (row.date.year !== reg.year) return 'different';
    return row.date.month === undefined || reg.month === undefined || row.date.month === reg.month
      ? 'year_only'
      : 'same_year';
  }
  // Per compared pair (the hot loop): days compared as numbers; the ISO strings only for a typing slip.
  if (sameDay(row.date, reg)) return row.notes.includes('day_month_swapped') ? 'swapped' : 'exact';
  if (row.alternatives.some((alt) => toTheDay(alt) && sameDay(alt, reg))) return 'swapped';
  if (
    oneTypingSlipApart(compact(isoOf(row.date)!), compact(isoOf(reg)!)) ||
    Math.abs(dayNumber(row.date) - dayNumber(reg)) === 1
  )
    return 'typo';
  return row.date.year === reg.year ? 'same_year' : 'different';
}

export function compareNationalIds(row: ParsedIdNumber, reg: RegistryPerson): FieldLevel<'nationalId'> {
  if (row.kind !== 'personal_id' || !reg.nationalId) return 'missing';
  return row.value === reg.nationalId ? 'agree' : oneTypingSlipApart(row.value, reg.nationalId) ? 'typo' : 'disagree';
}

/** The old 9-digit numbers (compared only when the row has no 12-digit number to compare). */
export function compareLegacyIds(row: ParsedIdNumber, reg: RegistryPerson): FieldLevel<'legacyId'> {
  if ((row.kind === 'personal_id' && reg.nationalId) || row.kind !== 'legacy_cmnd' || !reg.legacyId) return 'missing';
  return row.value === reg.legacyId ? 'agree' : 'disagree';
}

export const compareSexes = (row: PreparedRow, reg: PreparedPerson): FieldLevel<'sex'> =>
  !row.sex ? 'missing' : row.sex === reg.person.sex ? 'agree' : 'disagree';

export const compareUnits = (row: PreparedRow, reg: PreparedPerson): FieldLevel<'unit'> =>
  !row.unitCode || !reg.person.unitCode ? 'missing' : row.unitCode === reg.person.unitCode ? 'agree' : 'disagree';

/** The household heads' names; the registry side's keys only computed when the row names a head. */
export function compareHousehold(row: NameForms | undefined, headName: string | null): FieldLevel<'household'> {
  if (!row || !headName) return 'missing';
  const reg = nameForms(headName);
  return row.folded === reg.folded || row.phonetic === reg.phonetic || nameSimilarity(row, reg) >= 0.94
    ? 'agree'
    : 'disagree';
}

/** The comparison vector of a row and a person. */
export function compareRow(row: PreparedRow, reg: PreparedPerson): ComparisonVector {
  return {
    name: compareNames(row.name, reg.name),
    birthDate: compareDates(row.date, reg.date),
    sex: compareSexes(row, reg),
    unit: compareUnits(row, reg),
    household: compareHousehold(row.householdHead, reg.person.householdHeadName),
    nationalId: compareNationalIds(row.id, reg.person),
    legacyId: compareLegacyIds(row.id, reg.person),
  };
}

/** Levels that mean "the list says something else than the registry" (a discrepancy to report). */
const DISCREPANT: { [F in LinkField]: ReadonlySet<FieldLevel<F>> } = {
  name: new Set(['folded', 'phonetic', 'close', 'similar', 'different']),
  birthDate: new Set(['typo', 'same_year', 'different']),
  sex: new Set(['disagree']),
  unit: new Set(['disagree']),
  household: new Set(['disagree']),
  nationalId: new Set(['typo', 'disagree']),
  legacyId: new Set(['disagree']),
};

/** The fields of a linked pair whose values differ, in a fixed order. */
export function discrepancies(vector: ComparisonVector): LinkField[] {
  return (Object.keys(FIELD_LEVELS) as LinkField[]).filter((f) =>
    (DISCREPANT[f] as ReadonlySet<string>).has(vector[f]),
  );
}
