/**
 * Public face of the `fees` module: the fee engine. The fee (lệ phí) of a dossier
 * comes from its procedure version — the online rate for 'online' and 'assisted' filings, the
 * direct rate for 'paper', per dossier or per person — and the exemption reasons of Circular
 * 75/2022/TT-BTC Art. 4: those the registry can check (age on the filing date, ethnic minority in a
 * commune with extremely difficult conditions, permanent residence in a border commune, poor
 * household) apply automatically; the others need a proof and stay pending until an officer
 * decides. The lists they are checked against are data with effective dates and sources
 * (docs/adr/0009-fee-exemptions-and-lists.md). Amounts are integer VND.
 *
 * Typical use (dossiers): `const fee = await computeDossierFee(db, version, { channel, persons,
 * applicant, claim, asOf })`, stored with the dossier; an officer's decision on a pending
 * exemption: `decideExemption(fee, 'confirmed' | 'rejected', reason)`.
 */
import type { Db } from '../../platform/db';
import type { ProcedureVersion } from '../../../contracts/procedures';
import type { FeeCalculation } from '../../../contracts/fees';
import type { FeeInput } from './fees.types';
import * as service from './fees.service';

/** The calculation (Zod schema in src/contracts/fees.ts), its parts and the quote. */
export type {
  FeeCalculation,
  FeeCalculationLine,
  FeeCalculationExemption,
  FeeChannel,
  FeeQuote,
  FeeQuoteQuery,
  ExemptionStatus,
} from '../../../contracts/fees';
export { FEE_CHANNELS, FEE_PERSONS_LIMITS, formatVnd } from '../../../contracts/fees';

/** The applicant's registry facts (the caller reads them), the inputs, and the list lookup of the pure engine. */
export type { ApplicantFacts, FeeInput, FeeSubject, ListLookup, ListHit } from './fees.types';

/**
 * Whose facts the exemptions are checked on — the person being registered (Circular 75/2022/TT-BTC
 * Art. 4), decided from the version's form fields by the reference rules: `feeSubjectRule(version)`
 * (undefined: the filer), `declaredSubject(rule, form)` (the ID number and date of birth on the
 * form), then `subjectFromRecord(rule, facts)` for a person the registry holds,
 * `subjectFromDeclared(rule, birthDate)` for one it does not (a newborn), `filerSubject(facts, known)`.
 */
export { feeSubjectRule, declaredSubject, subjectFromDeclared, subjectFromRecord, filerSubject } from './fee-subject';

/**
 * The fee rules read at run time from reference/procedures/fee-exemptions.json: the subject rules
 * and the temporary dated waivers (`checkWaiver(version, input, waivers)`, pure; `calculateFee`
 * applies the reference waivers by default, but those the setting FEE_WAIVERS_NOT_APPLIED names:
 * `setFeeWaiversNotApplied` at start, which refuses an unknown code).
 */
export {
  appliedFeeWaivers,
  referenceFeeRules,
  setFeeWaiversNotApplied,
  type FeeRules,
  type SubjectRule,
  type WaiverRule,
} from './fee-rules';
export { checkWaiver, type WaiverCheck } from './waivers';

/**
 * The fee of a dossier under `version` on the filing date `input.asOf`:
 * - `channel` 'online' | 'assisted' → online rate, 'paper' → direct rate;
 * - `persons` (1–50: the applicant and the members on the form) multiplies per-person items;
 * - `variant` (optional, default 'standard') picks the fee item (e.g. 'list' for registration by list);
 * - every registry-checkable reason is checked on `applicant` (residenceUnitCode = the commune
 *   of permanent residence on that date); the first that holds is `granted`, claimed or not;
 * - `subject` (optional): the person being registered when it is not the filer — the exemptions
 *   are checked on their facts and the lists loaded for them;
 * - `eidLevel` (optional): the filer's e-ID level, for a waiver that needs level 2;
 * - `claim` (or null) — otherwise the claimed reason: a proof-based one is `pending` (the caller
 *   checks the attachment: required when `exemption.check === 'proof'`), a registry one the
 *   registry contradicts is `rejected`, one whose fact the registry lacks is `pending`.
 * `amount` is what is due now: 0 for a per-dossier fee whose exemption is granted, pending or
 * confirmed (a per-person item waives the registered person's own share only), less what a
 * temporary waiver in force on the filing date takes off (`waiver`, `waived`). Errors (400, naming the
 * field): FEE.INPUT_INVALID (channel, persons, asOf, variant), FEE.CLAIM_INVALID (claim).
 */
export async function computeDossierFee(db: Db, version: ProcedureVersion, input: FeeInput): Promise<FeeCalculation> {
  return service.computeDossierFee(db, version, input);
}

/**
 * Records an officer's decision on a pending exemption and recomputes the amount (pure):
 * `decideExemption(calc, 'confirmed' | 'rejected', reason, decidedOn?)`. Only a pending
 * exemption can be decided (FEE.DECISION_CONFLICT, 409); the reason needs 3–500 characters
 * (FEE.DECISION_INVALID, 400).
 */
export { decideExemption } from './calculation';

/**
 * What a fee means for a dossier (pure): `feeState(fee, channel)` when it is filed (paid online
 * first, cash at the counter, waived, exemption pending); `feeAfterExemptionDecision(fee, decision,
 * reason, channel)` after an officer decides a pending exemption.
 */
export { feeState, feeAfterExemptionDecision, type FeeState, type DecidedFee } from './fee-state';

/** The same engine without a database (tests, benchmarks): `calculateFee(version, input, lookup)`; `ageOn(birthDate, asOf)`. */
export { calculateFee } from './calculation';
export { ageOn, evaluateCriterion, KINH_ETHNICITY_CODE } from './exemption-rules';

/**
 * The quote of GET /api/v1/fees/quote: `feeQuote(db, { nationalId }, { procedureCode, channel, persons, claim?, variant? }, asOf?)`
 * — the version in force, the citizen's own registry facts (population.getOwnRecord, not logged),
 * registry-checked reasons applied. FEE.PROCEDURE_INVALID (400, procedureCode) for an unknown procedure.
 * `applicantFactsOf(record, asOf)` reduces a population PersonDetail to ApplicantFacts.
 */
export { feeQuote, applicantFactsOf, UNKNOWN_APPLICANT } from './fees.service';

/** Routes at /api/v1/fees (registered by app.ts). */
export { feesRoutes } from './fees.routes';

/**
 * The exemption lists: read (`listFeeLists`, `getListMembers`), create a list, add a member from a
 * date (`addListMember`, also for feeding 'poor_households' from sector data later), end one on a
 * date (`endListMember`). Each edit carries its source; nothing is deleted.
 */
export { listFeeLists, getListMembers, createFeeList, addListMember, endListMember } from './fees.lists';

/**
 * Stores the reference lists for Lai Châu (border communes, extremely difficult communes — both
 * provisional — and an empty poor_households list) for every list not stored yet. Idempotent,
 * never over administrators' edits; called at start by bootstrap.ts. Resolves to the codes created.
 */
export { seedFeeLists, readFeeListsReference, FEE_LISTS_REFERENCE_FILE } from './fees.seed';

/** Error codes of the module. */
export { FEE_ERRORS } from './fees.errors';
