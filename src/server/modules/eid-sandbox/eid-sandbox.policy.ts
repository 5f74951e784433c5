/**
 * Who may do what in the sandbox e-ID provider (pure; tested in eid-sandbox.policy.test.ts).
 * Its pages stand in for VNeID's own, outside our sessions: anyone may open them (a person
 * signs in there, not in the portal), and its HTML forms carry a token of their own (the
 * interaction cookie bound to the uid), so the portal's session CSRF check does not apply.
 */
export const EID_SANDBOX_ROUTE_CONFIG = { action: 'public', csrf: 'own' } as const;

/** Authentication context class per e-ID level (DOMAIN.md §2): level 2 equals showing the card. */
export const EID_ACR = { 1: 'urn:vneid:level1', 2: 'urn:vneid:level2' } as const;
export type EidAcr = (typeof EID_ACR)[keyof typeof EID_ACR];

/**
 * May this person sign in, and at which assurance level? A living person with an e-ID account
 * (level 1 or 2; level 0 means no account at all).
 */
export function signInLevel(citizen: {
  eIdLevel: number;
  alive: boolean;
}): { ok: true; acr: EidAcr } | { ok: false; reason: 'no_eid' | 'inactive' } {
  if (citizen.eIdLevel < 1) return { ok: false, reason: 'no_eid' };
  if (!citizen.alive) return { ok: false, reason: 'inactive' };
  return { ok: true, acr: citizen.eIdLevel >= 2 ? EID_ACR[2] : EID_ACR[1] };
}
