import { accessContextOf, DEFAULT_ROLES, matrixOf, type AccessContext } from '../src/server/modules/identity';

/**
 * Access contexts for the authorization matrix tests (role × action × own/other unit), built by
 * identity's real permission engine over the default role matrix and a three-unit tree, without a
 * database: a province with two communes.
 */
export const PROVINCE = '12';
/** The commune the staff member of a matrix row is assigned to. */
export const OWN_UNIT = '03445';
/** A commune of the same province the staff member is not assigned to. */
export const OTHER_UNIT = '03388';

/** Every default role, and `anonymous` (no session): the rows of a matrix. */
export const ROLES = [...DEFAULT_ROLES.map((r) => r.code), 'anonymous'] as const;

const parents: Record<string, string | undefined> = { [OWN_UNIT]: PROVINCE, [OTHER_UNIT]: PROVINCE };
const hierarchy = {
  ancestry: (code: string): string[] => (parents[code] ? [code, parents[code]] : [code]),
  descendants: (code: string): string[] => (code === PROVINCE ? [PROVINCE, OWN_UNIT, OTHER_UNIT] : [code]),
};
const matrix = matrixOf(DEFAULT_ROLES);

/**
 * The access of someone holding `role` (citizens: unscoped; staff: at `unitCode`, by default
 * their own commune) — or of an anonymous caller for 'anonymous'.
 */
export function accessAs(role: string, unitCode: string = OWN_UNIT, accountId = `account-${role}`): AccessContext {
  if (role === 'anonymous') return accessContextOf(null, 'test', matrix, hierarchy);
  const citizen = role === 'citizen';
  return accessContextOf(
    {
      accountId,
      kind: citizen ? 'citizen' : 'staff',
      displayName: role,
      grants: [{ role, unitCode: citizen ? null : unitCode, sector: null }],
      personId: null,
      nationalId: citizen ? '012190000001' : null,
      acr: citizen ? 2 : null,
    },
    'test',
    matrix,
    hierarchy,
  );
}

/** The roles (of ROLES) for which `allowed` holds, to compare with a test's expected list. */
export function rolesWhere(allowed: (access: AccessContext, role: string) => boolean): string[] {
  return ROLES.filter((role) => allowed(accessAs(role), role));
}
