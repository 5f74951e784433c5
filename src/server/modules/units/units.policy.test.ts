import { describe, expect, it } from 'vitest';
import { accessAs, OTHER_UNIT, OWN_UNIT, PROVINCE, ROLES, rolesWhere } from '../../../../test/access';
import { mayManageHelpDesksOf, UNITS_ROUTE_ACTIONS } from './units.policy';

const STAFF = ROLES.filter((r) => r !== 'citizen' && r !== 'anonymous');

describe('units policy: role × action', () => {
  it('opens the reference routes (tree, units, help desks in force) to anyone, signed in or not', () => {
    expect(rolesWhere((access) => access.can(UNITS_ROUTE_ACTIONS.reference))).toEqual([...ROLES]);
  });

  it("keeps the matrix's units actions for staff: every staff role reads, only administrators manage", () => {
    expect(rolesWhere((access) => access.can('units.read'))).toEqual(STAFF);
    expect(rolesWhere((access) => access.can(UNITS_ROUTE_ACTIONS.manageHelpDesks))).toEqual(['admin']);
  });

  it.each([
    [OWN_UNIT, ['admin']],
    [OTHER_UNIT, []],
  ])("lets a commune's administrator manage the help desks of %s: %j", (unit, allowed) => {
    expect(rolesWhere((access) => mayManageHelpDesksOf(access, unit))).toEqual(allowed);
  });

  it("lets a province's administrator manage every commune's desks and the province's own", () => {
    const admin = accessAs('admin', PROVINCE);
    for (const unit of [PROVINCE, OWN_UNIT, OTHER_UNIT]) expect(mayManageHelpDesksOf(admin, unit)).toBe(true);
    expect(mayManageHelpDesksOf(accessAs('admin', OWN_UNIT), PROVINCE)).toBe(false);
  });
});
