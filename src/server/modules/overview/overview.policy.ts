import type { AccessContext } from '../identity';

/**
 * Who may read the overview (pure): staff holding `overview.read` (by default leaders and the
 * Standing Agency, identity/permissions.ts), for the unit of that grant and everything below it.
 */
export const OVERVIEW_ACTION = 'overview.read' as const;

/** The unit the overview describes: the grant's unit, the province for a province-wide reader. */
export function overviewUnit(access: AccessContext, provinceCode: string): string {
  if (access.unitScope(OVERVIEW_ACTION) === null) return provinceCode;
  return access.grantFor(OVERVIEW_ACTION)?.unitCode ?? provinceCode;
}

/** The units whose dossiers and payments count (null = the whole province). */
export function overviewUnits(access: AccessContext): string[] | null {
  const scope = access.unitScope(OVERVIEW_ACTION);
  return scope === null ? null : [...scope];
}
