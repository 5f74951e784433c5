/**
 * Drawing ethnicity-appropriate Vietnamese names, and the search key used to tell natural
 * name collisions apart (DOMAIN.md §9: the text kernel's diacritics-stripped key; two records
 * with the same key, birth date and sex look like the same person to a deduplicator).
 */
import { foldForSearch } from '../../../shared/text';
import { MODERN_FEMALE, MODERN_MALE, namePool, type NamePool, type Weighted } from './names-data';
import { flat, FNV_START, fnvUpdate, type Rng, WeightedTable } from './random';

/** A name as declared: family name, optional middle name(s), given name. */
export interface NameParts {
  family: string;
  middle: string;
  given: string;
}

/** Sex as recorded in the registry. */
export type Sex = 'male' | 'female';

/** The declared full name: "Family Middle Given", single spaces, NFC. */
export function fullNameOf(parts: NameParts): string {
  const text = parts.middle ? `${parts.family} ${parts.middle} ${parts.given}` : `${parts.family} ${parts.given}`;
  return flat(text);
}

const partKeys = new Map<string, string>();

function partKey(part: string): string {
  let key = partKeys.get(part);
  if (key === undefined) {
    key = foldForSearch(part);
    partKeys.set(part, key);
  }
  return key;
}

/** foldForSearch(fullNameOf(parts)), the blocking key, computed from cached per-part keys. */
export function nameKey(parts: NameParts): string {
  const family = partKey(parts.family);
  const given = partKey(parts.given);
  return parts.middle ? `${family} ${partKey(parts.middle)} ${given}` : `${family} ${given}`;
}

/** FNV-1a state after feeding nameKey(parts), without building that string. */
export function nameKeyHash(parts: NameParts): number {
  let h = fnvUpdate(FNV_START, partKey(parts.family));
  if (parts.middle) h = fnvUpdate(fnvUpdate(h, ' '), partKey(parts.middle));
  return fnvUpdate(fnvUpdate(h, ' '), partKey(parts.given));
}

interface PreparedPool {
  family: WeightedTable<string>;
  middleMale: WeightedTable<string>;
  middleFemale: WeightedTable<string>;
  source: NamePool;
}

const prepared = new Map<string, PreparedPool>();

function nfc(pairs: Weighted): Array<readonly [string, number]> {
  return pairs.map(([name, w]) => [name.normalize('NFC'), w] as const);
}

function poolFor(ethnicCode: string): PreparedPool {
  let pool = prepared.get(ethnicCode);
  if (!pool) {
    const source = namePool(ethnicCode);
    pool = {
      family: new WeightedTable(nfc(source.family)),
      middleMale: new WeightedTable(nfc(source.middleMale)),
      middleFemale: new WeightedTable(nfc(source.middleFemale)),
      source: {
        ...source,
        givenMale: source.givenMale.map((n) => n.normalize('NFC')),
        givenFemale: source.givenFemale.map((n) => n.normalize('NFC')),
      },
    };
    prepared.set(ethnicCode, pool);
  }
  return pool;
}

const MODERN_M = MODERN_MALE.map((n) => n.normalize('NFC'));
const MODERN_F = MODERN_FEMALE.map((n) => n.normalize('NFC'));

/** A family name typical of the group. */
export function drawFamily(rng: Rng, ethnicCode: string): string {
  return rng.weighted(poolFor(ethnicCode).family);
}

/** A middle name typical of the group and sex ('' when the group often has none). */
export function drawMiddle(rng: Rng, ethnicCode: string, sex: Sex): string {
  const pool = poolFor(ethnicCode);
  return rng.weighted(sex === 'male' ? pool.middleMale : pool.middleFemale);
}

/**
 * A given name: traditional for older people, increasingly Kinh-style for those born
 * after the mid-1970s (schooling and intermarriage), up to the group's `modern` share.
 */
export function drawGiven(rng: Rng, ethnicCode: string, sex: Sex, birthYear: number): string {
  const pool = poolFor(ethnicCode).source;
  const modernShare = pool.modern * Math.min(1, Math.max(0, (birthYear - 1975) / 35));
  if (modernShare > 0 && rng.chance(modernShare)) return rng.pick(sex === 'male' ? MODERN_M : MODERN_F);
  return rng.pick(sex === 'male' ? pool.givenMale : pool.givenFemale);
}

/** A family name different from `avoid` (exogamous clans: Mông, Dao, Hà Nhì spouses). */
export function drawOtherFamily(rng: Rng, ethnicCode: string, avoid: string): string {
  for (let i = 0; i < 8; i++) {
    const family = drawFamily(rng, ethnicCode);
    if (family !== avoid) return family;
  }
  return drawFamily(rng, ethnicCode);
}
