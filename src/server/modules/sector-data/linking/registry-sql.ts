/**
 * The {@link RegistryView} over PostgreSQL / PGlite: population.persons with the household head's
 * name, one statement per kind of key for a whole chunk of rows (arrays, not one query a row).
 * Each statement returns its key's people, served by an index, each with the one key of that kind
 * they answer to (a name key read from sector_data.registry_name_keys, never keyed again here), and
 * the people are bucketed under the keys asked.
 *
 * Reads population's tables directly (read-only): population publishes no candidate query yet;
 * see ADR 0029 for the view/function population should own, and the indexes it needs. The
 * name keys are read from sector_data.registry_name_keys: call `refreshNameKeys` (name-keys.ts) first.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../../platform/db';
import { blockingKeyId, type BlockingKey, type RegistryPerson, type RegistryView } from './types';

interface PersonSqlRow extends Record<string, unknown> {
  person_id: string;
  national_id: string | null;
  legacy_id: string | null;
  full_name: string;
  birth_date: string | null;
  birth_year: number | string;
  sex: 'male' | 'female';
  unit_code: string | null;
  household_id: string | null;
  head_name: string | null;
  status: 'alive' | 'deceased';
  /** The folded given name (registry_name_keys.given): `year_given_unit` statements only. */
  given_key?: string;
  /** The phonetic key (registry_name_keys.phonetic): `year_phonetic` statements only. */
  phonetic_key?: string;
}

const COLUMNS = sql`p.id as person_id, p.national_id, p.legacy_id, p.full_name, p.birth_date::text as birth_date,
         p.birth_year, p.sex, p.residence_unit_code as unit_code, p.household_id, p.status`;

/** `select … from population.persons p` with `extra` columns; a statement adds its joins and conditions. */
type SelectPeople = (extra?: SQL) => SQL;

/** The people with their household head's name (two joins a person: about half a birth-day query's time). */
const SELECT_WITH_HEADS: SelectPeople = (extra = sql``) => sql`
  select ${COLUMNS}${extra}, head.full_name as head_name
    from population.persons p
    left join population.households h on h.id = p.household_id
    left join population.persons head on head.id = h.head_person_id`;

/** The people without it, for lists that name no household head (the engine never compares it then). */
const SELECT_WITHOUT_HEADS: SelectPeople = (extra = sql``) =>
  sql`select ${COLUMNS}${extra}, null::text as head_name from population.persons p`;

/** The one key of `kind` a person a statement of that kind returned answers to (none: in no bucket). */
function keyOfRow(kind: BlockingKey['kind'], r: PersonSqlRow, person: RegistryPerson): BlockingKey | undefined {
  switch (kind) {
    case 'birth_date':
      return person.birthDate ? { kind, birthDate: person.birthDate } : undefined;
    case 'legacy_id':
      return person.legacyId ? { kind, legacyId: person.legacyId } : undefined;
    case 'year_given_unit':
      return person.unitCode && r.given_key
        ? { kind, birthYear: person.birthYear, given: r.given_key, unitCode: person.unitCode }
        : undefined;
    case 'year_phonetic':
      return r.phonetic_key !== undefined ? { kind, birthYear: person.birthYear, phonetic: r.phonetic_key } : undefined;
  }
}

function toPerson(r: PersonSqlRow): RegistryPerson {
  return {
    personId: r.person_id,
    nationalId: r.national_id,
    legacyId: r.legacy_id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    birthYear: Number(r.birth_year),
    sex: r.sex,
    unitCode: r.unit_code,
    householdId: r.household_id,
    householdHeadName: r.head_name,
    status: r.status,
  };
}

const textArray = (xs: readonly string[]) =>
  sql`${`{${xs.map((x) => `"${x.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]`;
const intArray = (xs: readonly number[]) => sql`${`{${xs.map((x) => Math.trunc(x)).join(',')}}`}::int[]`;

/** One statement per kind of key present; each a superset of the key's people. */
function statements(
  keys: readonly BlockingKey[],
  people: SelectPeople,
): Array<{ kind: BlockingKey['kind']; statement: SQL }> {
  const out: Array<{ kind: BlockingKey['kind']; statement: SQL }> = [];
  const of = <K extends BlockingKey['kind']>(kind: K) =>
    keys.filter((k): k is Extract<BlockingKey, { kind: K }> => k.kind === kind);
  const dates = of('birth_date').map((k) => k.birthDate);
  if (dates.length)
    out.push({ kind: 'birth_date', statement: sql`${people()} where p.birth_date = any(${textArray(dates)}::date[])` });
  const legacy = of('legacy_id').map((k) => k.legacyId);
  if (legacy.length)
    out.push({ kind: 'legacy_id', statement: sql`${people()} where p.legacy_id = any(${textArray(legacy)})` });
  const given = of('year_given_unit');
  if (given.length) {
    // name_key is population's searchKey (no i/y folding): a final "i" of the key may be "y" there.
    // The people of a commune born in a year come from persons_residence_unit_idx (commune, birth
    // year); the name is a filter over those few hundred (a superset, on the person's own row), and
    // only those it keeps are joined to their keys, whose given name must then be one asked. The keys are grouped by (commune, year)
    // here: a chunk of a commune's list asks ~750 keys over ~90 years, and each (commune, year) is
    // visited once with all its given names (~50 ms instead of ~430 ms for 750 keys at 500,000
    // people). Grouped here, not in SQL: the planner guesses 200 groups for a GROUP BY and then
    // scans the whole table. The given name is the key's last word (given names are one word).
    const groups = new Map<string, { y: number; u: string; gs: Set<string> }>();
    for (const k of given) {
      const id = `${k.unitCode}|${k.birthYear}`;
      const group = groups.get(id) ?? { y: k.birthYear, u: k.unitCode, gs: new Set<string>() };
      group.gs.add(k.given);
      groups.set(id, group);
    }
    const list = [...groups.values()];
    out.push({
      kind: 'year_given_unit',
      statement: sql`${people(sql`, nk.given as given_key`)}
      join unnest(${intArray(list.map((g) => g.y))}, ${textArray(list.map((g) => g.u))},
                  ${textArray(list.map((g) => [...g.gs].join(' ')))}) as k(y, u, gs)
        on p.residence_unit_code = k.u and p.birth_year = k.y
      cross join lateral (select reverse(split_part(reverse(p.name_key), ' ', 1)) as w) n
      join sector_data.registry_name_keys nk on nk.person_id = p.id
     where (n.w = any(string_to_array(k.gs, ' ')) or (n.w like '%y' and left(n.w, -1) || 'i' = any(string_to_array(k.gs, ' '))))
       and nk.given = any(string_to_array(k.gs, ' '))`,
    });
  }
  const phonetic = of('year_phonetic');
  if (phonetic.length) {
    // Spelling variants: the people of the birth year with the same phonetic key (refreshNameKeys keeps the keys).
    out.push({
      kind: 'year_phonetic',
      statement: sql`${people(sql`, nk.phonetic as phonetic_key`)}
      join sector_data.registry_name_keys nk on nk.person_id = p.id
      join unnest(${intArray(phonetic.map((k) => k.birthYear))}, ${textArray(phonetic.map((k) => k.phonetic))}) as k(y, ph)
        on nk.birth_year = k.y and nk.phonetic = k.ph`,
    });
  }
  return out;
}

export interface SqlRegistryOptions {
  /**
   * Whether people come with their household head's name (default true). A list without a household
   * head column never compares it (the field is `missing` for every row): false spares the joins.
   */
  householdHeads?: boolean;
}

/** The registry view over a database handle (PostgreSQL or PGlite). */
export function sqlRegistry(db: Db, options: SqlRegistryOptions = {}): RegistryView {
  const people = options.householdHeads === false ? SELECT_WITHOUT_HEADS : SELECT_WITH_HEADS;
  return {
    async byNationalIds(ids) {
      if (ids.length === 0) return [];
      const rows = await queryRows<PersonSqlRow>(db, sql`${people()} where p.national_id = any(${textArray(ids)})`);
      return rows.map(toPerson);
    },
    async byBlockingKeys(keys) {
      const distinct = new Map(keys.map((k) => [blockingKeyId(k), k]));
      const out = new Map<string, RegistryPerson[]>([...distinct.keys()].map((id) => [id, []]));
      // Each statement answers one kind of key (a superset of its people): a person it returns is
      // bucketed under the keys of that kind only — the keys of other kinds are their statements' work.
      // A statement returns a person once (the keys asked are distinct, and a person has one key of
      // each kind, the one keyOfRow names), so no bucket gets anyone twice.
      for (const { kind, statement } of statements([...distinct.values()], people)) {
        const got = await queryRows<PersonSqlRow>(db, statement);
        for (const row of got) {
          const person = toPerson(row);
          const key = keyOfRow(kind, row, person);
          if (key) out.get(blockingKeyId(key))?.push(person);
        }
      }
      return out;
    },
  };
}
