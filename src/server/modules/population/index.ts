/**
 * Public face of the `population` module: the province's copy of the population registry
 * (persons, households, residence history), the personal-ID rules, Vietnamese name
 * normalisation, and the "đúng, đủ, sạch, sống" data-quality engine.
 */
export { populationRoutes } from './population.routes';
/** Pure rules for the 12-digit personal ID number (DOMAIN.md §2). */
export { checkNationalId, decodeNationalId, centurySexDigit, isLegacyIdFormat, type Sex } from './id-number';
/** Known birth-registration province codes for ID numbers. */
export { ID_PROVINCE_CODES, idProvinceName } from './id-province-codes';
/** Vietnamese text normalisation and matching keys (DOMAIN.md §9). */
export { normalizeDeclared, searchKey, namesEquivalent, isNormalized, nameMatchKey } from './vietnamese-text';
/** Official code lists: ethnicities, religions, relations to household head. */
export { ETHNICITIES, RELIGIONS, HOUSEHOLD_RELATIONS } from './codes';
/** Use cases: validate an ID, search, a person's record, the quality engine. */
export { validateNationalId } from './validate-id';
export { searchPersons } from './search-persons';
export { getPersonDetail } from './read-person';
export { runQualityCheck, getQualityReport } from './quality-report';
/** Decisions queue the persons they changed; this job recomputes their findings and the scores in batches. */
export { qualityRefreshPass, refreshQueuedFindings } from './quality-refresh';
/** The full evaluation on a schedule: at start when none exists, then once a Vietnam day (once across server processes). */
export { runScheduledQuality } from './quality-schedule';
/** The signed-in citizen's own record and household, read in one statement (no officer access: not logged), e.g. to prefill and file their forms. */
export { getOwnRecord, findOwnRecord, type OwnHousehold } from './own-record';
/** Bulk loading (COPY) of registry batches and registry maintenance. */
export {
  copyRegistryBatch,
  registryBatchCopies,
  withIndexesRebuilt,
  type RegistryBatch,
  type PersonImport,
} from './population.import';
/** Registry commands a decision runs inside its transaction (residence, household), and the versions a dossier records at filing. */
export {
  registerPermanentResidence,
  registerNewbornResidence,
  registerTemporaryResidence,
  extendTemporaryResidence,
  endResidence,
  recordTemporaryAbsence,
} from './residence-commands';
export { splitHousehold, adjustResidenceData, type ResidenceAdjustment } from './household-commands';
/** Stay notifications (2.001159): recorded when filed, read by the commune police. */
export { recordStayNotification, listStaysOn, type StayNotification } from './stay-notifications';
export { registerBirth, recordDeath, demoIdNumberIssuer, type IdNumberIssuer, type Newborn } from './birth-commands';
/** Marriage registration (1.000894): the marriage, the spouses linked, refused under age or when one is married. */
export { recordMarriage, MARRIAGE_AGE } from './marriage-commands';
export {
  temporaryResidenceUnit,
  registryVersionsOf,
  personIdsByNationalId,
  memberStanding,
  memberStandings,
  type MemberStanding,
  type Decision,
  type ResidenceAddress,
} from './registry-change';
/**
 * Correcting a person's full name, birth date or sex on a change request the commune police accepted
 * (sector lists, issue 16 §3): locked, refused when the value changed meanwhile, history, access log.
 */
export {
  correctPersonData,
  findCorrectablePerson,
  registryValueOf,
  type CorrectableField,
  type CorrectablePerson,
  type PersonDataCorrection,
} from './person-data-corrections';
/** What the registry says of a person's residence on a day (what a CT07 confirmation certifies). */
export { residenceFactsOf, type ResidenceFacts } from './residence-facts';
/** Who reads a record (role, unit, request; never a name), as the access log records it. */
export type { Reader } from './person-access-log';
/** A person's phone and e-mail in the registry, to tell them of their own dossiers (notifications). */
export { findRegistryContact, type RegistryContact } from './contacts';
/** The household head's ID number typed on a residence form, checked against the registry. */
export { checkHouseholdHead } from './household-head-check';
export { countPersons, truncateRegistry, findPersonIdByNationalId } from './population.repository';
/** The quality rules (as data + SQL checks). */
export { QUALITY_RULES } from './quality/rules';
/** What the registry counts for the plan's targets 2 (chip cards, e-ID) and 3 (quality), for the kpi module. */
export { POPULATION_INDICATOR_SOURCES } from './indicator-sources';
