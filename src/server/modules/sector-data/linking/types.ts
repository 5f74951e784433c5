/**
 * Shapes of the linking engine: a list row as imported, a person as the registry view gives
 * them, the registry view itself, and a row's result.
 */
import type { Sex } from '../../population';

/** A cell as a CSV or XLSX reader gives it. */
export type Cell = string | number | Date | null | undefined;

/** One row of an agency's list, cells as read (strings, numbers or dates), mapped to these fields. */
export interface ListRow {
  /** 1-based data row number in the source file (header excluded). */
  row: number;
  fullName?: Cell;
  birthDate?: Cell;
  sex?: Cell;
  /** The 12-digit personal ID number, or an old 9-digit CMND typed in the same column. */
  idNumber?: Cell;
  /** Code of the commune the list places the person in (the list's unit). */
  unitCode?: string;
  /** The household head's name as the list gives it (household lists, insurance by household). */
  householdHead?: Cell;
}

/** A person as the registry view returns them (population.persons + the household head's name). */
export interface RegistryPerson {
  personId: string;
  nationalId: string | null;
  legacyId: string | null;
  fullName: string;
  /** 'YYYY-MM-DD', or null when only the year is known. */
  birthDate: string | null;
  birthYear: number;
  sex: Sex;
  /** Commune of current residence. */
  unitCode: string | null;
  householdId: string | null;
  householdHeadName: string | null;
  status: 'alive' | 'deceased';
}

/**
 * A blocking key: a cheap question whose answer holds the row's person whenever one kind of
 * field is right. Each maps to an indexed query on population.persons (see registry-sql.ts).
 */
export type BlockingKey =
  /** Same birth day (and the swapped reading): all people born that day — a few dozen per 500,000. */
  | { kind: 'birth_date'; birthDate: string }
  /** Same birth year, same given name (folded), same commune: for year-only or wrong dates. */
  | { kind: 'year_given_unit'; birthYear: number; given: string; unitCode: string }
  /**
   * Same birth year and same phonetic family + given name: spelling variants, province-wide.
   * `folded` (the row's folded full name) is not part of the key: a SQL view may use it to narrow
   * its search (trigram similarity) before the phonetic key is checked.
   */
  | { kind: 'year_phonetic'; birthYear: number; phonetic: string; folded?: string }
  /** Same old 9-digit CMND number. */
  | { kind: 'legacy_id'; legacyId: string };

/**
 * The registry as the engine sees it: an interface, so the engine runs over an in-memory registry
 * in tests and benchmarks and over SQL in the module. Batched: one call per chunk of rows.
 */
export interface RegistryView {
  /** The people holding these 12-digit numbers (absent numbers are simply missing). */
  byNationalIds(ids: readonly string[]): Promise<RegistryPerson[]>;
  /** The people answering each key; the map's key is {@link blockingKeyId} of the key. */
  byBlockingKeys(keys: readonly BlockingKey[]): Promise<Map<string, RegistryPerson[]>>;
}

/** A stable string for a blocking key (map key and cache key). */
export function blockingKeyId(key: BlockingKey): string {
  switch (key.kind) {
    case 'birth_date':
      return `d|${key.birthDate}`;
    case 'year_given_unit':
      return `g|${key.birthYear}|${key.given}|${key.unitCode}`;
    case 'year_phonetic':
      return `p|${key.birthYear}|${key.phonetic}`;
    case 'legacy_id':
      return `l|${key.legacyId}`;
  }
}

/** Outcomes of linking one row (issue 16 §3). */
export type LinkOutcome =
  | 'matched'
  | 'matched_with_discrepancies'
  | 'probable'
  | 'not_found'
  | 'duplicate_in_list'
  | 'id_belongs_to_someone_else';

/** Fields compared between a row and a person. */
export type LinkField = 'name' | 'birthDate' | 'sex' | 'unit' | 'household' | 'nationalId' | 'legacyId';
