/**
 * The registry's name keys (sector_data.registry_name_keys, name-keys.schema.ts), kept in step
 * with population.persons before a batch is linked, so that the province-wide phonetic blocking key
 * is an index lookup and the people a blocking query returns come with their keys (registry-sql.ts). The key is computed here, in the engine's own
 * code (names.ts), never re-implemented in SQL: a person whose name_key or birth year is not the one
 * their key was computed from — new, renamed, re-dated — gets it again; a key whose person is gone
 * is dropped. One refresh at a time (a transaction-scoped advisory lock).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../platform/db';
import { personNameKeys } from './registry-memory';

/** Keys written per statement (5 parameters each). */
const CHUNK = 5000;

export interface NameKeysRefresh {
  /** Keys computed and written (new or changed people). */
  written: number;
  /** Keys dropped (people gone, or changed: then written again). */
  dropped: number;
}

/**
 * A fingerprint of (person, birth year, name_key) on each side — a sum of one 64-bit hash per person,
 * so any person added, gone, renamed or re-dated changes it (two sums equal by chance: ~2^-64 per
 * change). One scan of each table (~0.2 s at 500,000 people) instead of the two anti-joins of the
 * refresh (~2 s), which every linking of a batch paid even when nothing had changed.
 */
async function keysInStep(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ in_step: boolean }>(
    db,
    sql`select (select count(*) from population.persons) = (select count(*) from sector_data.registry_name_keys)
           and (select coalesce(sum(uuid_hash_extended(p.id, p.birth_year) # hashtextextended(p.name_key, 0)), 0)
                  from population.persons p)
             = (select coalesce(sum(uuid_hash_extended(k.person_id, k.birth_year) # hashtextextended(k.name_key, 0)), 0)
                  from sector_data.registry_name_keys k) as in_step`,
  );
  return row?.in_step === true;
}

/** Brings the phonetic keys in step with the registry; returns what it changed. */
export async function refreshNameKeys(db: Db): Promise<NameKeysRefresh> {
  if (await keysInStep(db)) return { written: 0, dropped: 0 };
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('sector_data.registry_name_keys'))`);
    const dropped = await queryRows<{ n: string | number }>(
      tx,
      sql`with gone as (
            delete from sector_data.registry_name_keys k
             where not exists (select 1 from population.persons p
                                where p.id = k.person_id and p.name_key = k.name_key and p.birth_year = k.birth_year)
             returning 1)
          select count(*) as n from gone`,
    );
    let written = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const people = await queryRows<{ id: string; full_name: string; name_key: string; birth_year: number | string }>(
        tx,
        sql`select p.id, p.full_name, p.name_key, p.birth_year from population.persons p
             where p.id > ${after}::uuid
               and not exists (select 1 from sector_data.registry_name_keys k where k.person_id = p.id)
             order by p.id limit ${CHUNK}`,
      );
      if (people.length === 0) break;
      const values = people.map((p) => {
        const keys = personNameKeys(p.full_name);
        return sql`(${p.id}::uuid, ${p.name_key}, ${Number(p.birth_year)}, ${keys.phonetic}, ${keys.given})`;
      });
      await tx.execute(sql`insert into sector_data.registry_name_keys (person_id, name_key, birth_year, phonetic, given)
                           values ${sql.join(values, sql`, `)}`);
      written += people.length;
      after = people[people.length - 1]!.id;
    }
    return { written, dropped: Number(dropped[0]?.n ?? 0) };
  });
}
