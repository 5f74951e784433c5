/** One row of a table: its line number in the file (1-based; the sheet's row number for XLSX) and its cells as text. */
export interface TableRow {
  line: number;
  cells: string[];
}

/** True when every cell of the row is blank. */
export function isBlankRow(row: TableRow): boolean {
  return row.cells.every((c) => c.trim() === '');
}
