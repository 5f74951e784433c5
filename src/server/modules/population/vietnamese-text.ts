import { foldForSearch, normalizeDeclared } from '../../../shared/text';

/**
 * Vietnamese name rules of the registry (DOMAIN.md §9), on top of the text kernel
 * (src/shared/text), which owns normalisation, tone placement and folding:
 * - `normalizeDeclared` (kernel): the form we store (NFC, tidy whitespace, Đ, new-style tones "hoà").
 * - {@link nameMatchKey} / {@link namesEquivalent}: exact-ish matching that keeps diacritics.
 * - `searchKey` (the kernel's `foldForSearch`): diacritics-stripped key for blocking and search.
 */

/** Re-exported under the names the registry's callers use. */
export { foldForSearch as searchKey, normalizeDeclared };

/**
 * True when `s` is already in stored form, i.e. `s === normalizeDeclared(s)`. Used by the
 * data-quality engine for the "clean" class (DOMAIN.md §9; quality classes in population.schema).
 */
export function isNormalized(s: string): boolean {
  return s === normalizeDeclared(s);
}

/**
 * Key for exact-ish name matching that KEEPS diacritics (DOMAIN.md §9): normalizeDeclared
 * (NFC, whitespace, Đ, tone placement), lowercase, typographic apostrophes unified to "'".
 * "Lò Văn Thủy" and "LÒ VĂN THUỶ" share a key; "Thủy" and "Thuý" do not (different tones).
 */
export function nameMatchKey(s: string): string {
  return normalizeDeclared(s)
    .toLowerCase()
    .replace(/[’‘ʼ`]/g, "'")
    .normalize('NFC');
}

const Y_TO_I: Readonly<Record<string, string>> = { y: 'i', ý: 'í', ỳ: 'ì', ỷ: 'ỉ', ỹ: 'ĩ', ỵ: 'ị' };
/** A syllable whose whole rhyme is i/y after a consonant onset: Lý, Kỳ, Mỹ, Thy, Quý. */
const CONSONANT_THEN_IY = /^(qu|[bcdđghklmnprstvx]+)([yýỳỷỹỵ])$/;

function foldIY(key: string): string {
  return key
    .split(' ')
    .map((w) => w.replace(CONSONANT_THEN_IY, (_m, onset: string, y: string) => onset + (Y_TO_I[y] ?? y)))
    .join(' ');
}

/**
 * True when two declared names are the same name for matching (DOMAIN.md §9): equal
 * {@link nameMatchKey}s, or equal once a final i/y after a consonant is treated as the same
 * letter with the same tone (Lý ≡ Lí, Kỳ ≡ Kì, Mỹ ≡ Mĩ, Quý ≡ Quí). This is an EQUIVALENCE
 * for matching only; stored data is never rewritten. "Huy" ≠ "Hui", "Lý" ≠ "Lê", "Lý" ≠ "Li".
 */
export function namesEquivalent(a: string, b: string): boolean {
  const ka = nameMatchKey(a);
  const kb = nameMatchKey(b);
  return ka === kb || foldIY(ka) === foldIY(kb);
}

/** Parts of a Vietnamese full name: family (họ), middle names (tên đệm) and given name (tên). */
export interface FullNameParts {
  family: string;
  middle: string;
  given: string;
}

/**
 * Splits a declared full name (DOMAIN.md §9: "family name + middle names + given name,
 * declared as one string") after normalizeDeclared: first word = family, last word = given,
 * words between = middle ("Giàng A Páo" → Giàng / A / Páo). One word is a given name only.
 * Compound family names (Tôn Thất, Âu Dương) cannot be told apart from a middle name by
 * rule, so the first word is always the family name; keep the full string as the record.
 */
export function splitFullName(full: string): FullNameParts {
  const normalized = normalizeDeclared(full);
  const words = normalized === '' ? [] : normalized.split(' ');
  if (words.length === 0) return { family: '', middle: '', given: '' };
  if (words.length === 1) return { family: '', middle: '', given: words[0] ?? '' };
  return {
    family: words[0] ?? '',
    middle: words.slice(1, -1).join(' '),
    given: words[words.length - 1] ?? '',
  };
}

/** TCVN3 (ABC) bytes shown as Latin-1 that are never Vietnamese letters (ă=¨, â=©, à=µ, á=¸, ị=Þ…). */
const TCVN3_SYMBOLS = '¡¢£¤¥¦§¨©ª«¬®µ¶·¸¹»¼½¾Æ×÷Þßþ';
/** TCVN3 capitals Ă Â Ê Ô Ơ Ư Đ, which begin words ("§inh" = Đinh). */
const TCVN3_CAPITALS = '¡¢£¤¥¦§';
const LEGACY_PATTERNS: readonly RegExp[] = [
  // TCVN3: a symbol glued to a letter (or to the soft hyphen / another symbol it is used with).
  new RegExp(`[A-Za-z\\u00C0-\\u024F\\u1EA0-\\u1EF9\\u00AD${TCVN3_SYMBOLS}][${TCVN3_SYMBOLS}]`, 'u'),
  new RegExp(`[${TCVN3_CAPITALS}][A-Za-z]`, 'u'),
  // VNI: a vowel followed by a diacritic byte that is not a Vietnamese letter ("Vieät", "Loø").
  /[aeiouyAEIOUY][äåëïöøûüÄÅËÏÖØÛÜ]/u,
  // VNI: a/e followed by its circumflex/breve byte ("Nguyeãn", "Vaên"); Vietnamese never writes aa/ae/ea/ee.
  /[aAeE][âáàãêéèÂÁÀÃÊÉÈ]/u,
  // VNI: Đ/đ written Ñ/ñ at the start of a word, and ươ written öô.
  /(^|[^\p{L}])[Ññ][aeiouyAEIOUYöô]/u,
  /[öÖ][ôÔ]/u,
];

/**
 * Conservative heuristic: does `s` look like Vietnamese typed in a legacy 8-bit encoding
 * (TCVN3/ABC or VNI) and read as Latin-1/Windows-1252 (DOMAIN.md §9: "legacy encodings
 * appear in old spreadsheets")? Examples: TCVN3 "NguyÔn V¨n A", VNI "Nguyeãn Vaên A".
 * Only signals that never occur in correct Vietnamese are used, so clean Vietnamese (and
 * "Ð" for Đ, "5 µg", "© 2024") is never flagged; rare foreign names such as "Noël" may be.
 * Use it to flag for review, not to reject. Evaluated on the NFC form of `s`.
 */
export function looksLikeLegacyEncoding(s: string): boolean {
  const text = s.normalize('NFC');
  return LEGACY_PATTERNS.some((re) => re.test(text));
}
