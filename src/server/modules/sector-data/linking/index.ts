/**
 * The linking engine of `sector-data` (issue 16 §3): list rows tied to registry persons by ID
 * number, or by blocking and Fellegi–Sunter scoring, with outcomes and explanations. Pure code:
 * the registry is read through a {@link RegistryView} (in memory or SQL). ADR 0029.
 */

/** Link a list: a linker over a registry view (chunks of rows), or a whole list at once; default thresholds. */
export { createLinker, linkList, blockingKeysOf, DEFAULT_THRESHOLDS } from './link';
export type { Linker, LinkOptions, LinkStats, LinkThresholds, ResolvedChunk, RowLink, ScoredCandidate } from './link';
/** The registry as the engine sees it: in memory (tests, benchmark) and over SQL (population.persons). */
export { inMemoryRegistry, personBlockingKeys } from './registry-memory';
export { sqlRegistry } from './registry-sql';
export { blockingKeyId } from './types';
export type { BlockingKey, LinkField, LinkOutcome, ListRow, RegistryPerson, RegistryView } from './types';
/** Fellegi–Sunter weights: defaults, estimation by EM or from reviewed pairs, scoring with its explanation. */
export {
  DEFAULT_WEIGHTS,
  estimateWeightsEm,
  weightsFromLabelledPairs,
  scoreVector,
  levelWeight,
  matchProbability,
} from './weights';
export type { FieldScore, FieldWeights, MU } from './weights';
/** Field comparison levels (the comparison vector of a row and a person). */
export { FIELD_LEVELS, compareRow, prepareRow, preparePerson, discrepancies } from './compare';
export type { ComparisonVector, FieldLevel } from './compare';
/** Reading cells as lists write them: names, dates, sex, ID numbers. */
export { nameForms, foldedNameKey, phoneticNameKey } from './names';
export { parseListDate, isoOf } from './dates';
export type { ParsedDate, PartialDate, DatePrecision } from './dates';
export { parseSex, parseIdNumber } from './fields';
export type { ParsedIdNumber } from './fields';
/** Jaro–Winkler similarity on name keys. */
export { jaroWinkler } from './jaro-winkler';
