/**
 * Contact and sector identifiers of synthetic people: mobile numbers, rare e-mail addresses,
 * health-insurance card numbers and personal tax codes. All synthetic; formats follow public
 * conventions, the shares are approximations.
 */
import { DecimalPermutation, flat, mix32, type Rng, WeightedTable } from './random';

// Mobile prefixes by network (Viettel 03x/086/09x, Vinaphone 08x/091/094, MobiFone 07x/089/090/093,
// Vietnamobile 052/056/058/092, Gmobile 059/099); Viettel dominates in the mountains.
const MOBILE_PREFIXES = new WeightedTable<string>([
  ['032', 6],
  ['033', 6],
  ['034', 6],
  ['035', 6],
  ['036', 6],
  ['037', 6],
  ['038', 6],
  ['039', 6],
  ['086', 5],
  ['096', 6],
  ['097', 6],
  ['098', 6],
  ['081', 2],
  ['082', 2],
  ['083', 2],
  ['084', 2],
  ['085', 2],
  ['088', 2],
  ['091', 3],
  ['094', 3],
  ['070', 1],
  ['076', 1],
  ['077', 1],
  ['078', 1],
  ['079', 1],
  ['089', 1],
  ['090', 1],
  ['093', 1],
  ['052', 0.5],
  ['056', 0.5],
  ['058', 0.5],
  ['092', 0.5],
  ['059', 0.3],
  ['099', 0.3],
]);

const FOUR_DIGITS = Array.from({ length: 10000 }, (_, i) => String(i).padStart(4, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** A synthetic 10-digit Vietnamese mobile number. */
export function drawPhone(rng: Rng): string {
  return (
    rng.weighted(MOBILE_PREFIXES) +
    (FOUR_DIGITS[rng.int(0, 9999)] as string) +
    (THREE_DIGITS[rng.int(0, 999)] as string)
  );
}

/** A synthetic e-mail address on a reserved example domain (RFC 2606), from the name key. */
export function drawEmail(rng: Rng, nameKey: string, birthYear: number): string {
  const parts = nameKey.split(' ');
  const local = `${parts[parts.length - 1] ?? 'user'}.${parts[0] ?? 'vn'}${String(birthYear % 100).padStart(2, '0')}${rng.int(1, 999)}`;
  return flat(`${local}@example.com`);
}

/** Who pays the health insurance, which sets the card's 2-letter group and benefit digit. */
export interface InsuranceProfile {
  age: number;
  minority: boolean;
  ward: boolean;
}

function insuranceGroup(rng: Rng, p: InsuranceProfile): string {
  if (p.age < 6) return 'TE1';
  if (p.minority)
    return p.age >= 22 && p.age < 60 && rng.chance(0.08)
      ? rng.chance(0.5)
        ? 'HC4'
        : 'DN4'
      : rng.chance(0.8)
        ? 'DT2'
        : 'HN2';
  if (p.age < 18) return 'HS4';
  if (p.age >= 60) return rng.chance(0.55) ? 'HT3' : 'GD4';
  const u = rng.next();
  if (p.ward) return u < 0.3 ? 'HC4' : u < 0.55 ? 'DN4' : 'GD4';
  return u < 0.12 ? 'HC4' : u < 0.2 ? 'DN4' : u < 0.35 ? 'HN2' : 'GD4';
}

/**
 * Health-insurance card numbers: group (2 letters) + benefit level (1 digit) + province (2 digits)
 * + a 10-digit social-insurance number, e.g. 'DT2' '12' '0123456789'; children under 6 'TE1…'.
 */
export class InsuranceAllocator {
  private readonly perm: DecimalPermutation;
  private counter = 0;

  /** `provinceCode` is the 2-digit province code; `key` comes from the seed. */
  constructor(
    private readonly provinceCode: string,
    key: number,
  ) {
    this.perm = new DecimalPermutation(5, mix32(key ^ 0x3c));
  }

  /** A card number for about 96% of people (coverage is near universal in Lai Châu); else null. */
  maybeIssue(rng: Rng, profile: InsuranceProfile): string | null {
    if (!rng.chance(0.96)) return null;
    const group = insuranceGroup(rng, profile);
    return flat(`${group}${this.provinceCode}${this.perm.apply(this.counter++)}`);
  }
}

const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** Check digit of a 10-digit Vietnamese tax code (MST), or null when the body has none. */
export function taxCheckDigit(body9: string): number | null {
  let total = 0;
  for (let i = 0; i < 9; i++) total += (TAX_WEIGHTS[i] as number) * Number(body9[i]);
  const check = 10 - (total % 11);
  return check === 10 ? null : check;
}

/** Personal tax codes: '8' + 8 digits + MST check digit, unique. */
export class TaxCodeAllocator {
  private readonly perm: DecimalPermutation;
  private counter = 0;

  /** `key` comes from the seed. */
  constructor(key: number) {
    this.perm = new DecimalPermutation(4, mix32(key ^ 0x4d));
  }

  /** The next unused valid tax code. */
  issue(): string {
    for (;;) {
      const body = `8${this.perm.apply(this.counter++)}`;
      const check = taxCheckDigit(body);
      if (check !== null) return body + String(check);
    }
  }
}
