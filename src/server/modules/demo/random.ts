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

/**
 * A 30-bit hash of a string (FNV-1a, then mixed): a small integer, so a Set of them stays
 * compact. Used where a rare false match is harmless (it only triggers one more redraw).
 */
export function hashString30(text: string): number {
  return mix32(fnvUpdate(FNV_START, text)) & 0x3fffffff;
}

/** Initial state of an incremental FNV-1a hash. */
export const FNV_START = 0x811c9dc5;

/** Feeds `text` into an FNV-1a state: fnvUpdate(fnvUpdate(s, a), b) equals fnvUpdate(s, a + b). */
export function fnvUpdate(state: number, text: string): number {
  let a = state;
  for (let i = 0; i < text.length; i++) a = Math.imul(a ^ text.charCodeAt(i), 16777619);
  return a;
}

/**
 * Returns `text` after making V8 store it as one flat string. Strings built by concatenation
 * are kept as trees of fragments; records hold hundreds of thousands of them, and flat
 * strings roughly halve the time spent building and collecting them (measured).
 */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/**
 * A set of keys kept as bits of their hashes (no keys stored). `has` may answer true for
 * a key never added (about `size / bits` of the time), never false for one that was: use it
 * only where a false "seen" is harmless, e.g. to trigger one more random redraw.
 */
export class HashBits {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  /** Sized for `expected` keys at about 1/64 occupancy (between 2^16 and 2^28 bits). */
  constructor(expected: number) {
    let size = 1 << 16;
    while (size < expected * 64 && size < 1 << 28) size *= 2;
    this.bits = new Uint32Array(size / 32);
    this.mask = size - 1;
  }

  /** True when the bit of a key's 30-bit hash is set. */
  has(hash: number): boolean {
    const h = hash & this.mask;
    return ((this.bits[h >>> 5] as number) & (1 << (h & 31))) !== 0;
  }

  /** Sets the bit of a key's 30-bit hash. */
  add(hash: number): void {
    const h = hash & this.mask;
    this.bits[h >>> 5] = (this.bits[h >>> 5] as number) | (1 << (h & 31));
  }
}

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const UUID_CODES: number[] = new Array<number>(36).fill(45); // '-' at 8, 13, 18, 23

function writeHex(word: number, at: number): void {
  let p = at;
  for (let shift = 28; shift >= 0; shift -= 4) {
    if (p === 8 || p === 13 || p === 18 || p === 23) p++;
    UUID_CODES[p++] = HEX_CODES[(word >>> shift) & 15] as number;
  }
}

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

  /** Writes the current state into `out` at `at` (to resume the stream later with resume()). */
  saveState(out: Uint32Array, at: number): void {
    out[at] = this.a;
    out[at + 1] = this.b;
    out[at + 2] = this.c;
    out[at + 3] = this.d;
  }

  /** A generator continuing exactly where a saved state left off. */
  static resume(saved: Uint32Array, at: number): Rng {
    const rng = new Rng([0, 0, 0, 0]);
    rng.a = saved[at] as number;
    rng.b = saved[at + 1] as number;
    rng.c = saved[at + 2] as number;
    rng.d = saved[at + 3] as number;
    return rng;
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

  /** A UUID v4-shaped string drawn from this stream (deterministic, not globally unique by design). */
  uuid(): string {
    const w0 = this.nextU32();
    const w1 = ((this.nextU32() & 0xffff0fff) | 0x00004000) >>> 0;
    const w2 = ((this.nextU32() & 0x3fffffff) | 0x80000000) >>> 0;
    const w3 = this.nextU32();
    writeHex(w0, 0);
    writeHex(w1, 9);
    writeHex(w2, 19);
    writeHex(w3, 28);
    return String.fromCharCode.apply(null, UUID_CODES);
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
  private readonly padded: readonly string[];
  readonly digits: number;

  /** `halfDigits` up to 5 (so 10-digit serials); `key` makes the permutation seed-specific. */
  constructor(halfDigits: number, key: number) {
    this.half = 10 ** halfDigits;
    this.digits = halfDigits * 2;
    this.keys = [1, 2, 3, 4].map((r) => mix32(key + Math.imul(r, 0x27d4eb2f)));
    this.padded = paddedNumbers(halfDigits);
  }

  /** The image of `n` (0 ≤ n < 10^digits), zero-padded. */
  apply(n: number): string {
    const half = this.half;
    let left = Math.floor(n / half);
    let right = n % half;
    for (let round = 0; round < 4; round++) {
      const f = (mix32(right ^ (this.keys[round] as number)) & 0x3fffffff) % half; // small ints stay unboxed
      const next = (left + f) % half;
      left = right;
      right = next;
    }
    return (this.padded[left] as string) + (this.padded[right] as string);
  }
}

const paddedCache = new Map<number, string[]>();

/** '000'…'999' style tables, built once per width. */
function paddedNumbers(width: number): string[] {
  let table = paddedCache.get(width);
  if (!table) {
    table = Array.from({ length: 10 ** width }, (_, i) => String(i).padStart(width, '0'));
    paddedCache.set(width, table);
  }
  return table;
}
