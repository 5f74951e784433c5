import { describe, expect, it } from 'vitest';
import { ROLES, rolesWhere } from '../../../../test/access';
import { EID_SANDBOX_ROUTE_CONFIG, signInLevel } from './eid-sandbox.policy';

describe('eid-sandbox policy: role × action', () => {
  it('opens the sandbox pages to anyone, with their own form token instead of the session check', () => {
    expect(rolesWhere((access) => access.can(EID_SANDBOX_ROUTE_CONFIG.action))).toEqual([...ROLES]);
    expect(EID_SANDBOX_ROUTE_CONFIG.csrf).toBe('own');
  });
});

describe('eid-sandbox policy: who may sign in, at which level', () => {
  it.each([
    [0, true, { ok: false, reason: 'no_eid' }],
    [0, false, { ok: false, reason: 'no_eid' }],
    [1, true, { ok: true, acr: 'urn:vneid:level1' }],
    [2, true, { ok: true, acr: 'urn:vneid:level2' }],
    [1, false, { ok: false, reason: 'inactive' }],
    [2, false, { ok: false, reason: 'inactive' }],
  ] as const)('e-ID level %i, alive %s: %j', (eIdLevel, alive, outcome) => {
    expect(signInLevel({ eIdLevel, alive })).toEqual(outcome);
  });
});
