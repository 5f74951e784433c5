import { describe, expect, it } from 'vitest';
import { accessAs, OTHER_UNIT, OWN_UNIT, PROVINCE, ROLES, rolesWhere } from '../../../../test/access';
import {
  IDENTITY_ROUTE_ACTIONS,
  mayAssignIn,
  mayChangeRoles,
  mayManageAccount,
  mayUseAuthenticator,
  visibleStaffScope,
} from './identity.policy';

const STAFF = ROLES.filter((r) => r !== 'citizen' && r !== 'anonymous');

describe('identity policy: which roles may use each route group', () => {
  it.each([
    ['signIn', [...ROLES]],
    ['ownAccount', ROLES.filter((r) => r !== 'anonymous')],
    ['readAccounts', ['auditor', 'admin']],
    ['manageAccounts', ['admin']],
  ] as const)('%s: %j', (use, allowed) => {
    expect(rolesWhere((access) => access.can(IDENTITY_ROUTE_ACTIONS[use]))).toEqual(allowed);
  });
});

describe('identity policy: unit scope of account administration', () => {
  it('lets only an administrator assign roles in their own unit, and not in another commune', () => {
    expect(rolesWhere((access) => mayAssignIn(access, OWN_UNIT))).toEqual(['admin']);
    expect(rolesWhere((access) => mayAssignIn(access, OTHER_UNIT))).toEqual([]);
  });

  it('lets a province-wide administrator assign roles in every commune, and the command line anywhere', () => {
    expect(mayAssignIn(accessAs('admin', PROVINCE), OTHER_UNIT)).toBe(true);
    expect(mayAssignIn(null, OTHER_UNIT)).toBe(true);
  });

  it('lets a commune administrator reset or lock only accounts whose every role is in their commune', () => {
    expect(rolesWhere((access) => mayManageAccount(access, [OWN_UNIT]))).toEqual(['admin']);
    expect(rolesWhere((access) => mayManageAccount(access, []))).toEqual(['admin']);
    expect(rolesWhere((access) => mayManageAccount(access, [OWN_UNIT, OTHER_UNIT]))).toEqual([]);
    expect(rolesWhere((access) => mayManageAccount(access, [OTHER_UNIT]))).toEqual([]);
    expect(mayManageAccount(accessAs('admin', PROVINCE), [OWN_UNIT, OTHER_UNIT])).toBe(true);
    expect(mayManageAccount(null, [OTHER_UNIT])).toBe(true);
  });

  it('lets only a province-wide administrator change roles and the matrix', () => {
    expect(mayChangeRoles(accessAs('admin', PROVINCE))).toBe(true);
    expect(rolesWhere((access) => mayChangeRoles(access))).toEqual([]);
  });

  it('shows a commune reader the staff of their commune, a province reader and the command line everyone', () => {
    expect(visibleStaffScope(accessAs('auditor', OWN_UNIT))).toEqual(new Set([OWN_UNIT]));
    expect(visibleStaffScope(accessAs('auditor', PROVINCE))).toBeNull();
    expect(visibleStaffScope(null)).toBeNull();
    for (const role of STAFF.filter((r) => r !== 'auditor' && r !== 'admin'))
      expect(visibleStaffScope(accessAs(role)), role).toEqual(new Set());
  });

  it('offers two-step sign-in to staff accounts only', () => {
    expect(mayUseAuthenticator({ kind: 'staff' })).toBe(true);
    expect(mayUseAuthenticator({ kind: 'citizen' })).toBe(false);
  });
});
