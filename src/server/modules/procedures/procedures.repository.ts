import { and, asc, desc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { procedures, procedureVersions } from './procedures.schema';

export type VersionRow = typeof procedureVersions.$inferSelect;
export type NewVersionRow = typeof procedureVersions.$inferInsert;
/** A database handle or a transaction on it. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** SQL condition: the version is in force on `asOf` (bounds inclusive, null end = open). */
export function inForceOn(asOf: string): SQL {
  return and(
    lte(procedureVersions.effectiveFrom, asOf),
    or(isNull(procedureVersions.effectiveTo), gte(procedureVersions.effectiveTo, asOf)),
  ) as SQL;
}

/** Versions in force on `asOf`, optionally of one field and containing every word of a search key. */
export async function listInForce(
  db: Db,
  asOf: string,
  filter: { field?: VersionRow['field']; words?: string[] } = {},
): Promise<VersionRow[]> {
  const conditions: SQL[] = [inForceOn(asOf)];
  if (filter.field) conditions.push(eq(procedureVersions.field, filter.field));
  // Keys hold only [a-z0-9 ] (population's searchKey), so the words need no LIKE escaping.
  for (const word of filter.words ?? []) conditions.push(sql`${procedureVersions.searchKey} like ${`%${word}%`}`);
  // Residence first (most filings), then civil status, then the interlinked groups.
  const fieldOrder = sql`case ${procedureVersions.field} when 'residence' then 0 when 'civil_status' then 1 else 2 end`;
  return db
    .select()
    .from(procedureVersions)
    .where(and(...conditions))
    .orderBy(fieldOrder, asc(procedureVersions.code));
}

/** The version of `code` in force on `asOf`, if any. */
export async function findInForce(db: Db, code: string, asOf: string): Promise<VersionRow | undefined> {
  return (
    await db
      .select()
      .from(procedureVersions)
      .where(and(eq(procedureVersions.code, code), inForceOn(asOf)))
      .limit(1)
  )[0];
}

/** A version by id. */
export async function findById(db: Db, id: string): Promise<VersionRow | undefined> {
  return (await db.select().from(procedureVersions).where(eq(procedureVersions.id, id)).limit(1))[0];
}

/** Every version of a code, newest first. */
export async function listByCode(db: Db | Tx, code: string): Promise<VersionRow[]> {
  return db
    .select()
    .from(procedureVersions)
    .where(eq(procedureVersions.code, code))
    .orderBy(desc(procedureVersions.version));
}

/** (code, effective_from) of every version: what the reference seed compares against. */
export async function listVersionKeys(db: Db): Promise<Array<{ code: string; effectiveFrom: string }>> {
  return db
    .select({ code: procedureVersions.code, effectiveFrom: procedureVersions.effectiveFrom })
    .from(procedureVersions);
}

/** Creates the procedure's anchor row if missing, then locks it for the rest of the transaction. */
export async function lockProcedure(tx: Tx, code: string): Promise<void> {
  await tx.insert(procedures).values({ code }).onConflictDoNothing();
  await tx.select({ code: procedures.code }).from(procedures).where(eq(procedures.code, code)).for('update');
}

/** Closes an open version on `effectiveTo` (the only change a version accepts). */
export async function closeVersion(tx: Tx, id: string, effectiveTo: string): Promise<void> {
  await tx
    .update(procedureVersions)
    .set({ effectiveTo })
    .where(and(eq(procedureVersions.id, id), isNull(procedureVersions.effectiveTo)));
}

/** Inserts a version and returns it. */
export async function insertVersion(tx: Tx, row: NewVersionRow): Promise<VersionRow> {
  const [inserted] = await tx.insert(procedureVersions).values(row).returning();
  return inserted!;
}
