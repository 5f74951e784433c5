import { describe, expect, it } from 'vitest';
import { ROLES, rolesWhere } from '../../../../test/access';
import { CALENDAR_ROUTE_ACTIONS } from './calendar.policy';

describe('calendar policy: role × action (the calendar is province-wide, no unit scope)', () => {
  it.each([
    ['workingDays', [...ROLES]],
    ['readYear', ['commune_police', 'one_stop_officer', 'civil_status_officer', 'standing_agency', 'leader', 'admin']],
    ['manage', ['admin']],
  ] as const)('route group %s: %j', (use, allowed) => {
    expect(rolesWhere((access) => access.can(CALENDAR_ROUTE_ACTIONS[use]))).toEqual(allowed);
  });
});
