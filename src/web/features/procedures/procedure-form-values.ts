import dayjs from 'dayjs';
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

const isDateWidget = (m: Pick<FieldMeta | ColumnMeta, 'widget'>) => m.widget === 'date';

function toCell(meta: Pick<FieldMeta | ColumnMeta, 'widget'>, value: unknown): unknown {
  return isDateWidget(meta) && typeof value === 'string' && dayjs(value).isValid() ? dayjs(value) : value;
}

function fromCell(meta: Pick<FieldMeta | ColumnMeta, 'widget'>, value: unknown): unknown {
  if (dayjs.isDayjs(value)) return value.format('YYYY-MM-DD');
  if (typeof value === 'string') {
    const s = value.trim();
    return s === '' ? undefined : s;
  }
  if (value === null) return undefined;
  return isDateWidget(meta) && value === undefined ? undefined : value;
}

function rowsOf(value: unknown): Values[] {
  return Array.isArray(value) ? value.filter((r): r is Values => typeof r === 'object' && r !== null) : [];
}

/** One API row of a table → the antd row (ISO dates become dayjs). */
export function toFormRow(columns: readonly ColumnMeta[], row: Values): Values {
  return Object.fromEntries(columns.filter((c) => c.key in row).map((c) => [c.key, toCell(c, row[c.key])]));
}

/** API values → antd form values (ISO dates become dayjs, for the date pickers). */
export function toFormValues(form: ProcedureForm, values: Values = {}): Values {
  const out: Values = {};
  for (const [name, value] of Object.entries(values)) {
    const meta = form.fields[name];
    if (!meta) continue;
    if (meta.widget === 'table') {
      const columns = meta.columns ?? [];
      out[name] = rowsOf(value).map((row) => toFormRow(columns, row));
    } else {
      out[name] = toCell(meta, value);
    }
  }
  return out;
}

/**
 * antd form values → what the API validates: dates as YYYY-MM-DD, strings trimmed, empty inputs
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

/** "members.0.fullName" → ['members', 0, 'fullName'] (antd name path). */
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
