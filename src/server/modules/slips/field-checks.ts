import type { FieldProblem } from '../../../contracts/messages';

/** Builders of field checks (required or optional text and times, one time after another), bilingual; messages name fields, never their values. */

export type Problem = Omit<FieldProblem, 'code'>;
/** One rule about a record: the problem it finds, or undefined. */
export type FieldCheck<T> = (d: T) => Problem | undefined;

export const missingText =
  <T>(field: keyof T & string, vi: string, en: string, max = 500): FieldCheck<T> =>
  (d) => {
    const v = d[field];
    if (typeof v !== 'string' || v.trim() === '')
      return { field, messageVi: `Thiếu ${vi}`, messageEn: `${en} is required` };
    if (v.length > max)
      return {
        field,
        messageVi: `${capital(vi)} dài quá ${max} ký tự`,
        messageEn: `${en} is longer than ${max} characters`,
      };
    return undefined;
  };

export const optionalText =
  <T>(field: keyof T & string, vi: string, en: string, max = 500): FieldCheck<T> =>
  (d) =>
    d[field] === undefined ? undefined : missingText<T>(field, vi, en, max)(d);

export const isValidDate = (v: unknown): v is Date => v instanceof Date && !Number.isNaN(v.getTime());

export const requiredDate =
  <T>(field: keyof T & string, vi: string, en: string): FieldCheck<T> =>
  (d) => {
    const v = d[field];
    if (v === undefined) return { field, messageVi: `Thiếu ${vi}`, messageEn: `${en} is required` };
    if (!isValidDate(v))
      return { field, messageVi: `${capital(vi)} không hợp lệ`, messageEn: `${en} is not a valid time` };
    return undefined;
  };

export const optionalDate =
  <T>(field: keyof T & string, vi: string, en: string): FieldCheck<T> =>
  (d) =>
    d[field] === undefined ? undefined : requiredDate<T>(field, vi, en)(d);

/** `later` must be strictly after `earlier` when both are valid. */
export const after =
  <T>(later: keyof T & string, earlier: keyof T & string, vi: string, en: string): FieldCheck<T> =>
  (d) => {
    const [l, e] = [d[later], d[earlier]];
    if (isValidDate(l) && isValidDate(e) && l.getTime() <= e.getTime())
      return { field: later, messageVi: vi, messageEn: en };
    return undefined;
  };

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Dossier code `<agency code>-YYMMDD-XXXX` (Circular 01/2018 style; the agency code per QCVN 102:2016). */
const DOSSIER_CODE = /^[A-Za-z0-9.]{1,40}-\d{6}-\d{4}$/;

/** The dossier code printed on a slip or a result document (and in its QR code). */
export const dossierCodeCheck =
  <T extends { dossierCode: unknown }>(): FieldCheck<T> =>
  (d) =>
    typeof d.dossierCode === 'string' && DOSSIER_CODE.test(d.dossierCode)
      ? undefined
      : {
          field: 'dossierCode',
          messageVi: 'Mã hồ sơ phải có dạng <mã cơ quan>-YYMMDD-XXXX',
          messageEn: 'Dossier code must look like <agency code>-YYMMDD-XXXX',
        };

/** Every string NFC-normalised, recursively (decomposed tone marks would print as loose combining glyphs); dates kept. */
export function nfcDeep<T>(data: T): T {
  const nfc = (v: unknown): unknown => {
    if (typeof v === 'string') return v.normalize('NFC');
    if (Array.isArray(v)) return v.map(nfc);
    if (v && typeof v === 'object' && !(v instanceof Date))
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nfc(x)]));
    return v;
  };
  return nfc(data) as T;
}
