import { and, asc, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type { FacilityKind, FacilityTypeChange } from '../../../contracts/cashless';
import { facilities, facilityTypes } from './cashless.schema';

export type FacilityTypeRow = typeof facilityTypes.$inferSelect;
export type FacilityRow = typeof facilities.$inferSelect;
export type NewFacilityRow = typeof facilities.$inferInsert;
/** A facility with its type's names. */
export type FacilityWithType = FacilityRow & { typeNameVi: string; typeNameEn: string };

export async function listFacilityTypes(db: Db): Promise<FacilityTypeRow[]> {
  return db.select().from(facilityTypes).orderBy(asc(facilityTypes.position), asc(facilityTypes.code));
}

export async function findFacilityType(db: Db, code: string): Promise<FacilityTypeRow | undefined> {
  return (await db.select().from(facilityTypes).where(eq(facilityTypes.code, code)).limit(1))[0];
}

export async function insertFacilityType(db: Db, row: typeof facilityTypes.$inferInsert): Promise<FacilityTypeRow> {
  return (await db.insert(facilityTypes).values(row).returning())[0]!;
}

export async function updateFacilityType(
  db: Db,
  code: string,
  change: FacilityTypeChange,
): Promise<FacilityTypeRow | undefined> {
  return (await db.update(facilityTypes).set(change).where(eq(facilityTypes.code, code)).returning())[0];
}

const withType = {
  id: facilities.id,
  code: facilities.code,
  kind: facilities.kind,
  typeCode: facilities.typeCode,
  name: facilities.name,
  communeCode: facilities.communeCode,
  active: facilities.active,
  createdAt: facilities.createdAt,
  createdBy: facilities.createdBy,
  updatedAt: facilities.updatedAt,
  updatedBy: facilities.updatedBy,
  typeNameVi: facilityTypes.nameVi,
  typeNameEn: facilityTypes.nameEn,
};

/** Filter of the register list. `communeCodes` null = every commune (a province-wide reader). */
export interface FacilityFilter {
  kind?: FacilityKind;
  typeCode?: string;
  communeCode?: string;
  active?: boolean;
  q?: string;
  communeCodes: readonly string[] | null;
  /** Ward communes, to filter by `inWard`. */
  wardCodes: readonly string[];
  inWard?: boolean;
}

function conditions(filter: FacilityFilter): SQL | undefined {
  const c: SQL[] = [];
  if (filter.communeCodes)
    c.push(filter.communeCodes.length ? inArray(facilities.communeCode, [...filter.communeCodes]) : sql`false`);
  if (filter.kind) c.push(eq(facilities.kind, filter.kind));
  if (filter.typeCode) c.push(eq(facilities.typeCode, filter.typeCode));
  if (filter.communeCode) c.push(eq(facilities.communeCode, filter.communeCode));
  if (filter.active !== undefined) c.push(eq(facilities.active, filter.active));
  if (filter.inWard === true)
    c.push(filter.wardCodes.length ? inArray(facilities.communeCode, [...filter.wardCodes]) : sql`false`);
  if (filter.inWard === false && filter.wardCodes.length)
    c.push(notInArray(facilities.communeCode, [...filter.wardCodes]));
  if (filter.q) {
    c.push(
      sql`(unaccent(lower(${facilities.name})) like '%' || unaccent(lower(${filter.q})) || '%' or ${facilities.code} like '%' || upper(${filter.q}) || '%')`,
    );
  }
  return c.length ? and(...c) : undefined;
}

/** A page of the register, in commune then code order, with the total count. */
export async function listFacilities(
  db: Db,
  filter: FacilityFilter,
  page: number,
  pageSize: number,
): Promise<{ items: FacilityWithType[]; total: number }> {
  const where = conditions(filter);
  const items = await db
    .select(withType)
    .from(facilities)
    .innerJoin(facilityTypes, eq(facilityTypes.code, facilities.typeCode))
    .where(where)
    .orderBy(asc(facilities.communeCode), asc(facilityTypes.position), asc(facilities.code))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = await db
    .select({ n: sql<string | number>`count(*)` })
    .from(facilities)
    .where(where);
  return { items, total: Number(total[0]?.n ?? 0) };
}

/** Every facility of the given communes (null = all), active or not: the statistics' population. */
export async function listFacilitiesIn(
  db: Db,
  communeCodes: readonly string[] | null,
  active?: boolean,
): Promise<FacilityWithType[]> {
  const c: SQL[] = [];
  if (communeCodes) c.push(communeCodes.length ? inArray(facilities.communeCode, [...communeCodes]) : sql`false`);
  if (active !== undefined) c.push(eq(facilities.active, active));
  return db
    .select(withType)
    .from(facilities)
    .innerJoin(facilityTypes, eq(facilityTypes.code, facilities.typeCode))
    .where(c.length ? and(...c) : undefined)
    .orderBy(asc(facilities.communeCode), asc(facilityTypes.position), asc(facilities.code));
}

export async function findFacility(db: Db, id: string): Promise<FacilityWithType | undefined> {
  const rows = await db
    .select(withType)
    .from(facilities)
    .innerJoin(facilityTypes, eq(facilityTypes.code, facilities.typeCode))
    .where(eq(facilities.id, id))
    .limit(1);
  return rows[0];
}

export async function findFacilityByCode(db: Db, code: string): Promise<FacilityRow | undefined> {
  return (await db.select().from(facilities).where(eq(facilities.code, code)).limit(1))[0];
}

/** The facilities carrying the given codes (upper case). */
export async function listFacilitiesByCodes(db: Db, codes: readonly string[]): Promise<FacilityRow[]> {
  if (codes.length === 0) return [];
  const out: FacilityRow[] = [];
  for (let i = 0; i < codes.length; i += 5000)
    out.push(
      ...(await db
        .select()
        .from(facilities)
        .where(inArray(facilities.code, codes.slice(i, i + 5000)))),
    );
  return out;
}

export async function insertFacilities(db: Db, rows: NewFacilityRow[]): Promise<FacilityRow[]> {
  const out: FacilityRow[] = [];
  for (let i = 0; i < rows.length; i += 500)
    out.push(
      ...(await db
        .insert(facilities)
        .values(rows.slice(i, i + 500))
        .returning()),
    );
  return out;
}

export async function updateFacility(
  db: Db,
  id: string,
  change: Partial<NewFacilityRow>,
): Promise<FacilityRow | undefined> {
  return (await db.update(facilities).set(change).where(eq(facilities.id, id)).returning())[0];
}

export async function countFacilities(db: Db): Promise<number> {
  const rows = await db.select({ n: sql<string | number>`count(*)` }).from(facilities);
  return Number(rows[0]?.n ?? 0);
}
