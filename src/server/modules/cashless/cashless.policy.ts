import type { AccessContext } from '../identity';

/**
 * Who may do what with cashless statistics (pure; tested as a role × action × unit matrix in
 * cashless.policy.test.ts). Three actions of the permission matrix, each held in a unit and
 * everything below it:
 * - `cashless.stats.read`: read the facility register and the statistics;
 * - `cashless.facilities.manage`: add and change facilities (province-wide: also the facility types);
 * - `cashless.figures.import`: import monthly figures and download the template.
 * Services ask these functions; routes name the action each requires (`CASHLESS_ROUTE_ACTIONS`).
 */
export const CASHLESS_ROUTE_ACTIONS = {
  read: 'cashless.stats.read',
  manage: 'cashless.facilities.manage',
  import: 'cashless.figures.import',
} as const;

const { read: READ, manage: MANAGE, import: IMPORT } = CASHLESS_ROUTE_ACTIONS;

/** The communes (of `communeCodes`) whose register the caller may read; null = all of them. */
export function readableCommunes(access: AccessContext, communeCodes: Iterable<string>): string[] | null {
  const scope = access.unitScope(READ);
  return scope === null ? null : [...communeCodes].filter((code) => scope.has(code));
}

/**
 * What the caller may do with a facility of `communeCode`: 'manage' (change it), 'read' (see it,
 * a change is refused as out of scope), or 'none' (it "does not exist" for them: 404).
 */
export function facilityAccess(access: AccessContext, communeCode: string): 'manage' | 'read' | 'none' {
  if (access.canInUnit(MANAGE, communeCode)) return 'manage';
  return access.canInUnit(READ, communeCode) ? 'read' : 'none';
}

/** May the caller see a facility of `communeCode`? */
export function canReadFacility(access: AccessContext, communeCode: string): boolean {
  return access.canInUnit(READ, communeCode);
}

/** May the caller add a facility in `communeCode`, or move one there? */
export function canManageFacilitiesIn(access: AccessContext, communeCode: string): boolean {
  return access.canInUnit(MANAGE, communeCode);
}

/** Facility types apply to the whole province: only a province-wide manage grant edits them. */
export function canEditFacilityTypes(access: AccessContext): boolean {
  return access.can(MANAGE) && access.unitScope(MANAGE) === null;
}

/** May the caller import figures of a facility of `communeCode`? */
export function canImportFiguresFor(access: AccessContext, communeCode: string): boolean {
  return access.canInUnit(IMPORT, communeCode);
}

/** The communes whose active facilities the caller's template lists; null = all of them. */
export function importScope(access: AccessContext): string[] | null {
  const scope = access.unitScope(IMPORT);
  return scope === null ? null : [...scope];
}

/** The unit the statistics show when the caller names none: the province for province-wide readers, else their own unit. */
export function defaultStatsUnit(access: AccessContext, provinceCode: string): string {
  if (access.unitScope(READ) === null) return provinceCode;
  return access.grantFor(READ)?.unitCode ?? provinceCode;
}

/** May the caller read the statistics of `unitCode` (and, below it, each child unit it covers)? */
export function canReadStatsOf(access: AccessContext, unitCode: string): boolean {
  return access.canInUnit(READ, unitCode);
}
