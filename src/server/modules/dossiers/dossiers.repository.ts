import { and, asc, eq, getTableColumns, inArray, sql, type Table } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type { RegistryOutcome } from '../../../contracts/procedures';
import { attachments, codeCounters, dossiers, dossierSteps, resultVerifications, transitions } from './dossiers.schema';

export type DossierRow = typeof dossiers.$inferSelect;
export type NewDossierRow = typeof dossiers.$inferInsert;
export type TransitionRow = typeof transitions.$inferSelect;
export type NewTransitionRow = typeof transitions.$inferInsert;
export type AttachmentRow = typeof attachments.$inferSelect;
export type NewAttachmentRow = typeof attachments.$inferInsert;
export type StepRow = typeof dossierSteps.$inferSelect;
export type NewStepRow = typeof dossierSteps.$inferInsert;

/**
 * The next sequence number of an agency's dossiers on a day. The upsert locks the counter row
 * until the transaction ends, so concurrent submissions queue here and a rolled-back submission
 * gives its number back: codes are unique and gap-free.
 */
export async function nextCodeSeq(db: Db, agencyCode: string, day: string): Promise<number> {
  const rows = await db
    .insert(codeCounters)
    .values({ agencyCode, day, lastSeq: 1 })
    .onConflictDoUpdate({
      target: [codeCounters.agencyCode, codeCounters.day],
      set: { lastSeq: sql`${codeCounters.lastSeq} + 1` },
    })
    .returning({ lastSeq: codeCounters.lastSeq });
  return rows[0]!.lastSeq;
}

/** A filing to store: the dossier (with its id), its first transition and files, and the code to give it (none for a draft). */
export interface NewFiling {
  dossier: NewDossierRow & { id: string; code?: null };
  /** `prefix` + the agency's next number of the day, zero-padded to four digits (`<agency>-YYMMDD-`). */
  code: { agencyCode: string; day: string; prefix: string } | null;
  transition: Omit<NewTransitionRow, 'dossierId'>;
  attachments: Array<Omit<NewAttachmentRow, 'dossierId'>>;
}

/** The columns of a CTE that returns a table's rows, as a selection decoded like the table's own. */
function columnsOf<T extends Table>(cte: object, table: T): T['_']['columns'] {
  const fields = cte as Record<string, unknown>;
  return Object.fromEntries(Object.keys(getTableColumns(table)).map((k) => [k, fields[k]])) as T['_']['columns'];
}

type Values = Record<string, unknown>;

/** The filing statement over values or placeholders (see insertFiling). */
function filingQuery(
  db: Db,
  v: {
    dossier: Values;
    code: { agencyCode: unknown; day: unknown; prefix: unknown } | null;
    transition: Values;
    attachments: Values[];
  },
) {
  const counter = v.code
    ? db.$with('counter').as(
        db
          .insert(codeCounters)
          .values({ agencyCode: v.code.agencyCode as string, day: v.code.day as string, lastSeq: 1 })
          .onConflictDoUpdate({
            target: [codeCounters.agencyCode, codeCounters.day],
            set: { lastSeq: sql`${codeCounters.lastSeq} + 1` },
          })
          .returning({ lastSeq: codeCounters.lastSeq }),
      )
    : null;
  // Four digits, more past 9,999 (never truncated, as lpad would).
  const code =
    counter && v.code
      ? sql`${v.code.prefix}::text || (select case when last_seq < 10000 then lpad(last_seq::text, 4, '0') else last_seq::text end from ${counter})`
      : null;
  const d = db.$with('d').as(
    db
      .insert(dossiers)
      .values({ ...(v.dossier as NewDossierRow), code })
      .returning(),
  );
  const t = db.$with('t').as(
    db
      .insert(transitions)
      .values(v.transition as NewTransitionRow)
      .returning(),
  );
  const ctes = [...(counter ? [counter] : []), d, t];
  if (!v.attachments.length)
    return db
      .with(...ctes)
      .select({ dossier: columnsOf(d, dossiers), transition: columnsOf(t, transitions), attachment: sql<null>`null` })
      .from(d)
      .crossJoin(t);
  const a = db.$with('a').as(
    db
      .insert(attachments)
      .values(v.attachments as NewAttachmentRow[])
      .returning(),
  );
  return db
    .with(...ctes, a)
    .select({
      dossier: columnsOf(d, dossiers),
      transition: columnsOf(t, transitions),
      attachment: columnsOf(a, attachments),
    })
    .from(d)
    .crossJoin(t)
    .crossJoin(a)
    .orderBy(a.documentKey, a.id);
}

type FilingStatement = ReturnType<ReturnType<typeof filingQuery>['prepare']>;
const filingStatements = new WeakMap<Db, Map<string, FilingStatement>>();
/** Names of prepared statements are never reused with another text on a connection. */
let filingStatementSeq = 0;

/**
 * Stores a filing in ONE statement (data-modifying CTEs, so one round trip and atomic): the
 * agency's day counter, the dossier with its code, its first transition, its attachments. The
 * counter upsert locks the counter row until the statement commits, so concurrent filings of one
 * agency queue there for the length of one statement, and a failed filing (any constraint) gives
 * its number back: codes stay unique and gap-free. Foreign keys are checked at the end of the
 * statement, when the dossier row exists. The statement is prepared once per shape (columns set,
 * with or without a code, number of files): built once, planned once per connection.
 */
export async function insertFiling(
  db: Db,
  filing: NewFiling,
): Promise<{ row: DossierRow; transition: TransitionRow; attachments: AttachmentRow[] }> {
  const dossierId = filing.dossier.id;
  // A null value is left out, so its column takes its default (NULL): drizzle's placeholders would
  // map a null timestamp through toISOString and a null jsonb to the JSON text 'null'.
  const defined = (values: Values): Values =>
    Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined));
  const dossier: Values = defined(filing.dossier);
  delete dossier.code;
  const transition: Values = defined({ ...filing.transition, dossierId });
  const files: Values[] = filing.attachments.map((f) => defined({ ...f, dossierId }));
  const shape = [
    Object.keys(dossier).join(','),
    filing.code ? 'code' : '',
    Object.keys(transition).join(','),
    ...files.map((f) => Object.keys(f).join(',')),
  ].join('|');
  let byShape = filingStatements.get(db);
  if (!byShape) filingStatements.set(db, (byShape = new Map<string, FilingStatement>()));
  let statement = byShape.get(shape);
  if (!statement) {
    const placeholders = (prefix: string, values: Values) =>
      Object.fromEntries(Object.keys(values).map((k) => [k, sql.placeholder(`${prefix}${k}`)]));
    const query = filingQuery(db, {
      dossier: placeholders('d_', dossier),
      code: filing.code
        ? {
            agencyCode: sql.placeholder('c_agencyCode'),
            day: sql.placeholder('c_day'),
            prefix: sql.placeholder('c_prefix'),
          }
        : null,
      transition: placeholders('t_', transition),
      attachments: files.map((f, n) => placeholders(`a${n}_`, f)),
    });
    if (byShape.size >= 64) byShape.clear();
    statement = query.prepare(`dossiers_filing_${++filingStatementSeq}`);
    byShape.set(shape, statement);
  }
  const params: Values = {};
  const fill = (prefix: string, values: Values) =>
    Object.entries(values).forEach(([k, value]) => (params[`${prefix}${k}`] = value));
  fill('d_', dossier);
  if (filing.code) fill('c_', filing.code);
  fill('t_', transition);
  files.forEach((f, n) => fill(`a${n}_`, f));
  const rows = (await statement.execute(params)) as Array<{
    dossier: DossierRow;
    transition: TransitionRow;
    attachment: AttachmentRow | null;
  }>;
  return {
    row: rows[0]!.dossier,
    transition: rows[0]!.transition,
    attachments: rows.flatMap((r) => (r.attachment ? [r.attachment] : [])),
  };
}

export async function insertDossier(db: Db, row: NewDossierRow): Promise<DossierRow> {
  const rows = await db.insert(dossiers).values(row).returning();
  return rows[0]!;
}

export async function setCode(db: Db, id: string, code: string): Promise<DossierRow> {
  const rows = await db.update(dossiers).set({ code }).where(eq(dossiers.id, id)).returning();
  return rows[0]!;
}

export async function findDossier(db: Db, id: string): Promise<DossierRow | undefined> {
  const rows = await db.select().from(dossiers).where(eq(dossiers.id, id)).limit(1);
  return rows[0];
}

/** The dossier row locked until the caller's transaction ends (payments settle under this lock). */
export async function findDossierForUpdate(db: Db, id: string): Promise<DossierRow | undefined> {
  const rows = await db.select().from(dossiers).where(eq(dossiers.id, id)).limit(1).for('update');
  return rows[0];
}

export async function findDossierByCode(db: Db, code: string): Promise<DossierRow | undefined> {
  const rows = await db.select().from(dossiers).where(eq(dossiers.code, code)).limit(1);
  return rows[0];
}

/**
 * Applies a change only if the dossier is still in `fromState` at `version` (compare-and-set):
 * of two concurrent commands one updates the row, the other gets undefined (→ 409).
 */
export async function updateDossierIf(
  db: Db,
  id: string,
  fromState: string,
  version: number,
  set: Partial<NewDossierRow>,
): Promise<DossierRow | undefined> {
  const rows = await db
    .update(dossiers)
    .set({ ...set, version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(dossiers.id, id), eq(dossiers.state, fromState), eq(dossiers.version, version)))
    .returning();
  return rows[0];
}

export async function insertTransition(db: Db, row: NewTransitionRow): Promise<TransitionRow> {
  const rows = await db.insert(transitions).values(row).returning();
  return rows[0]!;
}

export async function listTransitions(db: Db, dossierId: string): Promise<TransitionRow[]> {
  return db.select().from(transitions).where(eq(transitions.dossierId, dossierId)).orderBy(asc(transitions.id));
}

export async function insertAttachments(db: Db, rows: NewAttachmentRow[]): Promise<AttachmentRow[]> {
  return rows.length ? db.insert(attachments).values(rows).returning() : [];
}

export async function listAttachments(db: Db, dossierId: string): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(attachments)
    .where(eq(attachments.dossierId, dossierId))
    .orderBy(asc(attachments.uploadedAt), asc(attachments.id));
}

export async function findAttachment(db: Db, dossierId: string, id: string): Promise<AttachmentRow | undefined> {
  const rows = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.dossierId, dossierId), eq(attachments.id, id)))
    .limit(1);
  return rows[0];
}

export async function isFileReferenced(db: Db, sha256: string): Promise<boolean> {
  const rows = await db.select({ id: attachments.id }).from(attachments).where(eq(attachments.sha256, sha256)).limit(1);
  return rows.length > 0;
}

export * from './dossiers.list-queries';

/** Records the result documents issued (their verification rows), in the transaction. */
export async function insertResultVerifications(
  db: Db,
  rows: Array<typeof resultVerifications.$inferInsert>,
): Promise<void> {
  if (rows.length) await db.insert(resultVerifications).values(rows);
}

/** The verification token of a dossier's refusal (its refusal slip's QR code), if any. */
export async function findRefusalToken(
  db: Db,
  dossierId: string,
): Promise<{ token: string; agencyName: string } | undefined> {
  const [row] = await db
    .select({ token: resultVerifications.token, agencyName: resultVerifications.agencyName })
    .from(resultVerifications)
    .where(and(eq(resultVerifications.dossierId, dossierId), eq(resultVerifications.kind, 'REFUSAL')))
    .orderBy(sql`${resultVerifications.issuedAt} desc`)
    .limit(1);
  return row;
}

/** An issued result document by its verification token, with its dossier's state. */
export async function findResultVerification(db: Db, token: string) {
  const [row] = await db
    .select({ verification: resultVerifications, state: dossiers.state })
    .from(resultVerifications)
    .innerJoin(dossiers, eq(dossiers.id, resultVerifications.dossierId))
    .where(eq(resultVerifications.token, token))
    .limit(1);
  return row;
}

/** What the decision's registry effect produced (a newborn's ID number), written in the decision's transaction. */
export async function setRegistryOutcome(db: Db, id: string, outcome: RegistryOutcome): Promise<void> {
  await db.update(dossiers).set({ registryOutcome: outcome }).where(eq(dossiers.id, id));
}

/** The steps of an interlinked group's dossier, in order (none for an ordinary dossier or before receipt). */
export async function listSteps(db: Db, dossierId: string): Promise<StepRow[]> {
  return db.select().from(dossierSteps).where(eq(dossierSteps.dossierId, dossierId)).orderBy(asc(dossierSteps.seq));
}

/** The steps of many dossiers (lists), by dossier. */
export async function listStepsOf(db: Db, dossierIds: readonly string[]): Promise<Map<string, StepRow[]>> {
  const out = new Map<string, StepRow[]>();
  if (dossierIds.length === 0) return out;
  const rows = await db
    .select()
    .from(dossierSteps)
    .where(inArray(dossierSteps.dossierId, [...dossierIds]))
    .orderBy(asc(dossierSteps.dossierId), asc(dossierSteps.seq));
  for (const r of rows) out.set(r.dossierId, [...(out.get(r.dossierId) ?? []), r]);
  return out;
}

export async function insertSteps(db: Db, rows: NewStepRow[]): Promise<void> {
  if (rows.length) await db.insert(dossierSteps).values(rows);
}

/** Changes one step; the caller holds the dossier (its compare-and-set ran in the same transaction). */
export async function updateStep(db: Db, dossierId: string, seq: number, set: Partial<NewStepRow>): Promise<void> {
  await db
    .update(dossierSteps)
    .set(set)
    .where(and(eq(dossierSteps.dossierId, dossierId), eq(dossierSteps.seq, seq)));
}
