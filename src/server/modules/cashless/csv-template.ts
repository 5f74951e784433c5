import { IMPORT_COLUMNS } from './import-columns';

/**
 * One CSV cell. A value a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return — "CSV injection", OWASP) is prefixed with an apostrophe so it shows as text;
 * separators, quotes and line breaks are quoted.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A facility line of the template. */
export interface TemplateFacility {
  code: string;
  name: string;
}

/**
 * The import template: a UTF-8 BOM (so Excel reads Vietnamese correctly), the header with the
 * Vietnamese column labels, then one line per facility with its code, name and the month, figures
 * left blank. Lines still blank when uploaded are skipped, so a unit may fill only what it has.
 */
export function templateCsv(facilities: readonly TemplateFacility[], month: string): string {
  const lines = [IMPORT_COLUMNS.map((c) => csvCell(c.labelVi)).join(',')];
  for (const f of facilities) lines.push([csvCell(f.code), csvCell(f.name), csvCell(month), '', '', '', ''].join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
