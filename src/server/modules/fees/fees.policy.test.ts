import { describe, expect, it } from 'vitest';
import { accessAs, OWN_UNIT, PROVINCE, rolesWhere } from '../../../../test/access';
import { FEES_ROUTE_ACTIONS, mayManageFeeLists } from './fees.policy';

describe('fees policy: role × action × province-wide or commune grant', () => {
  it.each([
    ['quote', ['citizen']],
    ['readLists', ['commune_police', 'one_stop_officer', 'civil_status_officer', 'auditor', 'admin']],
    ['manageLists', ['admin']],
  ] as const)('route group %s: %j', (use, allowed) => {
    expect(rolesWhere((access) => access.can(FEES_ROUTE_ACTIONS[use]))).toEqual(allowed);
  });

  it.each([
    ['a province-wide grant', PROVINCE, ['admin']],
    ['a commune grant', OWN_UNIT, []],
  ] as const)('edits the exemption lists with %s: %j', (_, unitCode, allowed) => {
    expect(rolesWhere((_a, role) => mayManageFeeLists(accessAs(role, unitCode)))).toEqual(allowed);
  });
});
