import { describe, expect, it } from 'vitest';
import { accessAs, OTHER_UNIT, OWN_UNIT, PROVINCE, ROLES, rolesWhere } from '../../../../test/access';
import {
  correctionRefusal,
  COUNTER_ROUTE_ACTIONS,
  counterStaff,
  maySeeVisit,
  readScope,
  readsIn,
  recordingRole,
  recordingUnits,
  recordsIn,
} from './counter.policy';

const RECORDERS = ['commune_police', 'one_stop_officer', 'civil_status_officer'];
const READERS = [...RECORDERS, 'standing_agency', 'leader'];

describe('counter policy: role × action × own/other unit', () => {
  it.each([
    ['record', RECORDERS],
    ['read', READERS],
    ['deviceState', ROLES.filter((r) => r !== 'anonymous')],
  ] as const)('route group %s: %j', (use, allowed) => {
    expect(rolesWhere((access) => access.can(COUNTER_ROUTE_ACTIONS[use]))).toEqual(allowed);
  });

  it.each([
    ['records visits', recordsIn, RECORDERS],
    ['reads the list and summary', readsIn, READERS],
    ['sees a visit', maySeeVisit, READERS],
  ] as const)('%s in the own unit only', (_what, check, allowed) => {
    expect(rolesWhere((access) => check(access, OWN_UNIT))).toEqual(allowed);
    expect(rolesWhere((access) => check(access, OTHER_UNIT))).toEqual([]);
  });

  it('lets a province-wide grant record and read in every commune', () => {
    expect(recordsIn(accessAs('commune_police', PROVINCE), OTHER_UNIT)).toBe(true);
    expect(readsIn(accessAs('leader', PROVINCE), OTHER_UNIT)).toBe(true);
    expect(readScope(accessAs('leader', PROVINCE))).toBeNull();
  });

  it('scopes a commune reader to their commune and gives no unit to the others', () => {
    for (const role of ROLES) expect(readScope(accessAs(role)), role).toEqual(READERS.includes(role) ? [OWN_UNIT] : []);
  });

  it('records a new visit in the one unit the officer records at, and under their role', () => {
    for (const role of ROLES) {
      expect(recordingUnits(accessAs(role)), role).toEqual(RECORDERS.includes(role) ? [OWN_UNIT] : []);
      expect(recordingRole(accessAs(role)), role).toBe(RECORDERS.includes(role) ? role : 'unknown');
    }
  });

  it('knows counter staff: every staff role, never a citizen or an anonymous caller', () => {
    expect(rolesWhere((access) => counterStaff(access) !== null)).toEqual(
      ROLES.filter((r) => r !== 'citizen' && r !== 'anonymous'),
    );
  });
});

describe('counter policy: corrections', () => {
  const officer = accessAs('one_stop_officer', OWN_UNIT, 'officer-1');
  const visit = { officerAccountId: 'officer-1', unitCode: OWN_UNIT, visitDate: '2026-12-05' };

  it.each([
    ['its own officer, the same day, in the unit', officer, visit, null],
    ['a colleague of the same unit', accessAs('one_stop_officer', OWN_UNIT, 'officer-2'), visit, 'not_own'],
    ['its officer after leaving the unit', accessAs('one_stop_officer', OTHER_UNIT, 'officer-1'), visit, 'unit'],
    ['its officer as a leader (reads only)', accessAs('leader', OWN_UNIT, 'officer-1'), visit, 'unit'],
    ['its officer the next day', officer, { ...visit, visitDate: '2026-12-04' }, 'day_closed'],
  ] as const)('%s: %s', (_who, access, v, refusal) => {
    expect(correctionRefusal(access, v, '2026-12-05')).toBe(refusal);
  });
});
