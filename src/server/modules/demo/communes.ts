/**
 * Per-commune setup: size (uneven, wards larger), fitted ethnic mix, settlements.
 */
import { addressLine, communeFullName, settlementsOf } from './addresses';
import {
  communeProfile,
  type CommuneProfile,
  ETHNIC_CODES,
  ETHNIC_TARGETS,
  fitShares,
  initialShares,
  religionWeights,
  shortName,
} from './ethnicity';
import { type PlanContext, planHousehold } from './households';
import { Rng, WeightedTable } from './random';
import type { CommuneInput } from './types';

/** Everything the generator needs to know about one commune. */
export interface CommuneSetup {
  code: string;
  fullName: string;
  shortName: string;
  profile: CommuneProfile;
  /** Cumulative person target at the end of this commune (generation stops here). */
  cumulativeTarget: number;
  /** Ethnicity of a new household (corrected for household size differences). */
  householdEthnicity: WeightedTable<string>;
  plan: PlanContext;
  settlements: string[];
  /** One address line per settlement ("<settlement>, <commune full name>"). */
  addressLines: string[];
  /** "<commune full name>, <province name>", used as a home town. */
  homeTown: string;
}

const religionTables = new Map<string, WeightedTable<string>>();

/** Religion table of an ethnic group (cached). */
export function religionTable(ethnicCode: string): WeightedTable<string> {
  let table = religionTables.get(ethnicCode);
  if (!table) {
    table = new WeightedTable(religionWeights(ethnicCode));
    religionTables.set(ethnicCode, table);
  }
  return table;
}

/** Relative population weight: log-normal spread, wards about twice an average commune. */
function sizeWeight(seed: string, commune: CommuneInput, profile: CommuneProfile): number {
  const rng = new Rng(`${seed}/size/${commune.code}`);
  return Math.exp(rng.normal(0, 0.35)) * (profile === 'ward' ? 2 : 1);
}

const pilotCache = new Map<number, Map<string, number>>();

/**
 * Mean household size per ethnic group, measured on a fixed pilot sample (independent of the
 * seed, cached per reference day) so that household draws can be weighted to hit person-level
 * shares (Mông households are larger than Kinh ones).
 */
export function pilotHouseholdSizes(refDay: number): Map<string, number> {
  const cached = pilotCache.get(refDay);
  if (cached) return cached;
  const neutral = new WeightedTable(Object.entries(ETHNIC_TARGETS));
  const ctx: PlanContext = { refDay, spouseEthnicity: neutral, religion: religionTable };
  const sizes = new Map<string, number>();
  for (const code of ETHNIC_CODES) {
    const rng = new Rng(`pilot/${code}`);
    let total = 0;
    for (let i = 0; i < 300; i++) total += planHousehold(rng, code, ctx).members.length;
    sizes.set(code, total / 300);
  }
  pilotCache.set(refDay, sizes);
  return sizes;
}

/** Builds the setup of every commune, in the order given. */
export function setUpCommunes(
  seed: string,
  people: number,
  communes: CommuneInput[],
  refDay: number,
  provinceName: string,
): CommuneSetup[] {
  const profiles = communes.map((c) => communeProfile(c.name, c.type));
  const weights = communes.map((c, i) => sizeWeight(seed, c, profiles[i] as CommuneProfile));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const shares = fitShares(
    communes.map((c) => initialShares(c.name, c.type)),
    weights,
  );
  const meanSize = pilotHouseholdSizes(refDay);
  let cumulative = 0;
  return communes.map((c, i) => {
    cumulative += weights[i] as number;
    const row = shares[i] as number[];
    const personTable = new WeightedTable(ETHNIC_CODES.map((code, e) => [code, row[e] as number] as const));
    const householdTable = new WeightedTable(
      ETHNIC_CODES.map((code, e) => [code, (row[e] as number) / (meanSize.get(code) ?? 4)] as const),
    );
    const profile = profiles[i] as CommuneProfile;
    const fullName = communeFullName(c.name, c.type);
    const settlements = settlementsOf(seed, c.code, shortName(c.name), profile);
    return {
      code: c.code,
      fullName,
      shortName: shortName(c.name),
      profile,
      cumulativeTarget: Math.round((people * cumulative) / totalWeight),
      householdEthnicity: householdTable,
      plan: { refDay, spouseEthnicity: personTable, religion: religionTable },
      settlements,
      addressLines: settlements.map((s) => addressLine(s, fullName)),
      homeTown: `${fullName}, ${provinceName}`,
    };
  });
}
