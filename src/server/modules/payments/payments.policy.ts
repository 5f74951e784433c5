import type { AccessContext } from '../identity';

/** What the policy needs of a payment (or of the dossier about to be paid). */
export interface PaymentRef {
  unitCode: string;
  ownerAccountId: string | null;
}

/**
 * Who may do what with payments (pure; tested as a role × action matrix):
 * - a citizen pays and sees only payments of dossiers they own (`dossiers.own.file` / `dossiers.own.read`);
 * - staff see payments of their units with `dossiers.read`;
 * - staff refund and query the gateway with `payments.refund` in the unit (commune police and
 *   civil-status officers by default).
 */
export function canPay(access: AccessContext, dossier: PaymentRef): boolean {
  const actor = access.actor;
  return (
    !!actor && actor.kind === 'citizen' && dossier.ownerAccountId === actor.accountId && access.can('dossiers.own.file')
  );
}

export function canSeePayment(access: AccessContext, payment: PaymentRef): boolean {
  const actor = access.actor;
  if (!actor) return false;
  if (actor.kind === 'citizen') return payment.ownerAccountId === actor.accountId && access.can('dossiers.own.read');
  return access.canInUnit('dossiers.read', payment.unitCode);
}

export function canRefund(access: AccessContext, payment: PaymentRef): boolean {
  return !!access.actor && access.actor.kind !== 'citizen' && access.canInUnit('payments.refund', payment.unitCode);
}

/** Querying the gateway about a payment: the same officers who may refund it. */
export const canQueryGateway = canRefund;
