import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { helpDesks } from './units.schema';

export type HelpDeskRow = typeof helpDesks.$inferSelect;
export type NewHelpDeskRow = typeof helpDesks.$inferInsert;

/** SQL condition: the desk holds on `asOf` (bounds inclusive, null = open). */
function holdsOn(asOf: string): SQL {
  return and(lte(helpDesks.validFrom, asOf), or(isNull(helpDesks.validTo), gte(helpDesks.validTo, asOf))) as SQL;
}

/** Desks of these units holding on `asOf`. */
export async function listHeldOn(db: Db, unitCodes: readonly string[], asOf: string): Promise<HelpDeskRow[]> {
  if (unitCodes.length === 0) return [];
  return db
    .select()
    .from(helpDesks)
    .where(and(inArray(helpDesks.unitCode, [...unitCodes]), holdsOn(asOf)))
    .orderBy(asc(helpDesks.kind), asc(helpDesks.validFrom));
}

/** Every row of a unit, the latest first (closed and withdrawn ones too). */
export async function listByUnit(db: Db, unitCode: string): Promise<HelpDeskRow[]> {
  return db
    .select()
    .from(helpDesks)
    .where(eq(helpDesks.unitCode, unitCode))
    .orderBy(asc(helpDesks.kind), desc(helpDesks.validFrom), desc(helpDesks.recordedAt));
}

/** Rows of one unit and kind that hold on at least one day (withdrawn rows hold none). */
export async function listPeriods(db: Db, unitCode: string, kind: HelpDeskRow['kind']): Promise<HelpDeskRow[]> {
  return db
    .select()
    .from(helpDesks)
    .where(
      and(
        eq(helpDesks.unitCode, unitCode),
        eq(helpDesks.kind, kind),
        or(isNull(helpDesks.validTo), gte(helpDesks.validTo, helpDesks.validFrom)),
      ),
    );
}

/** One row by id, locked for the transaction's change. */
export async function findForUpdate(db: Db, id: string): Promise<HelpDeskRow | undefined> {
  const rows = await db.select().from(helpDesks).where(eq(helpDesks.id, id)).for('update');
  return rows[0];
}

/** Serialises writers of one unit and kind until the transaction ends (as the overlap trigger does). */
export async function lockUnitKind(db: Db, unitCode: string, kind: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`units.help_desks:${unitCode}:${kind}`}))`);
}

export async function insertHelpDesk(db: Db, row: NewHelpDeskRow): Promise<HelpDeskRow> {
  const [inserted] = await db.insert(helpDesks).values(row).returning();
  return inserted!;
}

/** Closes an open row: its last day, who closed it and when. */
export async function closeHelpDesk(
  db: Db,
  id: string,
  lastDay: string,
  by: { accountId: string | null; name: string | null },
): Promise<HelpDeskRow> {
  const [row] = await db
    .update(helpDesks)
    .set({ validTo: lastDay, closedAt: new Date(), closedBy: by.accountId, closedByName: by.name })
    .where(and(eq(helpDesks.id, id), isNull(helpDesks.validTo)))
    .returning();
  return row!;
}

/** Ids of the rows that replaced these ones (replaced id → replacing id). */
export async function listReplacements(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: helpDesks.id, replacesId: helpDesks.replacesId })
    .from(helpDesks)
    .where(inArray(helpDesks.replacesId, [...ids]));
  return new Map(rows.map((r) => [r.replacesId!, r.id]));
}

/** How many desks are recorded at all (the demo adds its own only to an empty register). */
export async function countHelpDesks(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(helpDesks);
  return row?.n ?? 0;
}
