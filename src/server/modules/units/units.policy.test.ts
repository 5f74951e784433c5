import { describe, expect, it } from 'vitest';
import { ROLES, rolesWhere } from '../../../../test/access';
import { UNITS_ROUTE_ACTIONS } from './units.policy';

const STAFF = ROLES.filter((r) => r !== 'citizen' && r !== 'anonymous');

describe('units policy: role × action (reference data, no unit scope)', () => {
  it('opens every units route to anyone, signed in or not', () => {
    expect(rolesWhere((access) => access.can(UNITS_ROUTE_ACTIONS.reference))).toEqual([...ROLES]);
  });

  it("keeps the matrix's units actions for staff: every staff role reads, only administrators manage", () => {
    expect(rolesWhere((access) => access.can('units.read'))).toEqual(STAFF);
    expect(rolesWhere((access) => access.can('units.manage'))).toEqual(['admin']);
  });
});
