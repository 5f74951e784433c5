import { foldHeader, normalizeDeclared } from '../../../../shared/text';
import { parseListDate } from '../linking/dates';
import type { FieldSpec, RowError } from './field';

/** A cell read as a field: its normalised value (null when blank) or why it cannot be read. */
export type FieldRead = { ok: true; value: string | number | boolean | null } | { ok: false; vi: string; en: string };

const ok = (value: string | number | boolean | null): FieldRead => ({ ok: true, value });
const bad = (vi: string, en: string): FieldRead => ({ ok: false, vi, en });

/** Excel's day 0 (1899-12-30, so that serial 60 is Excel's fictitious 29/02/1900 and 61 is 01/03/1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Two-digit years as lists write them: 00–30 → 2000s, otherwise 1900s (a birth list rarely reaches 1930 back). */
const fullYear = (y: string): number =>
  y.length === 2 ? (Number(y) <= 30 ? 2000 + Number(y) : 1900 + Number(y)) : Number(y);

/**
 * A date as Vietnamese lists write it: dd/mm/yyyy, d/m/yy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd
 * (also what the XLSX reader gives for a date cell), an Excel serial number, or a year alone
 * (kept as "YYYY": lists of old people often know only the year), and the other forms linking
 * reads (mm/yyyy kept as "YYYY-MM", yyyymmdd, "ngày 5 tháng 3 năm 1990"). Day first, as in Vietnam;
 * a date real only month first (03/25/1990) is read month first — day and month swapped — rather
 * than refused, and where both readings are real linking compares both.
 */
export function readDate(text: string): FieldRead {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return dateOr(isoDate(Number(m[1]), Number(m[2]), Number(m[3])), s);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  // Day first; a date that is real only month first (03/25/1990) is read so: day and month swapped.
  if (m)
    return dateOr(
      isoDate(fullYear(m[3]!), Number(m[2]), Number(m[1])) ?? isoDate(fullYear(m[3]!), Number(m[1]), Number(m[2])),
      s,
    );
  m = /^(?:năm\s*)?(\d{4})$/i.exec(s);
  if (m && Number(m[1]) >= 1900 && Number(m[1]) <= 2100) return ok(m[1]!);
  if (/^\d{1,5}(?:\.0+)?$/.test(s)) {
    const serial = Number(s);
    if (serial >= 1 && serial < 73051) {
      const d = new Date(EXCEL_EPOCH_MS + serial * 86_400_000);
      return dateOr(isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()), s);
    }
  }
  // The other forms linking reads (linking/dates.ts): mm/yyyy, yyyymmdd, "ngày 5 tháng 3 năm 1990".
  const other = parseListDate(s, { referenceYear: 2100 });
  if (other.kind === 'date') {
    const { year, month, day } = other.date;
    const two = (n: number) => String(n).padStart(2, '0');
    return ok(
      day !== undefined
        ? `${year}-${two(month!)}-${two(day)}`
        : month !== undefined
          ? `${year}-${two(month)}`
          : `${year}`,
    );
  }
  return bad(`"${s}" không phải ngày (dd/mm/yyyy)`, `"${s}" is not a date (dd/mm/yyyy)`);
}

function dateOr(iso: string | null, s: string): FieldRead {
  return iso ? ok(iso) : bad(`"${s}" không phải ngày có thật`, `"${s}" is not a real date`);
}

const SEX_WORDS: Readonly<Record<string, 'male' | 'female'>> = {
  nam: 'male',
  trai: 'male',
  m: 'male',
  male: 'male',
  '1': 'male',
  nu: 'female',
  gai: 'female',
  f: 'female',
  female: 'female',
  '0': 'female',
  '2': 'female',
};

/** A sex in words or codes: "Nam", "Nữ", "nu", "M"/"F", 1/0 (and 1/2, as some lists code it). */
export function readSex(text: string): FieldRead {
  const sex = SEX_WORDS[foldHeader(text)];
  return sex
    ? ok(sex)
    : bad(`"${text.trim()}" không phải giới tính (Nam/Nữ)`, `"${text.trim()}" is not a sex (Nam/Nữ)`);
}

/**
 * A personal ID number: 12 digits (số định danh cá nhân / CCCD) or an old 9-digit identity-card
 * number (CMND, kept as written: linking treats it as a weak hint). Spaces, dots and a leading
 * apostrophe (Excel's text marker) are removed; a number Excel stripped of its leading zero
 * (11 digits) gets it back.
 */
export function readIdNumber(text: string): FieldRead {
  const digits = text.trim().replace(/^'/, '').replace(/[\s.]/g, '');
  if (/^\d{12}$/.test(digits) || /^\d{9}$/.test(digits)) return ok(digits);
  if (/^\d{11}$/.test(digits)) return ok(`0${digits}`);
  return bad(
    `"${text.trim()}" không phải số định danh 12 chữ số (hoặc CMND 9 chữ số)`,
    `"${text.trim()}" is not a 12-digit personal ID number (or a 9-digit old ID card number)`,
  );
}

/** A number as lists write it: "1.234.567" and "1 234 567" (Vietnamese thousands), "12,5" (decimal comma). */
export function readNumber(text: string): FieldRead {
  let s = text.trim().replace(/\s/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '');
  s = s.replace(',', '.');
  const n = Number(s);
  return s !== '' && Number.isFinite(n)
    ? ok(n)
    : bad(`"${text.trim()}" không phải số`, `"${text.trim()}" is not a number`);
}

const YES = new Set(['co', 'x', 'yes', 'true', '1', 'dung', 'da', 'co_su_dung']);
const NO = new Set(['khong', 'no', 'false', '0', 'sai', 'chua']);

/** Yes/no: "Có", "x", "1", "Đã" / "Không", "0", "Chưa". */
export function readBool(text: string): FieldRead {
  const f = foldHeader(text);
  if (YES.has(f)) return ok(true);
  if (NO.has(f)) return ok(false);
  return bad(`"${text.trim()}" phải là Có hoặc Không`, `"${text.trim()}" must be yes (Có) or no (Không)`);
}

/** Reads one cell as `field` (blank → null, or an error when the field is required). */
export function readField(field: FieldSpec, cell: string): FieldRead {
  const text = cell.normalize('NFC').trim();
  if (text === '')
    return field.required ? bad(`"${field.labelVi}" bị bỏ trống`, `"${field.labelEn}" is empty`) : ok(null);
  switch (field.kind) {
    case 'text':
    case 'name':
      return ok(normalizeDeclared(text));
    case 'code':
      return ok(text.replace(/^'/, '').replace(/\s+/g, '').toUpperCase());
    case 'date':
      return readDate(text);
    case 'sex':
      return readSex(text);
    case 'id-number':
      return readIdNumber(text);
    case 'number':
      return readNumber(text);
    case 'bool':
      return readBool(text);
    case 'enum': {
      const folded = foldHeader(text);
      const option = field.options?.find((o) => [o.key, o.labelVi, ...o.aliases].some((a) => foldHeader(a) === folded));
      if (option) return ok(option.key);
      const allowed = (field.options ?? []).map((o) => o.labelVi).join(', ');
      return bad(`"${text}" không thuộc danh mục (${allowed})`, `"${text}" is not one of the allowed values`);
    }
  }
}

/** A field's error, for the row's error list. */
export function fieldError(field: FieldSpec, read: { vi: string; en: string }): RowError {
  return { field: field.key, vi: `${field.labelVi}: ${read.vi}`, en: `${field.labelEn}: ${read.en}` };
}
