import type { AccessContext } from '../identity';

/**
 * Who may do what with ratings and the service index (pure; the role × action matrix is tested in
 * service-index.authz.test.ts):
 * - `ratings.own.rate`: the citizen rates the service of their own dossier once its result is
 *   returned, and reads that rating (ownership is checked in ratings.service.ts);
 * - `ratings.read`: an officer sees the rating on the page of a dossier of their units;
 * - `service_index.read`: the index's ratios of a unit of one's grant (and below).
 */
export const RATING_ACTIONS = { rate: 'ratings.own.rate', read: 'ratings.read' } as const;
export const SERVICE_INDEX_ACTIONS = { read: 'service_index.read' } as const;

/**
 * May the caller read the index of a unit whose today's counterparts are `currentCodes` (the unit
 * itself on today's structure; on the former structure, the communes its communes merged into)?
 * Every one of them must be in the caller's scope; a unit with no single counterpart (`null`: split
 * between several) needs a province-wide grant.
 */
export function canReadIndexOf(access: AccessContext, currentCodes: readonly string[] | null): boolean {
  if (!access.can(SERVICE_INDEX_ACTIONS.read)) return false;
  if (access.unitScope(SERVICE_INDEX_ACTIONS.read) === null) return true;
  if (currentCodes === null) return false;
  return currentCodes.every((c) => access.canInUnit(SERVICE_INDEX_ACTIONS.read, c));
}
