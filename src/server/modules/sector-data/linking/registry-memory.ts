/**
 * An in-memory {@link RegistryView}: the registry held as arrays and maps, for tests and for the
 * benchmark of the pure engine. The same blocking keys as the SQL view (registry-sql.ts).
 */
import { nameForms } from './names';
import { blockingKeyId, type BlockingKey, type RegistryPerson, type RegistryView } from './types';

/** Family + given name of a phonetic full-name key (first and last syllables). */
function phoneticOfForms(phonetic: string): string {
  const words = phonetic.split(' ');
  return words.length > 1 ? `${words[0]} ${words[words.length - 1]}` : (words[0] ?? '');
}

/** The phonetic key of a registry person's full name (family + given name), as `year_phonetic` keys carry it. */
export function personPhoneticKey(fullName: string): string {
  return phoneticOfForms(nameForms(fullName).phonetic);
}

/**
 * A registry person's two name keys of blocking — the phonetic key (`year_phonetic`) and the folded
 * given name (`year_given_unit`) — as sector_data.registry_name_keys keeps them (name-keys.ts).
 */
export function personNameKeys(fullName: string): { phonetic: string; given: string } {
  const forms = nameForms(fullName);
  return { phonetic: phoneticOfForms(forms.phonetic), given: forms.given };
}

/** The blocking keys a person answers to (only those of one kind when `kind` is given). */
export function personBlockingKeys(p: RegistryPerson, kind?: BlockingKey['kind']): BlockingKey[] {
  const keys: BlockingKey[] = [];
  const wants = (k: BlockingKey['kind']) => kind === undefined || kind === k;
  if (p.birthDate && wants('birth_date')) keys.push({ kind: 'birth_date', birthDate: p.birthDate });
  if (wants('year_given_unit') && p.unitCode) {
    const forms = nameForms(p.fullName);
    if (forms.given)
      keys.push({ kind: 'year_given_unit', birthYear: p.birthYear, given: forms.given, unitCode: p.unitCode });
  }
  if (wants('year_phonetic'))
    keys.push({ kind: 'year_phonetic', birthYear: p.birthYear, phonetic: personPhoneticKey(p.fullName) });
  if (p.legacyId && wants('legacy_id')) keys.push({ kind: 'legacy_id', legacyId: p.legacyId });
  return keys;
}

/** Builds the view over `persons` (indexed once, O(n)). */
export function inMemoryRegistry(persons: Iterable<RegistryPerson>): RegistryView & { size: number } {
  const byId = new Map<string, RegistryPerson>();
  const byKey = new Map<string, RegistryPerson[]>();
  let size = 0;
  for (const p of persons) {
    size++;
    if (p.nationalId) byId.set(p.nationalId, p);
    for (const key of personBlockingKeys(p)) {
      const id = blockingKeyId(key);
      const list = byKey.get(id);
      if (list) list.push(p);
      else byKey.set(id, [p]);
    }
  }
  return {
    size,
    async byNationalIds(ids) {
      return ids.flatMap((id) => {
        const p = byId.get(id);
        return p ? [p] : [];
      });
    },
    async byBlockingKeys(keys) {
      const out = new Map<string, RegistryPerson[]>();
      for (const key of keys) {
        const id = blockingKeyId(key);
        out.set(id, byKey.get(id) ?? []);
      }
      return out;
    },
  };
}
