import {
  pgSchema,
  uuid,
  text,
  date,
  smallint,
  timestamp,
  index,
  uniqueIndex,
  jsonb,
  integer,
  boolean,
  real,
  bigserial,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** Tables owned by the `population` module: the province's copy of the population registry. */
export const populationSchema = pgSchema('population');

/** A person as the national population database knows them. Sensitive fields: ethnicity, religion. */
export const persons = populationSchema.table(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nationalId: text('national_id'),
    legacyId: text('legacy_id'),
    fullName: text('full_name').notNull(),
    nameKey: text('name_key').notNull(),
    birthDate: date('birth_date'),
    birthYear: smallint('birth_year').notNull(),
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    ethnicityCode: text('ethnicity_code'),
    religionCode: text('religion_code'),
    nationality: text('nationality').notNull().default('VN'),
    birthPlaceProvinceCode: text('birth_place_province_code'),
    birthPlaceUnitCode: text('birth_place_unit_code'),
    homeTown: text('home_town'),
    householdId: uuid('household_id'),
    relationToHead: text('relation_to_head'),
    residenceUnitCode: text('residence_unit_code'),
    idCardKind: text('id_card_kind'),
    idCardNumber: text('id_card_number'),
    idCardIssuedOn: date('id_card_issued_on'),
    idCardExpiresOn: date('id_card_expires_on'),
    eIdLevel: smallint('eid_level').notNull().default(0),
    eIdActivatedOn: date('eid_activated_on'),
    status: text('status', { enum: ['alive', 'deceased'] })
      .notNull()
      .default('alive'),
    deathDate: date('death_date'),
    phone: text('phone'),
    email: text('email'),
    healthInsuranceNo: text('health_insurance_no'),
    taxCode: text('tax_code'),
    source: text('source').notNull(),
    /** Incremented by every registry command (decisions): a dossier that saw an older version is stale. */
    registryVersion: integer('registry_version').notNull().default(0),
    lastVerifiedAt: timestamp('last_verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('persons_national_id_uq').on(t.nationalId),
    index('persons_name_key_trgm_idx').using('gin', sql`${t.nameKey} gin_trgm_ops`),
    // Also by birth year: the sector lists' linking asks for the people of a commune born in a year
    // (its "year + given name + commune" candidates, sector-data ADR 0029).
    index('persons_residence_unit_idx').on(t.residenceUnitCode, t.birthYear),
    // Old 9-digit CMND numbers, which agencies' lists still carry (sector-data linking).
    index('persons_legacy_id_idx')
      .on(t.legacyId)
      .where(sql`${t.legacyId} is not null`),
    index('persons_household_idx').on(t.householdId),
    index('persons_birth_date_idx').on(t.birthDate),
    // Exact same-name-and-birth-date lookups (the duplicate rule for one person, matching): the
    // trigram index answers equality slowly (~7 ms a probe at 500,000 people).
    index('persons_birth_date_name_key_idx').on(t.birthDate, t.nameKey),
  ],
);

/** A household (hộ): its head, address and commune. Members point to it from `persons`. */
export const households = populationSchema.table(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    headPersonId: uuid('head_person_id'),
    unitCode: text('unit_code').notNull(),
    addressLine: text('address_line').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('households_unit_idx').on(t.unitCode)],
);

/** Permanent (thường trú) and temporary (tạm trú) residence, with history: validTo null = current. */
export const residences = populationSchema.table(
  'residences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['permanent', 'temporary'] }).notNull(),
    unitCode: text('unit_code').notNull(),
    addressLine: text('address_line').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    /** The dossier whose decision registered it (null: loaded from the national registry). */
    dossierCode: text('dossier_code'),
    /** The legal ground and the dossier of its end, when a decision ended it. */
    endGround: text('end_ground'),
    endedByDossierCode: text('ended_by_dossier_code'),
  },
  (t) => [index('residences_person_idx').on(t.personId), index('residences_unit_idx').on(t.unitCode)],
);

/**
 * Temporary absences declared (1.003677, Residence Law 2020 Art. 31): a period away from the place of
 * residence, where to, and the dossier that recorded it. Never updated.
 */
export const temporaryAbsences = populationSchema.table(
  'temporary_absences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    fromDate: date('from_date').notNull(),
    untilDate: date('until_date').notNull(),
    destination: text('destination').notNull(),
    reason: text('reason'),
    dossierCode: text('dossier_code').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('temporary_absences_person_idx').on(t.personId, t.fromDate)],
);

/**
 * Stay notifications (2.001159, Residence Law 2020 Art. 30): who stays where, from when to when, as
 * the host notified — recorded when filed, no decision; what the commune police read. The guests'
 * own records are not changed (their names and numbers are kept as notified).
 */
export const stayNotifications = populationSchema.table(
  'stay_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierCode: text('dossier_code').notNull(),
    unitCode: text('unit_code').notNull(),
    hostPersonId: uuid('host_person_id'),
    hostName: text('host_name').notNull(),
    address: text('address').notNull(),
    arrivalDate: date('arrival_date').notNull(),
    departureDate: date('departure_date').notNull(),
    reason: text('reason'),
    guests: jsonb('guests').$type<Array<{ fullName: string; nationalId: string }>>().notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stay_notifications_unit_period_idx').on(t.unitCode, t.arrivalDate, t.departureDate)],
);

/**
 * Marriages registered by a civil-status decision (1.000894): the applicant and the other party — a
 * person of the registry, or someone outside it (a foreigner by passport) kept by name and number.
 * `ended_on` is set when the marriage ends (divorce, death; not yet decided here).
 */
export const marriages = populationSchema.table(
  'marriages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    spousePersonId: uuid('spouse_person_id'),
    spouseName: text('spouse_name').notNull(),
    spouseNumber: text('spouse_number'),
    registeredOn: date('registered_on').notNull(),
    unitCode: text('unit_code').notNull(),
    dossierCode: text('dossier_code').notNull(),
    endedOn: date('ended_on'),
  },
  (t) => [index('marriages_person_idx').on(t.personId), index('marriages_spouse_idx').on(t.spousePersonId)],
);

/**
 * Every change a decision made to a person's record, in order: what changed (before / after, no
 * more than the changed fields), when it takes effect, and the dossier that decided it. Never updated.
 */
export const registryChanges = populationSchema.table(
  'registry_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: uuid('person_id').notNull(),
    kind: text('kind').notNull(),
    effectiveOn: date('effective_on').notNull(),
    dossierCode: text('dossier_code').notNull(),
    before: jsonb('before').$type<Record<string, unknown>>().notNull(),
    after: jsonb('after').$type<Record<string, unknown>>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registry_changes_person_idx').on(t.personId, t.id)],
);

/** Data-quality rules as data: the check is code keyed by `code`; severity, parameters and switch are data. */
export const qualityRules = populationSchema.table('quality_rules', {
  code: text('code').primaryKey(),
  class: text('class', { enum: ['correct', 'complete', 'clean', 'live'] }).notNull(),
  severity: text('severity', { enum: ['error', 'warning'] }).notNull(),
  enabled: boolean('enabled').notNull().default(true),
  params: jsonb('params').notNull().default({}),
  titleVi: text('title_vi').notNull(),
  titleEn: text('title_en').notNull(),
});

/** One run of the quality engine over the registry (or one commune). */
export const qualityRuns = populationSchema.table('quality_runs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  asOf: date('as_of').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  persons: integer('persons'),
  findings: integer('findings'),
});

/** A finding of a run: the person and rule, plus details (never a copy of personal data). */
export const qualityFindings = populationSchema.table(
  'quality_findings',
  {
    runId: integer('run_id').notNull(),
    personId: uuid('person_id').notNull(),
    ruleCode: text('rule_code').notNull(),
    details: jsonb('details'),
  },
  (t) => [
    index('quality_findings_run_person_idx').on(t.runId, t.personId),
    index('quality_findings_run_rule_idx').on(t.runId, t.ruleCode),
  ],
);

/** Per-commune scores of a run: share of persons with no finding, overall and per class. */
export const qualityScores = populationSchema.table(
  'quality_scores',
  {
    runId: integer('run_id').notNull(),
    unitCode: text('unit_code').notNull(),
    persons: integer('persons').notNull(),
    personsWithFindings: integer('persons_with_findings').notNull(),
    score: real('score').notNull(),
    byClass: jsonb('by_class').notNull(),
  },
  (t) => [uniqueIndex('quality_scores_run_unit_uq').on(t.runId, t.unitCode)],
);

/**
 * Persons a decision changed whose data-quality findings wait to be recomputed (by the
 * quality-refresh job, in batches, within seconds): the commune they were counted in before the
 * change, so the scores move by difference. A row is removed by the pass that handles it.
 */
export const qualityRefreshQueue = populationSchema.table('quality_refresh_queue', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  personId: uuid('person_id').notNull(),
  unitBefore: text('unit_before').notNull(),
  queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
});
