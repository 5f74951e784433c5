import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type { MonthlyFigures } from '../../../contracts/cashless';
import { facilities, figures, imports, reports } from './cashless.schema';

export type ImportRowDb = typeof imports.$inferSelect;
export type NewFiguresRow = typeof figures.$inferInsert;

/** YYYY-MM ↔ the first day stored in `month` columns. */
export const monthDate = (month: string) => `${month}-01`;
export const monthOfDate = (date: string) => date.slice(0, 7);

/** The figures in force of a facility's month, with their revision. */
export interface CurrentFigures extends MonthlyFigures {
  facilityId: string;
  /** YYYY-MM */
  month: string;
  revision: number;
}

const figureColumns = {
  cashlessCount: figures.cashlessCount,
  cashCount: figures.cashCount,
  cashlessAmount: figures.cashlessAmount,
  cashAmount: figures.cashAmount,
};

/**
 * Serialises imports: SHARE ROW EXCLUSIVE conflicts with itself (and with writes), not with reads,
 * so two imports touching the same months run one after the other while statistics keep reading.
 */
export async function lockForImport(tx: Db): Promise<void> {
  await tx.execute(sql`lock table cashless.reports in share row exclusive mode`);
}

/** The figures in force for these facilities in these months (YYYY-MM). */
export async function currentFiguresFor(
  tx: Db,
  facilityIds: readonly string[],
  months: readonly string[],
): Promise<CurrentFigures[]> {
  if (facilityIds.length === 0 || months.length === 0) return [];
  const rows = await tx
    .select({
      facilityId: reports.facilityId,
      month: reports.month,
      revision: reports.currentRevision,
      ...figureColumns,
    })
    .from(reports)
    .innerJoin(
      figures,
      and(
        eq(figures.facilityId, reports.facilityId),
        eq(figures.month, reports.month),
        eq(figures.revision, reports.currentRevision),
      ),
    )
    .where(and(inArray(reports.facilityId, [...facilityIds]), inArray(reports.month, months.map(monthDate))));
  return rows.map((r) => ({ ...r, month: monthOfDate(r.month) }));
}

export async function insertImport(tx: Db, row: typeof imports.$inferInsert): Promise<ImportRowDb> {
  return (await tx.insert(imports).values(row).returning())[0]!;
}

/** New months: the pointer at revision 1 (its figures follow in the same transaction). */
export async function insertReports(tx: Db, keys: ReadonlyArray<{ facilityId: string; month: string }>): Promise<void> {
  for (let i = 0; i < keys.length; i += 1000) {
    await tx
      .insert(reports)
      .values(
        keys
          .slice(i, i + 1000)
          .map((k) => ({ facilityId: k.facilityId, month: monthDate(k.month), currentRevision: 1 })),
      );
  }
}

export async function insertFigures(tx: Db, rows: readonly NewFiguresRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(figures).values(rows.slice(i, i + 1000));
}

/** Moves each month's pointer to its next revision (inserted just before). */
export async function advanceReports(
  tx: Db,
  keys: ReadonlyArray<{ facilityId: string; month: string }>,
): Promise<void> {
  for (let i = 0; i < keys.length; i += 1000) {
    const chunk = keys.slice(i, i + 1000);
    const ids = `{${chunk.map((k) => k.facilityId).join(',')}}`;
    const months = `{${chunk.map((k) => monthDate(k.month)).join(',')}}`;
    await tx.execute(sql`
      update cashless.reports r set current_revision = r.current_revision + 1
      from (select unnest(${ids}::uuid[]) as facility_id, unnest(${months}::date[]) as month) v
      where r.facility_id = v.facility_id and r.month = v.month`);
  }
}

export async function listImports(
  db: Db,
  page: number,
  pageSize: number,
): Promise<{ items: ImportRowDb[]; total: number }> {
  const items = await db
    .select()
    .from(imports)
    .orderBy(desc(imports.importedAt), desc(imports.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = await db.select({ n: sql<string | number>`count(*)` }).from(imports);
  return { items, total: Number(total[0]?.n ?? 0) };
}

/** Every revision of a facility's months, with the import that recorded it and the revision in force. */
export async function listFacilityRevisions(db: Db, facilityId: string) {
  const rows = await db
    .select({
      month: figures.month,
      revision: figures.revision,
      ...figureColumns,
      importId: figures.importId,
      recordedAt: figures.recordedAt,
      recordedByName: imports.importedByName,
      currentRevision: reports.currentRevision,
    })
    .from(figures)
    .innerJoin(reports, and(eq(reports.facilityId, figures.facilityId), eq(reports.month, figures.month)))
    .leftJoin(imports, eq(imports.id, figures.importId))
    .where(eq(figures.facilityId, facilityId))
    .orderBy(desc(figures.month), desc(figures.revision));
  return rows.map((r) => ({ ...r, month: monthOfDate(r.month) }));
}

/** The figures in force between two months (YYYY-MM, inclusive) of facilities in some communes (null = all). */
export async function figuresInForce(
  db: Db,
  from: string,
  to: string,
  communeCodes: readonly string[] | null,
): Promise<CurrentFigures[]> {
  const where = [gte(reports.month, monthDate(from)), lte(reports.month, monthDate(to))];
  if (communeCodes) where.push(communeCodes.length ? inArray(facilities.communeCode, [...communeCodes]) : sql`false`);
  const rows = await db
    .select({
      facilityId: reports.facilityId,
      month: reports.month,
      revision: reports.currentRevision,
      ...figureColumns,
    })
    .from(reports)
    .innerJoin(
      figures,
      and(
        eq(figures.facilityId, reports.facilityId),
        eq(figures.month, reports.month),
        eq(figures.revision, reports.currentRevision),
      ),
    )
    .innerJoin(facilities, eq(facilities.id, reports.facilityId))
    .where(and(...where))
    .orderBy(asc(reports.facilityId), asc(reports.month));
  return rows.map((r) => ({ ...r, month: monthOfDate(r.month) }));
}
