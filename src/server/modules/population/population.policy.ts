import type { AccessContext, Action } from '../identity';

/**
 * Who may read the registry (pure; tested as a role × action × unit matrix in
 * population.policy.test.ts): officers search and read people living in their units, a citizen
 * reads only their own record, quality reports are read and run by the roles that hold them.
 */

/** The action each population route requires (checked by the auth hook before the handler runs). */
export const POPULATION_ROUTE_ACTIONS = {
  /** Check an ID number's rules (no personal data). */
  validateId: 'public',
  /** Search persons living in the officer's units. */
  search: 'population.person.search',
  /** A person's full record, with a stated purpose. */
  read: 'population.person.read',
  /** The signed-in citizen's own record. */
  ownRecord: 'citizen.self.read',
  /** The latest data-quality report. */
  qualityReport: 'population.quality.read',
  /** Run the quality engine. */
  qualityRun: 'population.quality.run',
} as const satisfies Record<string, Action>;

/** The units whose residents the officer may search: null = the whole province. */
export function searchScope(access: AccessContext): ReadonlySet<string> | null {
  return access.unitScope(POPULATION_ROUTE_ACTIONS.search);
}

/**
 * May the officer read the record of a person living in `unitCode`? A person without a residence
 * unit is readable only with a province-wide grant. Otherwise the record "does not exist" for them.
 */
export function mayReadPersonIn(access: AccessContext, unitCode: string | null): boolean {
  return access.canInUnit(POPULATION_ROUTE_ACTIONS.read, unitCode);
}

/** The ID number whose record is the caller's own (the citizen's e-ID); null for staff and anonymous callers. */
export function ownNationalId(access: AccessContext): string | null {
  return access.actor?.nationalId ?? null;
}

/** The role and unit an officer reads under (`search` or `read`), for the access log. */
export function readingGrant(access: AccessContext, use: 'search' | 'read'): { role: string; unitCode: string | null } {
  const grant = access.grantFor(POPULATION_ROUTE_ACTIONS[use]);
  return { role: grant?.role ?? 'unknown', unitCode: grant?.unitCode ?? null };
}

/** 'self_service' is the citizen's own purpose: an officer reading a record must state an official one. */
export function isOfficialPurpose(purpose: string): boolean {
  return purpose !== 'self_service';
}
