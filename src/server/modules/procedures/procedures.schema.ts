import {
  pgSchema,
  uuid,
  text,
  date,
  smallint,
  integer,
  timestamp,
  jsonb,
  index,
  uniqueIndex,
  check,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type {
  ComponentProcedure,
  Fees,
  ProcedureForm,
  RegistryEffect,
  RequiredDocument,
  ResultDocumentKind,
} from '../../../contracts/procedures';

/** Tables owned by the `procedures` module: the procedure catalog with immutable, dated versions. */
export const proceduresSchema = pgSchema('procedures');

/**
 * One row per procedure code: the anchor that version writers lock (SELECT … FOR UPDATE) so that
 * two administrators cannot create overlapping versions of the same code at the same time.
 */
export const procedures = proceduresSchema.table('procedures', {
  code: text('code').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A version of a procedure, in force over [effective_from, effective_to] (null = open). Versions are
 * immutable once created (a trigger refuses UPDATE and DELETE, except closing an open period), and
 * the periods of one code never overlap (a trigger checks it under the parent row's lock), so a
 * dossier that keeps its version id always finds the rules it was filed under.
 */
export const procedureVersions = proceduresSchema.table(
  'procedure_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code')
      .notNull()
      .references(() => procedures.code),
    version: integer('version').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    /** National procedure code of this version when `code` is not one (interlinked groups). */
    nationalCode: text('national_code'),
    /** searchKey(code + names): lowercase, no diacritics, for the catalog search. */
    searchKey: text('search_key').notNull(),
    field: text('field', { enum: ['residence', 'civil_status', 'interlinked'] }).notNull(),
    agencyLevel: text('agency_level', { enum: ['commune'] }).notNull(),
    handledByRole: text('handled_by_role').notNull(),
    onlineLevel: text('online_level', { enum: ['full', 'partial'] }).notNull(),
    requiredEidLevel: smallint('required_eid_level').notNull(),
    /** Legal time limit in half working days (½-day granularity; 0 = immediate). */
    timeLimitHalfDays: integer('time_limit_half_days').notNull(),
    /** "HH:MM": the same working day, the next one when received after it (with a limit of 0). */
    sameDayCutoff: text('same_day_cutoff'),
    timeLimitNoteVi: text('time_limit_note_vi'),
    timeLimitNoteEn: text('time_limit_note_en'),
    fees: jsonb('fees').$type<Fees>().notNull(),
    documents: jsonb('documents').$type<RequiredDocument[]>().notNull(),
    form: jsonb('form').$type<ProcedureForm>().notNull(),
    components: jsonb('components').$type<ComponentProcedure[]>().notNull(),
    /** Result documents generated when a dossier's result is issued (residence: CT03, CT07, CT08). */
    resultDocuments: jsonb('result_documents').$type<ResultDocumentKind[]>().notNull().default([]),
    /** How many days a result document may be used from its issue (CT07); null: no limit printed. */
    resultValidDays: integer('result_valid_days'),
    /** What an approval does to the population registry (null: nothing). */
    registryEffect: jsonb('registry_effect').$type<RegistryEffect>(),
    legalBasis: jsonb('legal_basis').$type<string[]>().notNull(),
    sources: jsonb('sources').$type<Array<{ title: string; url: string | null }>>().notNull(),
    unconfirmed: jsonb('unconfirmed').$type<string[]>().notNull(),
    changeNote: text('change_note'),
    /** Account that created the version (null = reference data loaded at start). */
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('procedure_versions_code_version_uq').on(t.code, t.version),
    index('procedure_versions_code_period_idx').on(t.code, t.effectiveFrom),
    check('procedure_versions_period_ck', sql`${t.effectiveTo} is null or ${t.effectiveTo} >= ${t.effectiveFrom}`),
    check('procedure_versions_time_limit_ck', sql`${t.timeLimitHalfDays} >= 0`),
    check(
      'procedure_versions_same_day_cutoff_ck',
      sql`${t.sameDayCutoff} is null or (${t.sameDayCutoff} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and ${t.timeLimitHalfDays} = 0)`,
    ),
    check(
      'procedure_versions_national_code_ck',
      sql`${t.nationalCode} is null or ${t.nationalCode} ~ '^[0-9][.][0-9]{6}$'`,
    ),
    check('procedure_versions_eid_level_ck', sql`${t.requiredEidLevel} in (1, 2)`),
  ],
);
