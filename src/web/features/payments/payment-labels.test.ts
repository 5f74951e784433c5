import { describe, expect, it } from 'vitest';
import { PAYMENT_STATES } from '../../../contracts/payments';
import { vi } from '../../app/dictionary-vi';
import { en } from '../../app/dictionary-en';
import { isOpen, isRetryable, PAYMENT_STATE_LABEL, refundable } from './payment-labels';

describe('payment labels and rules of the payment pages', () => {
  it('names every payment state in both languages', () => {
    for (const s of PAYMENT_STATES) {
      expect(vi[PAYMENT_STATE_LABEL[s]]).toBeTruthy();
      expect(en[PAYMENT_STATE_LABEL[s]]).toBeTruthy();
    }
  });

  it.each([
    ['created', true, false],
    ['pending', true, false],
    ['succeeded', false, false],
    ['failed', false, true],
    ['cancelled', false, true],
    ['expired', false, true],
    ['partially_refunded', false, false],
    ['refunded', false, false],
  ] as const)('a %s payment is open: %s, may be paid again: %s', (state, open, retry) => {
    expect(isOpen(state)).toBe(open);
    expect(isRetryable(state)).toBe(retry);
  });

  it.each([
    [{ state: 'succeeded', amount: 7000, refundedAmount: 0 }, 7000],
    [{ state: 'partially_refunded', amount: 7000, refundedAmount: 2000 }, 5000],
    [{ state: 'refunded', amount: 7000, refundedAmount: 7000 }, 0],
    [{ state: 'failed', amount: 7000, refundedAmount: 0 }, 0],
    [{ state: 'pending', amount: 7000, refundedAmount: 0 }, 0],
  ] as const)('leaves %o refundable: %i', (p, left) => {
    expect(refundable(p)).toBe(left);
  });
});
