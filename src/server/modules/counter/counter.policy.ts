import type { AccessContext, Action } from '../identity';

/**
 * Who may do what at the one-stop counter (pure; tested as a role × action × unit matrix in
 * counter.policy.test.ts). Counter actions are staff-only: a citizen role never holds them.
 */

/** The action each counter route requires (checked by the auth hook before the handler runs). */
export const COUNTER_ROUTE_ACTIONS = {
  /** Look a citizen up, record and correct visits, set up and end a counter device. */
  record: 'counter.visit.record',
  /** List visits, read one, the summary. */
  read: 'counter.visit.read',
  /** Is this browser a counter device (asked by the filing page of any signed-in account). */
  deviceState: 'authenticated',
} as const satisfies Record<string, Action>;

const RECORD = COUNTER_ROUTE_ACTIONS.record;
const READ = COUNTER_ROUTE_ACTIONS.read;

/** The staff member behind a request, or null for a citizen or an anonymous caller. */
export function counterStaff(access: AccessContext): { accountId: string; displayName: string } | null {
  const actor = access.actor;
  return actor && actor.kind === 'staff' ? { accountId: actor.accountId, displayName: actor.displayName } : null;
}

/** May the officer record visits (and use counter devices) at `unitCode`? */
export function recordsIn(access: AccessContext, unitCode: string): boolean {
  return access.canInUnit(RECORD, unitCode);
}

/** The units of the officer's own grants where they record (a new visit needs exactly one, or a unit given). */
export function recordingUnits(access: AccessContext): string[] {
  const granted = (access.actor?.grants ?? []).map((g) => g.unitCode);
  return [...new Set(granted.filter((u): u is string => u !== null && recordsIn(access, u)))];
}

/** May the reader list and sum up visits of `unitCode` (and the units below it)? */
export function readsIn(access: AccessContext, unitCode: string): boolean {
  return access.canInUnit(READ, unitCode);
}

/** The units whose visits the reader sees when no unit is asked: null = the whole province. */
export function readScope(access: AccessContext): readonly string[] | null {
  const scope = access.unitScope(READ);
  return scope ? [...scope] : null;
}

/** May the reader see a visit of `unitCode` at all (read or record rights there)? Otherwise it is "not found". */
export function maySeeVisit(access: AccessContext, unitCode: string): boolean {
  return readsIn(access, unitCode) || recordsIn(access, unitCode);
}

/** Why a correction is refused, in the order the officer is told; null = allowed. */
export type CorrectionRefusal = 'not_own' | 'unit' | 'day_closed';

/** A visit may be corrected only by its own officer, while recording at its unit, on the day of the visit. */
export function correctionRefusal(
  access: AccessContext,
  visit: { officerAccountId: string; unitCode: string; visitDate: string },
  today: string,
): CorrectionRefusal | null {
  if (visit.officerAccountId !== access.actor?.accountId) return 'not_own';
  if (!recordsIn(access, visit.unitCode)) return 'unit';
  if (visit.visitDate !== today) return 'day_closed';
  return null;
}

/** The role a visit is recorded under (kept with the visit), 'unknown' when no grant gives it. */
export function recordingRole(access: AccessContext): string {
  return access.grantFor(RECORD)?.role ?? 'unknown';
}

/** The grant a counter ID lookup is logged under (role and unit of the officer). */
export function lookupGrant(access: AccessContext): { role: string; unitCode: string | null } {
  const grant = access.grantFor(RECORD);
  return { role: grant?.role ?? 'unknown', unitCode: grant?.unitCode ?? null };
}
