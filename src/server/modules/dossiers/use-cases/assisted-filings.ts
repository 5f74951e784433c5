import { todayInVietnam } from '../../../../contracts/common';
import type { AssistedFilings, AssistedFilingsQuery } from '../../../../contracts/dossiers';
import type { AccessContext } from '../../identity';
import * as errors from '../dossiers.errors';
import { mayReadUnit, readableUnits } from '../dossiers.policy';
import * as repo from '../dossiers.repository';
import { clock, type DossierDeps } from './deps';
import { presentContext } from './presenting';

/**
 * The filings made on counter devices on one day (Vietnam), for the counter log: the officer who
 * guided a citizen records the visit with the dossier's code (plan target 1). Read by the units of
 * the counters: the reader's units where they may read dossiers, or the one asked for there.
 */
export async function listAssistedFilings(
  deps: DossierDeps,
  access: AccessContext,
  query: AssistedFilingsQuery,
): Promise<AssistedFilings> {
  if (query.unitCode && !mayReadUnit(access, query.unitCode)) throw errors.unitForbidden(query.unitCode);
  const day = query.date ?? todayInVietnam(clock(deps));
  const from = new Date(`${day}T00:00:00+07:00`);
  const to = new Date(from.getTime() + 24 * 3_600_000);
  const rows = await repo.listAssistedFilings(deps.db, {
    counterUnits: query.unitCode ? [query.unitCode] : readableUnits(access),
    from,
    to,
  });
  const ctx = await presentContext(deps, access, rows);
  return {
    items: rows.map((r) => {
      const version = ctx.procedure(r.procedureVersionId);
      return {
        id: r.id,
        code: r.code,
        procedureCode: r.procedureCode,
        procedureNameVi: version.nameVi,
        procedureNameEn: version.nameEn,
        applicantName: r.applicantName,
        submittedAt: r.submittedAt!.toISOString(),
        unitCode: r.assistedBy!.unitCode,
        counterLabel: r.assistedBy!.counterLabel,
        officerName: r.assistedBy!.officerName,
      };
    }),
  };
}
