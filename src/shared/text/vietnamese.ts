/**
 * The Vietnamese text kernel (DOMAIN.md §9): every rule for normalising, comparing and folding
 * Vietnamese text lives here, once, for the server, the web app and the SQL side alike.
 * Isomorphic: plain string functions, no Node or DOM API.
 *
 * - {@link normalizeText}: NFC, zero-width characters removed, Đ look-alikes unified, whitespace tidied.
 * - {@link placeToneMarks}: the tone mark of `oa`/`oe`/`uy` on the second vowel ("hoà", the
 *   "new style") or, in open syllables, on the first ("hòa", the "old style").
 * - {@link normalizeDeclared}: the form we store (normalizeText + new-style tone placement).
 * - {@link foldLetters}: lower case, Vietnamese letters to plain ASCII; the TypeScript twin of the
 *   SQL `translate(lower(x), …)` built from {@link LETTER_FOLD} (see platform/sql-fold.ts).
 * - {@link foldForSearch}: the diacritics-stripped key for search and blocking ("Lò Thị Mai" → "lo thi mai").
 * - {@link foldHeader}: a column header as a key ("Số tiền (đồng)" → "so_tien_dong").
 * - {@link toAscii}: printable ASCII keeping letter case, for payment-gateway fields.
 */

/** Each plain letter and the lower-case Vietnamese letters that fold to it (every tone, every shape). */
const LETTER_GROUPS: ReadonlyArray<readonly [plain: string, marked: string]> = [
  ['a', 'àáạảãâầấậẩẫăằắặẳẵ'],
  ['e', 'èéẹẻẽêềếệểễ'],
  ['i', 'ìíịỉĩ'],
  ['o', 'òóọỏõôồốộổỗơờớợởỡ'],
  ['u', 'ùúụủũưừứựửữ'],
  ['y', 'ỳýỵỷỹ'],
  // đ, and its look-alikes from keyboards and fonts: Icelandic eth ð, African ɖ.
  ['d', 'đðɖ'],
];

/** Characters the folds delete: apostrophes ("H'Mông" → "hmong"), zero-width characters and BOM, combining marks (NFD input). */
const DELETED_APOSTROPHES = "'’‘ʼ`";
const DELETED_INVISIBLE = '\u200B\u200C\u200D\u2060\uFEFF';
const DELETED_MARKS = Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x300 + i)).join('');

/**
 * The letter fold as a table: `from[i]` becomes `to[i]`, and every character of `deleted` is
 * removed. Upper-case letters are listed too, so a consumer needs no locale-aware lower-casing
 * for them (PostgreSQL's `lower` leaves non-ASCII letters alone under the C locale).
 * `translate(lower(col), from + deleted, to)` is exactly {@link foldLetters}.
 */
export const LETTER_FOLD: { readonly from: string; readonly to: string; readonly deleted: string } = (() => {
  let from = '';
  let to = '';
  for (const [plain, marked] of LETTER_GROUPS) {
    from += marked;
    to += plain.repeat(marked.length);
  }
  return {
    from: from + from.toUpperCase(),
    to: to + to,
    deleted: DELETED_APOSTROPHES + DELETED_INVISIBLE + DELETED_MARKS,
  };
})();

const LOWER_FOLD = new Map<string, string>();
const CASED_FOLD = new Map<string, string>();
Array.from(LETTER_FOLD.from).forEach((ch, i) => {
  const plain = LETTER_FOLD.to[i]!;
  LOWER_FOLD.set(ch, plain);
  CASED_FOLD.set(ch, ch === ch.toLowerCase() ? plain : plain.toUpperCase());
});
for (const ch of LETTER_FOLD.deleted) {
  LOWER_FOLD.set(ch, '');
  CASED_FOLD.set(ch, '');
}
const NON_ASCII = /[^\p{ASCII}]/gu;
/** What {@link foldLetters} looks up: non-ASCII characters and the two ASCII apostrophes. */
const FOLDABLE = /[^\p{ASCII}]|['`]/gu;
const HAS_NON_ASCII = /[^\p{ASCII}]/u;

/** Look-alikes of Đ/đ replaced in stored text: Ð (U+00D0), ð (U+00F0), Ɖ (U+0189). */
const D_LOOKALIKES: Readonly<Record<string, string>> = { '\u00D0': '\u0110', '\u00F0': '\u0111', '\u0189': '\u0110' };
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Unicode NFC with zero-width characters (and a stray BOM) removed, Ð/ð/Ɖ replaced by Đ/đ,
 * leading and trailing whitespace trimmed and inner runs (tabs, no-break spaces) made one space.
 * Letter case, spelling and tone placement are kept.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00D0\u00F0\u0189]/g, (c) => D_LOOKALIKES[c] ?? c)
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Combining tone marks: grave (huyền), acute (sắc), tilde (ngã), hook above (hỏi), dot below (nặng). */
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
/** Vowel pairs whose tone placement differs between the two styles. */
const MOVABLE_PAIRS = new Set(['oa', 'oe', 'uy']);

/**
 * Where the tone mark of `oa`, `oe`, `uy` goes.
 * - `'new'`: on the second vowel, the main vowel (âm chính): "hoà", "khoẻ", "thuỷ", "hoàn".
 *   The written rule of the orthography standards (Decision 240/QĐ of 1984, Decision
 *   1989/QĐ-BGDĐT of 2018); keyboard tools call it the new style (Unikey "oà, uý"). Our stored form.
 * - `'old'`: on the first vowel when the syllable is open ("hòa", "khỏe", "thủy"), on the second
 *   when a consonant follows ("hoàn", "huỳnh"); "quý" keeps it on y (u belongs to the onset qu).
 */
export type ToneStyle = 'new' | 'old';

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

const isVowel = (l: Letter | undefined): boolean => l !== undefined && VOWELS.has(l.base.toLowerCase());

/** Places the one tone of an `oa`/`oe`/`uy` run (not part of a longer vowel run); other words are returned unchanged. */
function placeToneInWord(word: string, style: ToneStyle): string {
  const letters = Array.from(word.normalize('NFC'), splitLetter);
  const toned = letters.flatMap((l, i) => (l.tone ? [i] : []));
  const at = toned[0];
  if (toned.length !== 1 || at === undefined) return word;
  for (const start of [at, at - 1]) {
    const first = letters[start];
    const second = letters[start + 1];
    if (!first || !second || !MOVABLE_PAIRS.has((first.base + second.base).toLowerCase())) continue;
    const before = letters[start - 1];
    const after = letters[start + 2];
    if (isVowel(before) || isVowel(after)) continue;
    const onsetQu = before?.base.toLowerCase() === 'q';
    const target = style === 'new' || after !== undefined || onsetQu ? start + 1 : start;
    if (target === at) return word;
    letters[target]!.tone = letters[at]!.tone;
    letters[at]!.tone = '';
    return letters
      .map((l) => l.base + l.tone)
      .join('')
      .normalize('NFC');
  }
  return word;
}

/** `text` (NFC) with the tone marks of `oa`/`oe`/`uy` placed in `style`; nothing else moves. */
export function placeToneMarks(text: string, style: ToneStyle): string {
  return text
    .normalize('NFC')
    .replace(/[\p{L}\p{M}]+/gu, (word) => placeToneInWord(word, style))
    .normalize('NFC');
}

/**
 * The form we STORE for declared text (DOMAIN.md §9 "store what was declared (NFC)"):
 * {@link normalizeText}, then the tone marks in the new style, so "Hòa" and "Hoà" are stored alike.
 */
export function normalizeDeclared(text: string): string {
  return placeToneMarks(normalizeText(text), 'new');
}

/**
 * Lower case with every Vietnamese letter (any tone, any shape, NFC or NFD) folded to its
 * plain ASCII letter and Đ/đ/Ð/ð/Ɖ/ɖ to d; apostrophes, zero-width characters and combining
 * marks removed; every other character kept as it is (punctuation, spaces, other scripts).
 * Equals the SQL `translate(lower(x), LETTER_FOLD.from || LETTER_FOLD.deleted, LETTER_FOLD.to)`
 * on Vietnamese text.
 */
export function foldLetters(text: string): string {
  return text.toLowerCase().replace(FOLDABLE, (c) => LOWER_FOLD.get(c) ?? c);
}

/**
 * Key for search and blocking (DOMAIN.md §9 "diacritics-stripped key"): {@link foldLetters},
 * remaining diacritics of other languages stripped (ç → c), any character outside [a-z0-9] a
 * separator, words joined by one space: "  Đặng  H'Mông, Khơ-mú " → "dang hmong kho mu".
 */
export function foldForSearch(text: string): string {
  let folded = foldLetters(text);
  if (HAS_NON_ASCII.test(folded)) folded = folded.normalize('NFD').replace(/\p{M}/gu, '');
  return folded.replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * Key of a column header, for matching headers whatever their case, diacritics, spacing or
 * punctuation: {@link foldForSearch} words joined by "_" ("Số tiền (VND)" → "so_tien_vnd",
 * "so_tien_vnd" → itself), so "Số tiền", "SO TIEN" and "so_tien" name one column.
 */
export function foldHeader(text: string): string {
  return foldForSearch(text).replace(/ /g, '_');
}

/**
 * Printable ASCII for fields of systems that take nothing else (payment gateways): Vietnamese
 * letters without diacritics keeping their case ("Đoàn Kết" → "Doan Ket"), other diacritics
 * stripped, zero-width characters removed, every other non-printable or non-ASCII character
 * dropped. Length limits are the caller's.
 */
export function toAscii(text: string): string {
  return text
    .normalize('NFC')
    .replace(NON_ASCII, (c) => CASED_FOLD.get(c) ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '');
}
