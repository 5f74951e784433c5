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

/** The blocking keys a person answers to. */
export function personBlockingKeys(p: RegistryPerson): BlockingKey[] {
  const keys: BlockingKey[] = [];
  if (p.birthDate) keys.push({ kind: 'birth_date', birthDate: p.birthDate });
  const forms = nameForms(p.fullName);
  if (forms.given && p.unitCode)
    keys.push({ kind: 'year_given_unit', birthYear: p.birthYear, given: forms.given, unitCode: p.unitCode });
  keys.push({ kind: 'year_phonetic', birthYear: p.birthYear, phonetic: personPhoneticKey(p.fullName) });
  if (p.legacyId) keys.push({ kind: 'legacy_id', legacyId: p.legacyId });
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
