/**
 * Identity documents of synthetic people: the 12-digit personal identification number
 * (DOMAIN.md §2), the ID card (CCCD with chip until 30/6/2024, "thẻ căn cước" after, under
 * Identity Law 26/2023), the e-ID level (VNeID) and the old 9-digit CMND kept as legacy data.
 */
import { addYears, ageOn, dayBetween, isoToDay } from './dates';
import { DecimalPermutation, hashString30, mix32, type Rng } from './random';

const CHIP_CAMPAIGN_START = isoToDay('2021-03-01');
const CHIP_CAMPAIGN_END = isoToDay('2022-06-30');
const CHIP_START = isoToDay('2021-01-01');
const CAN_CUOC_START = isoToDay('2024-07-01');
const EID_START = isoToDay('2022-01-01');
/** Ages at which the card must be renewed (Identity Law 26/2023, Art. 21). */
const MILESTONES = [14, 25, 40, 60] as const;

/**
 * d4 of the ID number: century and sex (1900s male 0 / female 1, 2000s 2/3, …, 2300s 8/9);
 * null when the year cannot be encoded (before 1900 or after 2399).
 */
export function centurySexDigit(year: number, sex: 'male' | 'female'): number | null {
  const century = Math.floor(year / 100) - 19;
  if (century < 0 || century > 4) return null;
  return century * 2 + (sex === 'female' ? 1 : 0);
}

/**
 * Hands out distinct serial numbers per prefix: a per-prefix counter pushed through a keyed
 * decimal permutation, so numbers look random yet never repeat (no set of used numbers kept).
 */
export class SerialAllocator {
  private readonly counters = new Map<string, SerialCounter>();
  private readonly perm: DecimalPermutation;
  private readonly capacity: number;

  /** `halfDigits` 3 → 6-digit serials; `leadingDigit` adds one more digit (10× capacity). */
  constructor(
    halfDigits: number,
    key: number,
    private readonly leadingDigit = false,
  ) {
    this.perm = new DecimalPermutation(halfDigits, key);
    this.capacity = 10 ** this.perm.digits;
  }

  /** The counter of `prefix` (callers may keep it to skip the lookup). */
  counterFor(prefix: string): SerialCounter {
    let counter = this.counters.get(prefix);
    if (!counter) {
      counter = { prefix, next: 0, offset: hashString30(prefix) % this.capacity };
      this.counters.set(prefix, counter);
    }
    return counter;
  }

  /** The next serial under `prefix`; throws when the prefix's space is exhausted. */
  next(prefix: string): string {
    return this.take(this.counterFor(prefix));
  }

  /** The next serial of a counter obtained from counterFor(). */
  take(counter: SerialCounter): string {
    const k = counter.next++;
    if (k >= (this.leadingDigit ? this.capacity * 10 : this.capacity))
      throw new RangeError(`serial space exhausted for prefix ${counter.prefix}`);
    const body = this.perm.apply((k + counter.offset) % this.capacity);
    return this.leadingDigit ? String(Math.floor(k / this.capacity)) + body : body;
  }
}

/** Per-prefix state of a SerialAllocator. */
export interface SerialCounter {
  prefix: string;
  next: number;
  offset: number;
}

/** Allocates unique, well-formed personal ID numbers. */
export class NationalIdAllocator {
  private readonly serials: SerialAllocator;
  private readonly prefixes = new Map<number, SerialCounter>();

  /** `key` comes from the generator seed so different seeds give different numbers. */
  constructor(key: number) {
    this.serials = new SerialAllocator(3, mix32(key ^ 0x1d));
  }

  /** A 12-digit number for a birth registered in `registration` (3 digits); null if not encodable. */
  issue(registration: string, sex: 'male' | 'female', birthYear: number): string | null {
    const d4 = centurySexDigit(birthYear, sex);
    if (d4 === null) return null;
    const code = Number(registration) * 1000 + d4 * 100 + (birthYear % 100);
    let counter = this.prefixes.get(code);
    if (counter === undefined) {
      counter = this.serials.counterFor(`${registration}${d4}${String(birthYear % 100).padStart(2, '0')}`);
      this.prefixes.set(code, counter);
    }
    return counter.prefix + this.serials.take(counter);
  }

  /** A unique number with an explicit 6-digit prefix (used to inject inconsistent numbers). */
  issueWithPrefix(prefix: string): string {
    return prefix + this.serials.next(prefix);
  }
}

/** An ID card as held on `refDay`. */
export interface Card {
  kind: 'can_cuoc' | 'cccd_chip';
  issuedDay: number;
  expiresDay: number | null;
}

/** Expiry of a card issued on `issuedDay`: the next renewal age (14, 25, 40, 60), skipping one reached within 2 years; null from 58 on. */
export function cardExpiry(birthDay: number, issuedDay: number): number | null {
  const age = ageOn(birthDay, issuedDay);
  for (const m of MILESTONES) if (age < m - 2) return addYears(birthDay, m);
  return null;
}

/**
 * The card of someone aged 14+ on `lastDay` (reference date, or death date): issued after
 * the 14th birthday and late enough to still be valid (renewal milestones 25/40/60, and the
 * 2-year rule: a card issued within 2 years before a milestone lasts to the next one).
 * Most chip cards date from the 2021–2022 national campaign.
 */
export function adultCard(rng: Rng, birthDay: number, lastDay: number): Card {
  const age = ageOn(birthDay, lastDay);
  let milestone = 14;
  for (const m of MILESTONES) if (m <= age) milestone = m;
  const lo = Math.min(lastDay, Math.max(addYears(birthDay, 14), addYears(birthDay, milestone - 2), CHIP_START));
  const campaignLo = Math.max(lo, CHIP_CAMPAIGN_START);
  const campaignHi = Math.min(lastDay, CHIP_CAMPAIGN_END);
  const inCampaign = campaignLo <= campaignHi && rng.chance(0.6);
  const issuedDay = inCampaign ? dayBetween(campaignLo, campaignHi, rng.next()) : dayBetween(lo, lastDay, rng.next());
  return cardIssued(birthDay, issuedDay);
}

/** A card voluntarily issued to a child under 14 (possible since 1/7/2024); null before that. */
export function childCard(rng: Rng, birthDay: number, lastDay: number): Card | null {
  const lo = Math.max(birthDay + 30, CAN_CUOC_START);
  if (lo > lastDay) return null;
  return cardIssued(birthDay, dayBetween(lo, lastDay, rng.next()));
}

function cardIssued(birthDay: number, issuedDay: number): Card {
  const kind = issuedDay < CAN_CUOC_START ? 'cccd_chip' : 'can_cuoc';
  return { kind, issuedDay, expiresDay: cardExpiry(birthDay, issuedDay) };
}

/** VNeID level and activation day. */
export interface EId {
  level: 0 | 1 | 2;
  activatedDay: number | null;
}

function levelTwoShare(age: number): number {
  if (age < 18) return 0.4;
  if (age < 30) return 0.68;
  if (age < 45) return 0.62;
  if (age < 60) return 0.48;
  if (age < 75) return 0.25;
  return 0.08;
}

/**
 * e-ID of someone aged 14+: level 2 (needs a chip card) for about half, more among younger
 * adults; level 1 for about 10%; activation between 2022 and `lastDay`.
 */
export function planEId(rng: Rng, birthDay: number, card: Card | null, lastDay: number): EId {
  const age = ageOn(birthDay, lastDay);
  const u = rng.next();
  const level: 0 | 1 | 2 = card && u < levelTwoShare(age) ? 2 : u > 0.9 ? 1 : 0;
  if (level === 0 || age < 14) return { level: 0, activatedDay: null };
  const lo = Math.max(EID_START, addYears(birthDay, 14), level === 2 && card ? card.issuedDay : 0);
  if (lo > lastDay) return { level: 0, activatedDay: null };
  return { level, activatedDay: dayBetween(lo, lastDay, rng.next()) };
}

// Issuing-province prefixes of old CMND numbers (approximate): Lai Châu/Điện Biên '04'.
const CMND_PREFIX: Record<string, string> = {
  '001': '01',
  '034': '15',
  '036': '16',
  '035': '16',
  '037': '16',
  '030': '14',
  '033': '14',
  '025': '13',
  '038': '17',
  '040': '18',
  '011': '04',
  '010': '06',
  '014': '05',
  '015': '06',
};

/** Old 9-digit CMND numbers (legacy field), unique per issuing prefix. */
export class LegacyIdAllocator {
  private readonly serials: SerialAllocator;

  /** `key` comes from the generator seed. */
  constructor(key: number) {
    this.serials = new SerialAllocator(3, mix32(key ^ 0x2b), true);
  }

  /** A CMND for people old enough to have had one before 2021 (most born up to 2000); else null. */
  maybeIssue(rng: Rng, birthYear: number, origin: string | null): string | null {
    const share = birthYear <= 2000 ? 0.65 : birthYear <= 2006 ? 0.35 : 0;
    if (!rng.chance(share)) return null;
    const prefix = origin && rng.chance(0.6) ? (CMND_PREFIX[origin] ?? '04') : '04';
    return prefix + this.serials.next(prefix);
  }
}
