/**
 * Helpers shared by the demo module's tests: run the generator to completion and look at
 * the result as plain arrays. Not part of the public API.
 */
import { generateProvince } from './generator';
import { LAI_CHAU_COMMUNES } from './lai-chau-communes.fixture';
import type {
  DefectManifest,
  GeneratedBatch,
  GenerateOptions,
  InjectedDefect,
  PersonSeed,
  ResidenceSeed,
} from './types';

/** Everything one run produced. */
export interface Collected {
  batches: GeneratedBatch[];
  persons: PersonSeed[];
  residences: ResidenceSeed[];
  households: GeneratedBatch['households'];
  injected: InjectedDefect[];
  manifest: DefectManifest;
}

/** Options for Lai Châu with the 38 current communes and a fixed reference date. */
export function laiChauOptions(overrides: Partial<GenerateOptions> = {}): GenerateOptions {
  return {
    seed: 'test-seed',
    people: 20_000,
    communes: [...LAI_CHAU_COMMUNES],
    referenceDate: '2026-06-30',
    provinceIdCode: '012',
    ...overrides,
  };
}

/** Runs the generator to the end. */
export function collect(opts: GenerateOptions, batchSize?: number): Collected {
  const generator = generateProvince(opts, batchSize);
  const batches: GeneratedBatch[] = [];
  for (let step = generator.next(); ; step = generator.next()) {
    if (step.done) {
      return {
        batches,
        manifest: step.value,
        persons: batches.flatMap((b) => b.persons),
        residences: batches.flatMap((b) => b.residences),
        households: batches.flatMap((b) => b.households),
        injected: batches.flatMap((b) => b.injected),
      };
    }
    batches.push(step.value);
  }
}

/** Completed years between a 'YYYY-MM-DD' (or Jan 1 of the year) and the reference date. */
export function ageAt(person: PersonSeed, referenceDate: string): number {
  const birth = person.birthDate ?? `${person.birthYear}-01-01`;
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [ry, rm, rd] = referenceDate.split('-').map(Number) as [number, number, number];
  return ry - by - (rm < bm || (rm === bm && rd < bd) ? 1 : 0);
}

/** Lowercase, undiacritised, single-spaced name (an independent re-implementation for tests). */
export function plainName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐÐð]/g, 'd')
    .toLowerCase()
    .split(/\s+/)
    .join(' ')
    .trim();
}

/** Groups items by a key (Map.groupBy is not in Node 20). */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
