import type { Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import { getUnitHierarchy, type UnitHierarchy } from '../units';
import type { Action } from './permissions';
import { can, canInUnit, grantsFor, type Actor, type Grant, type PermissionMatrix } from './policy';
import * as repo from './identity.repository';

/**
 * What a request may do, computed once per request from its actor. Services take this
 * instead of the request, so authorization is testable without HTTP.
 */
export interface AccessContext {
  actor: Actor | null;
  requestId: string;
  can(action: Action): boolean;
  canInUnit(action: Action, unitCode: string | null): boolean;
  /** Units (with everything below them) in which the actor may perform `action`; null = the whole province. */
  unitScope(action: Action): ReadonlySet<string> | null;
  /** The grant used for `action`, for the access log (role and unit of the actor). */
  grantFor(action: Action): Grant | undefined;
  /**
   * The same actor with only the grants `keep` accepts: a check that must hold within one grant
   * (this role, in a unit covering the dossier, with the permission) rather than across two.
   */
  only(keep: (grant: Grant) => boolean): AccessContext;
}

const matrixCache = new WeakMap<Db, { at: number; matrix: PermissionMatrix }>();

/** The role → actions matrix from identity.role_permissions, cached for 30 s. */
export async function loadMatrix(db: Db): Promise<PermissionMatrix> {
  const cached = matrixCache.get(db);
  if (cached && Date.now() - cached.at < 30_000) return cached.matrix;
  const matrix = new Map<string, Set<string>>();
  for (const p of await repo.listRolePermissions(db))
    matrix.set(p.roleCode, (matrix.get(p.roleCode) ?? new Set()).add(p.action));
  matrixCache.set(db, { at: Date.now(), matrix });
  return matrix;
}

/** Forgets the cached matrix (after an administrator changes it, and in tests). */
export function invalidateMatrix(db: Db): void {
  matrixCache.delete(db);
}

/** Builds the access context of an actor (null = anonymous). */
export async function accessContext(db: Db, actor: Actor | null, requestId: string): Promise<AccessContext> {
  const hierarchy: UnitHierarchy = await getUnitHierarchy(db, todayInVietnam());
  return accessContextOf(actor, requestId, await loadMatrix(db), hierarchy);
}

/**
 * The access context of an actor over a given matrix and unit tree (pure: the authorization
 * matrix tests of every module build their contexts with it, without a database).
 */
export function accessContextOf(
  actor: Actor | null,
  requestId: string,
  matrix: PermissionMatrix,
  hierarchy: Pick<UnitHierarchy, 'ancestry' | 'descendants'>,
): AccessContext {
  return {
    actor,
    requestId,
    can: (action) => can(actor, action, matrix),
    canInUnit: (action, unitCode) => canInUnit(actor, action, unitCode, matrix, (code) => hierarchy.ancestry(code)),
    unitScope: (action) => {
      const grants = grantsFor(actor, action, matrix);
      if (grants.some((g) => g.unitCode !== null && hierarchy.ancestry(g.unitCode).length === 1)) return null;
      return new Set(grants.flatMap((g) => (g.unitCode ? hierarchy.descendants(g.unitCode) : [])));
    },
    grantFor: (action) => grantsFor(actor, action, matrix)[0],
    only: (keep) =>
      accessContextOf(actor && { ...actor, grants: actor.grants.filter(keep) }, requestId, matrix, hierarchy),
  };
}

/** The actor of an account: its grants today (staff) or the citizen grant. */
export async function actorOf(db: Db, account: repo.AccountRow, acr: number | null): Promise<Actor> {
  const grants: Grant[] =
    account.kind === 'citizen'
      ? [{ role: 'citizen', unitCode: null, sector: null }]
      : (await repo.listActiveAssignments(db, account.id, todayInVietnam())).map((a) => ({
          role: a.roleCode,
          unitCode: a.unitCode,
          sector: a.sector,
        }));
  return {
    accountId: account.id,
    kind: account.kind,
    displayName: account.displayName,
    grants,
    personId: account.personId,
    nationalId: account.kind === 'citizen' ? account.nationalId : null,
    acr,
  };
}
