import { and, asc, eq, isNull, lte, gte, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { units, mergers } from './units.schema';
import type { Unit } from '../../../contracts/units';

export type UnitRow = typeof units.$inferSelect;
export type NewUnitRow = typeof units.$inferInsert;
export type NewMergerRow = typeof mergers.$inferInsert;

/** SQL condition: the unit is valid on `asOf` (validity bounds inclusive, null = open). */
export function validOn(asOf: string): SQL {
  return and(
    or(isNull(units.validFrom), lte(units.validFrom, asOf)),
    or(isNull(units.validTo), gte(units.validTo, asOf)),
  ) as SQL;
}

const columns = {
  code: units.code,
  name: units.name,
  fullName: units.fullName,
  nameEn: units.nameEn,
  level: units.level,
  type: units.type,
  parentCode: units.parentCode,
  validFrom: units.validFrom,
  validTo: units.validTo,
};

/** Units valid on a date, optionally filtered, in code order. */
export async function listUnitsValidOn(
  db: Db,
  asOf: string,
  filter: { level?: Unit['level']; parentCode?: string; q?: string } = {},
): Promise<Unit[]> {
  const conditions: SQL[] = [validOn(asOf)];
  if (filter.level) conditions.push(eq(units.level, filter.level));
  if (filter.parentCode) conditions.push(eq(units.parentCode, filter.parentCode));
  if (filter.q) {
    conditions.push(sql`unaccent(lower(${units.fullName})) like '%' || unaccent(lower(${filter.q})) || '%'`);
  }
  return db
    .select(columns)
    .from(units)
    .where(and(...conditions))
    .orderBy(asc(units.code));
}

/** The unit carrying `code` on `asOf`, if any. */
export async function findUnitValidOn(db: Db, code: string, asOf: string): Promise<Unit | undefined> {
  const rows = await db
    .select(columns)
    .from(units)
    .where(and(eq(units.code, code), validOn(asOf)))
    .limit(1);
  return rows[0];
}

/** Every unit that ever carried `code`, oldest first. */
export async function listUnitsByCode(db: Db, code: string): Promise<Unit[]> {
  return db
    .select(columns)
    .from(units)
    .where(eq(units.code, code))
    .orderBy(sql`${units.validFrom} nulls first`);
}

/** Merger links in which `code` is the old unit (direction 'successors') or the new unit ('predecessors'). */
export async function listMergerLinks(db: Db, code: string, direction: 'successors' | 'predecessors') {
  const col = direction === 'successors' ? mergers.oldCode : mergers.newCode;
  return db
    .select({
      newCode: mergers.newCode,
      oldCode: mergers.oldCode,
      type: mergers.type,
      effectiveOn: mergers.effectiveOn,
    })
    .from(mergers)
    .where(eq(col, code))
    .orderBy(asc(mergers.position), asc(mergers.newCode), asc(mergers.oldCode));
}

/** Every whole-merger link (old code → new code); an old code split between units has 'partial' links. */
export async function listFullMergerLinks(db: Db) {
  return db
    .select({ newCode: mergers.newCode, oldCode: mergers.oldCode, type: mergers.type })
    .from(mergers)
    .orderBy(asc(mergers.effectiveOn));
}

/**
 * The names the predecessors of each unit valid on `asOf` had the day before they merged into it
 * (e.g. Phường Đoàn Kết ← Phường Đoàn Kết, Phường Tân Phong…), so a commune is found by its pre-2025 name too.
 */
export async function listFormerNames(db: Db, asOf: string): Promise<Map<string, string[]>> {
  const rows = await queryRows<{ code: string; names: string[] }>(
    db,
    sql`
    select m.new_code as code, array_agg(old.full_name order by m.position, m.old_code) as names
    from ${mergers} m
    join ${units} cur on cur.code = m.new_code
      and (cur.valid_from is null or cur.valid_from <= ${asOf}) and (cur.valid_to is null or cur.valid_to >= ${asOf})
      and (cur.valid_from is null or cur.valid_from <= m.effective_on)
    join ${units} old on old.code = m.old_code
      and (old.valid_from is null or old.valid_from < m.effective_on) and old.valid_to is not null and old.valid_to >= m.effective_on - 1
    group by m.new_code`,
  );
  return new Map(rows.map((r) => [r.code, r.names]));
}

/** Counts units of a province (used to decide whether reference data is loaded). */
export async function countUnits(db: Db, provinceCode: string): Promise<number> {
  const rows = await db
    .select({ n: sql<string>`count(*)` })
    .from(units)
    .where(eq(units.provinceCode, provinceCode));
  return Number(rows[0]?.n ?? 0);
}

/** Replaces a province's units and mergers in one transaction. */
export async function replaceProvinceUnits(
  db: Db,
  provinceCode: string,
  unitRows: NewUnitRow[],
  mergerRows: NewMergerRow[],
) {
  await db.transaction(async (tx) => {
    await tx.delete(mergers).where(eq(mergers.provinceCode, provinceCode));
    await tx.delete(units).where(eq(units.provinceCode, provinceCode));
    if (unitRows.length) await tx.insert(units).values(unitRows);
    if (mergerRows.length) await tx.insert(mergers).values(mergerRows);
  });
}

/**
 * Gives a unit (code, last day of validity) the legal text's spelling where it still has the
 * upstream one; an administrator's own renaming (any other name) is left alone. Returns whether a row changed.
 */
export async function correctUnitName(
  db: Db,
  provinceCode: string,
  fix: { code: string; validTo: string | null; upstream: string; name: string; nameEn: string },
): Promise<boolean> {
  const rows = await db
    .update(units)
    .set({
      name: fix.name,
      fullName: sql`replace(${units.fullName}, ${fix.upstream}, ${fix.name})`,
      nameEn: fix.nameEn,
    })
    .where(
      and(
        eq(units.provinceCode, provinceCode),
        eq(units.code, fix.code),
        fix.validTo === null ? isNull(units.validTo) : eq(units.validTo, fix.validTo),
        eq(units.name, fix.upstream),
      ),
    )
    .returning({ id: units.id });
  return rows.length > 0;
}
