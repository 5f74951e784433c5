/**
 * Who may do what with administrative units (pure; tested in units.policy.test.ts). The unit
 * tree, its history, its map and the help desks in force are public reference data, open to
 * anyone. Recording, closing and replacing a help desk, and reading a unit's desk history (with
 * who recorded each row), need `units.manage` in that unit (a grant covers its unit and every unit
 * below it). (Identity builds on units, so units names the action without importing identity's types.)
 */
export const UNITS_ROUTE_ACTIONS = {
  /** The tree, the list, the map, a unit, its successors and predecessors, the help desks in force. */
  reference: 'public',
  /** A unit's help-desk history; recording, closing and replacing a desk. */
  manageHelpDesks: 'units.manage',
} as const;

/** What the policy needs of the caller's access (identity's AccessContext has it). */
export interface UnitScopedAccess {
  canInUnit(action: typeof UNITS_ROUTE_ACTIONS.manageHelpDesks, unitCode: string | null): boolean;
}

/** May the caller manage the help desks of `unitCode` (their grant of `units.manage` covers it)? */
export function mayManageHelpDesksOf(access: UnitScopedAccess, unitCode: string): boolean {
  return access.canInUnit(UNITS_ROUTE_ACTIONS.manageHelpDesks, unitCode);
}
