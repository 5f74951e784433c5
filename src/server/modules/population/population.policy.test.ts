import { describe, expect, it } from 'vitest';
import { accessAs, OTHER_UNIT, OWN_UNIT, PROVINCE, ROLES, rolesWhere } from '../../../../test/access';
import {
  isOfficialPurpose,
  mayReadPersonIn,
  ownNationalId,
  POPULATION_ROUTE_ACTIONS,
  readingGrant,
  searchScope,
} from './population.policy';

const SEARCHERS = ['commune_police', 'one_stop_officer', 'civil_status_officer', 'sector_officer', 'standing_agency'];
const READERS = ['commune_police', 'one_stop_officer', 'civil_status_officer', 'standing_agency'];

describe('population policy: role × action × own/other unit', () => {
  it.each([
    ['validateId', [...ROLES]],
    ['search', SEARCHERS],
    ['read', READERS],
    ['ownRecord', ['citizen']],
    ['qualityReport', ['commune_police', 'standing_agency', 'leader', 'auditor']],
    ['qualityRun', ['standing_agency']],
  ] as const)('route group %s: %j', (use, allowed) => {
    expect(rolesWhere((access) => access.can(POPULATION_ROUTE_ACTIONS[use]))).toEqual(allowed);
  });

  it('lets officers read records of people living in their own unit only', () => {
    expect(rolesWhere((access) => mayReadPersonIn(access, OWN_UNIT))).toEqual(READERS);
    expect(rolesWhere((access) => mayReadPersonIn(access, OTHER_UNIT))).toEqual([]);
    expect(rolesWhere((access) => mayReadPersonIn(access, null))).toEqual([]);
  });

  it('lets a province-wide grant read anyone, a person without a residence unit included', () => {
    expect(mayReadPersonIn(accessAs('standing_agency', PROVINCE), OTHER_UNIT)).toBe(true);
    expect(mayReadPersonIn(accessAs('standing_agency', PROVINCE), null)).toBe(true);
  });

  it('searches among the residents of the own unit, the whole province for a province grant, nowhere otherwise', () => {
    for (const role of ROLES)
      expect(searchScope(accessAs(role)), role).toEqual(new Set(SEARCHERS.includes(role) ? [OWN_UNIT] : []));
    expect(searchScope(accessAs('standing_agency', PROVINCE))).toBeNull();
  });

  it('logs a read under the role and unit that allow it', () => {
    expect(readingGrant(accessAs('commune_police'), 'read')).toEqual({ role: 'commune_police', unitCode: OWN_UNIT });
    expect(readingGrant(accessAs('sector_officer'), 'search')).toEqual({ role: 'sector_officer', unitCode: OWN_UNIT });
    expect(readingGrant(accessAs('leader'), 'read')).toEqual({ role: 'unknown', unitCode: null });
  });

  it('gives a citizen their own record only, and staff none of their own', () => {
    expect(ownNationalId(accessAs('citizen'))).toBe('012190000001');
    expect(ownNationalId(accessAs('commune_police'))).toBeNull();
    expect(ownNationalId(accessAs('anonymous'))).toBeNull();
  });

  it("refuses the citizen's own purpose to an officer", () => {
    expect(isOfficialPurpose('self_service')).toBe(false);
    expect(isOfficialPurpose('citizen_request')).toBe(true);
  });
});
