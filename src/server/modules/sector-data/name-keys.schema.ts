import { index, integer, text, uuid } from 'drizzle-orm/pg-core';
import { sectorDataSchema } from './sector-data.schema';

/**
 * The linking engine's phonetic name keys of the registry's people (issue 16 §5, ADR 0029): derived
 * from population.persons (read-only) by `refreshNameKeys` before a batch is linked — a person whose
 * name or birth year changed since gets their key again — so that the province-wide phonetic
 * blocking key is an index lookup instead of a trigram scan of every person of a year. Not a copy
 * of anyone's data: a key of the folded name and the birth year, joined back to population.persons.
 */
export const registryNameKeys = sectorDataSchema.table(
  'registry_name_keys',
  {
    personId: uuid('person_id').primaryKey(),
    /** population.persons.name_key the key was computed from (a changed name is seen by comparing it). */
    nameKey: text('name_key').notNull(),
    birthYear: integer('birth_year').notNull(),
    /** The phonetic family + given name key (linking/names.ts). */
    phonetic: text('phonetic').notNull(),
    /** The folded given name (the name's last word, linking/names.ts): the year + given name + commune key. */
    given: text('given').notNull(),
  },
  (t) => [index('registry_name_keys_year_phonetic_idx').on(t.birthYear, t.phonetic)],
);
