import type { Payment, PaymentMethod, PaymentState, RefundDueReason } from '../../../contracts/payments';
import type { MessageKey } from '../../shell/dictionary';
import type { StatusKind } from '../../components/StatusTag';

/** Words for each payment state (same words on the citizen's and the officer's pages). */
export const PAYMENT_STATE_LABEL: Record<PaymentState, MessageKey> = {
  created: 'pay.state.created',
  pending: 'pay.state.pending',
  succeeded: 'pay.state.succeeded',
  failed: 'pay.state.failed',
  cancelled: 'pay.state.cancelled',
  expired: 'pay.state.expired',
  partially_refunded: 'pay.state.partially_refunded',
  refunded: 'pay.state.refunded',
  paid_not_credited: 'pay.state.paid_not_credited',
};

/** Tag colour of each state: paid green, waiting blue, failed red, closed without money grey. */
export const PAYMENT_STATE_KIND: Record<PaymentState, StatusKind> = {
  created: 'info',
  pending: 'info',
  succeeded: 'ok',
  failed: 'danger',
  cancelled: 'neutral',
  expired: 'neutral',
  partially_refunded: 'warn',
  refunded: 'warn',
  paid_not_credited: 'warn',
};

export const PAYMENT_METHOD_LABEL: Record<PaymentMethod, MessageKey> = {
  gateway: 'pay.method.gateway',
  vietqr: 'pay.method.vietqr',
};

/** A payment still waiting for the gateway's verdict. */
export function isOpen(state: PaymentState): boolean {
  return state === 'created' || state === 'pending';
}

/** A closed payment that did not take any money: the citizen may pay again (a new payment). */
export function isRetryable(state: PaymentState): boolean {
  return state === 'failed' || state === 'cancelled' || state === 'expired';
}

/** What is left to refund of a payment (integer VND, never negative). */
export function refundable(p: { state: PaymentState; amount: number; refundedAmount: number }): number {
  return p.state === 'succeeded' || p.state === 'partially_refunded' || p.state === 'paid_not_credited'
    ? Math.max(0, p.amount - p.refundedAmount)
    : 0;
}

/** The flag of a payment in the refund queue (officers' list and detail). */
export const REFUND_DUE_LABEL: Record<RefundDueReason, MessageKey> = {
  dossier_withdrawn: 'pay.refundDue.dossier_withdrawn',
  dossier_closed: 'pay.refundDue.dossier_closed',
  already_paid: 'pay.refundDue.already_paid',
};

/**
 * What the citizen's result page says of a payment in the refund queue — money the dossier did not
 * take (paid_not_credited), or a fee paid before the dossier was withdrawn: why, and that it will be
 * refunded (ADR 0010 rule 8). Null when nothing is due.
 */
export function uncreditedVerdict(
  p: Pick<Payment, 'state' | 'refundDue' | 'refundedAmount' | 'amount'>,
): { title: MessageKey; text: MessageKey } | null {
  if (p.refundedAmount >= p.amount || (p.state !== 'paid_not_credited' && !p.refundDue)) return null;
  if (p.refundDue === 'dossier_withdrawn') return { title: 'pay.result.withdrawn', text: 'pay.result.withdrawnText' };
  if (p.refundDue === 'dossier_closed') return { title: 'pay.result.closed', text: 'pay.result.closedText' };
  return { title: 'pay.result.paidTwice', text: 'pay.result.paidTwiceText' };
}
