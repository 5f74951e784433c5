import { foldForSearch } from '../../../../shared/text';
import type { AccessContext } from '../../identity';
import { findPersonIdByNationalId } from '../../population';
import { subjectFor } from '../../audit';
import * as errors from '../dossiers.errors';
import { readableUnits } from '../dossiers.policy';
import { presentSummary } from '../dossiers.presenter';
import * as repo from '../dossiers.repository';
import type { DossierDeps } from './deps';
import { logStaffRead, presentContext } from './presenting';

/** At most this many dossiers answer a search (newest first). */
const SEARCH_LIMIT = 100;

async function page(deps: DossierDeps, access: AccessContext, rows: repo.DossierRow[]) {
  const ctx = await presentContext(deps, access, rows);
  return { items: rows.map((r) => presentSummary(r, ctx)), total: rows.length, page: 1, pageSize: SEARCH_LIMIT };
}

/**
 * The dossiers of a person the officer may see, newest first (at most 100): by ID number (the
 * registry's person; the search is logged under that person), or by the applicant's name as
 * printed on the dossier, typed with or without tone marks, words in order.
 */
export async function searchDossiers(
  deps: DossierDeps,
  access: AccessContext,
  query: { nationalId?: string; name?: string },
) {
  if (query.nationalId) return searchByPerson(deps, access, query.nationalId);
  const folded = foldForSearch(query.name ?? '');
  if (folded.replace(/ /g, '').length < 2)
    throw errors.requestInvalid('name', 'Nhập ít nhất 2 chữ cái của họ tên', 'Type at least 2 letters of the name');
  const rows = await repo.listDossiers(
    deps.db,
    { unitCodes: readableUnits(access), applicantNameFolded: folded, excludeDrafts: true },
    SEARCH_LIMIT,
    0,
    'newest',
  );
  return page(deps, access, rows);
}

async function searchByPerson(deps: DossierDeps, access: AccessContext, nationalId: string) {
  const personId = await findPersonIdByNationalId(deps.db, nationalId);
  if (!personId) return { items: [], total: 0, page: 1, pageSize: SEARCH_LIMIT };
  const filter: repo.ListFilter = {
    unitCodes: readableUnits(access),
    applicantPersonId: personId,
    excludeDrafts: true,
  };
  const rows = await repo.listDossiers(deps.db, filter, SEARCH_LIMIT, 0, 'newest');
  if (rows.length && deps.config.AUDIT_PSEUDONYM_KEY)
    await logStaffRead(deps, access, 'dossier.search', subjectFor(deps.config.AUDIT_PSEUDONYM_KEY, { nationalId }), {
      details: { count: rows.length },
    });
  return page(deps, access, rows);
}
