import { describe, expect, it } from 'vitest';
import { PAYMENT_STATES } from '../../../contracts/payments';
import { en, vi } from '../../shell/dictionary';
import { REFUND_WITHIN_WORKING_DAYS } from '../../../contracts/payments';
import {
  isOpen,
  isRetryable,
  PAYMENT_STATE_LABEL,
  REFUND_DUE_LABEL,
  refundable,
  uncreditedVerdict,
} from './payment-labels';

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
    ['paid_not_credited', false, false],
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
    [{ state: 'paid_not_credited', amount: 7000, refundedAmount: 0 }, 7000],
  ] as const)('leaves %o refundable: %i', (p, left) => {
    expect(refundable(p)).toBe(left);
  });

  it('tells the citizen the truth about money a withdrawn dossier did not take: withdrawn, refunded within the promised days', () => {
    const verdict = uncreditedVerdict({
      state: 'paid_not_credited',
      refundDue: 'dossier_withdrawn',
      amount: 7000,
      refundedAmount: 0,
    })!;
    const fill = (text: string) =>
      text.replace('{days}', String(REFUND_WITHIN_WORKING_DAYS)).replace('{code}', 'X').replace('{amount}', '7.000 ₫');
    expect(vi[verdict.title]).toBe('Hồ sơ đã được rút');
    expect(fill(vi[verdict.text])).toContain(
      `đã được rút nên không nhận khoản 7.000 ₫ này; lệ phí sẽ được hoàn trả trong vòng ${REFUND_WITHIN_WORKING_DAYS} ngày làm việc`,
    );
    expect(fill(en[verdict.text])).toContain(
      `was withdrawn, so it does not take this payment of 7.000 ₫; the fee will be refunded within ${REFUND_WITHIN_WORKING_DAYS} working days`,
    );
    expect(vi[verdict.text]).not.toContain('chuyển đến cán bộ tiếp nhận');
    expect(
      uncreditedVerdict({ state: 'paid_not_credited', refundDue: 'already_paid', amount: 7000, refundedAmount: 0 })!
        .title,
    ).toBe('pay.result.paidTwice');
    // Nothing to promise once given back, nor for a credited payment.
    expect(
      uncreditedVerdict({ state: 'paid_not_credited', refundDue: null, amount: 7000, refundedAmount: 7000 }),
    ).toBeNull();
    expect(uncreditedVerdict({ state: 'succeeded', refundDue: null, amount: 7000, refundedAmount: 0 })).toBeNull();
    // Paid, then withdrawn: the same truth, not "sent to the receiving officer".
    expect(
      uncreditedVerdict({ state: 'succeeded', refundDue: 'dossier_withdrawn', amount: 7000, refundedAmount: 0 })!.title,
    ).toBe('pay.result.withdrawn');
    for (const label of Object.values(REFUND_DUE_LABEL)) expect([vi[label], en[label]].every(Boolean)).toBe(true);
  });
});
