import type { ColumnMeta, FieldMeta, ProcedureForm } from '../../../contracts/procedures';

/** The JSON Schema of one property, as far as the renderer reads it. */
export interface PropertySchema {
  type?: string;
  format?: string;
  pattern?: string;
  maxLength?: number;
  minLength?: number;
  enum?: unknown[];
  maxItems?: number;
  minItems?: number;
  required?: string[];
  items?: { properties?: Record<string, PropertySchema>; required?: string[] };
}

type Values = Record<string, unknown>;

/** The schema of a top-level property. */
export function propertyOf(form: ProcedureForm, name: string): PropertySchema {
  const props = (form.schema.properties ?? {}) as Record<string, PropertySchema>;
  return props[name] ?? {};
}

/** Names the schema requires at the top level. */
export function requiredOf(form: ProcedureForm): Set<string> {
  return new Set(Array.isArray(form.schema.required) ? (form.schema.required as string[]) : []);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day? (31/02 is not.) */
function isDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** "2015-06-01" → "01/06/2015" (the Vietnamese way a date is written); anything else is returned as it is. */
export function isoToDayText(value: string): string {
  const m = ISO_DATE.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/**
 * A date typed as the citizen writes it — "01/06/2015", "1/6/2015", "01.06.2015", "01-06-2015" or
 * "01062015" — as YYYY-MM-DD; undefined when it is not a real day (years 1900–2100).
 */
export function dayTextToIso(text: string): string | undefined {
  const s = text.trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (!m) return undefined;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || year > 2100 || !isDay(year, month, day)) return undefined;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An API value → what the form's input holds: a date as dd/mm/yyyy text, the rest as it is. */
function toCell(meta: Pick<FieldMeta | ColumnMeta, 'widget'>, value: unknown): unknown {
  return meta.widget === 'date' && typeof value === 'string' ? isoToDayText(value) : value;
}

/**
 * What an input holds → the API's value: text trimmed (blank = absent), a date as YYYY-MM-DD (a
 * date that is not one stays as typed: the client check names it), a number input's text as a number.
 */
function fromCell(meta: Pick<FieldMeta | ColumnMeta, 'widget'>, value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value !== 'string') return value;
  const s = value.trim();
  if (s === '') return undefined;
  if (meta.widget === 'date') return dayTextToIso(s) ?? s;
  if (meta.widget === 'number' && Number.isFinite(Number(s))) return Number(s);
  return s;
}

function rowsOf(value: unknown): Values[] {
  return Array.isArray(value) ? value.filter((r): r is Values => typeof r === 'object' && r !== null) : [];
}

/**
 * A table row's key (`_key`, never sent: only the columns are): a row keeps its inputs when a row
 * above it is removed, and the registry's rows (keys 0…n-1) are told from rows added later.
 */
export const ROW_KEY = '_key';
let nextRowKey = 1_000_000;
/** A key for a row added on the page (above any registry row's). */
export const newRowKey = (): number => nextRowKey++;

/** One API row of a table → the form's row (ISO dates become dd/mm/yyyy), with its key. */
export function toFormRow(columns: readonly ColumnMeta[], row: Values, key: number = newRowKey()): Values {
  return {
    ...Object.fromEntries(columns.filter((c) => c.key in row).map((c) => [c.key, toCell(c, row[c.key])])),
    [ROW_KEY]: key,
  };
}

/** API values → the form's values (ISO dates become dd/mm/yyyy; table rows keyed 0…n-1). */
export function toFormValues(form: ProcedureForm, values: Values = {}): Values {
  const out: Values = {};
  for (const [name, value] of Object.entries(values)) {
    const meta = form.fields[name];
    if (!meta) continue;
    if (meta.widget === 'table') {
      const columns = meta.columns ?? [];
      out[name] = rowsOf(value).map((row, i) => toFormRow(columns, row, i));
    } else {
      out[name] = toCell(meta, value);
    }
  }
  return out;
}

/**
 * The form's values → what the API validates: dates as YYYY-MM-DD, strings trimmed, empty inputs
 * left out (an empty optional field is absent, not ""), empty table rows dropped, unknown keys dropped.
 */
export function fromFormValues(form: ProcedureForm, values: Values): Values {
  const out: Values = {};
  for (const [name, meta] of Object.entries(form.fields)) {
    const value = values[name];
    if (meta.widget === 'table') {
      const columns = meta.columns ?? [];
      const rows = rowsOf(value)
        .map((row) =>
          Object.fromEntries(
            columns.map((c): [string, unknown] => [c.key, fromCell(c, row[c.key])]).filter(([, v]) => v !== undefined),
          ),
        )
        .filter((row) => Object.keys(row).length > 0);
      if (value !== undefined) out[name] = rows;
      continue;
    }
    const cell = fromCell(meta, value);
    if (cell !== undefined) out[name] = cell;
  }
  return out;
}

/** "members.0.fullName" → ['members', 0, 'fullName'] (a place on the form). */
export function namePath(field: string): Array<string | number> {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Is `field` (a dotted path from the server) a place on this form? */
export function isFormPath(form: ProcedureForm, field: string): boolean {
  const [top, row, column] = namePath(field);
  const meta = typeof top === 'string' ? form.fields[top] : undefined;
  if (!meta) return false;
  if (row === undefined) return true;
  return typeof row === 'number' && (column === undefined || meta.columns?.some((c) => c.key === column) === true);
}

function isEmptyAnswer(v: unknown): boolean {
  if (typeof v === 'string') return v.trim() === '';
  return v === undefined || v === null || v === false || (Array.isArray(v) && v.length === 0);
}

/**
 * Inputs the citizen still has to fill: each field they type (no registry or e-ID value) counts
 * as the server counts it (prefill-stats `inputsOf`: 1, or one per column for a table) while it is
 * empty. Before anything is typed it equals the prefill's `typedCount` (issue 14 §2).
 */
export function typedRemaining(form: ProcedureForm, sources: Record<string, string>, values: Values = {}): number {
  let n = 0;
  for (const [name, meta] of Object.entries(form.fields)) {
    if ((sources[name] ?? 'typed') !== 'typed' || !isEmptyAnswer(values[name])) continue;
    n += meta.widget === 'table' ? Math.max(1, meta.columns?.length ?? 1) : 1;
  }
  return n;
}
