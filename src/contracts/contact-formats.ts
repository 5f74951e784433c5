/**
 * Phone numbers and e-mail addresses as Vietnamese offices publish them: checks and the written
 * form. Plain functions without Zod, so the public pages can group and dial a number without
 * carrying a schema library.
 */

/** Separators people type inside a phone number: spaces, dots, hyphens, brackets. */
const PHONE_SEPARATORS = /[\s.\-()]/g;

/**
 * A Vietnamese phone number as digits, or null when it is none: a landline (area code 02x or
 * 02xx then the subscriber number, 11 digits, e.g. 0213 3xxx xxx), a mobile (03, 05, 07, 08 or 09
 * then 8 digits) or a free/charged hotline (1800 or 1900 then 4 or 6 digits). Spaces, dots,
 * hyphens and brackets are ignored, and +84 / 0084 stands for the leading 0 (not for hotlines).
 */
export function normalisePhone(raw: string): string | null {
  let s = raw.trim().replace(PHONE_SEPARATORS, '');
  if (s.startsWith('+84')) s = `0${s.slice(3)}`;
  else if (s.startsWith('0084')) s = `0${s.slice(4)}`;
  if (!/^\d+$/.test(s)) return null;
  if (/^02\d{9}$/.test(s)) return s; // landline since the 2017 area-code change
  if (/^0[35789]\d{8}$/.test(s)) return s; // mobile
  if (/^1[89]00(\d{4}|\d{6})$/.test(s)) return s; // hotline 1800 (free) / 1900 (charged)
  return null;
}

/** Is `raw` a Vietnamese landline, mobile or hotline number ({@link normalisePhone})? */
export function isVietnamesePhone(raw: string): boolean {
  return normalisePhone(raw) !== null;
}

/** Area codes of three digits after the 0 (Hà Nội, TP Hồ Chí Minh): their subscriber numbers have 8 digits. */
const SHORT_AREA_CODES = ['024', '028'];

/**
 * A phone number grouped as Vietnamese write it: 0213 3xxx xxx, 024 3xxx xxxx, 0912 345 678,
 * 1800 1234, 1900 123 456. A string that is no phone number comes back unchanged.
 */
export function formatPhone(raw: string): string {
  const d = normalisePhone(raw);
  if (!d) return raw;
  if (d.startsWith('02'))
    return SHORT_AREA_CODES.includes(d.slice(0, 3))
      ? `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`
      : `${d.slice(0, 4)} ${d.slice(4, 8)} ${d.slice(8)}`;
  if (d.startsWith('0')) return `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`;
  return d.length === 8 ? `${d.slice(0, 4)} ${d.slice(4)}` : `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`;
}

/** An e-mail address: one @, a dotted domain, no spaces; at most 254 characters (RFC 5321). */
export function isEmail(raw: string): boolean {
  const s = raw.trim();
  return s.length <= 254 && /^[^\s@"<>,;]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(s);
}
