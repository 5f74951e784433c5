import { todayInVietnam } from '../../../../contracts/common';
import type { DossierState, StatusLookupResult } from '../../../../contracts/dossiers';
import { loadWorkingCalendar } from '../../calendar';
import { findPersonIdByNationalId } from '../../population';
import { getUnitNames } from '../../units';
import * as errors from '../dossiers.errors';
import { presentSummary } from '../dossiers.presenter';
import * as repo from '../dossiers.repository';
import { versionById } from '../versions';
import { clock, type DossierDeps } from './deps';

/**
 * Public status lookup (the QR on the receipt): code + the applicant's ID number must both match;
 * any mismatch answers the same 404, and nothing personal is returned.
 */
export async function lookupStatus(deps: DossierDeps, code: string, nationalId: string): Promise<StatusLookupResult> {
  const row = await repo.findDossierByCode(deps.db, code.trim());
  const personId = row?.applicantPersonId ? await findPersonIdByNationalId(deps.db, nationalId) : undefined;
  if (!row || !personId || personId !== row.applicantPersonId || row.state === 'draft') throw errors.dossierNotFound();
  const version = await versionById(deps.db, row.procedureVersionId);
  const cal = await loadWorkingCalendar(deps.db);
  const transitions = await repo.listTransitions(deps.db, row.id);
  const summary = presentSummary(row, {
    cal,
    now: clock(deps),
    viewerAccountId: null,
    procedure: () => version,
    unitName: () => null,
  });
  const unitName = await getUnitNames(deps.db, todayInVietnam(clock(deps))).then(
    (name) => name(row.unitCode),
    () => null,
  );
  return {
    code: row.code!,
    procedureNameVi: version.nameVi,
    procedureNameEn: version.nameEn,
    state: summary.state,
    unitName,
    receivedAt: summary.receivedAt,
    deadlineStartAt: summary.deadlineStartAt,
    dueAt: summary.dueAt,
    flag: summary.flag,
    timeline: transitions
      .filter((t) => t.fromState !== t.toState)
      .map((t) => ({ at: t.at.toISOString(), toState: t.toState as DossierState })),
  };
}
