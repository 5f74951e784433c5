/**
 * Public face of the `demo` module: a deterministic generator of a synthetic population of
 * Lai Châu (synthetic people only, never real ones) for demonstrations, tests and
 * benchmarks. The generator is pure code (no database, no files: callers pass the communes);
 * the seeder loads its batches into the population registry.
 */

/**
 * Generates the province as batches of whole households; returns the manifest of injected
 * data-quality defects. Same options ⇒ identical output.
 */
export { generateProvince } from './generator';
/** Default rates of injected defects, and the rule a checker should apply for each code. */
export { DEFAULT_DEFECT_RATES, DEFECT_RULES } from './defects';
/** Province-wide ethnic shares the generator aims at (2009 census, DOMAIN.md §7). */
export { ETHNIC_TARGETS } from './ethnicity';
/** Record shapes produced by the generator. */
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
/** Replaces the registry with a generated province (loads the batches with COPY). */
export { seedDemoProvince, type SeedOptions, type SeedResult } from './demo.seed';
/** Seeds the demo's pilot models (one per sector of the plan, in different states) into an empty register. */
export { seedDemoPilots } from './pilots';
/**
 * Seeds the demo's sector lists (health-insurance cards, children, vaccinations… drawn from the
 * registry, messy as typed) through the real import and linking, into an empty sector_data.batches.
 */
export {
  seedDemoSectorLists,
  demoListFiles,
  DEMO_LIST_SKIP,
  type DemoListFile,
  type DemoListsOptions,
  type DemoListsResult,
} from './sector-lists';
