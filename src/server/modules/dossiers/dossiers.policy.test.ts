import { describe, expect, it } from 'vitest';
import { accessAs, OTHER_UNIT, OWN_UNIT, rolesWhere } from '../../../../test/access';
import type { AccessContext } from '../identity';
import {
  canSeeDossier,
  commandGrant,
  dossierActors,
  filingGrant,
  handledRolesOnly,
  mayEnterPaper,
  mayExtendDeadline,
  mayFileOwn,
  mayReadApplicant,
  mayReadUnit,
} from './dossiers.policy';

/** A residence dossier (handled by the commune police) filed by the matrix's citizen. */
const HANDLED_BY = 'commune_police';
const dossierIn = (unitCode: string) => ({ unitCode, ownerAccountId: 'account-citizen' });
const HANDLING_DESK = ['commune_police', 'one_stop_officer', 'civil_status_officer'];
const READERS = [...HANDLING_DESK, 'standing_agency'];

describe('dossiers policy: role × action × own/other unit', () => {
  it.each<[string, (access: AccessContext, unitCode: string) => boolean, string[], string[]]>([
    ['see the dossier', (a, u) => canSeeDossier(a, dossierIn(u)), ['citizen', ...READERS], ['citizen']],
    ['read the unit (workqueue, counter log)', (a, u) => mayReadUnit(a, u), READERS, []],
    ['read the applicant’s registry record', (a, u) => mayReadApplicant(a, dossierIn(u)), READERS, []],
    ['enter a paper filing', (a, u) => mayEnterPaper(a, u), HANDLING_DESK, []],
    [
      'extend the deadline',
      (a, u) => mayExtendDeadline(a, dossierIn(u)),
      ['commune_police', 'civil_status_officer'],
      [],
    ],
    [
      'act as the owner',
      (a, u) => dossierActors(a, dossierIn(u), HANDLED_BY).includes('owner'),
      ['citizen'],
      ['citizen'],
    ],
    ['act as intake', (a, u) => dossierActors(a, dossierIn(u), HANDLED_BY).includes('intake'), HANDLING_DESK, []],
    [
      'act as the processor (the handling role only)',
      (a, u) => dossierActors(a, dossierIn(u), HANDLED_BY).includes('processor'),
      ['commune_police'],
      [],
    ],
  ])('%s: own unit %j, other unit %j', (_, allowed, ownUnit, otherUnit) => {
    expect(rolesWhere((access) => allowed(access, OWN_UNIT))).toEqual(ownUnit);
    expect(rolesWhere((access) => allowed(access, OTHER_UNIT))).toEqual(otherUnit);
  });

  it('lets only a citizen file their own dossier', () => {
    expect(rolesWhere((access) => mayFileOwn(access))).toEqual(['citizen']);
  });

  it('gives the own dossier to its citizen only, not to another citizen', () => {
    expect(canSeeDossier(accessAs('citizen', OWN_UNIT, 'account-other'), dossierIn(OWN_UNIT))).toBe(false);
    expect(dossierActors(accessAs('citizen', OWN_UNIT, 'account-other'), dossierIn(OWN_UNIT), HANDLED_BY)).toEqual([]);
  });

  it.each([
    ['commune_police', ['commune_police']],
    ['civil_status_officer', ['civil_status_officer']],
    ['one_stop_officer', null],
    ['standing_agency', null],
  ])('bounds the workqueue of %s to the procedures of %j (null: every procedure)', (role, roles) => {
    expect(handledRolesOnly(accessAs(role))).toEqual(roles);
  });

  it('writes filings and commands under the citizen or the grant acted under', () => {
    expect(filingGrant(accessAs('citizen'))).toEqual({ role: 'citizen', unitCode: null });
    expect(filingGrant(accessAs('one_stop_officer'))).toEqual({ role: 'one_stop_officer', unitCode: OWN_UNIT });
    expect(commandGrant(accessAs('citizen'), ['owner'])).toEqual({ role: 'citizen', unitCode: null });
    expect(commandGrant(accessAs('commune_police'), ['intake', 'processor'])).toEqual({
      role: 'commune_police',
      unitCode: OWN_UNIT,
    });
  });
});
