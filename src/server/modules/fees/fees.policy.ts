import type { AccessContext, Action } from '../identity';

/**
 * Who may do what with fees (pure, tested as a role × action matrix): the route groups' actions —
 * the quote before filing is the filing citizen's, the exemption lists are read by the counter
 * officers who explain a waived fee, and edited with `fees.lists.manage`.
 */
export const FEES_ROUTE_ACTIONS = {
  quote: 'dossiers.own.file',
  readLists: 'fees.lists.read',
  manageLists: 'fees.lists.manage',
} as const satisfies Record<string, Action>;

/**
 * May the caller edit the exemption lists? They apply to the whole province (they come from Prime
 * Minister's and provincial decisions): `fees.lists.manage` through a province-wide grant, not a
 * commune administrator's.
 */
export function mayManageFeeLists(access: AccessContext): boolean {
  return access.can(FEES_ROUTE_ACTIONS.manageLists) && access.unitScope(FEES_ROUTE_ACTIONS.manageLists) === null;
}
