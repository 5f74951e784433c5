import { describe, expect, it } from 'vitest';
import { accessContextOf, DEFAULT_ROLES, matrixOf, type AccessContext } from '../identity';
import { accessAs, OTHER_UNIT, OWN_UNIT, PROVINCE, rolesWhere } from '../../../../test/access';
import { defaultImportUnit, mayImport, mayRead, readableScope } from './sector-data.policy';

const hierarchy = {
  ancestry: (code: string): string[] => (code === PROVINCE ? [code] : [code, PROVINCE]),
  descendants: (code: string): string[] => (code === PROVINCE ? [PROVINCE, OWN_UNIT, OTHER_UNIT] : [code]),
};

/** A sector officer of `sector` assigned at `unitCode`. */
function officer(sector: string, unitCode = OWN_UNIT): AccessContext {
  return accessContextOf(
    {
      accountId: 'a',
      kind: 'staff',
      displayName: 'x',
      grants: [{ role: 'sector_officer', unitCode, sector }],
      personId: null,
      nationalId: null,
      acr: null,
    },
    't',
    matrixOf(DEFAULT_ROLES),
    hierarchy,
  );
}

describe('sector-data policy: role × action × unit × sector', () => {
  it('lets only sector officers import, and only in their unit', () => {
    expect(rolesWhere((a) => mayImport(a, 'health_insurance', OWN_UNIT))).toEqual(['sector_officer']);
    expect(rolesWhere((a) => mayImport(a, 'health_insurance', OTHER_UNIT))).toEqual([]);
  });

  it('lets sector officers and the Standing Agency read, in their unit', () => {
    expect(rolesWhere((a) => mayRead(a, 'tax', OWN_UNIT))).toEqual(['sector_officer', 'standing_agency']);
    expect(rolesWhere((a) => mayRead(a, 'tax', OTHER_UNIT))).toEqual([]);
  });

  it('limits a sector officer to the lists of their own sector', () => {
    expect(mayImport(officer('health_insurance'), 'health_insurance', OWN_UNIT)).toBe(true);
    expect(mayImport(officer('health_insurance'), 'social_protection', OWN_UNIT)).toBe(false);
    expect(mayRead(officer('health_insurance'), 'social_protection', OWN_UNIT)).toBe(false);
  });

  it('lets a provincial officer import for every commune of the province', () => {
    expect(mayImport(officer('tax', PROVINCE), 'tax', OTHER_UNIT)).toBe(true);
    expect(readableScope(officer('tax', PROVINCE), ['tax', 'associations'])).toEqual(new Map([['tax', null]]));
  });

  it('scopes the list of batches per sector to the officer’s units', () => {
    expect(readableScope(officer('tax'), ['tax', 'associations'])).toEqual(new Map([['tax', new Set([OWN_UNIT])]]));
    expect(readableScope(accessAs('standing_agency', PROVINCE), ['tax']).get('tax')).toBeNull();
    expect(readableScope(accessAs('leader'), ['tax']).size).toBe(0);
  });

  it('names the default import unit only when there is exactly one', () => {
    expect(defaultImportUnit(officer('tax'), 'tax')).toBe(OWN_UNIT);
    expect(defaultImportUnit(officer('tax'), 'associations')).toBeUndefined();
    expect(defaultImportUnit(accessAs('leader'), 'tax')).toBeUndefined();
  });
});
