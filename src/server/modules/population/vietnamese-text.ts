/**
 * Vietnamese text rules for names and other declared text (DOMAIN.md §9).
 *
 * Three levels, from strict to loose:
 * - {@link normalizeDeclared}: the form we store (NFC, tidy whitespace, Đ, one tone placement).
 * - {@link nameMatchKey} / {@link namesEquivalent}: exact-ish matching that keeps diacritics.
 * - {@link searchKey}: diacritics-stripped key for blocking and search.
 *
 * Tone-mark placement convention — ONE rule, applied everywhere: in the vowel pairs
 * `oa`, `oe`, `uy` the tone mark goes on the SECOND vowel (the main vowel, âm chính):
 * "hoà", "khoẻ", "thuỷ", "Hoà", "THUỶ". Why this one:
 * - it is the written rule of the orthography standards (tone on the main vowel: Decision
 *   240/QĐ of 1984 and Decision 1989/QĐ-BGDĐT of 2018 on textbook spelling, examples
 *   "hoà", "khoẻ", "thuỷ"); keyboard tools call it the "new style" (Unikey "oà, uý"),
 *   while "hòa/thủy" is a typographic habit rather than a rule;
 * - it needs no exception list: `quý`, `hoàn`, `thuở`… already put the tone on the second
 *   letter, so one rule ("second vowel of oa/oe/uy") fixes every case, including the
 *   misplaced `qúy` or `hòan`;
 * - DOMAIN.md §9 only requires that hoà ≡ hòa, thuỷ ≡ thủy, khoẻ ≡ khỏe after normalisation.
 * Only two-letter vowel runs are touched (not `oai`, `uyê`, `ua`, `ia`), so nothing else moves.
 */

/** Combining tone marks: grave (huyền), acute (sắc), tilde (ngã), hook above (hỏi), dot below (nặng). */
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
/** Vowel letters (shape marks kept, tone removed), lowercase. */
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
/** Vowel pairs whose tone mark goes on the second vowel under our convention. */
const SECOND_VOWEL_PAIRS = new Set(['oa', 'oe', 'uy']);
/** Look-alikes of Đ/đ that come from keyboards and fonts: Icelandic eth Ð/ð, African D Ɖ. */
const D_LOOKALIKES: Readonly<Record<string, string>> = { '\u00D0': '\u0110', '\u00F0': '\u0111', '\u0189': '\u0110' };
/** Invisible characters that sneak in from copy and paste (zero-width space/joiners, BOM). */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

interface Letter {
  base: string;
  tone: string;
}

function splitLetter(ch: string): Letter {
  let base = '';
  let tone = '';
  for (const part of ch.normalize('NFD')) {
    if (TONE_MARKS.has(part)) tone += part;
    else base += part;
  }
  return { base: base.normalize('NFC'), tone };
}

function isVowel(base: string): boolean {
  return VOWELS.has(base.toLowerCase());
}

/** Moves the tone of an `oa`/`oe`/`uy` run onto its second vowel; other words are returned unchanged. */
function placeToneInWord(word: string): string {
  const letters = Array.from(word.normalize('NFC'), splitLetter);
  const toned = letters.flatMap((l, i) => (l.tone ? [i] : []));
  const at = toned[0];
  if (toned.length !== 1 || at === undefined) return word;
  const next = letters[at + 1];
  const prev = letters[at - 1];
  const after = letters[at + 2];
  const here = letters[at];
  if (!here || !next || (prev && isVowel(prev.base)) || (after && isVowel(after.base))) return word;
  if (!SECOND_VOWEL_PAIRS.has((here.base + next.base).toLowerCase())) return word;
  next.tone = here.tone;
  here.tone = '';
  return letters
    .map((l) => l.base + l.tone)
    .join('')
    .normalize('NFC');
}

/**
 * The form we STORE for declared text (DOMAIN.md §9: "store what was declared (NFC)"):
 * Unicode NFC; invisible zero-width characters removed; leading/trailing whitespace trimmed
 * and internal runs of whitespace (incl. tabs, no-break spaces) collapsed to one space;
 * look-alikes Ð (U+00D0), ð (U+00F0), Ɖ (U+0189) replaced by Đ (U+0110) / đ (U+0111);
 * tone marks of `oa`/`oe`/`uy` placed on the second vowel (see the file header). Letter case
 * and spelling are otherwise kept exactly as declared (no i/y rewrite).
 */
export function normalizeDeclared(s: string): string {
  const tidy = s
    .normalize('NFC')
    .replace(/[\u00D0\u00F0\u0189]/g, (c) => D_LOOKALIKES[c] ?? c)
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
  return tidy.replace(/[\p{L}\p{M}]+/gu, placeToneInWord).normalize('NFC');
}

/**
 * True when `s` is already in stored form, i.e. `s === normalizeDeclared(s)`. Used by the
 * data-quality engine for the "clean" class (DOMAIN.md §9; quality classes in population.schema).
 */
export function isNormalized(s: string): boolean {
  return s === normalizeDeclared(s);
}

/**
 * Key for blocking and search (DOMAIN.md §9 "diacritics-stripped key for blocking"):
 * normalizeDeclared, lowercase, every diacritic removed, đ → d, apostrophes dropped
 * ("H'Mông" → "hmong"), any other character outside [a-z0-9] turned into a space
 * ("Khơ-mú" → "kho mu"), spaces collapsed and trimmed.
 */
export function searchKey(s: string): string {
  // Same result as keying normalizeDeclared(s), without its tone placement (every mark is
  // dropped here anyway): this runs once per person when seeding 500,000 people.
  return s
    .replace(INVISIBLE, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[đðɖ]/g, 'd')
    .replace(/['’‘ʼ`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
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
