import type { FieldProblem } from '../../../contracts/messages';
import {
  EID_CLAIMS,
  HOUSEHOLD_PATHS,
  MEMBER_COLUMNS,
  PERSON_PATHS,
  type ColumnMeta,
  type FieldMeta,
  type ProcedureForm,
} from '../../../contracts/procedures';
import { ajv } from './form-validation';
import { problem } from './procedures.errors';

type Schema = Record<string, unknown>;
const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON Schema pattern of a commune field: the unit's 5-digit code. */
export const COMMUNE_CODE_PATTERN = '^[0-9]{5}$';

/** Widgets allowed for each JSON type of a scalar property. */
const WIDGETS_BY_TYPE: Record<string, readonly string[]> = {
  string: ['text', 'textarea', 'date', 'select', 'phone', 'email', 'nationalId', 'commune'],
  number: ['number'],
  integer: ['number', 'select'],
  boolean: ['checkbox'],
};

/** A scalar property: one JSON type, and bounded (a string needs maxLength, enum, pattern or format date). */
function checkScalar(where: string, schema: unknown, widget: string, options: ColumnMeta['options']): FieldProblem[] {
  if (!isObject(schema) || typeof schema.type !== 'string' || !(schema.type in WIDGETS_BY_TYPE)) {
    return [
      problem(
        where,
        `Trường ${where}: chỉ dùng kiểu string, number, integer hoặc boolean`,
        `Field ${where}: use one type among string, number, integer, boolean`,
      ),
    ];
  }
  const out: FieldProblem[] = [];
  if (!WIDGETS_BY_TYPE[schema.type]!.includes(widget))
    out.push(
      problem(
        where,
        `Trường ${where}: cách nhập "${widget}" không hợp với kiểu ${schema.type}`,
        `Field ${where}: widget "${widget}" does not fit type ${schema.type}`,
      ),
    );
  if (
    schema.type === 'string' &&
    schema.maxLength === undefined &&
    schema.enum === undefined &&
    schema.pattern === undefined &&
    schema.format !== 'date'
  ) {
    out.push(
      problem(
        where,
        `Trường ${where}: cần giới hạn độ dài (maxLength), danh sách (enum) hoặc mẫu (pattern)`,
        `Field ${where}: needs maxLength, enum or pattern`,
      ),
    );
  }
  if (widget === 'date' && schema.format !== 'date')
    out.push(
      problem(
        where,
        `Trường ${where}: ô ngày cần "format": "date"`,
        `Field ${where}: a date widget needs "format": "date"`,
      ),
    );
  if (widget === 'commune' && schema.pattern !== COMMUNE_CODE_PATTERN)
    out.push(
      problem(
        where,
        `Trường ${where}: ô xã, phường cần "pattern": "${COMMUNE_CODE_PATTERN}" (mã 5 chữ số)`,
        `Field ${where}: a commune widget needs "pattern": "${COMMUNE_CODE_PATTERN}" (5-digit code)`,
      ),
    );
  if (widget === 'select') {
    const values = Array.isArray(schema.enum) ? schema.enum.map(String) : [];
    const labelled = new Set((options ?? []).map((o) => o.value));
    if (values.length === 0 || values.some((v) => !labelled.has(v))) {
      out.push(
        problem(
          where,
          `Trường ${where}: ô chọn cần "enum" và nhãn (options) cho mọi giá trị`,
          `Field ${where}: a select needs "enum" and an option label for every value`,
        ),
      );
    }
  }
  return out;
}

/** A table property: an array (maxItems) of objects without extra properties, columns = item properties. */
function checkTable(name: string, schema: Schema, meta: FieldMeta): FieldProblem[] {
  const where = `form.schema.properties.${name}`;
  const items = schema.items;
  if (typeof schema.maxItems !== 'number' || schema.maxItems > 100)
    return [
      problem(where, `Bảng ${name}: cần "maxItems" không quá 100`, `Table ${name}: needs "maxItems" of at most 100`),
    ];
  if (
    !isObject(items) ||
    items.type !== 'object' ||
    items.additionalProperties !== false ||
    !isObject(items.properties)
  ) {
    return [
      problem(
        where,
        `Bảng ${name}: mỗi dòng phải là object có "additionalProperties": false`,
        `Table ${name}: rows must be objects with "additionalProperties": false`,
      ),
    ];
  }
  const props = items.properties;
  const columns = meta.columns ?? [];
  const out: FieldProblem[] = [];
  const keys = new Set(columns.map((c) => c.key));
  if (keys.size !== Object.keys(props).length || Object.keys(props).some((k) => !keys.has(k))) {
    out.push(
      problem(
        `form.fields.${name}.columns`,
        `Bảng ${name}: các cột phải đúng bằng các thuộc tính của một dòng`,
        `Table ${name}: columns must match the row properties exactly`,
      ),
    );
  }
  for (const c of columns)
    if (props[c.key] !== undefined) out.push(...checkScalar(`${name}.${c.key}`, props[c.key], c.widget, c.options));
  if (
    meta.source === 'registry.household' &&
    columns.some((c) => !(MEMBER_COLUMNS as readonly string[]).includes(c.key))
  ) {
    out.push(
      problem(
        `form.fields.${name}.columns`,
        `Bảng thành viên hộ chỉ có các cột: ${MEMBER_COLUMNS.join(', ')}`,
        `A household-members table has only the columns: ${MEMBER_COLUMNS.join(', ')}`,
      ),
    );
  }
  return out;
}

/** The source of a field names a path or claim that prefill knows; typed fields are always editable. */
function checkSource(name: string, meta: FieldMeta): FieldProblem[] {
  const where = `form.fields.${name}`;
  const known: Record<string, readonly string[]> = {
    'registry.person': PERSON_PATHS,
    'registry.household': HOUSEHOLD_PATHS,
    eid: EID_CLAIMS,
  };
  if (meta.source === 'typed') {
    return meta.path === null && meta.editable
      ? []
      : [
          problem(
            where,
            `Trường ${name}: trường tự nhập không có đường dẫn và luôn sửa được`,
            `Field ${name}: a typed field has no path and is always editable`,
          ),
        ];
  }
  const paths = known[meta.source]!;
  if (!meta.path || !paths.includes(meta.path)) {
    return [
      problem(
        `${where}.path`,
        `Trường ${name}: nguồn ${meta.source} không có "${meta.path ?? ''}" (có: ${paths.join(', ')})`,
        `Field ${name}: source ${meta.source} has no "${meta.path ?? ''}" (known: ${paths.join(', ')})`,
      ),
    ];
  }
  const isMembers = meta.path === 'members';
  if (isMembers !== (meta.widget === 'table')) {
    return [
      problem(
        where,
        `Trường ${name}: chỉ bảng mới lấy "members", và bảng chỉ lấy được "members"`,
        `Field ${name}: only a table takes "members", and a prefilled table only takes "members"`,
      ),
    ];
  }
  return [];
}

/** Every property is described and shown exactly once; every description has a property. */
function checkLayout(form: ProcedureForm, props: Schema): FieldProblem[] {
  const out: FieldProblem[] = [];
  const shown = new Map<string, number>();
  for (const s of form.sections) for (const f of s.fields) shown.set(f, (shown.get(f) ?? 0) + 1);
  for (const name of Object.keys(props)) {
    if (!form.fields[name])
      out.push(
        problem(
          `form.fields.${name}`,
          `Thiếu mô tả (nhãn, nguồn) của trường ${name}`,
          `Field ${name} has no metadata (label, source)`,
        ),
      );
    if (shown.get(name) !== 1)
      out.push(
        problem(
          `form.sections`,
          `Trường ${name} phải nằm trong đúng một nhóm`,
          `Field ${name} must be in exactly one section`,
        ),
      );
  }
  for (const name of new Set([...Object.keys(form.fields), ...shown.keys()])) {
    if (!(name in props))
      out.push(
        problem(
          `form.fields.${name}`,
          `Trường ${name} không có trong JSON Schema`,
          `Field ${name} is not in the JSON Schema`,
        ),
      );
  }
  return out;
}

/** The first "$…" keyword ($id, $ref, $defs…) anywhere in a schema, except "$schema" at the root: the renderer and the validator cache need self-contained schemas. */
function dollarKeyword(node: unknown, root = false): string | undefined {
  if (Array.isArray(node)) return node.map((n) => dollarKeyword(n)).find(Boolean);
  if (!isObject(node)) return undefined;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('$') && !(root && key === '$schema')) return key;
    const inner =
      key === 'properties' && isObject(value)
        ? Object.values(value)
            .map((v) => dollarKeyword(v))
            .find(Boolean)
        : dollarKeyword(value);
    if (inner) return inner;
  }
  return undefined;
}

/** Each in-person rule names a select field of the form and only values among its options. */
function checkInPersonDefinition(form: ProcedureForm): FieldProblem[] {
  const out: FieldProblem[] = [];
  (form.inPersonOnly ?? []).forEach((rule, i) => {
    const meta = form.fields[rule.field];
    const options = meta?.widget === 'select' ? (meta.options ?? []).map((o) => o.value) : null;
    if (!options) {
      out.push(
        problem(
          `form.inPersonOnly.${i}.field`,
          `Điều kiện nộp trực tiếp ${i + 1}: trường ${rule.field} phải là một trường chọn của tờ khai`,
          `In-person rule ${i + 1}: field ${rule.field} must be a select field of the form`,
        ),
      );
      return;
    }
    const unknown = rule.values.filter((v) => !options.includes(v));
    if (unknown.length)
      out.push(
        problem(
          `form.inPersonOnly.${i}.values`,
          `Điều kiện nộp trực tiếp ${i + 1}: giá trị không có trong danh sách chọn: ${unknown.join(', ')}`,
          `In-person rule ${i + 1}: values not among the options: ${unknown.join(', ')}`,
        ),
      );
  });
  return out;
}

/** The form-level references (receiving commune, household-head check) name fields of the right widget. */
function checkFieldReferences(form: ProcedureForm): FieldProblem[] {
  const out: FieldProblem[] = [];
  const expect = (where: string, name: string | undefined, widget: FieldMeta['widget']) => {
    if (name !== undefined && form.fields[name]?.widget !== widget)
      out.push(
        problem(
          where,
          `${where}: trường ${name} phải là một trường "${widget}" của tờ khai`,
          `${where}: field ${name} must be a "${widget}" field of the form`,
        ),
      );
  };
  expect('form.receivingUnitField', form.receivingUnitField, 'commune');
  expect('form.householdHeadCheck.nationalIdField', form.householdHeadCheck?.nationalIdField, 'nationalId');
  expect('form.householdHeadCheck.communeField', form.householdHeadCheck?.communeField, 'commune');
  expect('form.householdHeadCheck.nameField', form.householdHeadCheck?.nameField, 'text');
  return out;
}

/**
 * Checks a form definition before a version is created: the JSON Schema compiles (draft 2020-12,
 * strict), is a closed object (additionalProperties: false) of bounded scalars and tables, and
 * every property has metadata whose source, path and widget prefill and the web renderer understand.
 */
export function validateFormDefinition(form: ProcedureForm): FieldProblem[] {
  const schema = form.schema;
  if (schema.$schema !== undefined && schema.$schema !== DRAFT_2020_12) {
    return [
      problem(
        'form.schema.$schema',
        `Chỉ dùng JSON Schema draft 2020-12 (${DRAFT_2020_12})`,
        `Use JSON Schema draft 2020-12 (${DRAFT_2020_12})`,
      ),
    ];
  }
  const keyword = dollarKeyword(schema, true);
  if (keyword)
    return [
      problem(
        'form.schema',
        `Không dùng "${keyword}" trong tờ khai (chỉ "$schema" ở gốc)`,
        `Do not use "${keyword}" in a form (only "$schema" at the root)`,
      ),
    ];
  try {
    ajv.compile(schema);
    ajv.removeSchema(schema); // only checking: keep Ajv's cache to the stored versions
  } catch (error) {
    const msg = error instanceof Error ? error.message : String(error);
    return [problem('form.schema', `JSON Schema không hợp lệ: ${msg}`, `Invalid JSON Schema: ${msg}`)];
  }
  if (
    schema.type !== 'object' ||
    schema.additionalProperties !== false ||
    !isObject(schema.properties) ||
    Object.keys(schema.properties).length === 0
  ) {
    return [
      problem(
        'form.schema',
        'Tờ khai phải là object có "properties" và "additionalProperties": false',
        'The form must be an object with "properties" and "additionalProperties": false',
      ),
    ];
  }
  const props = schema.properties;
  const out = [...checkLayout(form, props), ...checkInPersonDefinition(form), ...checkFieldReferences(form)];
  for (const [name, meta] of Object.entries(form.fields)) {
    const prop = props[name];
    if (prop === undefined) continue;
    out.push(...checkSource(name, meta));
    if (meta.widget === 'table') {
      if (isObject(prop) && prop.type === 'array') out.push(...checkTable(name, prop, meta));
      else
        out.push(
          problem(
            `form.schema.properties.${name}`,
            `Trường ${name}: bảng phải có kiểu array`,
            `Field ${name}: a table must be an array`,
          ),
        );
    } else {
      out.push(...checkScalar(name, prop, meta.widget, meta.options));
    }
  }
  return out;
}
