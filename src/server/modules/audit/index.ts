/**
 * Public face of the `audit` module: the personal-data access log — append-only,
 * hash-chained, keyed by a pseudonym of the ID number, with the purpose of each access — the
 * purposes officers must state, and citizens' explicit consents (PDP Law 91/2025, Decree 356/2025).
 * Write entries with `recordAccess(tx, …)` inside the business transaction (house style).
 */

/** HTTP routes for /api/v1/audit: purposes, the citizen's access log and consents, chain verification. */
export { auditRoutes, type AuditRouteOptions } from './audit.routes';
/** Who reads their own log and consents: the signed-in citizen of a request (the routes' default). */
export { citizenRefOf, type CitizenRef } from './audit.policy';

/** Keyed pseudonyms (HMAC-SHA256 with AUDIT_PSEUDONYM_KEY) of ID numbers, and the `subject` of an entry. */
export { pseudonymize, subjectFor, subjectsFor, isSubject, type SubjectRef } from './audit.pseudonym';

/**
 * Writing and reading the access log: `recordAccess` (one INSERT in the caller's transaction),
 * `listAccessForSubject` (the citizen's view: role and unit, never the officer; what was read;
 * repeated reads collapsed into one line with a count), `CLI_OPERATOR_ROLE` for command-line reads, the purposes
 * (`listPurposes`, `assertPurpose` → AUDIT.PURPOSE_INVALID 400) and action names.
 */
export {
  recordAccess,
  listAccessForSubject,
  listPurposes,
  assertPurpose,
  ACTION_NAMES,
  CLI_OPERATOR_ROLE,
  type AccessEntryInput,
  type AccessTarget,
  type RecordOptions,
  type Purpose,
  type SubjectAccessItem,
  type SubjectAccessPage,
  type SubjectAccessQuery,
} from './audit.service';

/**
 * The sealing passes that chain staged entries (the server runs them on its job queue each
 * AUDIT_SEAL_INTERVAL_MS), the same on a timer for processes without a queue, and an on-demand pass.
 */
export {
  accessLogSealer,
  startAccessLogSealer,
  sealPendingAccess,
  countPendingAccess,
  type AccessLogSealer,
  type SealingPasses,
  type SealerOptions,
} from './audit.sealer';

/**
 * Signed checkpoints of the chain head kept outside the database (DATA_DIR/audit-checkpoints.jsonl,
 * Ed25519 key AUDIT_CHECKPOINT_KEY, optional external copy at AUDIT_CHECKPOINT_URL): written by the
 * sealer, read by verification (ADR 0004).
 */
export {
  checkpointAnchor,
  checkpointAnchorFromConfig,
  readCheckpoints,
  writeCheckpoint,
  postCheckpoint,
  signCheckpoint,
  type Checkpoint,
  type CheckpointAnchor,
  type CheckpointFile,
  type InvalidCheckpoint,
} from './audit.checkpoints';

/** Recomputes the hash chain in batches and reports the first broken entry (hash, prev_hash, gap, head, or against a checkpoint). */
export { verifyChain, type ChainVerification, type ChainBreak, type VerifyOptions } from './audit.verify';

/** The chain's hashing rule, for tools that check an exported log outside the database. */
export { entryHash, canonicalText, GENESIS_HASH, type ChainedEntryText } from './audit.chain';

/** Explicit, verifiable consent: grant with the exact text version shown, withdraw, list, check. */
export {
  grantConsent,
  withdrawConsent,
  listConsents,
  hasActiveConsent,
  consentTextHash,
  CONSENT_CHANNELS,
  type Consent,
  type ConsentGrantInput,
  type ConsentChannel,
} from './audit.consents';

/** `dvc06 audit verify`: progress, result, exit code (0 intact, 1 broken). */
export { runAuditVerifyCli, type AuditVerifyCliOptions } from './audit.cli';

/** Command-line reads of personal data: the required `--purpose` (bilingual refusal) and the reader logged with the OS user. */
export { requireCliPurpose, commandLineReader } from './audit.cli';

/** Error codes of the module (suffix → HTTP status). */
export { AUDIT_ERRORS } from './audit.errors';
