import type { Action } from './permissions';

/** One role a signed-in account holds, where, and for which sector. */
export interface Grant {
  role: string;
  /** Unit the role applies in (its subtree included); null for unscoped roles (citizen). */
  unitCode: string | null;
  sector: string | null;
}

/** Who is calling: derived per request from the session; never from the request body. */
export interface Actor {
  accountId: string;
  kind: 'staff' | 'citizen';
  displayName: string;
  grants: Grant[];
  /** For citizens: their registry record and e-ID assurance level (1 or 2). */
  personId: string | null;
  nationalId: string | null;
  acr: number | null;
}

/** The permission matrix as loaded from identity.role_permissions: role → actions. */
export type PermissionMatrix = ReadonlyMap<string, ReadonlySet<string>>;

/** Ancestor chain of a unit as of today, nearest first, the unit itself included (e.g. ['03388', '12']). */
export type UnitAncestry = (unitCode: string) => readonly string[];

/** The grants of `actor` that allow `action` at all (before any unit check). */
export function grantsFor(actor: Actor | null, action: Action, matrix: PermissionMatrix): Grant[] {
  if (!actor) return [];
  return actor.grants.filter((g) => matrix.get(g.role)?.has(action) ?? false);
}

/** May `actor` perform `action` somewhere? (`public` always; `authenticated` for any account.) */
export function can(actor: Actor | null, action: Action, matrix: PermissionMatrix): boolean {
  if (action === 'public') return true;
  if (action === 'authenticated') return actor !== null;
  return grantsFor(actor, action, matrix).length > 0;
}

/**
 * May `actor` perform `action` on something located in `unitCode`? A grant at a unit covers
 * that unit and every unit below it in today's tree (a province grant covers all communes).
 */
export function canInUnit(
  actor: Actor | null,
  action: Action,
  unitCode: string | null,
  matrix: PermissionMatrix,
  ancestry: UnitAncestry,
): boolean {
  const grants = grantsFor(actor, action, matrix);
  if (grants.length === 0) return false;
  if (unitCode === null) return grants.some((g) => g.unitCode !== null && ancestry(g.unitCode).length === 1); // province-wide only
  const chain = ancestry(unitCode);
  return grants.some((g) => g.unitCode === null || chain.includes(g.unitCode));
}

/**
 * The units within which `actor` may perform `action`: null = everywhere (a province-level
 * grant), otherwise the set of grant units (callers filter by "unit or below").
 */
export function unitsFor(
  actor: Actor | null,
  action: Action,
  matrix: PermissionMatrix,
  ancestry: UnitAncestry,
): string[] | null {
  const grants = grantsFor(actor, action, matrix);
  if (grants.some((g) => g.unitCode !== null && ancestry(g.unitCode).length === 1)) return null;
  return [...new Set(grants.map((g) => g.unitCode).filter((u): u is string => u !== null))];
}
