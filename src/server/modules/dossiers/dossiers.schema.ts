import {
  pgSchema,
  bigint,
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { RegistryChecks } from '../../../contracts/dossiers';
import type { RegistryOutcome } from '../../../contracts/procedures';

/**
 * Tables owned by the `dossiers` module: dossiers (hồ sơ) with their lifecycle
 * state, deadline and form data, every transition, the attachments (files live in the
 * content-addressed store; rows hold the hash), and the per-agency daily counter behind the
 * gap-free dossier codes.
 */
export const dossiersSchema = pgSchema('dossiers');

export const dossiers = dossiersSchema.table(
  'dossiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `<agency code>-YYMMDD-XXXX`, given at submission (null for drafts). */
    code: text('code'),
    agencyCode: text('agency_code').notNull(),
    procedureCode: text('procedure_code').notNull(),
    /** The procedure version the dossier was filed under (never changes afterwards). */
    procedureVersionId: uuid('procedure_version_id').notNull(),
    /** Receiving unit (commune code, today's structure). */
    unitCode: text('unit_code').notNull(),
    state: text('state').notNull(),
    channel: text('channel').notNull(),
    applicantPersonId: uuid('applicant_person_id'),
    /** Access-log subject of the applicant (keyed pseudonym of the ID number, audit module): reads of the dossier are logged under it. */
    applicantSubject: text('applicant_subject'),
    /** Kept for lists and slips; the person's registry record stays in `population`. */
    applicantName: text('applicant_name').notNull(),
    /** The citizen account that owns the dossier (online / assisted), null for a paper filing. */
    ownerAccountId: uuid('owner_account_id'),
    /** Officer who entered a paper filing. */
    enteredByAccountId: uuid('entered_by_account_id'),
    /** An assisted filing: the counter device it was filed on and the officer who guided the citizen (counter module). */
    assistedBy: jsonb('assisted_by').$type<{
      deviceId: string;
      unitCode: string;
      counterLabel: string;
      officerAccountId: string;
      officerName: string;
    }>(),
    /** Officer handling the dossier (set when they receive or start processing it). */
    assigneeAccountId: uuid('assignee_account_id'),
    form: jsonb('form').$type<Record<string, unknown>>().notNull(),
    sources: jsonb('sources').$type<Record<string, string>>().notNull(),
    /** Working days of the version at submission (the deadline rule applied). */
    timeLimitWorkingDays: doublePrecision('time_limit_working_days').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /**
     * When the dossier was actually received: the officer's `receive` act (or the filing, for a
     * dossier decided at once). Never after the decision (issue 14 §4).
     */
    receivedAt: timestamp('received_at', { withTimezone: true }),
    /**
     * The effective time the legal deadline counts from: the complete dossier's submission, moved
     * to the next working period when it came outside working hours (Decree 61/2018 as amended).
     */
    deadlineStartAt: timestamp('deadline_start_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** Working minutes left when the clock stopped for a supplement (null = running). */
    pausedRemainingMinutes: integer('paused_remaining_minutes'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Set when an apology slip extended the deadline, or decided after the due time. */
    late: boolean('late').notNull().default(false),
    /** The fee calculation shown before payment (fees module), kept with the dossier. */
    fee: jsonb('fee').$type<Record<string, unknown>>(),
    /** Amount due (integer VND) and the fee state (none, unpaid, paid, exempt, exemption_pending, cash, refunded). */
    feeAmount: integer('fee_amount').notNull().default(0),
    feeStatus: text('fee_status').notNull().default('none'),
    feePaidAmount: integer('fee_paid_amount').notNull().default(0),
    feePaidAt: timestamp('fee_paid_at', { withTimezone: true }),
    feePaymentId: uuid('fee_payment_id'),
    /** How the applicant receives the result: online (their account), post, counter (issue 14 §3). */
    resultDelivery: text('result_delivery').notNull().default('online'),
    /** Where the result is posted (with `post`). */
    deliveryAddress: text('delivery_address'),
    /** What the registry said about the form at filing (the household head's ID number), shown to the officer. */
    registryChecks: jsonb('registry_checks').$type<RegistryChecks>(),
    /** The registry version of each person the decision will change, as the form saw them at filing (personId → version). */
    registrySeen: jsonb('registry_seen').$type<Record<string, number>>(),
    /** What the approval's registry effect produced (e.g. the newborn's ID number); null: nothing. */
    registryOutcome: jsonb('registry_outcome').$type<RegistryOutcome>(),
    /** Optimistic concurrency: incremented by every change. */
    version: integer('version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dossiers_code_uq').on(t.code),
    index('dossiers_unit_state_idx').on(t.unitCode, t.state, t.dueAt),
    index('dossiers_owner_idx').on(t.ownerAccountId, t.createdAt.desc()),
    index('dossiers_applicant_idx').on(t.applicantPersonId),
    index('dossiers_assignee_idx')
      .on(t.assigneeAccountId)
      .where(sql`${t.assigneeAccountId} is not null`),
  ],
);

/** Every change of state (and in-place events such as an extension), in order. Never updated. */
export const transitions = dossiersSchema.table(
  'transitions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    command: text('command').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorAccountId: uuid('actor_account_id'),
    actorRole: text('actor_role').notNull(),
    actorUnit: text('actor_unit'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    note: text('note'),
    reason: text('reason'),
    legalBasis: text('legal_basis'),
    items: jsonb('items').$type<Array<{ item: string; reason: string }>>(),
    /** Due time after this transition (set, paused = null, resumed, extended). */
    dueAt: timestamp('due_at', { withTimezone: true }),
  },
  (t) => [index('transitions_dossier_idx').on(t.dossierId, t.id)],
);

/**
 * One step of an interlinked group (Decree 63/2024, issue 13 §3): the agency's procedure, in order,
 * with the role (and sector) and unit that perform it, its own deadline and state. Created when the
 * group's dossier is received, from the version's `components`; the next step starts when one ends.
 */
export const dossierSteps = dossiersSchema.table(
  'dossier_steps',
  {
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    seq: smallint('seq').notNull(),
    role: text('role').notNull(),
    sector: text('sector'),
    unitCode: text('unit_code').notNull(),
    /** waiting | in_processing | done | refused | stopped (the dossier was withdrawn) */
    state: text('state').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedByAccountId: uuid('ended_by_account_id'),
    endedByRole: text('ended_by_role'),
    endedByUnit: text('ended_by_unit'),
    /** What the step produced (the child's ID number, the card number, the allowance decision). */
    outcome: jsonb('outcome').$type<Record<string, string>>(),
  },
  (t) => [
    primaryKey({ columns: [t.dossierId, t.seq] }),
    index('dossier_steps_current_idx')
      .on(t.role, t.unitCode)
      .where(sql`${t.state} = 'in_processing'`),
  ],
);

/** A file of a dossier; the bytes are in the content-addressed store under their SHA-256. */
export const attachments = dossiersSchema.table(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    documentKey: text('document_key').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** 0 = with the submission, n = the n-th supplement. */
    round: integer('round').notNull().default(0),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The citizen's store document (documents.stored_documents) this attachment reuses instead of an
     * upload (issue 17 §3): the same file in the content-addressed store; null: uploaded.
     */
    reusedDocumentId: uuid('reused_document_id'),
  },
  (t) => [index('attachments_dossier_idx').on(t.dossierId), index('attachments_sha_idx').on(t.sha256)],
);

/**
 * A result document issued (CT03, CT07, CT08): what it certified, as printed, kept so that its QR
 * code (`<PUBLIC_URL>/xac-thuc/<token>`) can be verified publicly — by the employer or bank a citizen
 * hands a CT07 to — without the registry being read again. The token is random (not guessable from
 * the dossier code); the file is the dossier's attachment with `pdfSha256`.
 */
export const resultVerifications = dossiersSchema.table(
  'result_verifications',
  {
    token: text('token').primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    kind: text('kind').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    /** The last day the document may be used (CT07: the version's `resultValidDays`); null: no limit. */
    validUntil: date('valid_until'),
    agencyName: text('agency_name').notNull(),
    /** What it certifies, as printed (name, masked ID number, residences, household). */
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
  },
  (t) => [index('result_verifications_dossier_idx').on(t.dossierId)],
);

/** Last sequence number used per agency and day: the row lock makes codes gap-free under concurrency. */
export const codeCounters = dossiersSchema.table(
  'code_counters',
  {
    agencyCode: text('agency_code').notNull(),
    day: date('day').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.day] })],
);
