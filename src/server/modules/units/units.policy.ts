/**
 * Who may do what with administrative units (pure; tested in units.policy.test.ts). The unit
 * tree, its history and its map are public reference data: every route is open to anyone.
 * `units.read` and `units.manage` exist in the matrix for staff screens and a future editor;
 * no route requires them today. (Identity builds on units, so units names the action without
 * importing identity's types.)
 */
export const UNITS_ROUTE_ACTIONS = {
  /** The tree, the list, the map, a unit, its successors and predecessors. */
  reference: 'public',
} as const;
