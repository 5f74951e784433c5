import type { AccessContext, Action, Actor } from '../identity';

/**
 * Who may do what with the procedure catalog (pure; tested as a role × action matrix in
 * procedures.policy.test.ts): the catalog is public, a citizen prefills their own form, staff
 * who work with procedures read their versions, administrators write new ones.
 */

/** The action each procedures route requires (checked by the auth hook before the handler runs). */
export const PROCEDURES_ROUTE_ACTIONS = {
  /** The catalog, a procedure, its form, a version, the prefill statistics. */
  catalog: 'public',
  /** The signed-in citizen's form prefilled from the registry. */
  prefill: 'dossiers.own.file',
  /** The versions of a procedure. */
  readVersions: 'procedures.read',
  /** A new version (old versions are never edited). */
  manageVersions: 'procedures.manage',
} as const satisfies Record<string, Action>;

/**
 * The citizen whose form is prefilled: only a citizen signed in with e-ID prefills, and only
 * their own form (a staff role never holds `dossiers.own.file`, but the route checks the kind too).
 */
export function prefillingCitizen(access: AccessContext): Actor | null {
  const actor = access.actor;
  return actor?.kind === 'citizen' && access.can(PROCEDURES_ROUTE_ACTIONS.prefill) ? actor : null;
}
