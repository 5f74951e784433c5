import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type { IndicatorVersionBody } from '../../../contracts/kpi';
import { indicators, runs, values } from './kpi.schema';

export type IndicatorRow = typeof indicators.$inferSelect;
export type RunRow = typeof runs.$inferSelect;
export type ValueRow = typeof values.$inferSelect;

/** The indicator versions in force on a day, by target then code. */
export async function indicatorsInForce(db: Db, on: string): Promise<IndicatorRow[]> {
  return db
    .select()
    .from(indicators)
    .where(and(lte(indicators.validFrom, on), or(isNull(indicators.validTo), gte(indicators.validTo, on))))
    .orderBy(sql`${indicators.target} nulls last`, asc(indicators.code));
}

/** Every version of one indicator, newest first (locked when `forUpdate`, inside a transaction). */
export async function versionsOf(db: Db, code: string, forUpdate = false): Promise<IndicatorRow[]> {
  const q = db.select().from(indicators).where(eq(indicators.code, code)).orderBy(desc(indicators.validFrom));
  return forUpdate ? q.for('update') : q;
}

export async function insertVersion(
  db: Db,
  body: IndicatorVersionBody,
  recordedBy: string | null,
  validTo: string | null = null,
): Promise<IndicatorRow> {
  const [row] = await db
    .insert(indicators)
    .values({ ...body, recordedBy, validTo })
    .returning();
  return row!;
}

export async function closeVersion(db: Db, id: string, validTo: string): Promise<void> {
  await db.update(indicators).set({ validTo }).where(eq(indicators.id, id));
}

/** Codes already present (the seed adds only the missing ones). */
export async function indicatorCodes(db: Db): Promise<Set<string>> {
  const rows = await db.selectDistinct({ code: indicators.code }).from(indicators);
  return new Set(rows.map((r) => r.code));
}

export async function insertRun(db: Db, run: typeof runs.$inferInsert): Promise<RunRow> {
  const [row] = await db.insert(runs).values(run).returning();
  return row!;
}

export async function finishRun(db: Db, id: number, at: Date): Promise<void> {
  await db.update(runs).set({ finishedAt: at }).where(eq(runs.id, id));
}

export async function insertValues(db: Db, rows: Array<typeof values.$inferInsert>): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(values).values(rows.slice(i, i + 1000));
}

/** The latest finished run of a period on a unit structure (what the dashboard shows). */
export async function latestRun(db: Db, period: string, structure: string = 'current'): Promise<RunRow | undefined> {
  const [row] = await db
    .select()
    .from(runs)
    .where(and(eq(runs.period, period), eq(runs.structure, structure), isNotNull(runs.finishedAt)))
    .orderBy(desc(runs.id))
    .limit(1);
  return row;
}

/** The latest finished run of each of several periods on a structure (a trend), by period. */
export async function latestRuns(db: Db, periods: string[], structure: string): Promise<Map<string, RunRow>> {
  const rows = await db
    .selectDistinctOn([runs.period])
    .from(runs)
    .where(and(inArray(runs.period, periods), eq(runs.structure, structure), isNotNull(runs.finishedAt)))
    .orderBy(runs.period, desc(runs.id));
  return new Map(rows.map((r) => [r.period, r]));
}

export async function findRun(db: Db, id: number): Promise<RunRow | undefined> {
  const [row] = await db.select().from(runs).where(eq(runs.id, id)).limit(1);
  return row;
}

export async function listRuns(db: Db, period: string, limit = 50): Promise<RunRow[]> {
  return db.select().from(runs).where(eq(runs.period, period)).orderBy(desc(runs.id)).limit(limit);
}

/** The values of a run with their indicator codes. */
export async function valuesOfRun(db: Db, runId: number): Promise<Array<ValueRow & { indicatorCode: string }>> {
  return db
    .select({
      runId: values.runId,
      indicatorId: values.indicatorId,
      unitCode: values.unitCode,
      unitLevel: values.unitLevel,
      numerator: values.numerator,
      denominator: values.denominator,
      value: values.value,
      met: values.met,
      status: values.status,
      indicatorCode: indicators.code,
    })
    .from(values)
    .innerJoin(indicators, eq(indicators.id, values.indicatorId))
    .where(eq(values.runId, runId))
    .orderBy(asc(indicators.code), asc(values.unitCode));
}

/** One unit's values in several runs (a trend), with their indicator codes. */
export async function unitValuesOfRuns(db: Db, runIds: number[], unitCode: string) {
  if (runIds.length === 0) return [];
  return db
    .select({
      runId: values.runId,
      indicatorCode: indicators.code,
      value: values.value,
      met: values.met,
      status: values.status,
    })
    .from(values)
    .innerJoin(indicators, eq(indicators.id, values.indicatorId))
    .where(and(inArray(values.runId, runIds), eq(values.unitCode, unitCode)));
}

/** The indicator versions a run used (a past run keeps the thresholds it was computed with). */
export async function indicatorsOfRun(db: Db, runId: number): Promise<IndicatorRow[]> {
  return db
    .select()
    .from(indicators)
    .where(
      inArray(indicators.id, db.selectDistinct({ id: values.indicatorId }).from(values).where(eq(values.runId, runId))),
    )
    .orderBy(sql`${indicators.target} nulls last`, asc(indicators.code));
}
