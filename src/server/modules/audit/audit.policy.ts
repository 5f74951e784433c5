import type { SubjectRef } from './audit.pseudonym';

/**
 * Who may do what with the access log and consents (pure; tested as a role × action matrix in
 * audit.policy.test.ts). The audit module sits below identity's consumers and knows no roles:
 * the actions are identity's names, checked by its auth hook; a citizen reads only their own
 * entries and consents, found through their own ID number.
 */

/** The action each audit route requires (checked by the auth hook before the handler runs). */
export const AUDIT_ROUTE_ACTIONS = {
  /** The purposes an officer may state. */
  purposes: 'authenticated',
  /** Who accessed my data. */
  ownAccessLog: 'citizen.self.read',
  /** My consents: list, give, withdraw. */
  ownConsents: 'citizen.consent.manage',
  /** Verify the hash chain of the access log. */
  verifyChain: 'audit.chain.verify',
} as const;

/** The signed-in citizen of a request. */
export type CitizenRef = SubjectRef & { accountId: string };

/** What the policy needs of the caller (identity's actor). */
export interface CallerRef {
  kind: 'staff' | 'citizen';
  accountId: string;
  nationalId: string | null;
  personId: string | null;
}

/** The citizen whose own log and consents a request reads: a signed-in citizen; never staff or an anonymous caller. */
export function citizenRefOf(caller: CallerRef | null): CitizenRef | null {
  return caller?.kind === 'citizen'
    ? { accountId: caller.accountId, nationalId: caller.nationalId, personId: caller.personId }
    : null;
}
