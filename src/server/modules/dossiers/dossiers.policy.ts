import type { AccessContext } from '../identity';
import type { CommandActor } from './lifecycle';

/** What the policy needs of a dossier. */
export interface DossierRef {
  unitCode: string;
  ownerAccountId: string | null;
}

/**
 * Who the caller is for this dossier (pure, tested as a matrix):
 * - `owner`: the citizen account that filed it (with 'dossiers.own.file');
 * - `intake`: staff with 'dossiers.receive' in the dossier's unit (one-stop desk, the handling officers);
 * - `processor`: staff with 'dossiers.process' in the unit under the role that handles the procedure
 *   (commune police for residence, the civil-status officer for civil status).
 */
export function dossierActors(access: AccessContext, dossier: DossierRef, handledByRole: string): CommandActor[] {
  const actor = access.actor;
  if (!actor) return [];
  const roles: CommandActor[] = [];
  if (actor.kind === 'citizen' && dossier.ownerAccountId === actor.accountId && access.can('dossiers.own.file'))
    roles.push('owner');
  if (actor.kind !== 'citizen') {
    if (access.canInUnit('dossiers.receive', dossier.unitCode)) roles.push('intake');
    if (access.canInUnit('dossiers.process', dossier.unitCode) && actor.grants.some((g) => g.role === handledByRole))
      roles.push('processor');
  }
  return roles;
}

/** May the caller see the dossier at all? (Otherwise it "does not exist" for them: 404.) */
export function canSeeDossier(access: AccessContext, dossier: DossierRef): boolean {
  const actor = access.actor;
  if (!actor) return false;
  if (actor.kind === 'citizen') return dossier.ownerAccountId === actor.accountId && access.can('dossiers.own.read');
  return access.canInUnit('dossiers.read', dossier.unitCode);
}

/** The role and unit the caller acts under for `action`, for transitions and the access log. */
export function actingGrant(
  access: AccessContext,
  action: Parameters<AccessContext['grantFor']>[0],
): { role: string; unitCode: string | null } {
  const grant = access.grantFor(action);
  if (grant) return { role: grant.role, unitCode: grant.unitCode };
  return { role: access.actor?.kind === 'citizen' ? 'citizen' : 'unknown', unitCode: null };
}
