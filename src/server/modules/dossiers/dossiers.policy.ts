import type { AccessContext } from '../identity';
import type { CommandActor } from './lifecycle';

/** What the policy needs of a dossier. */
export interface DossierRef {
  unitCode: string;
  ownerAccountId: string | null;
}

/** Who processes a dossier now: a role, and for a sector step of an interlinked group its sector. */
export interface Handler {
  role: string;
  sector?: string | null;
  /** A step of an interlinked group (a sector officer acts with 'dossiers.steps.process'). */
  step?: boolean;
}

/**
 * Does one grant of the caller hold the handler's role (and sector), in a unit covering the
 * dossier's, with the right to process? (Two grants never combine: a commune police officer of
 * another commune who is also a sector officer does not process this commune's residence step.)
 */
function holds(access: AccessContext, unitCode: string, h: Handler): boolean {
  const actor = access.actor;
  if (!actor || actor.kind === 'citizen') return false;
  const mine = access.only((g) => g.role === h.role && (!h.sector || g.sector === h.sector));
  return (
    mine.canInUnit('dossiers.process', unitCode) || (!!h.step && mine.canInUnit('dossiers.steps.process', unitCode))
  );
}

/**
 * Who the caller is for this dossier (pure, tested as a matrix):
 * - `owner`: the citizen account that filed it (with 'dossiers.own.file');
 * - `intake`: staff with 'dossiers.receive' in the dossier's unit (one-stop desk, the handling officers);
 * - `processor`: staff with 'dossiers.process' in the unit under the role that handles the procedure
 *   (commune police for residence, the civil-status officer for civil status) — for an interlinked
 *   group, the role (and sector) of the step running now.
 */
export function dossierActors(access: AccessContext, dossier: DossierRef, handler: string | Handler): CommandActor[] {
  const actor = access.actor;
  if (!actor) return [];
  const h = typeof handler === 'string' ? { role: handler } : handler;
  const roles: CommandActor[] = [];
  if (actor.kind === 'citizen' && dossier.ownerAccountId === actor.accountId && access.can('dossiers.own.file'))
    roles.push('owner');
  if (actor.kind !== 'citizen') {
    if (access.canInUnit('dossiers.receive', dossier.unitCode)) roles.push('intake');
    if (holds(access, dossier.unitCode, h)) roles.push('processor');
  }
  return roles;
}

/**
 * May the caller see the dossier at all? (Otherwise it "does not exist" for them: 404.) Staff of
 * its unit may; an agency's officer who performs a step of an interlinked group sees the group's
 * dossier once that step has started (`startedSteps`), and no other dossier.
 */
export function canSeeDossier(
  access: AccessContext,
  dossier: DossierRef,
  startedSteps: readonly Handler[] = [],
): boolean {
  const actor = access.actor;
  if (!actor) return false;
  if (actor.kind === 'citizen') return dossier.ownerAccountId === actor.accountId && access.can('dossiers.own.read');
  return (
    access.canInUnit('dossiers.read', dossier.unitCode) ||
    startedSteps.some((s) => holds(access, dossier.unitCode, { ...s, step: true }))
  );
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

/** Roles that handle only the procedures assigned to them (procedure version `handledByRole`). */
const HANDLING_ROLES: readonly string[] = ['commune_police', 'civil_status_officer'];

/**
 * The handling roles whose procedures bound the caller's workqueue, or null for every procedure:
 * an officer who only handles some procedures (commune police: residence; civil-status officer:
 * civil status) sees those; the one-stop desk and supervisors see every procedure.
 */
export function handledRolesOnly(access: AccessContext): string[] | null {
  const roles = access.actor?.grants.map((g) => g.role) ?? [];
  return roles.every((r) => HANDLING_ROLES.includes(r)) ? roles : null;
}

/** The units whose dossiers the caller may read (null: every unit). */
export function readableUnits(access: AccessContext): string[] | null {
  const scope = access.unitScope('dossiers.read');
  return scope ? [...scope] : null;
}

/** May the caller open a workqueue: staff who read dossiers, or who perform steps of interlinked groups. */
export function mayUseWorkqueue(access: AccessContext): boolean {
  return (
    !!access.actor &&
    access.actor.kind !== 'citizen' &&
    (access.can('dossiers.read') || access.can('dossiers.steps.process'))
  );
}

/**
 * The caller's grants that perform steps of interlinked groups (sector officers), each with its
 * role, sector and the units it covers (null: the whole province): a workqueue shows the running
 * steps each grant performs, and nothing else of those units.
 */
export function stepGrants(access: AccessContext): StepGrant[] {
  return (access.actor?.grants ?? []).flatMap((g) => {
    const one = access.only((x) => x === g);
    if (!one.can('dossiers.steps.process')) return [];
    const scope = one.unitScope('dossiers.steps.process');
    return [{ role: g.role, sector: g.sector, units: scope ? [...scope] : null }];
  });
}

export interface StepGrant {
  role: string;
  sector: string | null;
  units: string[] | null;
}

/** May the caller read the dossiers of `unitCode` (a workqueue or the counter log asked for one unit)? */
export function mayReadUnit(access: AccessContext, unitCode: string): boolean {
  return access.canInUnit('dossiers.read', unitCode);
}

/** May a citizen file a dossier of their own? */
export function mayFileOwn(access: AccessContext): boolean {
  return access.actor?.kind === 'citizen' && access.can('dossiers.own.file');
}

/** May staff enter a paper filing received by `unitCode`? */
export function mayEnterPaper(access: AccessContext, unitCode: string): boolean {
  return !!access.actor && access.actor.kind !== 'citizen' && access.canInUnit('dossiers.enter', unitCode);
}

/** May the caller move the dossier's due time with an apology slip (besides being its processor)? */
export function mayExtendDeadline(access: AccessContext, dossier: DossierRef): boolean {
  return access.canInUnit('dossiers.deadline.extend', dossier.unitCode);
}

/** Staff who may see the dossier may read its applicant's registry record (logged); citizens read their own elsewhere. */
export function mayReadApplicant(access: AccessContext, dossier: DossierRef): boolean {
  return !!access.actor && access.actor.kind !== 'citizen' && canSeeDossier(access, dossier);
}

/** The role and unit a filing is written under: the citizen's own, or the grant of the officer entering it. */
export function filingGrant(access: AccessContext): { role: string; unitCode: string | null } {
  return access.actor?.kind === 'citizen' ? { role: 'citizen', unitCode: null } : actingGrant(access, 'dossiers.enter');
}

/** The role and unit a command is written under, from who the caller is for the dossier. */
export function commandGrant(
  access: AccessContext,
  actors: readonly CommandActor[],
): { role: string; unitCode: string | null } {
  if (actors.includes('owner')) return { role: 'citizen', unitCode: null };
  if (!actors.includes('processor')) return actingGrant(access, 'dossiers.receive');
  return access.grantFor('dossiers.process')
    ? actingGrant(access, 'dossiers.process')
    : actingGrant(access, 'dossiers.steps.process');
}
