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
import { nameMatchKey, searchKey } from '../../population';

/** Every key of one written name, computed once. */
export interface NameForms {
  /** What the list or registry holds, trimmed (for explanations). */
  readonly written: string;
  readonly exact: string;
  /** `exact` with a final y after a consonant read as i, same tone: population's `namesEquivalent` as a key. */
  exactIY: string;
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

/** A Latin letter with a diacritic (precomposed, Đ/Ð included) or a combining mark (NFD text). */
const DIACRITIC = /[\u00c0-\u024f\u1e00-\u1eff]|\p{M}/u;

const Y_TO_I: Readonly<Record<string, string>> = { y: 'i', ý: 'í', ỳ: 'ì', ỷ: 'ỉ', ỹ: 'ĩ', ỵ: 'ị' };
const TONED_FINAL_Y_AFTER_CONSONANT = /^(qu|[bcdđghklmnprstvx]+)([yýỳỷỹỵ])$/;

/**
 * The exact key with i/y folded, so that equal keys ⇔ population's `namesEquivalent` (DOMAIN.md §9:
 * a final i/y after a consonant is one letter for matching, tone kept): computed once per name
 * instead of once per compared pair. names.test.ts checks it against `namesEquivalent`.
 */
function exactIYKey(exact: string): string {
  return exact
    .split(' ')
    .map((w) => w.replace(TONED_FINAL_Y_AFTER_CONSONANT, (_m, onset: string, y: string) => onset + (Y_TO_I[y] ?? y)))
    .join(' ');
}

/** Names repeat a lot (clan names, "Thị", "A", common given names): keys are remembered, up to a bound. */
const MEMO = new Map<string, NameForms>();
const MEMO_LIMIT = 500_000;

/** All keys of a written name (memoised: the same text gives the same object). */
export function nameForms(written: string): NameForms {
  let forms = MEMO.get(written);
  if (!forms) {
    if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
    forms = new Forms(written);
    MEMO.set(written, forms);
  }
  return forms;
}

/**
 * The keys of one name. The exact keys (tone placement, the costly part) are computed on first use:
 * most compared pairs differ already in their folded keys, and equal exact keys imply equal folded keys.
 */
class Forms implements NameForms {
  readonly written: string;
  readonly folded: string;
  readonly phonetic: string;
  readonly family: string;
  readonly given: string;
  readonly hasDiacritics: boolean;
  #exact: string | undefined;
  #exactIY: string | undefined;

  constructor(written: string) {
    this.written = written.trim();
    this.folded = foldedNameKey(written);
    const words = this.folded.split(' ').filter(Boolean);
    this.phonetic = words.map(phoneticSyllable).join(' ');
    this.family = words.length > 1 ? (words[0] ?? '') : '';
    this.given = words[words.length - 1] ?? '';
    this.hasDiacritics = DIACRITIC.test(written);
  }

  get exact(): string {
    return (this.#exact ??= nameMatchKey(this.written));
  }

  get exactIY(): string {
    return (this.#exactIY ??= exactIYKey(this.exact));
  }
}

/** True when two names are the same name for matching, diacritics kept (population's rule, i/y included). */
export function sameNameExactly(a: NameForms, b: NameForms): boolean {
  return a.folded === b.folded && a.exactIY === b.exactIY;
}
