import type { AccessContext } from '../identity';

/**
 * Who may reconcile payments and read the payment statistics (pure; tested as a role × action ×
 * own/other unit matrix):
 * - staff with `payments.reconcile` import bank statements and settlement files and read the daily
 *   reconciliation, for the payments of their units; a statement line or file line tied to no
 *   payment of DVC06 belongs to no unit and is shown only to staff with the whole province in scope;
 * - staff with `dossiers.read` read the online share of fee payments of their units.
 * Citizens do neither.
 */

const RECONCILE = 'payments.reconcile';
const STATS = 'dossiers.read';

const isStaff = (access: AccessContext) => !!access.actor && access.actor.kind !== 'citizen';

/** Importing a statement or a settlement file, reading the daily reconciliation (then limited to `reconcileUnits`). */
export function canReconcile(access: AccessContext): boolean {
  return isStaff(access) && access.can(RECONCILE);
}

/** Crediting, or seeing, a payment of `unitCode` from a statement or settlement file. */
export function canReconcileUnit(access: AccessContext, unitCode: string): boolean {
  return isStaff(access) && access.canInUnit(RECONCILE, unitCode);
}

/** A line tied to no payment of DVC06 (an unknown reference): only staff with the whole province in scope. */
export function canSeeUnassigned(access: AccessContext): boolean {
  return isStaff(access) && access.unitScope(RECONCILE) === null;
}

/** Asking for one unit's report: allowed when it is in the caller's scope (no unit asked: the caller's scope). */
export function canReconcileFilter(access: AccessContext, unitCode: string | undefined): boolean {
  return canReconcile(access) && (!unitCode || access.canInUnit(RECONCILE, unitCode));
}

/** Reading the online share, optionally of one unit. */
export function canReadStats(access: AccessContext, unitCode: string | undefined): boolean {
  return isStaff(access) && (unitCode ? access.canInUnit(STATS, unitCode) : access.can(STATS));
}

const listOf = (scope: ReadonlySet<string> | null) => (scope === null ? null : [...scope]);

/**
 * Units of the daily reconciliation's figures (null = every unit): the caller's scope, narrowed to
 * the asked unit.
 */
export function reconcileUnits(access: AccessContext, unitCode?: string): string[] | null {
  const scope = access.unitScope(RECONCILE);
  if (!unitCode) return listOf(scope);
  return scope === null || scope.has(unitCode) ? [unitCode] : [];
}

/** Units of the online share (null = every unit): the asked unit (checked by `canReadStats`), else the caller's scope. */
export function statsUnits(access: AccessContext, unitCode?: string): string[] | null {
  return unitCode ? [unitCode] : listOf(access.unitScope(STATS));
}
