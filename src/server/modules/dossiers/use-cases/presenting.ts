import { todayInVietnam } from '../../../../contracts/common';
import type { DossierCommand, DossierState } from '../../../../contracts/dossiers';
import type { AccessContext } from '../../identity';
import { loadWorkingCalendar, type WorkingCalendar } from '../../calendar';
import type { ProcedureVersion } from '../../procedures';
import { getUnitNames } from '../../units';
import { recordAccess } from '../../audit';
import * as errors from '../dossiers.errors';
import { actingGrant, canSeeDossier, mayExtendDeadline, type dossierActors } from '../dossiers.policy';
import type { PresentContext } from '../dossiers.presenter';
import * as repo from '../dossiers.repository';
import { availableCommands } from '../lifecycle';
import { versionById } from '../versions';
import { clock, type DossierDeps } from './deps';

/** Per-request memo of procedure versions and unit names (lists show many rows of few procedures). */
export async function presentContext(
  deps: DossierDeps,
  access: AccessContext,
  rows: Array<{ procedureVersionId: string; unitCode: string }>,
  cal?: WorkingCalendar,
): Promise<PresentContext> {
  const versions = new Map<string, ProcedureVersion>();
  for (const id of new Set(rows.map((r) => r.procedureVersionId))) versions.set(id, await versionById(deps.db, id));
  const unitName = await getUnitNames(deps.db, todayInVietnam(clock(deps))).catch(() => () => null);
  return {
    cal: cal ?? (await loadWorkingCalendar(deps.db)),
    now: clock(deps),
    viewerAccountId: access.actor?.accountId ?? null,
    procedure: (id) => versions.get(id)!,
    unitName,
  };
}

/**
 * The dossier if the caller may see it; otherwise it "does not exist" for them (404). An agency's
 * officer outside the dossier's unit staff sees it through a step of an interlinked group that has started.
 */
export async function loadVisible(deps: DossierDeps, access: AccessContext, id: string): Promise<repo.DossierRow> {
  const row = await repo.findDossier(deps.db, id);
  if (!row) throw errors.dossierNotFound();
  if (canSeeDossier(access, row)) return row;
  if (access.actor && access.actor.kind !== 'citizen') {
    const started = (await repo.listSteps(deps.db, id)).filter((s) => s.state !== 'waiting');
    if (started.length && canSeeDossier(access, row, started)) return row;
  }
  throw errors.dossierNotFound();
}

/**
 * The commands the caller may run on the dossier now: the state machine's, less an extension
 * without the permission, and the exemption decisions unless an exemption waits for one (an
 * exemption the registry proved, or none, has nothing to decide).
 */
export function commandsFor(
  access: AccessContext,
  row: repo.DossierRow,
  actors: ReturnType<typeof dossierActors>,
  /** An interlinked group's dossier: its steps are completed one by one, never approved at once. */
  stepped = false,
): DossierCommand[] {
  return availableCommands(row.state as DossierState, actors).filter((c) => {
    if (c === 'approve') return !stepped;
    if (c === 'complete_step') return stepped;
    if (c === 'extend') return mayExtendDeadline(access, row);
    if (c === 'confirm_exemption' || c === 'reject_exemption') return row.feeStatus === 'exemption_pending';
    return true;
  });
}

/** Logs a staff read of a person's data (purpose: dossier processing) under the grant the reader acts with. */
export async function logStaffRead(
  deps: DossierDeps,
  access: AccessContext,
  action: 'dossier.read' | 'dossier.search',
  subject: string,
  extra: { details: Record<string, unknown>; target?: { kind: 'dossier'; code: string } },
): Promise<void> {
  // A sector officer reads a group's dossier through their step (no 'dossiers.read'): logged under that grant.
  const grant = access.grantFor('dossiers.read')
    ? actingGrant(access, 'dossiers.read')
    : actingGrant(access, 'dossiers.steps.process');
  await recordAccess(
    deps.db,
    [
      {
        actorAccountId: access.actor!.accountId,
        actorRole: grant.role,
        actorUnit: grant.unitCode,
        action,
        subject,
        purpose: 'dossier_processing',
        requestId: access.requestId,
        ...extra,
      },
    ],
    { standaloneRead: true },
  );
}
