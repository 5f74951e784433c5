/**
 * Name keys for linking a list row to the registry (DOMAIN.md §9), built on population's
 * Vietnamese text rules (NFC, tone placement, Đ/Ð, folding), never a copy of them:
 * - `exact`: {@link nameMatchKey} — keeps diacritics; "Hoà"/"Hòa", "THUỶ"/"thủy" share it.
 * - `folded`: diacritics stripped ({@link searchKey}), then a final i/y after a consonant read as
 *   i ("Lý"/"Lí", "Kỳ"/"Kì"), the fuzzy equivalence of §9 applied to the key only.
 * - `phonetic`: `folded` with spellings that ethnic-minority names are transliterated with merged
 *   (DOMAIN.md §7: Hua Bun/Hua Bum, Ma Ly Pho/Ma Li Pho; s/x, d/gi/r, ph/f, ch/tr, c/k/q, finals m/n/ng/nh):
 *   a blocking key, deliberately coarse.
 */
import { nameMatchKey, namesEquivalent, searchKey, splitFullName } from '../../population';

/** Every key of one written name, computed once. */
export interface NameForms {
  /** What the list or registry holds, trimmed (for explanations). */
  written: string;
  exact: string;
  folded: string;
  phonetic: string;
  /** `folded` of the family name (first word) and the given name (last word). */
  family: string;
  given: string;
  /** False when the name was typed without any Vietnamese diacritic ("Lo Van Minh"). */
  hasDiacritics: boolean;
}

/** A final y after a consonant onset, read as i (Lý ≡ Lí; "huy", "uy" keep their y: u is a vowel). */
const FINAL_Y_AFTER_CONSONANT = /^(qu|[bcdghklmnprstvx]+)y$/;

/** The diacritics-stripped key with final y after a consonant folded to i ("Lý Thị Mỹ" → "li thi mi"). */
export function foldedNameKey(name: string): string {
  return searchKey(name)
    .split(' ')
    .map((w) => w.replace(FINAL_Y_AFTER_CONSONANT, '$1i'))
    .join(' ');
}

/** Onsets merged by the phonetic key, longest first (transliteration and dialect variants). */
const ONSETS: ReadonlyArray<readonly [string, string]> = [
  ['ngh', 'N'],
  ['ng', 'N'],
  ['gh', 'G'],
  ['gi', 'Z'],
  ['ph', 'F'],
  ['tr', 'C'],
  ['ch', 'C'],
  ['th', 'T'],
  ['kh', 'K'],
  ['qu', 'Ku'],
  ['d', 'Z'],
  ['r', 'Z'],
  ['f', 'F'],
  ['c', 'K'],
  ['k', 'K'],
  ['q', 'K'],
  ['x', 'S'],
  ['s', 'S'],
  ['g', 'G'],
  ['t', 'T'],
];

/** Phonetic form of one folded syllable: merged onset, i/y as i, finals m/n/ng/nh merged, no doubled letters. */
function phoneticSyllable(word: string): string {
  let onset = '';
  let rest = word;
  for (const [from, to] of ONSETS) {
    if (word.startsWith(from) && word.length > from.length) {
      onset = to;
      rest = word.slice(from.length);
      break;
    }
  }
  rest = rest
    .replace(/y/g, 'i')
    .replace(/(nh|ng|m)$/, 'n')
    .replace(/ch$/, 'c')
    .replace(/(.)\1+/g, '$1');
  return (onset || '') + rest;
}

/** The coarse phonetic key of a name ("Sùng A Páo" and "Xùng A Pao" → "Sung a pao"). */
export function phoneticNameKey(name: string): string {
  return foldedNameKey(name).split(' ').filter(Boolean).map(phoneticSyllable).join(' ');
}

/** True when the text holds a letter with a Vietnamese diacritic (or đ). */
function hasVietnameseDiacritics(name: string): boolean {
  return (
    searchKey(name) !== name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim() && /[^\p{ASCII}]/u.test(name)
  );
}

/** All keys of a written name. */
export function nameForms(written: string): NameForms {
  const folded = foldedNameKey(written);
  const words = folded.split(' ').filter(Boolean);
  const parts = splitFullName(written);
  return {
    written: written.trim(),
    exact: nameMatchKey(written),
    folded,
    phonetic: words.map(phoneticSyllable).join(' '),
    family: parts.family === '' ? '' : (words[0] ?? ''),
    given: words[words.length - 1] ?? '',
    hasDiacritics: hasVietnameseDiacritics(written),
  };
}

/** True when two names are the same name for matching, diacritics kept (population's rule, i/y included). */
export function sameNameExactly(a: NameForms, b: NameForms): boolean {
  return a.exact === b.exact || namesEquivalent(a.written, b.written);
}
