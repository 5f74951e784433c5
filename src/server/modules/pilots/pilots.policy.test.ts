import { describe, expect, it } from 'vitest';
import { accessAs, OTHER_UNIT, OWN_UNIT, PROVINCE, ROLES, rolesWhere } from '../../../../test/access';
import { canEvaluate, canReadModel, canRegisterIn, canSetDueDate, modelAccess, readableScope } from './pilots.policy';

describe('pilots policy: role × action × own/other unit (staff assigned to a commune)', () => {
  it('tells manage, read and none apart for a model of one’s own commune (none answers 404, read refuses a change)', () => {
    const own = Object.fromEntries(ROLES.map((r) => [r, modelAccess(accessAs(r), OWN_UNIT)]));
    expect(own).toEqual({
      citizen: 'none',
      commune_police: 'none',
      one_stop_officer: 'none',
      civil_status_officer: 'none',
      sector_officer: 'none',
      standing_agency: 'read',
      leader: 'read',
      auditor: 'none',
      admin: 'none',
      pilot_officer: 'manage',
      anonymous: 'none',
    });
    expect(ROLES.map((r) => modelAccess(accessAs(r), OTHER_UNIT)).every((x) => x === 'none')).toBe(true);
  });

  it('lets a commune’s focal officer register only in its commune, not for the province or another commune', () => {
    expect(rolesWhere((a) => canRegisterIn(a, OWN_UNIT))).toEqual(['pilot_officer']);
    expect(rolesWhere((a) => canRegisterIn(a, OTHER_UNIT))).toEqual([]);
    expect(rolesWhere((a) => canRegisterIn(a, PROVINCE))).toEqual([]);
  });

  it('lets only the Standing Agency evaluate, within its unit', () => {
    expect(rolesWhere((a) => canEvaluate(a, OWN_UNIT))).toEqual(['standing_agency']);
    expect(rolesWhere((a) => canEvaluate(a, OTHER_UNIT))).toEqual([]);
    expect(canEvaluate(accessAs('standing_agency', PROVINCE), OTHER_UNIT)).toBe(true);
  });

  it('lets the due date be set only with a province-wide grant (administrators, the Standing Agency)', () => {
    expect(rolesWhere((a) => canSetDueDate(a))).toEqual([]);
    const provinceWide = ROLES.filter((r) => r !== 'anonymous' && canSetDueDate(accessAs(r, PROVINCE)));
    expect(provinceWide.sort()).toEqual(['admin', 'standing_agency']);
  });

  it('lists the models of one’s commune, or of the whole province with a province grant', () => {
    expect([...(readableScope(accessAs('pilot_officer')) ?? [])]).toEqual([OWN_UNIT]);
    expect(readableScope(accessAs('leader', PROVINCE))).toBeNull();
    expect([...(readableScope(accessAs('commune_police')) ?? [])]).toEqual([]);
    expect(canReadModel(accessAs('leader', PROVINCE), OTHER_UNIT)).toBe(true);
  });
});
