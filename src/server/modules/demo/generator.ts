/**
 * Deterministic generator of a synthetic Lai Châu population (synthetic people only).
 *
 * Two passes: the first plans every household (relations, ages, deaths; each from its own
 * seeded stream) into a compact store and a one-byte-per-person census, so that defects can
 * be chosen with exact counts; the second continues each household's stream to draw names
 * and documents, applies the chosen defects and yields batches of whole households.
 * Nothing is read from files or a database.
 */
import { type CommuneSetup, setUpCommunes } from './communes';
import { ageOn, isoToDay } from './dates';
import { applyDefect, type DefectExtras } from './defect-apply';
import { type Census, DEFAULT_DEFECT_RATES, DEFECT_RULES, effectiveRates, FLAG, selectDefects } from './defects';
import { type HouseholdPlan, planHousehold } from './households';
import { PersonFactory, provinceName } from './person';
import { PlanStore } from './plan-store';
import { hashString128, Rng } from './random';
import type { DefectManifest, GeneratedBatch, GenerateOptions } from './types';

export type {
  CommuneInput,
  DefectCode,
  DefectManifest,
  DefectManifestEntry,
  GeneratedBatch,
  GenerateOptions,
  HouseholdSeed,
  InjectedDefect,
  PersonSeed,
  ResidenceSeed,
} from './types';
export { DEFAULT_DEFECT_RATES, DEFECT_RULES };

interface Setup {
  seed: string;
  refDay: number;
  communes: CommuneSetup[];
  streamBase: [number, number, number, number];
}

function validate(opts: GenerateOptions, batchSize: number): void {
  if (!Number.isInteger(opts.people) || opts.people < 0) throw new RangeError('people must be a non-negative integer');
  if (opts.people > 0 && opts.communes.length === 0) throw new RangeError('at least one commune is required');
  if (!/^\d{3}$/.test(opts.provinceIdCode)) throw new RangeError('provinceIdCode must be 3 digits, e.g. 012');
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  if (new Set(opts.communes.map((c) => c.code)).size !== opts.communes.length)
    throw new RangeError('commune codes must be unique');
}

function censusFlags(plan: HouseholdPlan, refDay: number, flags: Uint8Array, at: number): void {
  plan.members.forEach((m, i) => {
    const age = ageOn(m.birthDay, refDay);
    flags[at + i] =
      (m.deathDay === null ? FLAG.ALIVE : 0) |
      (age >= 14 ? FLAG.AGE14 : 0) |
      (age >= 6 ? FLAG.AGE6 : 0) |
      (age >= 18 ? FLAG.AGE18 : 0) |
      (i === 0 ? FLAG.HEAD : 0) |
      (m.yearOnly ? 0 : FLAG.DATED);
  });
}

/**
 * First pass: plans every household of the province in order (each from its own random
 * stream) into a compact store, and takes the census (one flag byte per person).
 */
function planProvince(setup: Setup, expected: number): { store: PlanStore; census: Census } {
  const store = new PlanStore();
  let flags = new Uint8Array(expected + 64);
  let index = 0;
  setup.communes.forEach((commune, c) => {
    while (store.persons < commune.cumulativeTarget) {
      const rng = Rng.derive(setup.streamBase, 1, index++);
      const plan = planHousehold(rng, rng.weighted(commune.householdEthnicity), commune.plan);
      if (store.persons + plan.members.length > flags.length) {
        const grown = new Uint8Array(flags.length * 2 + plan.members.length);
        grown.set(flags);
        flags = grown;
      }
      censusFlags(plan, setup.refDay, flags, store.persons);
      store.add(c, plan, rng);
    }
  });
  const householdStarts = Int32Array.from({ length: store.households }, (_, h) => store.firstMember(h));
  return { store, census: { flags, persons: store.persons, householdStarts, households: store.households } };
}

function emptyBatch(): GeneratedBatch {
  return { households: [], persons: [], residences: [], injected: [] };
}

/**
 * Generates the synthetic province as batches of whole households (about `batchSize` people
 * each) so that a large population never sits in memory at once. Same options ⇒ same output.
 * Returns the manifest: actual counts and, per defect code, how many records were altered
 * and how many a checker should flag.
 */
export function* generateProvince(opts: GenerateOptions, batchSize = 5000): Generator<GeneratedBatch, DefectManifest> {
  validate(opts, batchSize);
  const refDay = isoToDay(opts.referenceDate);
  const rates = effectiveRates(opts.defectRates);
  const setup: Setup = {
    seed: opts.seed,
    refDay,
    streamBase: hashString128(`${opts.seed}/households`),
    communes: setUpCommunes(opts.seed, opts.people, opts.communes, refDay, provinceName(opts.provinceIdCode)),
  };
  const { store, census } = planProvince(setup, opts.people);
  const selection = selectDefects(opts.seed, census, rates);
  const factory = new PersonFactory(
    hashString128(opts.seed)[0],
    refDay,
    opts.provinceIdCode,
    setup.communes,
    census.persons,
  );
  let batch = emptyBatch();
  let ordinal = 0;
  let emitted = 0;
  for (let h = 0; h < store.households; h++) {
    const { rng, plan, communeIndex } = store.read(h);
    const built = factory.build(rng, plan, setup.communes[communeIndex] as CommuneSetup);
    const extras: DefectExtras = { persons: [], residences: [], injected: [] };
    built.persons.forEach((person, i) => {
      const code = selection.byPerson.get(ordinal + i);
      if (code) applyDefect(code, { rng, refDay, factory }, person, built.internals[i]!, built.residences, extras);
    });
    ordinal += built.persons.length;
    batch.households.push(built.household);
    batch.persons.push(...built.persons, ...extras.persons);
    batch.residences.push(...built.residences, ...extras.residences);
    batch.injected.push(...extras.injected);
    emitted += built.persons.length + extras.persons.length;
    if (batch.persons.length >= batchSize) {
      yield batch;
      batch = emptyBatch();
    }
  }
  if (batch.households.length > 0) yield batch;
  return { people: emitted, households: census.households, defects: selection.entries };
}
