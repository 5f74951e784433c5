/**
 * Small, fast, seeded pseudo-random number generation for the synthetic population.
 *
 * sfc32 (Chris Doty-Humphrey's "Small Fast Counting" generator, public domain) seeded
 * through cyrb128 (a public-domain string hash). Not cryptographic: it only has to be
 * deterministic, well distributed and cheap, so that the same seed yields the same
 * synthetic province on every machine.
 */

/** Hashes a string into four 32-bit words (cyrb128). */
export function hashString128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** murmur3's 32-bit finaliser: a cheap bijective integer mixer. */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 53-bit hash of a string (two independent 32-bit FNV-1a style lanes), for compact sets of keys. */
export function hashString53(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 2246822507);
  }
  a = mix32(a);
  b = mix32(b ^ a);
  return (b & 0x1fffff) * 4294967296 + a;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A seeded sfc32 generator with the sampling helpers the generator needs. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Seeds from a string, or from four 32-bit words (used to derive independent sub-streams). */
  constructor(seed: string | readonly [number, number, number, number]) {
    const words = typeof seed === 'string' ? hashString128(seed) : seed;
    this.a = words[0] >>> 0;
    this.b = words[1] >>> 0;
    this.c = words[2] >>> 0;
    this.d = words[3] >>> 0;
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  /** An independent stream for item `index` of a family identified by `salt` (e.g. household n). */
  static derive(base: readonly [number, number, number, number], salt: number, index: number): Rng {
    const m = mix32(index ^ Math.imul(salt, 0x9e3779b9));
    return new Rng([base[0] ^ index, base[1] ^ m, base[2] ^ mix32(m + salt), base[3] ^ salt]);
  }

  /** Next unsigned 32-bit integer. */
  nextU32(): number {
    this.d = (this.d + 1) | 0;
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick() from an empty list');
    return item;
  }

  /** Normally distributed number (Box–Muller). */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Weighted choice from a prepared table. */
  weighted<T>(table: WeightedTable<T>): T {
    return table.sample(this.next());
  }

  /** A string of n random decimal digits. */
  digits(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += String(Math.floor(this.next() * 10));
    return out;
  }

  /** A UUID v4-shaped string drawn from this stream (deterministic, not globally unique by design). */
  uuid(): string {
    const w0 = this.nextU32();
    const w1 = (this.nextU32() & 0xffff0fff) | 0x00004000;
    const w2 = ((this.nextU32() & 0x3fffffff) | 0x80000000) >>> 0;
    const w3 = this.nextU32();
    const h = (w: number, s: number): string => HEX[(w >>> s) & 0xff] as string;
    return (
      h(w0, 24) + h(w0, 16) + h(w0, 8) + h(w0, 0) + '-' + h(w1, 24) + h(w1, 16) + '-' +
      h(w1, 8) + h(w1, 0) + '-' + h(w2, 24) + h(w2, 16) + '-' + h(w2, 8) + h(w2, 0) +
      h(w3, 24) + h(w3, 16) + h(w3, 8) + h(w3, 0)
    );
  }
}

/** A list of items with weights, prepared once for O(log n) sampling. */
export class WeightedTable<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;

  /** Builds the table from [item, weight] pairs; weights need not sum to 1. */
  constructor(pairs: ReadonlyArray<readonly [T, number]>) {
    const usable = pairs.filter(([, w]) => w > 0);
    if (usable.length === 0) throw new RangeError('WeightedTable needs at least one positive weight');
    this.items = usable.map(([item]) => item);
    this.cumulative = new Float64Array(usable.length);
    let total = 0;
    usable.forEach(([, w], i) => {
      total += w;
      this.cumulative[i] = total;
    });
    for (let i = 0; i < usable.length; i++) this.cumulative[i] = (this.cumulative[i] as number) / total;
  }

  /** The item at uniform position u in [0, 1). */
  sample(u: number): T {
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (u < (this.cumulative[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

/**
 * A keyed bijection on [0, 10^(2·halfDigits)) (a 4-round Feistel network on two decimal
 * halves). Feeding it a counter yields distinct, random-looking serial numbers without
 * keeping a set of the numbers already used.
 */
export class DecimalPermutation {
  private readonly half: number;
  private readonly keys: number[];
  readonly digits: number;

  /** `halfDigits` up to 5 (so 10-digit serials); `key` makes the permutation seed-specific. */
  constructor(halfDigits: number, key: number) {
    this.half = 10 ** halfDigits;
    this.digits = halfDigits * 2;
    this.keys = [1, 2, 3, 4].map((r) => mix32(key + Math.imul(r, 0x27d4eb2f)));
  }

  /** The image of `n` (0 ≤ n < 10^digits), zero-padded. */
  apply(n: number): string {
    let left = Math.floor(n / this.half);
    let right = n % this.half;
    for (const k of this.keys) {
      const f = mix32(right ^ k) % this.half;
      const next = (left + f) % this.half;
      left = right;
      right = next;
    }
    return String(left * this.half + right).padStart(this.digits, '0');
  }
}
