import { describe, expect, it } from 'vitest';
import { PAYMENT_STATES, type PaymentState } from '../../../contracts/payments';
import { checkRefund, nextState, PAYMENT_EVENTS, stateAfterRefund, type PaymentEvent } from './lifecycle';

/** The whole machine as a table: state × event → next state (— = refused). */
const TABLE: Record<PaymentState, Partial<Record<PaymentEvent, PaymentState>>> = {
  created: {
    redirect: 'pending',
    ipn_succeeded: 'succeeded',
    ipn_not_creditable: 'paid_not_credited',
    ipn_failed: 'failed',
    ipn_cancelled: 'cancelled',
    expire: 'expired',
  },
  pending: {
    ipn_succeeded: 'succeeded',
    ipn_not_creditable: 'paid_not_credited',
    ipn_failed: 'failed',
    ipn_cancelled: 'cancelled',
    expire: 'expired',
  },
  succeeded: { refund_partial: 'partially_refunded', refund_full: 'refunded' },
  failed: {},
  cancelled: {},
  expired: { ipn_succeeded: 'succeeded', ipn_not_creditable: 'paid_not_credited' },
  partially_refunded: { refund_partial: 'partially_refunded', refund_full: 'refunded' },
  refunded: {},
  paid_not_credited: { refund_uncredited: 'paid_not_credited' },
};

describe('the payment state machine', () => {
  for (const state of PAYMENT_STATES) {
    for (const event of PAYMENT_EVENTS) {
      const expected = TABLE[state][event] ?? null;
      it(`${state} --${event}--> ${expected ?? 'refused'}`, () => {
        expect(nextState(state, event)).toBe(expected);
      });
    }
  }

  it('never leaves a credited state except by refunds, and a final state never moves', () => {
    for (const state of ['failed', 'cancelled', 'refunded'] as const)
      for (const event of PAYMENT_EVENTS) expect(nextState(state, event)).toBeNull();
    for (const event of ['ipn_failed', 'ipn_cancelled', 'expire', 'redirect'] as const) {
      expect(nextState('succeeded', event)).toBeNull();
      expect(nextState('partially_refunded', event)).toBeNull();
    }
  });
});

describe('refund checks', () => {
  const cases: Array<[string, PaymentState, number, number, number, number, ReturnType<typeof checkRefund>]> = [
    ['the whole payment at once', 'succeeded', 7000, 0, 0, 7000, { ok: true, wholePayment: true }],
    ['a first part', 'succeeded', 7000, 0, 0, 2000, { ok: true, wholePayment: false }],
    ['the rest after a part', 'partially_refunded', 7000, 2000, 0, 5000, { ok: true, wholePayment: false }],
    ['more than what is left', 'partially_refunded', 7000, 2000, 0, 5001, { ok: false, reason: 'too_much' }],
    [
      'more than what is left while another refund is reserved',
      'succeeded',
      7000,
      0,
      4000,
      4000,
      { ok: false, reason: 'too_much' },
    ],
    ['zero', 'succeeded', 7000, 0, 0, 0, { ok: false, reason: 'not_positive' }],
    ['a fraction of a đồng', 'succeeded', 7000, 0, 0, 10.5, { ok: false, reason: 'not_positive' }],
    ['a pending payment', 'pending', 7000, 0, 0, 1000, { ok: false, reason: 'wrong_state' }],
    ['a fully refunded payment', 'refunded', 7000, 7000, 0, 1, { ok: false, reason: 'wrong_state' }],
    ['an expired payment', 'expired', 7000, 0, 0, 1000, { ok: false, reason: 'wrong_state' }],
    ['money taken but never credited', 'paid_not_credited', 7000, 0, 0, 7000, { ok: true, wholePayment: true }],
    ['the rest of money never credited', 'paid_not_credited', 7000, 7000, 0, 1, { ok: false, reason: 'too_much' }],
  ];
  for (const [name, state, amount, refunded, reserved, requested, expected] of cases) {
    it(`${name}: ${JSON.stringify(expected)}`, () =>
      expect(checkRefund(state, amount, refunded, reserved, requested)).toEqual(expected));
  }

  it('a payment is refunded when the refunds reach its amount, partially before', () => {
    expect(stateAfterRefund(7000, 7000)).toBe('refunded');
    expect(stateAfterRefund(7000, 6999)).toBe('partially_refunded');
  });
});
