import { unboundedDatabase, type Database } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import { listCommunes } from '../units';
import { copyRegistryBatch, truncateRegistry, withIndexesRebuilt } from '../population';
import { generateProvince } from './generator';
import { seedDemoHelpDesks } from './help-desks';
import type { DefectManifest } from './types';

export interface SeedOptions {
  people: number;
  provinceCode: string;
  seed?: string;
  /** "Today" of the generated data: ages, verification dates, e-ID activation. */
  referenceDate?: string;
  onProgress?: (people: number) => void;
}

export interface SeedResult {
  people: number;
  households: number;
  ms: number;
  manifest: DefectManifest;
  /** Synthetic help desks added (only into an empty register). */
  helpDesks: number;
}

/**
 * Replaces the registry with a deterministic synthetic population of the province's current
 * communes, loaded batch by batch with COPY. The same seed and reference date give the same people.
 * A register of help desks still empty gets the demo's synthetic ones.
 */
export async function seedDemoProvince(server: Database, options: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const database = unboundedDatabase(server); // COPY and index rebuilds of up to millions of rows: no statement timeout (ADR 0014)
  const referenceDate = options.referenceDate ?? todayInVietnam();
  const communes = await listCommunes(database.db, referenceDate);
  if (communes.length === 0)
    throw new Error(`no communes of province ${options.provinceCode} on ${referenceDate}: load units first`);
  const helpDesks = await seedDemoHelpDesks(database.db, options.provinceCode);
  await truncateRegistry(database.db);
  const generator = generateProvince({
    seed: options.seed ?? 'lai-chau-demo',
    people: options.people,
    communes: communes.map((c) => ({ code: c.code, name: c.name, type: c.type })),
    referenceDate,
    provinceIdCode: `0${options.provinceCode}`,
  });
  return withIndexesRebuilt(database, async () => {
    let people = 0;
    let households = 0;
    for (;;) {
      const next = generator.next();
      if (next.done) return { people, households, ms: Date.now() - started, manifest: next.value, helpDesks };
      await copyRegistryBatch(database, next.value);
      people += next.value.persons.length;
      households += next.value.households.length;
      options.onProgress?.(people);
    }
  });
}
