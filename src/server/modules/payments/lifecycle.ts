import type { PaymentState } from '../../../contracts/payments';

/**
 * The payment lifecycle as one explicit state machine, so every state change is checked in one place. Pure: no database, no clock.
 *
 *   created ─redirect→ pending ─ipn_succeeded→ succeeded ─refund_partial→ partially_refunded ─refund_full→ refunded
 *      │                 ├─ipn_failed→ failed            └──────────refund_full──────────────────────────┘
 *      │                 ├─ipn_cancelled→ cancelled
 *      └──────expire─────┴─expire→ expired ─ipn_succeeded→ succeeded   (a late IPN: the gateway took the money)
 *   created / pending / expired ─ipn_not_creditable→ paid_not_credited ─refund_uncredited→ paid_not_credited
 *
 * Only the gateway's server-to-server IPN moves a payment to succeeded / failed / cancelled; the
 * browser's return URL never does. failed, cancelled and expired are final for that payment: the
 * citizen retries with a new payment of the same dossier. An expired payment still accepts a
 * successful IPN — the money was taken before the gateway's vnp_ExpireDate and arrived late — so
 * the citizen is not charged for nothing. A success the dossier cannot take (withdrawn or closed
 * meanwhile, or already paid by another attempt) is `paid_not_credited`: the money is recorded,
 * never credited, and queued for refund; its refunds add up in `refunded_amount` and it keeps its
 * state (it never becomes `refunded`, which means "credited, then given back").
 */

export const PAYMENT_EVENTS = [
  'redirect',
  'ipn_succeeded',
  'ipn_not_creditable',
  'ipn_failed',
  'ipn_cancelled',
  'expire',
  'refund_partial',
  'refund_full',
  'refund_uncredited',
] as const;
export type PaymentEvent = (typeof PAYMENT_EVENTS)[number];

export interface PaymentRule {
  from: readonly PaymentState[];
  to: PaymentState;
  /** Who causes it: the gateway's IPN, the citizen's redirect, the expiry job, an officer. */
  by: 'citizen' | 'gateway' | 'job' | 'officer';
}

export const PAYMENT_RULES: Readonly<Record<PaymentEvent, PaymentRule>> = {
  redirect: { from: ['created'], to: 'pending', by: 'citizen' },
  ipn_succeeded: { from: ['created', 'pending', 'expired'], to: 'succeeded', by: 'gateway' },
  ipn_not_creditable: { from: ['created', 'pending', 'expired'], to: 'paid_not_credited', by: 'gateway' },
  ipn_failed: { from: ['created', 'pending'], to: 'failed', by: 'gateway' },
  ipn_cancelled: { from: ['created', 'pending'], to: 'cancelled', by: 'gateway' },
  expire: { from: ['created', 'pending'], to: 'expired', by: 'job' },
  refund_partial: { from: ['succeeded', 'partially_refunded'], to: 'partially_refunded', by: 'officer' },
  refund_full: { from: ['succeeded', 'partially_refunded'], to: 'refunded', by: 'officer' },
  refund_uncredited: { from: ['paid_not_credited'], to: 'paid_not_credited', by: 'officer' },
};

/** States in which the citizen may still complete the payment on the gateway. */
export const OPEN_STATES: readonly PaymentState[] = ['created', 'pending'];
/** States in which the money is (or was) with us: the dossier's fee is paid by this payment. */
export const CREDITED_STATES: readonly PaymentState[] = ['succeeded', 'partially_refunded', 'refunded'];
/** States whose money may be (partly) given back: credited, or taken but never credited. */
export const REFUNDABLE_STATES: readonly PaymentState[] = ['succeeded', 'partially_refunded', 'paid_not_credited'];
/** States after which a new payment of the dossier may be made. */
export const RETRYABLE_STATES: readonly PaymentState[] = ['failed', 'cancelled', 'expired'];

/** The state after `event`, or null when the event does not apply in `state`. */
export function nextState(state: PaymentState, event: PaymentEvent): PaymentState | null {
  const rule = PAYMENT_RULES[event];
  return rule.from.includes(state) ? rule.to : null;
}

/** The states from which `event` applies (for the conditional UPDATE … WHERE state IN (…)). */
export function statesAllowing(event: PaymentEvent): readonly PaymentState[] {
  return PAYMENT_RULES[event].from;
}

export type RefundCheck =
  /** `wholePayment`: this one refund returns the whole payment (the gateway's "full refund", type 02). */
  { ok: true; wholePayment: boolean } | { ok: false; reason: 'wrong_state' | 'not_positive' | 'too_much' };

/**
 * Can `requested` VND be refunded from a payment of `amount` of which `refunded` is already given
 * back and `reserved` is being refunded now? Partial refunds accumulate up to the amount; the one
 * that reaches it makes the payment `refunded`.
 */
export function checkRefund(
  state: PaymentState,
  amount: number,
  refunded: number,
  reserved: number,
  requested: number,
): RefundCheck {
  if (!REFUNDABLE_STATES.includes(state)) return { ok: false, reason: 'wrong_state' };
  if (!Number.isInteger(requested) || requested <= 0) return { ok: false, reason: 'not_positive' };
  if (refunded + reserved + requested > amount) return { ok: false, reason: 'too_much' };
  return { ok: true, wholePayment: requested === amount };
}

/** The state after a confirmed refund brought the refunded total to `refundedAfter`. */
export function stateAfterRefund(amount: number, refundedAfter: number): 'partially_refunded' | 'refunded' {
  return refundedAfter >= amount ? 'refunded' : 'partially_refunded';
}
