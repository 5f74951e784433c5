/** Test data for the Vietnamese text kernel, built independently of its table. */

/** The 12 vowel letters (with their shape marks) and the plain letter each folds to. */
const VOWELS: ReadonlyArray<readonly [string, string]> = [
  ['a', 'a'],
  ['ă', 'a'],
  ['â', 'a'],
  ['e', 'e'],
  ['ê', 'e'],
  ['i', 'i'],
  ['o', 'o'],
  ['ô', 'o'],
  ['ơ', 'o'],
  ['u', 'u'],
  ['ư', 'u'],
  ['y', 'y'],
];
/** No tone, then huyền, sắc, hỏi, ngã, nặng as combining marks. */
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/** Every non-ASCII Vietnamese letter, lower and upper case, built from the tables above (134 = 2 × (12 × 6 − 6 + đ)). */
export const VIETNAMESE_LETTERS: ReadonlyArray<readonly [letter: string, plain: string]> = (() => {
  const lower: Array<readonly [string, string]> = [['đ', 'd']];
  for (const [vowel, plain] of VOWELS)
    for (const tone of TONES) {
      const letter = (vowel + tone).normalize('NFC');
      if (letter !== plain) lower.push([letter, plain]);
    }
  return [...lower, ...lower.map(([l, p]) => [l.toUpperCase(), p] as const)];
})();
