import { describe, expect, it } from 'vitest';
import { accessAs, OTHER_UNIT, OWN_UNIT, PROVINCE, ROLES, rolesWhere } from '../../../../test/access';
import {
  canEditFacilityTypes,
  canImportFiguresFor,
  canManageFacilitiesIn,
  canReadFacility,
  canReadStatsOf,
  defaultStatsUnit,
  facilityAccess,
  importScope,
  readableCommunes,
} from './cashless.policy';

/** The roles that hold `cashless.stats.read` in the default matrix. */
const READERS = ['standing_agency', 'leader', 'auditor', 'admin'];

describe('cashless policy: role × action × own/other unit (staff assigned to a commune)', () => {
  it('lets the readers see facilities and statistics of their own commune only', () => {
    expect(rolesWhere((a) => canReadFacility(a, OWN_UNIT))).toEqual(READERS);
    expect(rolesWhere((a) => canReadStatsOf(a, OWN_UNIT))).toEqual(READERS);
    expect(rolesWhere((a) => canReadFacility(a, OTHER_UNIT))).toEqual([]);
    expect(rolesWhere((a) => canReadStatsOf(a, OTHER_UNIT))).toEqual([]);
    expect(rolesWhere((a) => canReadStatsOf(a, PROVINCE))).toEqual([]);
  });

  it('lets only the administrator manage facilities and import figures, in their own commune', () => {
    expect(rolesWhere((a) => canManageFacilitiesIn(a, OWN_UNIT))).toEqual(['admin']);
    expect(rolesWhere((a) => canImportFiguresFor(a, OWN_UNIT))).toEqual(['admin']);
    expect(rolesWhere((a) => canManageFacilitiesIn(a, OTHER_UNIT))).toEqual([]);
    expect(rolesWhere((a) => canImportFiguresFor(a, OTHER_UNIT))).toEqual([]);
  });

  it('tells manage, read and none apart for a facility (none answers 404, read refuses a change as out of scope)', () => {
    const own = Object.fromEntries(ROLES.map((r) => [r, facilityAccess(accessAs(r), OWN_UNIT)]));
    expect(own).toEqual({
      citizen: 'none',
      commune_police: 'none',
      one_stop_officer: 'none',
      civil_status_officer: 'none',
      sector_officer: 'none',
      standing_agency: 'read',
      leader: 'read',
      auditor: 'read',
      admin: 'manage',
      pilot_officer: 'none',
      anonymous: 'none',
    });
    expect(ROLES.map((r) => facilityAccess(accessAs(r), OTHER_UNIT)).every((x) => x === 'none')).toBe(true);
  });

  it('lets nobody assigned to a commune edit the province-wide facility types', () => {
    expect(rolesWhere((a) => canEditFacilityTypes(a))).toEqual([]);
  });

  it('scopes the register list, the template and the default statistics unit to the commune', () => {
    const admin = accessAs('admin');
    expect(readableCommunes(admin, [OWN_UNIT, OTHER_UNIT])).toEqual([OWN_UNIT]);
    expect(readableCommunes(accessAs('citizen'), [OWN_UNIT, OTHER_UNIT])).toEqual([]);
    expect(importScope(admin)).toEqual([OWN_UNIT]);
    expect(importScope(accessAs('leader'))).toEqual([]);
    expect(defaultStatsUnit(accessAs('leader'), PROVINCE)).toBe(OWN_UNIT);
  });
});

describe('cashless policy: staff assigned to the province', () => {
  const at = (role: string) => accessAs(role, PROVINCE);

  it('reads and manages every commune, edits the facility types (administrator only)', () => {
    expect(ROLES.filter((r) => canReadStatsOf(at(r), OTHER_UNIT))).toEqual(READERS);
    expect(ROLES.filter((r) => canReadStatsOf(at(r), PROVINCE))).toEqual(READERS);
    expect(ROLES.filter((r) => facilityAccess(at(r), OTHER_UNIT) === 'manage')).toEqual(['admin']);
    expect(ROLES.filter((r) => canEditFacilityTypes(at(r)))).toEqual(['admin']);
  });

  it('lists every commune (null) and shows the province by default', () => {
    expect(readableCommunes(at('leader'), [OWN_UNIT, OTHER_UNIT])).toBeNull();
    expect(importScope(at('admin'))).toBeNull();
    expect(defaultStatsUnit(at('leader'), PROVINCE)).toBe(PROVINCE);
  });
});
