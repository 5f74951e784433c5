import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { households, persons, registryChanges, residences } from './population.schema';

export type PersonRow = typeof persons.$inferSelect;

const summaryColumns = {
  id: persons.id,
  nationalId: persons.nationalId,
  fullName: persons.fullName,
  birthDate: persons.birthDate,
  birthYear: persons.birthYear,
  sex: persons.sex,
  residenceUnitCode: persons.residenceUnitCode,
  status: persons.status,
};
export type PersonSummaryRow = Pick<PersonRow, keyof typeof summaryColumns>;

export interface PersonSearch {
  nationalId?: string;
  nameKey?: string;
  birthDate?: string;
  birthYear?: number;
  unitCode?: string;
  /** Only people whose commune is one of these (the searcher's scope); undefined = everywhere. */
  unitScope?: string[];
  /** Trigram similarity (typo-tolerant) instead of the words of the name in order. */
  fuzzy?: boolean;
  limit: number;
  offset: number;
}

/**
 * The query's words appear in the name in the same order, each as a whole word except the
 * last, which may be the start of a word ("giang a p" finds "Giàng A Páo", "lo thi lo" does not
 * find "Lò Thị Thu"). The LIKE is coarse and served by the trigram index; the regular expression is exact.
 * Keys hold only [a-z0-9 ] (searchKey), so no LIKE escaping is needed.
 */
function wordsInOrder(nameKey: string): SQL {
  const words = nameKey.split(' ').filter(Boolean);
  const coarse = `%${words.join('%')}%`;
  const exact = `^(.* )?${words.join(' (.* )?')}`;
  return sql`(${persons.nameKey} like ${coarse} and ${persons.nameKey} ~ ${exact})`;
}

function searchConditions(s: PersonSearch): SQL[] {
  const c: SQL[] = [];
  if (s.nationalId) c.push(eq(persons.nationalId, s.nationalId));
  if (s.nameKey && s.fuzzy) c.push(sql`${persons.nameKey} % ${s.nameKey}`);
  else if (s.nameKey) c.push(wordsInOrder(s.nameKey));
  if (s.birthDate) c.push(eq(persons.birthDate, s.birthDate));
  if (s.birthYear) c.push(eq(persons.birthYear, s.birthYear));
  if (s.unitCode) c.push(eq(persons.residenceUnitCode, s.unitCode));
  if (s.unitScope) c.push(s.unitScope.length ? inArray(persons.residenceUnitCode, s.unitScope) : sql`false`);
  return c;
}

const preparedByDb = new WeakMap<Db, ReturnType<typeof prepareIdLookup>>();

function prepareIdLookup(db: Db) {
  return db
    .select(summaryColumns)
    .from(persons)
    .where(eq(persons.nationalId, sql.placeholder('nationalId')))
    .prepare('population_person_by_national_id');
}

/**
 * The hot path of the counter: a person by exact ID number, as a prepared statement
 * (planned once per connection instead of built and parsed per request).
 */
export async function findPersonSummaryByNationalId(db: Db, nationalId: string): Promise<PersonSummaryRow | undefined> {
  let prepared = preparedByDb.get(db);
  if (!prepared) {
    prepared = prepareIdLookup(db);
    preparedByDb.set(db, prepared);
  }
  return (await prepared.execute({ nationalId }))[0];
}

/** One page of persons matching the search, best name matches first, and the total count. */
export async function searchPersons(db: Db, s: PersonSearch): Promise<{ rows: PersonSummaryRow[]; total: number }> {
  const where = and(...searchConditions(s));
  const order = s.nameKey
    ? [desc(sql`similarity(${persons.nameKey}, ${s.nameKey})`), asc(persons.fullName), asc(persons.id)]
    : [asc(persons.fullName), asc(persons.id)];
  const rows = await db
    .select(summaryColumns)
    .from(persons)
    .where(where)
    .orderBy(...order)
    .limit(s.limit)
    .offset(s.offset);
  // A first page that is not full is the whole result: no count query needed (the ID lookup case).
  if (s.offset === 0 && rows.length < s.limit) return { rows, total: rows.length };
  const count = await db
    .select({ n: sql<string>`count(*)` })
    .from(persons)
    .where(where);
  return { rows, total: Number(count[0]?.n ?? 0) };
}

/** A person's full row by record id. */
export async function findPerson(db: Db, id: string): Promise<PersonRow | undefined> {
  return (await db.select().from(persons).where(eq(persons.id, id)).limit(1))[0];
}

/** A residence as the combined own-record read returns it (JSON from the database). */
export interface ResidenceJson {
  kind: 'permanent' | 'temporary';
  unitCode: string;
  addressLine: string;
  validFrom: string;
  validTo: string | null;
}
/** A household member as the combined own-record read returns it. */
export interface MemberJson {
  id: string;
  fullName: string;
  birthDate: string | null;
  birthYear: number;
  sex: PersonRow['sex'];
  nationalId: string | null;
  relationToHead: string | null;
  status: PersonRow['status'];
}
/** A household with its members as the combined own-record read returns it. */
export interface HouseholdJson {
  id: string;
  unitCode: string;
  addressLine: string;
  members: MemberJson[];
}

/** A column of the outer `persons` fully qualified (drizzle leaves columns unqualified in a one-table select, which a subquery would capture). */
const outer = (column: typeof persons.id | typeof persons.householdId) =>
  sql`${persons}.${sql.identifier(column.name)}`;

/**
 * A person by personal ID number with their residence history (current first) and household
 * (members head first, then by birth year), in one statement: the citizen's own record behind
 * every prefilled form and every filing, so one round trip instead of five, and a statement
 * prepared once per database handle (built once, planned once per connection).
 */
function prepareOwnRecord(db: Db) {
  return db
    .select({
      person: persons,
      residences: sql<ResidenceJson[]>`coalesce((
        select json_agg(json_build_object('kind', r.kind, 'unitCode', r.unit_code, 'addressLine', r.address_line, 'validFrom', r.valid_from, 'validTo', r.valid_to)
          order by r.valid_to desc nulls first, r.valid_from desc)
        from ${residences} r where r.person_id = ${outer(persons.id)}), '[]'::json)`,
      household: sql<HouseholdJson | null>`(
        select json_build_object('id', h.id, 'unitCode', h.unit_code, 'addressLine', h.address_line, 'members', coalesce((
          select json_agg(json_build_object('id', m.id, 'fullName', m.full_name, 'birthDate', m.birth_date, 'birthYear', m.birth_year, 'sex', m.sex,
            'nationalId', m.national_id, 'relationToHead', m.relation_to_head, 'status', m.status)
            order by m.relation_to_head = 'head' desc, m.birth_year asc, m.id asc)
          from ${persons} m where m.household_id = h.id), '[]'::json))
        from ${households} h where h.id = ${outer(persons.householdId)})`,
    })
    .from(persons)
    .where(eq(persons.nationalId, sql.placeholder('nationalId')))
    .limit(1)
    .prepare('population_own_record');
}
const preparedOwnRecord = new WeakMap<Db, ReturnType<typeof prepareOwnRecord>>();

export async function findPersonWithHouseholdByNationalId(
  db: Db,
  nationalId: string,
): Promise<{ person: PersonRow; residences: ResidenceJson[]; household: HouseholdJson | null } | undefined> {
  let prepared = preparedOwnRecord.get(db);
  if (!prepared) preparedOwnRecord.set(db, (prepared = prepareOwnRecord(db)));
  return (await prepared.execute({ nationalId }))[0];
}

/** A person's record id by personal ID number. */
export async function findPersonIdByNationalId(db: Db, nationalId: string): Promise<string | undefined> {
  return (await db.select({ id: persons.id }).from(persons).where(eq(persons.nationalId, nationalId)).limit(1))[0]?.id;
}

/** Residence history, current first. */
export async function listResidences(db: Db, personId: string) {
  return db
    .select({
      kind: residences.kind,
      unitCode: residences.unitCode,
      addressLine: residences.addressLine,
      validFrom: residences.validFrom,
      validTo: residences.validTo,
      dossierCode: residences.dossierCode,
    })
    .from(residences)
    .where(eq(residences.personId, personId))
    .orderBy(sql`${residences.validTo} desc nulls first`, desc(residences.validFrom));
}

/** The changes decisions made to a person's record, newest first. */
export async function listRegistryChanges(db: Db, personId: string) {
  const rows = await db
    .select({
      kind: registryChanges.kind,
      effectiveOn: registryChanges.effectiveOn,
      dossierCode: registryChanges.dossierCode,
      at: registryChanges.at,
      before: registryChanges.before,
      after: registryChanges.after,
    })
    .from(registryChanges)
    .where(eq(registryChanges.personId, personId))
    .orderBy(desc(registryChanges.id));
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

/** A household with its members (names and birth years only). */
export async function findHousehold(db: Db, householdId: string) {
  const household = (await db.select().from(households).where(eq(households.id, householdId)).limit(1))[0];
  if (!household) return undefined;
  const members = await db
    .select({
      id: persons.id,
      fullName: persons.fullName,
      birthYear: persons.birthYear,
      relationToHead: persons.relationToHead,
    })
    .from(persons)
    .where(eq(persons.householdId, householdId))
    .orderBy(sql`${persons.relationToHead} = 'head' desc`, asc(persons.birthYear));
  return { ...household, members };
}

/** Number of persons in the registry. */
export async function countPersons(db: Db): Promise<number> {
  const rows = await db.select({ n: sql<string>`count(*)` }).from(persons);
  return Number(rows[0]?.n ?? 0);
}

/** Empties the registry (seeding a new demo). */
export async function truncateRegistry(db: Db): Promise<void> {
  await db.execute(
    sql`truncate population.quality_findings, population.quality_scores, population.quality_runs, population.residences, population.temporary_absences, population.persons, population.households`,
  );
}
