import type { Action } from './permissions';
import type { AccessContext } from './access';

/**
 * Who may do what in `identity` (pure; tested as a role × action × unit matrix in
 * identity.policy.test.ts). The permission engine itself (grants, unit scope) is policy.ts;
 * this file is the module's own rules over it.
 */

/** The action each identity route requires (checked by the auth hook before the handler runs). */
export const IDENTITY_ROUTE_ACTIONS = {
  /** Sign in (password, e-ID), the e-ID callback, who am I. */
  signIn: 'public',
  /** Sign out, change one's password, set up two-step sign-in. */
  ownAccount: 'authenticated',
  /** List staff accounts, roles and the role change history. */
  readAccounts: 'identity.users.read',
  /** Create accounts, assign and remove roles, reset passwords, disable; create roles, change the matrix. */
  manageAccounts: 'identity.users.manage',
} as const satisfies Record<string, Action>;

/**
 * The units whose staff an administrator may see: null = all (a province-wide reader, or the
 * command line, which has no access context); otherwise accounts with a role in these units.
 */
export function visibleStaffScope(access: AccessContext | null): ReadonlySet<string> | null {
  return access ? access.unitScope(IDENTITY_ROUTE_ACTIONS.readAccounts) : null;
}

/** May the caller give a role in `unitCode`? Only within their own units (the command line may anywhere). */
export function mayAssignIn(access: AccessContext | null, unitCode: string): boolean {
  return !access || access.canInUnit(IDENTITY_ROUTE_ACTIONS.manageAccounts, unitCode);
}

/**
 * May the caller reset the password of, disable or enable an account whose current roles are in
 * `unitCodes`? Only when every one of them is within the caller's units (the command line and a
 * province-wide administrator may any): a commune administrator cannot lock out, or take over by a
 * password reset, an officer who also serves elsewhere. An account with no role yet is theirs to manage.
 */
export function mayManageAccount(access: AccessContext | null, unitCodes: readonly string[]): boolean {
  if (!access) return true;
  return access.can(IDENTITY_ROUTE_ACTIONS.manageAccounts) && unitCodes.every((u) => mayAssignIn(access, u));
}

/** The matrix is global, so only a province-wide administrator may change roles (not one scoped to a commune). */
export function mayChangeRoles(access: AccessContext): boolean {
  return access.unitScope(IDENTITY_ROUTE_ACTIONS.manageAccounts) === null;
}

/** Two-step sign-in (TOTP) is for staff accounts; citizens sign in through the e-ID. */
export function mayUseAuthenticator(account: { kind: 'staff' | 'citizen' }): boolean {
  return account.kind === 'staff';
}
