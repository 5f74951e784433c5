/**
 * The {@link RegistryView} over PostgreSQL / PGlite: population.persons with the household head's
 * name, one statement per kind of key for a whole chunk of rows (arrays, not one query a row).
 * Each statement returns a superset of the key's people, served by an index; the exact keys are
 * then computed here ({@link personBlockingKeys}) and the people bucketed under the keys asked.
 *
 * Reads population's tables directly (read-only): population publishes no candidate query yet;
 * see ADR 0029 for the view/function population should own, and the indexes it needs. The phonetic
 * keys are looked up in sector_data.registry_name_keys: call `refreshNameKeys` (name-keys.ts) first.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../../platform/db';
import { personBlockingKeys } from './registry-memory';
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
}

const SELECT = sql`
  select p.id as person_id, p.national_id, p.legacy_id, p.full_name, p.birth_date::text as birth_date,
         p.birth_year, p.sex, p.residence_unit_code as unit_code, p.household_id, head.full_name as head_name, p.status
    from population.persons p
    left join population.households h on h.id = p.household_id
    left join population.persons head on head.id = h.head_person_id`;

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
function statements(keys: readonly BlockingKey[]): SQL[] {
  const out: SQL[] = [];
  const of = <K extends BlockingKey['kind']>(kind: K) =>
    keys.filter((k): k is Extract<BlockingKey, { kind: K }> => k.kind === kind);
  const dates = of('birth_date').map((k) => k.birthDate);
  if (dates.length) out.push(sql`${SELECT} where p.birth_date = any(${textArray(dates)}::date[])`);
  const legacy = of('legacy_id').map((k) => k.legacyId);
  if (legacy.length) out.push(sql`${SELECT} where p.legacy_id = any(${textArray(legacy)})`);
  const given = of('year_given_unit');
  if (given.length) {
    // name_key is population's searchKey (no i/y folding): a final "i" of the key may be "y" there.
    // The people of a commune born in a year come from persons_residence_unit_idx (commune, birth
    // year); the name is a filter over those few hundred. `name_key || ''` keeps the planner off the
    // trigram index for the LIKEs: it chose it, and a given name's trigrams hit ~48,000 rows per key
    // (8.9 s for 300 keys at 500,000 people, 77 ms this way).
    out.push(sql`${SELECT}
      join unnest(${intArray(given.map((k) => k.birthYear))}, ${textArray(given.map((k) => k.given))},
                  ${textArray(given.map((k) => k.unitCode))}) as k(y, g, u)
        on p.residence_unit_code = k.u and p.birth_year = k.y
       and ((p.name_key || '') like '% ' || k.g or (p.name_key || '') = k.g
            or (k.g like '%i' and (p.name_key || '') like '% ' || left(k.g, -1) || 'y'))`);
  }
  const phonetic = of('year_phonetic');
  if (phonetic.length) {
    // Spelling variants: the people of the birth year with the same phonetic key (refreshNameKeys keeps the keys).
    out.push(sql`${SELECT}
      join sector_data.registry_name_keys nk on nk.person_id = p.id
      join unnest(${intArray(phonetic.map((k) => k.birthYear))}, ${textArray(phonetic.map((k) => k.phonetic))}) as k(y, ph)
        on nk.birth_year = k.y and nk.phonetic = k.ph`);
  }
  return out;
}

/** The registry view over a database handle (PostgreSQL or PGlite). */
export function sqlRegistry(db: Db): RegistryView {
  return {
    async byNationalIds(ids) {
      if (ids.length === 0) return [];
      const rows = await queryRows<PersonSqlRow>(db, sql`${SELECT} where p.national_id = any(${textArray(ids)})`);
      return rows.map(toPerson);
    },
    async byBlockingKeys(keys) {
      const wanted = new Set(keys.map(blockingKeyId));
      const out = new Map<string, RegistryPerson[]>([...wanted].map((id) => [id, []]));
      const seen = new Map<string, Set<string>>();
      for (const statement of statements(keys)) {
        for (const row of await queryRows<PersonSqlRow>(db, statement)) {
          const person = toPerson(row);
          for (const key of personBlockingKeys(person)) {
            const id = blockingKeyId(key);
            if (!wanted.has(id)) continue;
            const ids = seen.get(id) ?? new Set<string>();
            if (ids.has(person.personId)) continue;
            ids.add(person.personId);
            seen.set(id, ids);
            out.get(id)!.push(person);
          }
        }
      }
      return out;
    },
  };
}
