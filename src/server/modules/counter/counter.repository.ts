import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type { Outcome, TypedBy } from '../../../contracts/counter';
import { visitRevisions, visits } from './counter.schema';

export type VisitRow = typeof visits.$inferSelect;
export type RevisionRow = typeof visitRevisions.$inferSelect;
export type NewVisit = typeof visits.$inferInsert;
export type NewRevision = Omit<typeof visitRevisions.$inferInsert, 'visitId' | 'revision'>;

/** A visit with the facts of its current revision. */
export interface CurrentVisitRow extends VisitRow {
  rev: RevisionRow;
}

/** Inserts a visit and its first revision (call inside a transaction: the pointer is checked at commit). */
export async function insertVisit(tx: Db, visit: NewVisit, first: NewRevision): Promise<CurrentVisitRow> {
  const [row] = await tx
    .insert(visits)
    .values({ ...visit, currentRevision: 1 })
    .returning();
  const [rev] = await tx
    .insert(visitRevisions)
    .values({ ...first, visitId: row!.id, revision: 1 })
    .returning();
  return { ...row!, rev: rev! };
}

/** A visit locked for a correction (no other correction of it runs until the transaction ends). */
export async function findVisitForUpdate(tx: Db, id: string): Promise<VisitRow | undefined> {
  return (await tx.select().from(visits).where(eq(visits.id, id)).for('update').limit(1))[0];
}

/** Appends the next revision and moves the visit's pointer to it. */
export async function appendRevision(tx: Db, visit: VisitRow, next: NewRevision): Promise<CurrentVisitRow> {
  const revision = visit.currentRevision + 1;
  const [rev] = await tx
    .insert(visitRevisions)
    .values({ ...next, visitId: visit.id, revision })
    .returning();
  const [row] = await tx.update(visits).set({ currentRevision: revision }).where(eq(visits.id, visit.id)).returning();
  return { ...row!, rev: rev! };
}

const currentJoin = and(eq(visitRevisions.visitId, visits.id), eq(visitRevisions.revision, visits.currentRevision));

/** A visit with its current facts. */
export async function findCurrentVisit(db: Db, id: string): Promise<CurrentVisitRow | undefined> {
  const rows = await db
    .select({ visit: visits, rev: visitRevisions })
    .from(visits)
    .innerJoin(visitRevisions, currentJoin)
    .where(eq(visits.id, id))
    .limit(1);
  return rows[0] ? { ...rows[0].visit, rev: rows[0].rev } : undefined;
}

/** Every revision of a visit, oldest first. */
export async function listRevisions(db: Db, visitId: string): Promise<RevisionRow[]> {
  return db
    .select()
    .from(visitRevisions)
    .where(eq(visitRevisions.visitId, visitId))
    .orderBy(asc(visitRevisions.revision));
}

export interface VisitFilter {
  date: string;
  /** Only these units; null = all. */
  unitCodes: readonly string[] | null;
  counterLabel?: string;
  limit: number;
  offset: number;
}

function filterConditions(f: Pick<VisitFilter, 'unitCodes' | 'counterLabel'>): SQL[] {
  const c: SQL[] = [];
  if (f.unitCodes) c.push(f.unitCodes.length ? inArray(visits.unitCode, [...f.unitCodes]) : sql`false`);
  if (f.counterLabel) c.push(eq(visits.counterLabel, f.counterLabel));
  return c;
}

/** One page of a day's visits (newest first) with the current facts, and the total. */
export async function listVisits(db: Db, f: VisitFilter): Promise<{ rows: CurrentVisitRow[]; total: number }> {
  const where = and(eq(visits.visitDate, f.date), ...filterConditions(f));
  const rows = await db
    .select({ visit: visits, rev: visitRevisions })
    .from(visits)
    .innerJoin(visitRevisions, currentJoin)
    .where(where)
    .orderBy(desc(visits.visitedAt), desc(visits.id))
    .limit(f.limit)
    .offset(f.offset);
  const total =
    f.offset === 0 && rows.length < f.limit
      ? rows.length
      : Number((await db.select({ n: count() }).from(visits).where(where))[0]?.n ?? 0);
  return { rows: rows.map((r) => ({ ...r.visit, rev: r.rev })), total };
}

/** Visits counted per unit, day and combination of the facts the summary reports (current revisions only). */
export interface SummaryCountRow {
  unitCode: string;
  date: string;
  guidedOnline: boolean;
  typedBy: TypedBy | null;
  outcome: Outcome;
  visits: number;
}

/** Grouped counts for a date range, in the given units (null = all). */
export async function summaryCounts(
  db: Db,
  q: { from: string; to: string; unitCodes: readonly string[] | null },
): Promise<SummaryCountRow[]> {
  const rows = await db
    .select({
      unitCode: visits.unitCode,
      date: visits.visitDate,
      guidedOnline: visitRevisions.guidedOnline,
      typedBy: visitRevisions.typedBy,
      outcome: visitRevisions.outcome,
      visits: count(),
    })
    .from(visits)
    .innerJoin(visitRevisions, currentJoin)
    .where(
      and(gte(visits.visitDate, q.from), lte(visits.visitDate, q.to), ...filterConditions({ unitCodes: q.unitCodes })),
    )
    .groupBy(
      visits.unitCode,
      visits.visitDate,
      visitRevisions.guidedOnline,
      visitRevisions.typedBy,
      visitRevisions.outcome,
    );
  // count() comes back as a string from node-postgres and a number from PGlite: parse explicitly.
  return rows.map((r) => ({
    ...r,
    typedBy: r.typedBy as TypedBy | null,
    outcome: r.outcome as Outcome,
    visits: Number(r.visits),
  }));
}

/** A visit as the list behind the target 1 figure shows it: where, when, who served, what was done — no citizen. */
export interface VisitListRow {
  visitedAt: string;
  counterLabel: string;
  officerName: string;
  procedureCode: string | null;
  typedBy: string | null;
  outcome: string;
  dossierCode: string | null;
}

/**
 * One page of a unit's visits over [from, to] (Vietnam days) whose current revision was (`guided`) or
 * was not guided to file online, newest first, and their total.
 */
export async function guidedVisitsPage(
  db: Db,
  q: { unitCode: string; from: string; to: string; guided: boolean; limit: number; offset: number },
): Promise<{ rows: VisitListRow[]; total: number }> {
  const where = and(
    eq(visits.unitCode, q.unitCode),
    gte(visits.visitDate, q.from),
    lte(visits.visitDate, q.to),
    eq(visitRevisions.guidedOnline, q.guided),
  );
  const rows = await db
    .select({
      visitedAt: sql<string>`to_char(${visits.visitedAt} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI')`,
      counterLabel: visits.counterLabel,
      officerName: visits.officerName,
      procedureCode: visitRevisions.procedureCode,
      typedBy: visitRevisions.typedBy,
      outcome: visitRevisions.outcome,
      dossierCode: visitRevisions.dossierCode,
    })
    .from(visits)
    .innerJoin(visitRevisions, currentJoin)
    .where(where)
    .orderBy(desc(visits.visitedAt), desc(visits.id))
    .limit(q.limit)
    .offset(q.offset);
  const [total] = await db.select({ n: count() }).from(visits).innerJoin(visitRevisions, currentJoin).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}
