import { describe, expect, it } from 'vitest';
import { feeAfterExemptionDecision, feeState } from './index';
import { feeOf } from './fee-state.test-support';
import { calc, useReferenceVersions } from './calculation.test-support';

useReferenceVersions();

describe('feeState: what a filed dossier owes', () => {
  it.each([
    ['no fee', null, 'online', { amount: 0, status: 'none', awaitingPayment: false }],
    ['a fee of 0 without exemption', feeOf(0, null), 'online', { amount: 0, status: 'none', awaitingPayment: false }],
    [
      'a granted exemption',
      feeOf(20_000, 'granted'),
      'online',
      { amount: 0, status: 'exempt', awaitingPayment: false },
    ],
    [
      'a pending exemption',
      feeOf(20_000, 'pending'),
      'online',
      { amount: 0, status: 'exemption_pending', awaitingPayment: false },
    ],
    ['a paper filing', feeOf(20_000, null), 'paper', { amount: 20_000, status: 'cash', awaitingPayment: false }],
    ['an online filing', feeOf(20_000, null), 'online', { amount: 20_000, status: 'unpaid', awaitingPayment: true }],
    [
      'an assisted filing',
      feeOf(20_000, null),
      'assisted',
      { amount: 20_000, status: 'unpaid', awaitingPayment: true },
    ],
  ] as const)('%s', (_, fee, channel, expected) => {
    expect(feeState(fee, channel)).toEqual(expected);
  });

  it('Circular 117/2026/TT-BTC Art. 1(3) (unconfirmed): a fee waived for a limited time is exempt, nothing awaits payment', () => {
    const waived = calc('1.004222', { asOf: '2026-09-01', eidLevel: 2 });
    expect(feeState(waived, 'online')).toEqual({ amount: 0, status: 'exempt', awaitingPayment: false });
    const after = calc('1.004222', { asOf: '2027-03-01', eidLevel: 2 });
    expect(feeState(after, 'online')).toEqual({ amount: 10_000, status: 'unpaid', awaitingPayment: true });
  });
});

describe('feeAfterExemptionDecision: the officer decides a pending exemption', () => {
  it.each([
    ['confirmed, nothing left', feeOf(20_000, 'pending'), 'confirmed', 'online', 0, 'exempt'],
    [
      'confirmed, a per-person share left',
      feeOf(60_000, 'pending', { persons: 3 }),
      'confirmed',
      'paper',
      40_000,
      'unpaid',
    ],
    ['rejected online', feeOf(20_000, 'pending'), 'rejected', 'online', 20_000, 'unpaid'],
    ['rejected on paper: cash at the counter', feeOf(20_000, 'pending'), 'rejected', 'paper', 20_000, 'cash'],
  ] as const)('%s', (_, fee, decision, channel, amount, status) => {
    const decided = feeAfterExemptionDecision(fee, decision, 'Đã kiểm tra giấy tờ', channel);
    expect({ amount: decided.amount, status: decided.status }).toEqual({ amount, status });
    expect(decided.fee.exemption?.status).toBe(decision);
  });

  it('refuses an exemption that is not pending (FEE.DECISION_CONFLICT)', () => {
    expect(() => feeAfterExemptionDecision(feeOf(20_000, 'granted'), 'rejected', 'Không đúng', 'online')).toThrow(
      expect.objectContaining({ code: 'FEE.DECISION_CONFLICT' }),
    );
  });
});
