/**
 * Public face of the `procedures` module: the catalog of administrative procedures
 * (thủ tục hành chính) as immutable, dated versions — time limit, fees, documents, and the form as
 * JSON Schema with the source of every field — plus prefill from the population registry and the
 * server-side validation of submitted forms. A dossier keeps the id of the version it was filed under.
 */

/** A version of a procedure and the shapes around it (contracts shared with the web app). */
export type {
  ProcedureVersion,
  ProcedureForm,
  FieldMeta,
  FieldSource,
  Fees,
  RequiredDocument,
  PrefillResult,
  PrefillStats,
} from '../../../contracts/procedures';

/** HTTP routes for /api/v1/procedures: public catalog, citizen prefill, administrators' versions. */
export { procedureRoutes } from './procedures.routes';

/**
 * Reading the catalog: `getProcedureVersion(db, code, asOf?)` — the version in force on a date
 * (default today in Vietnam; PROCEDURE.NOT_FOUND 404); `getProcedureVersionById(db, id)` — a
 * dossier's version whatever its period; `listProcedures(db, { q, field, asOf })`; `listVersions`.
 * `createVersion` writes a new version (closing the open one the day before; overlaps → 409).
 */
export {
  getProcedureVersion,
  getProcedureVersionById,
  listProcedures,
  listVersions,
  createVersion,
  checkDefinition,
  type CreateVersionOptions,
} from './procedures.service';

/**
 * Submitted form data: `validateFormData(version, data)` (JSON Schema, unknown fields rejected,
 * bilingual messages with the field's label), `checkLockedFields(version, submitted, prefill)`
 * (prefilled non-editable values must come back unchanged), `checkInPersonRules(version, data, channel)`
 * (answers the law does not let the citizen file online), `validateSubmission` (all three).
 */
export {
  validateFormData,
  checkLockedFields,
  validateSubmission,
  checkInPersonRules,
  type FormError,
  type FormValidation,
  type PrefillSnapshot,
} from './form-validation';

/** Checks a form definition (the JSON Schema itself and the field-source map). */
export { validateFormDefinition } from './form-definition';

/** Prefill of a citizen's form from their registry record, household and e-ID claims. */
export { prefillForm, resolvePrefill, type CitizenRef, type RegistryView } from './prefill';

/** Typed inputs before/after prefill per procedure, and the counting method. */
export { prefillStats, inputsOf, PREFILL_METHOD } from './prefill-stats';

/** The base fee before exemptions: `baseFee(version, { channel, persons, variant? }) → { amount, lines }` (integer VND). */
export { baseFee, type BaseFee, type FeeLine, type FeeRequest } from './fees';

/** Reference data (law as data, reference/procedures): `seedProcedures(db)` — idempotent, run at every start. */
export { seedProcedures, loadReferenceProcedures, PROCEDURES_REFERENCE_DIR } from './procedures.seed';

/** Error codes of the module. */
export { PROCEDURE_ERRORS } from './procedures.errors';
