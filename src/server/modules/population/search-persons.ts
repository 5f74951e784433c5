import type { Db } from '../../platform/db';
import { invalidField } from '../../platform/errors';
import type { PersonPageResult } from '../../../contracts/population';
import { searchKey } from './vietnamese-text';
import * as repo from './population.repository';
import { presentSummary } from './population.presenter';
import { logAccess, type Reader } from './person-access-log';
import { unitNamesToday } from './unit-names';

/**
 * The search key of a typed name, refused (400 naming `name`) when it holds fewer than 2 letters
 * or digits: punctuation, CJK or full-width letters fold to an empty key, which would match every
 * person in the searcher's units. The typed length alone is no guard.
 */
function nameKeyOrRefuse(name: string): string {
  const key = searchKey(name);
  if (key.replace(/ /g, '').length < 2) {
    throw invalidField(
      'VALIDATION.INVALID',
      'name',
      'Nhập ít nhất 2 chữ cái hoặc chữ số của họ tên',
      'Enter at least 2 letters or digits of the name',
    );
  }
  return key;
}

export interface SearchInput {
  nationalId?: string;
  name?: string;
  birthDate?: string;
  birthYear?: number;
  unitCode?: string;
  purpose?: string;
  page: number;
  pageSize: number;
}

/**
 * Searches the registry by exact ID number, or by name ignoring diacritics, tone placement and
 * case — only among people living in `unitScope` (the searcher's units; null = the whole province).
 */
export async function searchPersons(
  db: Db,
  input: SearchInput,
  unitScope: ReadonlySet<string> | null = null,
  reader?: Reader,
): Promise<PersonPageResult> {
  const nameKey = input.name === undefined ? undefined : nameKeyOrRefuse(input.name);
  const query = {
    nationalId: input.nationalId,
    nameKey,
    birthDate: input.birthDate,
    birthYear: input.birthYear,
    unitCode: input.unitCode,
    unitScope: unitScope ? [...unitScope] : undefined,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  };
  const onlyId =
    input.nationalId && !nameKey && !input.birthDate && !input.birthYear && !input.unitCode && input.page === 1;
  if (onlyId) {
    const found = await repo.findPersonSummaryByNationalId(db, input.nationalId!);
    const row =
      found && (!unitScope || (found.residenceUnitCode !== null && unitScope.has(found.residenceUnitCode)))
        ? found
        : undefined;
    const unitName = await unitNamesToday(db);
    if (row && reader) await logAccess(db, reader, 'person.search', [row], input.purpose ?? null);
    return {
      items: row ? [presentSummary(row, unitName)] : [],
      total: row ? 1 : 0,
      page: 1,
      pageSize: input.pageSize,
      fuzzy: false,
    };
  }
  let result = await repo.searchPersons(db, query);
  let fuzzy = false;
  if (result.total === 0 && query.nameKey) {
    // Nothing with these words in order: fall back to similar-looking names (typos, transliteration).
    result = await repo.searchPersons(db, { ...query, fuzzy: true });
    fuzzy = result.total > 0;
  }
  const unitName = await unitNamesToday(db);
  if (reader) await logAccess(db, reader, 'person.search', result.rows, input.purpose ?? null);
  return {
    items: result.rows.map((r) => presentSummary(r, unitName)),
    total: result.total,
    page: input.page,
    pageSize: input.pageSize,
    fuzzy,
  };
}
