import { describe, expect, it } from 'vitest';
import { ACTIONS, DEFAULT_ROLES, type Action } from './permissions';
import { can, canInUnit, unitsFor, type Actor, type PermissionMatrix } from './policy';

const matrix: PermissionMatrix = new Map(DEFAULT_ROLES.map((r) => [r.code, new Set<string>(r.actions)]));
const tree: Record<string, string[]> = { '12': ['12'], '03388': ['03388', '12'], '03445': ['03445', '12'] };
const ancestry = (code: string) => tree[code] ?? [code];

function actor(role: string, unitCode: string | null): Actor {
  return {
    accountId: 'a',
    kind: role === 'citizen' ? 'citizen' : 'staff',
    displayName: 'x',
    grants: [{ role, unitCode, sector: null }],
    personId: null,
    nationalId: null,
    acr: null,
  };
}

describe('the permission matrix, role × action', () => {
  const cases = DEFAULT_ROLES.flatMap((r) =>
    ACTIONS.filter((a) => a !== 'public' && a !== 'authenticated').map(
      (a) => [r.code, a, r.actions.includes(a)] as const,
    ),
  );
  it.each(cases)('%s may %s: %s', (role, action, allowed) => {
    expect(can(actor(role, role === 'citizen' ? null : '12'), action as Action, matrix)).toBe(allowed);
  });

  it('lets anyone do public actions and any account do authenticated ones', () => {
    expect(can(null, 'public', matrix)).toBe(true);
    expect(can(null, 'authenticated', matrix)).toBe(false);
    expect(can(actor('leader', '12'), 'authenticated', matrix)).toBe(true);
  });

  it('denies everything but public to the anonymous', () => {
    for (const a of ACTIONS.filter((x) => x !== 'public')) expect(can(null, a, matrix)).toBe(false);
  });
});

describe('unit scope', () => {
  it('lets a commune officer act in their commune only', () => {
    const officer = actor('commune_police', '03445');
    expect(canInUnit(officer, 'population.person.read', '03445', matrix, ancestry)).toBe(true);
    expect(canInUnit(officer, 'population.person.read', '03388', matrix, ancestry)).toBe(false);
    expect(canInUnit(officer, 'population.person.read', null, matrix, ancestry)).toBe(false);
  });

  it('lets a province grant cover every commune below it', () => {
    const agency = actor('standing_agency', '12');
    expect(canInUnit(agency, 'population.person.read', '03388', matrix, ancestry)).toBe(true);
    expect(unitsFor(agency, 'population.person.read', matrix, ancestry)).toBeNull();
  });

  it('gives no unit to a role without the action, even in its own unit', () => {
    expect(canInUnit(actor('leader', '12'), 'population.person.read', '03388', matrix, ancestry)).toBe(false);
    expect(unitsFor(actor('commune_police', '03445'), 'population.person.read', matrix, ancestry)).toEqual(['03445']);
  });
});
