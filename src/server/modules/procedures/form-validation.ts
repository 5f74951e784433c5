import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { FieldMeta, FieldSource, ProcedureForm } from '../../../contracts/procedures';

/** A bilingual problem with one field of a submitted form; `field` is a dotted path ("members.0.fullName"). */
export interface FormError {
  field: string;
  vi: string;
  en: string;
}

export type FormValidation = { ok: true; value: Record<string, unknown> } | { ok: false; errors: FormError[] };

/** Prefill of a form as returned by prefillForm (only what the lock check needs). */
export interface PrefillSnapshot {
  values: Record<string, unknown>;
  sources: Record<string, FieldSource>;
  editable: Record<string, boolean>;
  /** Registry rows offered for a table (household members), none chosen by default. */
  choices?: Record<string, unknown[]>;
}

/**
 * One Ajv instance for every procedure form: JSON Schema draft 2020-12, strict (unknown keywords
 * and `required` names without a property are schema errors), all errors reported, no coercion,
 * formats 'date' (a real calendar date) and 'email'.
 */
export const ajv = new Ajv2020({
  allErrors: true,
  strict: true,
  coerceTypes: false,
  useDefaults: false,
  logger: false,
});
addFormats(ajv, ['date', 'email']);

const MAX_CACHED = 200;
const compiled = new Map<string, ValidateFunction>();

/** The compiled validator of a version's form; versions are immutable, so it is cached by version id. */
function validatorFor(version: { id?: string; form: ProcedureForm }): ValidateFunction {
  const cached = version.id ? compiled.get(version.id) : undefined;
  if (cached) return cached;
  const validate = ajv.compile(version.form.schema);
  if (version.id) {
    if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value as string);
    compiled.set(version.id, validate);
  }
  return validate;
}

/** Strings in NFC without surrounding spaces (so "  " counts as empty), recursively; other values unchanged. */
export function normalizeFormData(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (Array.isArray(value)) return value.map(normalizeFormData);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeFormData(v)]));
  return value;
}

interface Labels {
  vi: string;
  en: string;
  meta?: FieldMeta;
  options?: FieldMeta['options'];
  widget?: string;
}

/** Labels of a dotted path: a top-level field, or a column of a table row ("Họ tên (dòng 2)"). */
function labelsOf(form: ProcedureForm, path: string[]): Labels {
  const [top, row, column] = path;
  const meta = top ? form.fields[top] : undefined;
  if (!meta || !top) return { vi: top ?? 'tờ khai', en: top ?? 'form' };
  if (row === undefined)
    return { vi: meta.labelVi, en: meta.labelEn, meta, options: meta.options, widget: meta.widget };
  const col = column ? meta.columns?.find((c) => c.key === column) : undefined;
  const n = Number(row) + 1;
  if (!col) return { vi: `${meta.labelVi} (dòng ${n})`, en: `${meta.labelEn} (row ${n})`, meta };
  return {
    vi: `${col.labelVi} (${meta.labelVi}, dòng ${n})`,
    en: `${col.labelEn} (${meta.labelEn}, row ${n})`,
    meta,
    options: col.options,
    widget: col.widget,
  };
}

const TYPE_VI: Record<string, string> = {
  string: 'chữ',
  number: 'số',
  integer: 'số nguyên',
  boolean: 'có/không',
  array: 'danh sách',
  object: 'nhóm thông tin',
};
const FORMAT_HINT: Record<string, [string, string]> = {
  nationalId: ['gồm đúng 12 chữ số', 'exactly 12 digits'],
  phone: ['10 hoặc 11 chữ số, bắt đầu bằng 0', '10 or 11 digits starting with 0'],
};

/** Vietnamese and English message of one Ajv error, naming the field by its label. */
function messageOf(e: ErrorObject, l: Labels): [string, string] {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return [`Chưa nhập "${l.vi}"`, `"${l.en}" is required`];
    case 'additionalProperties':
      return [`Trường "${l.vi}" không có trong tờ khai này`, `Field "${l.en}" is not part of this form`];
    case 'type':
      return [
        `"${l.vi}" phải là ${TYPE_VI[String(p.type)] ?? String(p.type)}`,
        `"${l.en}" must be of type ${String(p.type)}`,
      ];
    case 'format':
      return p.format === 'date'
        ? [`"${l.vi}" phải là một ngày có thật, dạng năm-tháng-ngày`, `"${l.en}" must be a real date (YYYY-MM-DD)`]
        : [`"${l.vi}" không phải địa chỉ thư điện tử hợp lệ`, `"${l.en}" is not a valid e-mail address`];
    case 'pattern': {
      const hint = l.widget ? FORMAT_HINT[l.widget] : undefined;
      return hint
        ? [`"${l.vi}" phải ${hint[0]}`, `"${l.en}" must be ${hint[1]}`]
        : [`"${l.vi}" không đúng định dạng`, `"${l.en}" has the wrong format`];
    }
    case 'enum': {
      const allowed = l.options?.map((o) => o.labelVi).join(', ');
      const allowedEn = l.options?.map((o) => o.labelEn).join(', ');
      return [
        `"${l.vi}" phải là một trong: ${allowed ?? (p.allowedValues as unknown[]).join(', ')}`,
        `"${l.en}" must be one of: ${allowedEn ?? (p.allowedValues as unknown[]).join(', ')}`,
      ];
    }
    case 'minLength':
      return Number(p.limit) <= 1
        ? [`Chưa nhập "${l.vi}"`, `"${l.en}" is required`]
        : [`"${l.vi}" cần ít nhất ${String(p.limit)} ký tự`, `"${l.en}" needs at least ${String(p.limit)} characters`];
    case 'maxLength':
      return [`"${l.vi}" tối đa ${String(p.limit)} ký tự`, `"${l.en}" is at most ${String(p.limit)} characters`];
    case 'minimum':
      return [`"${l.vi}" phải từ ${String(p.limit)} trở lên`, `"${l.en}" must be at least ${String(p.limit)}`];
    case 'maximum':
      return [`"${l.vi}" không được lớn hơn ${String(p.limit)}`, `"${l.en}" must be at most ${String(p.limit)}`];
    case 'minItems':
      return [
        `"${l.vi}" cần ít nhất ${String(p.limit)} dòng`,
        `"${l.en}" needs at least ${String(p.limit)} ${p.limit === 1 ? 'row' : 'rows'}`,
      ];
    case 'maxItems':
      return [
        `"${l.vi}" tối đa ${String(p.limit)} dòng`,
        `"${l.en}" has at most ${String(p.limit)} ${p.limit === 1 ? 'row' : 'rows'}`,
      ];
    default:
      return [`"${l.vi}" không hợp lệ`, `"${l.en}" is invalid`];
  }
}

/** Turns Ajv errors into one bilingual error per field, in the order found. */
function formErrors(form: ProcedureForm, errors: ErrorObject[]): FormError[] {
  const out = new Map<string, FormError>();
  for (const e of errors) {
    // A failed condition reports the missing field itself (`required`); the `if` error adds nothing.
    if (e.keyword === 'if') continue;
    const path = e.instancePath.split('/').filter(Boolean);
    const p = e.params as Record<string, unknown>;
    if (e.keyword === 'required') path.push(String(p.missingProperty));
    if (e.keyword === 'additionalProperties') path.push(String(p.additionalProperty));
    const field = path.join('.') || '(body)';
    if (out.has(field)) continue;
    const labels: Labels =
      e.keyword === 'additionalProperties'
        ? { vi: path[path.length - 1]!, en: path[path.length - 1]! }
        : labelsOf(form, path);
    const [vi, en] = messageOf(e, labels);
    out.set(field, { field, vi, en });
  }
  return [...out.values()];
}

/**
 * Validates submitted form data against the version's JSON Schema (additionalProperties: false,
 * so unknown fields are rejected). Strings are NFC-normalised and trimmed first; `value` is that
 * normalised copy. Errors name the field by its Vietnamese (and English) label.
 */
export function validateFormData(version: { id?: string; form: ProcedureForm }, data: unknown): FormValidation {
  const value = normalizeFormData(data);
  const validate = validatorFor(version);
  if (validate(value)) return { ok: true, value: value as Record<string, unknown> };
  return { ok: false, errors: formErrors(version.form, validate.errors ?? []) };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalizeFormData(a)) === JSON.stringify(normalizeFormData(b));
}

type Row = Record<string, unknown>;

/** Rows of a prefilled table: a row that matches a registry row (by ID number) keeps its locked columns. */
function checkTable(name: string, meta: FieldMeta, submitted: unknown, prefilled: unknown): FormError[] {
  const rows = Array.isArray(submitted) ? (submitted as Row[]) : [];
  const known = Array.isArray(prefilled) ? (prefilled as Row[]) : [];
  const locked = (meta.columns ?? []).filter((c) => !c.editable);
  const errors: FormError[] = [];
  rows.forEach((row, i) => {
    const match = known.find((k) => k.nationalId !== undefined && k.nationalId === row?.nationalId);
    if (!match) {
      if (!meta.allowNewRows)
        errors.push({
          field: `${name}.${i}`,
          vi: `Dòng ${i + 1} của "${meta.labelVi}" không có trong CSDL quốc gia về dân cư`,
          en: `Row ${i + 1} of "${meta.labelEn}" is not in the population registry`,
        });
      return;
    }
    for (const c of locked) {
      if (!same(row[c.key], match[c.key])) {
        errors.push({
          field: `${name}.${i}.${c.key}`,
          vi: `"${c.labelVi}" (dòng ${i + 1}) lấy từ CSDL quốc gia về dân cư, không được sửa`,
          en: `"${c.labelEn}" (row ${i + 1}) comes from the population registry and cannot be changed`,
        });
      }
    }
  });
  return errors;
}

/**
 * A prefilled field the citizen may not edit must come back exactly as the registry (or e-ID) gave
 * it — otherwise a dossier could carry data the registry never said. Editable prefilled fields and
 * typed fields are free. Tables: a row matching a registry member (same ID number) must keep its
 * locked columns; rows not in the registry are allowed only where the field allows new rows.
 */
export function checkLockedFields(
  version: { form: ProcedureForm },
  submitted: Record<string, unknown>,
  prefill: PrefillSnapshot,
): FormError[] {
  const errors: FormError[] = [];
  for (const [name, meta] of Object.entries(version.form.fields)) {
    const source = prefill.sources[name];
    if (!source || source === 'typed' || !(name in prefill.values)) continue;
    if (meta.widget === 'table') {
      // A row with the ID number of an offered member keeps that member's locked columns; any other
      // row is a new row, allowed only where the form allows new rows. Who a new row may be (of the
      // applicant's household, or registered nowhere) is the dossier's rule, checked against the
      // registry at filing and at the decision (dossiers' refuseMembersOutsideHousehold).
      const known = [...((prefill.values[name] as unknown[] | undefined) ?? []), ...(prefill.choices?.[name] ?? [])];
      if (prefill.editable[name]) errors.push(...checkTable(name, meta, submitted[name], known));
      else if (!same(submitted[name], prefill.values[name]))
        errors.push({
          field: name,
          vi: `"${meta.labelVi}" lấy từ CSDL quốc gia về dân cư, không được sửa`,
          en: `"${meta.labelEn}" comes from the population registry and cannot be changed`,
        });
      continue;
    }
    if (prefill.editable[name]) continue;
    if (!same(submitted[name], prefill.values[name])) {
      const from: [string, string] =
        source === 'eid'
          ? ['tài khoản định danh điện tử', 'the e-ID account']
          : ['CSDL quốc gia về dân cư', 'the population registry'];
      errors.push({
        field: name,
        vi: `"${meta.labelVi}" lấy từ ${from[0]}, không được sửa`,
        en: `"${meta.labelEn}" comes from ${from[1]} and cannot be changed`,
      });
    }
  }
  return errors;
}

/**
 * The answers of a form that the law does not let the citizen file online (the version's
 * `inPersonOnly` rules): one error per rule met, on the rule's field, with the reason and its legal
 * basis. Only an `online` filing is refused — at the counter (assisted or paper) the officer checks
 * the conditions the rule's reason names (e.g. the supervising authority's written consent).
 */
export function checkInPersonRules(
  version: { form: ProcedureForm },
  data: Record<string, unknown>,
  channel: 'online' | 'assisted' | 'paper',
): FormError[] {
  if (channel !== 'online') return [];
  const errors: FormError[] = [];
  for (const rule of version.form.inPersonOnly ?? []) {
    const value = data[rule.field];
    if (typeof value !== 'string' || !rule.values.includes(value)) continue;
    errors.push({
      field: rule.field,
      vi: `${rule.reasonVi} (${rule.legalBasis})`,
      en: `${rule.reasonEn} (${rule.legalBasis})`,
    });
  }
  return errors;
}

/**
 * Schema validation, then (when the form was prefilled) the locked-field check, then (when the
 * channel is given) the in-person rules: what the dossiers module runs on submit.
 */
export function validateSubmission(
  version: { id?: string; form: ProcedureForm },
  data: unknown,
  prefill?: PrefillSnapshot,
  channel?: 'online' | 'assisted' | 'paper',
): FormValidation {
  const result = validateFormData(version, data);
  if (!result.ok) return result;
  const locked = prefill ? checkLockedFields(version, result.value, prefill) : [];
  if (locked.length) return { ok: false, errors: locked };
  const inPerson = channel ? checkInPersonRules(version, result.value, channel) : [];
  return inPerson.length ? { ok: false, errors: inPerson } : result;
}
