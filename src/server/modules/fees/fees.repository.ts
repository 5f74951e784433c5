import { and, asc, eq, getTableColumns, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { householdLists, lists, unitLists } from './fees.schema';

/** Queries of the fees module; every function takes the database or a transaction first. */

export type ListRow = typeof lists.$inferSelect;
export type UnitMemberRow = typeof unitLists.$inferSelect;
export type HouseholdMemberRow = typeof householdLists.$inferSelect;
export type NewListRow = typeof lists.$inferInsert;

/** A membership in either kind of list, with the member's key. */
export type MemberRow = (UnitMemberRow & { householdId?: undefined }) | (HouseholdMemberRow & { unitCode?: undefined });

const validOn = (table: typeof unitLists | typeof householdLists, asOf: string) =>
  and(lte(table.validFrom, asOf), or(isNull(table.validTo), gte(table.validTo, asOf)));

export async function listLists(db: Db): Promise<ListRow[]> {
  return db.select().from(lists).orderBy(asc(lists.code));
}

export async function findList(db: Db, code: string): Promise<ListRow | undefined> {
  const [row] = await db.select().from(lists).where(eq(lists.code, code));
  return row;
}

/** Locks a list's row for the rest of the transaction (serialises edits of one list). */
export async function lockList(db: Db, code: string): Promise<ListRow | undefined> {
  const [row] = await db.select().from(lists).where(eq(lists.code, code)).for('update');
  return row;
}

/** Inserts a list unless its code exists; false when it did. */
export async function insertList(db: Db, row: NewListRow): Promise<boolean> {
  const inserted = await db
    .insert(lists)
    .values(row)
    .onConflictDoNothing({ target: lists.code })
    .returning({ code: lists.code });
  return inserted.length > 0;
}

/** Members on `asOf` (and how many are provisional), per list. */
export async function countActive(db: Db, asOf: string): Promise<Map<string, { active: number; provisional: number }>> {
  const count = (table: typeof unitLists | typeof householdLists) =>
    db
      .select({
        listCode: table.listCode,
        active: sql<string>`count(*)`,
        provisional: sql<string>`count(*) filter (where ${table.provisional})`,
      })
      .from(table)
      .where(validOn(table, asOf))
      .groupBy(table.listCode);
  const rows = [...(await count(unitLists)), ...(await count(householdLists))];
  return new Map(rows.map((r) => [r.listCode, { active: Number(r.active), provisional: Number(r.provisional) }]));
}

/** An entry of the applicant's unit or household in a list, as the one-statement lookup returns it. */
export interface EntryJson {
  validFrom: string;
  validTo: string | null;
  source: string;
  provisional: boolean;
}

/**
 * Every list definition, each with the entries of one unit and of one household valid on
 * `asOf`, in one statement prepared once per database handle: what the fee engine needs for one
 * applicant (a filing reads it once).
 */
function prepareListsWithEntries(db: Db) {
  const asOf = sql.placeholder('asOf');
  const entries = (table: typeof unitLists | typeof householdLists, key: SQL) => sql<EntryJson[]>`coalesce((
    select json_agg(json_build_object('validFrom', e.valid_from, 'validTo', e.valid_to, 'source', e.source, 'provisional', e.provisional) order by e.valid_from)
    from ${table} e where e.list_code = ${lists}.${sql.identifier(lists.code.name)} and ${key}
      and e.valid_from <= ${asOf}::date and (e.valid_to is null or e.valid_to >= ${asOf}::date)), '[]'::json)`;
  return db
    .select({
      ...getTableColumns(lists),
      // A null unit or household matches no entry.
      unitEntries: entries(unitLists, sql`e.unit_code = ${sql.placeholder('unitCode')}::text`),
      householdEntries: entries(householdLists, sql`e.household_id = ${sql.placeholder('householdId')}::uuid`),
    })
    .from(lists)
    .orderBy(asc(lists.code))
    .prepare('fees_lists_with_entries');
}
const preparedListsWithEntries = new WeakMap<Db, ReturnType<typeof prepareListsWithEntries>>();

export async function listsWithEntriesOn(
  db: Db,
  unitCode: string | null,
  householdId: string | null,
  asOf: string,
): Promise<Array<ListRow & { unitEntries: EntryJson[]; householdEntries: EntryJson[] }>> {
  let prepared = preparedListsWithEntries.get(db);
  if (!prepared) preparedListsWithEntries.set(db, (prepared = prepareListsWithEntries(db)));
  return prepared.execute({ unitCode, householdId, asOf });
}

/** A list's unit memberships: those valid on `asOf`, or the whole history when `asOf` is null. */
export async function listUnitMembers(db: Db, listCode: string, asOf: string | null): Promise<UnitMemberRow[]> {
  const where = asOf
    ? and(eq(unitLists.listCode, listCode), validOn(unitLists, asOf))
    : eq(unitLists.listCode, listCode);
  return db.select().from(unitLists).where(where).orderBy(asc(unitLists.unitCode), asc(unitLists.validFrom));
}

export async function listHouseholdMembers(
  db: Db,
  listCode: string,
  asOf: string | null,
): Promise<HouseholdMemberRow[]> {
  const where = asOf
    ? and(eq(householdLists.listCode, listCode), validOn(householdLists, asOf))
    : eq(householdLists.listCode, listCode);
  return db
    .select()
    .from(householdLists)
    .where(where)
    .orderBy(asc(householdLists.householdId), asc(householdLists.validFrom));
}

/** A membership of the unit whose period reaches `validFrom` or later (a new open entry would overlap it). */
export async function findUnitOverlap(
  db: Db,
  listCode: string,
  unitCode: string,
  validFrom: string,
): Promise<UnitMemberRow | undefined> {
  const [row] = await db
    .select()
    .from(unitLists)
    .where(
      and(
        eq(unitLists.listCode, listCode),
        eq(unitLists.unitCode, unitCode),
        or(isNull(unitLists.validTo), gte(unitLists.validTo, validFrom)),
      ),
    )
    .limit(1);
  return row;
}

export async function findHouseholdOverlap(
  db: Db,
  listCode: string,
  householdId: string,
  validFrom: string,
): Promise<HouseholdMemberRow | undefined> {
  const [row] = await db
    .select()
    .from(householdLists)
    .where(
      and(
        eq(householdLists.listCode, listCode),
        eq(householdLists.householdId, householdId),
        or(isNull(householdLists.validTo), gte(householdLists.validTo, validFrom)),
      ),
    )
    .limit(1);
  return row;
}

export interface NewMember {
  listCode: string;
  validFrom: string;
  source: string;
  provisional: boolean;
  createdBy: string | null;
}

export async function insertUnitMember(db: Db, member: NewMember & { unitCode: string }): Promise<UnitMemberRow> {
  const [row] = await db.insert(unitLists).values(member).returning();
  return row!;
}

export async function insertHouseholdMember(
  db: Db,
  member: NewMember & { householdId: string },
): Promise<HouseholdMemberRow> {
  const [row] = await db.insert(householdLists).values(member).returning();
  return row!;
}

/** Inserts many unit memberships at once (seeding). */
export async function insertUnitMembers(db: Db, members: Array<NewMember & { unitCode: string }>): Promise<void> {
  if (members.length > 0) await db.insert(unitLists).values(members);
}

export async function findMember(
  db: Db,
  kind: 'unit' | 'household',
  listCode: string,
  id: string,
): Promise<MemberRow | undefined> {
  if (kind === 'unit') {
    const [row] = await db
      .select()
      .from(unitLists)
      .where(and(eq(unitLists.id, id), eq(unitLists.listCode, listCode)));
    return row;
  }
  const [row] = await db
    .select()
    .from(householdLists)
    .where(and(eq(householdLists.id, id), eq(householdLists.listCode, listCode)));
  return row;
}

/** Ends an open membership on `validTo` (inclusive) with the decision that ends it; undefined when it was no longer open. */
export async function endMember(
  db: Db,
  kind: 'unit' | 'household',
  id: string,
  end: { validTo: string; source: string; endedBy: string | null },
): Promise<MemberRow | undefined> {
  const values = { validTo: end.validTo, endSource: end.source, endedBy: end.endedBy, endedAt: sql`now()` };
  if (kind === 'unit') {
    const [row] = await db
      .update(unitLists)
      .set(values)
      .where(and(eq(unitLists.id, id), isNull(unitLists.validTo)))
      .returning();
    return row;
  }
  const [row] = await db
    .update(householdLists)
    .set(values)
    .where(and(eq(householdLists.id, id), isNull(householdLists.validTo)))
    .returning();
  return row;
}
