import { foldHeader } from '../../../shared/text';
import { isBlankRow, type TableRow } from './rows';

/** A column the caller expects: its key, the header names it may have (compared after foldHeader), whether it must be there. */
export interface ColumnSpec<K extends string> {
  key: K;
  aliases: readonly string[];
  required?: boolean;
}

/** How a header row names the caller's columns. Nothing is thrown: the caller words its refusal. */
export interface HeaderMatch<K extends string> {
  /** Cell index of each column found (first occurrence). */
  index: Map<K, number>;
  /** Non-blank header cells that name no column, as written (trimmed). */
  unknown: string[];
  /** Columns named by more than one cell. */
  repeated: K[];
  /** Required columns not found. */
  missing: K[];
}

/** The column a header cell names: its foldHeader key equals the key of one of the column's aliases. */
export function columnOfHeader<K extends string>(cell: string, columns: readonly ColumnSpec<K>[]): K | undefined {
  const folded = foldHeader(cell);
  return folded === '' ? undefined : columns.find((c) => c.aliases.some((a) => foldHeader(a) === folded))?.key;
}

/** Matches a header row against the columns (header cells compared after the text kernel's foldHeader). */
export function matchHeader<K extends string>(header: TableRow, columns: readonly ColumnSpec<K>[]): HeaderMatch<K> {
  const match: HeaderMatch<K> = { index: new Map(), unknown: [], repeated: [], missing: [] };
  header.cells.forEach((cell, at) => {
    if (cell.trim() === '') return;
    const key = columnOfHeader(cell, columns);
    if (key === undefined) match.unknown.push(cell.trim());
    else if (match.index.has(key)) match.repeated.push(key);
    else match.index.set(key, at);
  });
  match.missing = columns.filter((c) => c.required && !match.index.has(c.key)).map((c) => c.key);
  return match;
}

/** The header (the first non-blank row) and the non-blank rows after it; undefined header when the table is blank. */
export function splitHeader(rows: readonly TableRow[]): { header: TableRow | undefined; data: TableRow[] } {
  const at = rows.findIndex((r) => !isBlankRow(r));
  if (at < 0) return { header: undefined, data: [] };
  return { header: rows[at], data: rows.slice(at + 1).filter((r) => !isBlankRow(r)) };
}

/** A data row's cells by column key ('' for a column the row does not reach). */
export function cellsByColumn<K extends string>(row: TableRow, index: ReadonlyMap<K, number>): Record<K, string> {
  const cells = {} as Record<K, string>;
  for (const [key, at] of index) cells[key] = row.cells[at] ?? '';
  return cells;
}
