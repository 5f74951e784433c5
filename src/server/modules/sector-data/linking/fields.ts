/**
 * Sex and identity numbers as lists write them (issue 16 §3; DOMAIN.md §2).
 */
import type { Cell } from './types';
import { decodeNationalId, ID_PROVINCE_CODES, searchKey, type Sex } from '../../population';

export type { Sex };

const MALE = new Set(['nam', 'nam gioi', 'trai', 'con trai', 'm', 'male', '1']);
/** "0" and "2" are both used for women: 1/0 (boolean-like) and 1/2 (the statistics office's coding). */
const FEMALE = new Set(['nu', 'nu gioi', 'gai', 'con gai', 'f', 'female', 'w', '0', '2']);

/** Sex from a word or code ("Nam", "Nữ", "nu", "NỮ", "1"/"0", "1"/"2", "M"/"F"); undefined when empty or unknown. */
export function parseSex(raw: Cell): Sex | undefined {
  if (raw === null || raw === undefined) return undefined;
  const key = searchKey(String(raw));
  if (MALE.has(key)) return 'male';
  if (FEMALE.has(key)) return 'female';
  return undefined;
}

/** What an identity-number cell holds. */
export type ParsedIdNumber =
  | { kind: 'missing' }
  /** A 12-digit personal ID number whose province code is known; `repaired` when it was cleaned up. */
  | { kind: 'personal_id'; value: string; repaired?: 'separators' | 'leading_zero' }
  /** An old 9-digit identity card (CMND), a legacy field; not derivable from the new number. */
  | { kind: 'legacy_cmnd'; value: string }
  /** Anything else, e.g. 12 digits with an unknown province code, 10 digits, "1.2E+11". */
  | { kind: 'invalid'; value: string; reason: 'format' | 'province_unknown' | 'scientific_notation' };

/**
 * Reads an ID cell. Spaces, dots, dashes and Excel's leading apostrophe are removed
 * (`repaired: 'separators'`). An 11-digit number is read as a 12-digit one whose leading 0 a
 * spreadsheet dropped (every province code starts with 0), when the province code is then known
 * (`repaired: 'leading_zero'`). A number in scientific notation has lost its digits: invalid.
 */
export function parseIdNumber(raw: Cell): ParsedIdNumber {
  if (raw === null || raw === undefined) return { kind: 'missing' };
  const text = String(raw).trim();
  if (text === '') return { kind: 'missing' };
  if (/^\d(\.\d+)?e\+?\d+$/i.test(text)) return { kind: 'invalid', value: text, reason: 'scientific_notation' };
  const digits = text.replace(/^'/, '').replace(/[\s.\-–]/g, '');
  const repaired = digits !== text ? ('separators' as const) : undefined;
  if (!/^\d+$/.test(digits)) return { kind: 'invalid', value: text, reason: 'format' };
  if (digits.length === 9) return { kind: 'legacy_cmnd', value: digits };
  const candidate = digits.length === 11 ? `0${digits}` : digits;
  if (candidate.length !== 12) return { kind: 'invalid', value: digits, reason: 'format' };
  if (decodeNationalId(candidate, ID_PROVINCE_CODES).problems.length > 0)
    return { kind: 'invalid', value: digits, reason: 'province_unknown' };
  if (digits.length === 11) return { kind: 'personal_id', value: candidate, repaired: 'leading_zero' };
  return repaired ? { kind: 'personal_id', value: candidate, repaired } : { kind: 'personal_id', value: candidate };
}

/** What the 12-digit number itself says (DOMAIN.md §2: d4 century + sex, d5–d6 birth year). */
export function idSays(id: string): { sex: Sex; birthYear: number } | undefined {
  const { decoded } = decodeNationalId(id, ID_PROVINCE_CODES);
  return decoded ? { sex: decoded.sex, birthYear: decoded.birthYear } : undefined;
}

/** True when two digit strings of one length differ by one digit or by two adjacent digits swapped (a typing slip). */
export function oneTypingSlipApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diffs: number[] = [];
  for (let i = 0; i < a.length && diffs.length <= 2; i++) if (a[i] !== b[i]) diffs.push(i);
  if (diffs.length === 1) return true;
  const [i, j] = diffs as [number, number];
  return diffs.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}
