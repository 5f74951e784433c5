import { describe, expect, it } from 'vitest';
import { ROLES, rolesWhere } from '../../../../test/access';
import { prefillingCitizen, PROCEDURES_ROUTE_ACTIONS } from './procedures.policy';

describe('procedures policy: role × action (the catalog has no unit scope)', () => {
  it.each([
    ['catalog', [...ROLES]],
    ['prefill', ['citizen']],
    [
      'readVersions',
      ['commune_police', 'one_stop_officer', 'civil_status_officer', 'standing_agency', 'leader', 'admin'],
    ],
    ['manageVersions', ['admin']],
  ] as const)('route group %s: %j', (use, allowed) => {
    expect(rolesWhere((access) => access.can(PROCEDURES_ROUTE_ACTIONS[use]))).toEqual(allowed);
  });

  it('prefills the form of a signed-in citizen only, never for staff or an anonymous caller', () => {
    expect(rolesWhere((access) => prefillingCitizen(access) !== null)).toEqual(['citizen']);
  });
});
