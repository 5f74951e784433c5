/**
 * Public face of the `identity` module: citizens' e-ID login (OpenID Connect relying party),
 * staff accounts (argon2id, sign-in throttling, TOTP, sessions), roles scoped to units, and the
 * permission matrix every route is checked against.
 */
export { authRoutes } from './auth.routes';
export { usersRoutes } from './users.routes';
/**
 * Rate limits kept in the database (identity.rate_limits), shared by every process: a per-address
 * preHandler for public routes (the dossier status lookup), and the client address as keyed.
 */
export { addressRateLimit, clientAddress, type WindowPolicy } from './rate-limits';
/** Hooks: session → actor → access context, CSRF, and the per-route action check. */
export { registerAuthHooks, type RouteAction } from './auth-hooks';
/** The session cookie and CSRF header as OpenAPI security schemes, and each route's security and refusals for the API document. */
export { SECURITY_SCHEMES, describeRouteAccess } from './openapi-access';
/** Authorization of one request, for services (who, what, where). */
export { accessContextOf, type AccessContext } from './access';
export type { Actor, Grant } from './policy';
/** The actions and default roles. */
export { ACTIONS, DEFAULT_ROLES, SECTORS, matrixOf, type Action, type Sector } from './permissions';
/** Setup: default roles, demo staff accounts. */
export { ensureDefaultRoles } from './identity.repository';
export { ensureDemoAccounts, DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
/** Staff administration use cases (also used by the CLI). */
export {
  listStaffUsers,
  createStaffUser,
  assignRole,
  removeAssignment,
  resetPassword,
  setDisabled,
  staffSignature,
} from './users.service';
/**
 * Roles and the permission matrix as data: list, create a staff role, set a role's actions
 * (checked: known actions, citizen role self-service only, never without a province-wide
 * administrator; recorded in identity.admin_events; effective on the next request).
 */
export { listRolesWithActions, createRole, setRoleActions, listRoleEvents, ASSIGNABLE_ACTIONS } from './roles.service';
/** Password hashing (argon2id) — exported for the login benchmark. */
export { hashPassword, verifyPassword } from './passwords';
/** Opening a session directly (the e-ID callback's last step) — used by tests and benchmarks to sign a citizen in without the e-ID round trip. */
export { citizenAccountFor } from './auth.service';
export { openSession, SESSION_COOKIE } from './sessions';
