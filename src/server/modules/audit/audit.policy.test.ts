import { describe, expect, it } from 'vitest';
import { accessAs, ROLES, rolesWhere } from '../../../../test/access';
import { AUDIT_ROUTE_ACTIONS, citizenRefOf } from './audit.policy';

describe('audit policy: role × action (the access log has no unit scope)', () => {
  it.each([
    ['purposes', ROLES.filter((r) => r !== 'anonymous')],
    ['ownAccessLog', ['citizen']],
    ['ownConsents', ['citizen']],
    ['verifyChain', ['auditor', 'admin']],
  ] as const)('route group %s: %j', (use, allowed) => {
    expect(rolesWhere((access) => access.can(AUDIT_ROUTE_ACTIONS[use]))).toEqual(allowed);
  });

  it("reads a citizen's own entries and consents through their own ID number, for no one else", () => {
    expect(rolesWhere((access) => citizenRefOf(access.actor) !== null)).toEqual(['citizen']);
    expect(citizenRefOf(accessAs('citizen', undefined, 'acc-1').actor)).toEqual({
      accountId: 'acc-1',
      nationalId: '012190000001',
      personId: null,
    });
  });
});
