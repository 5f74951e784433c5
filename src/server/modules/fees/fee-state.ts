import type { FeeCalculation, FeeChannel } from '../../../contracts/fees';
import { decideExemption } from './calculation';

/** What a dossier's fee stands at when it is filed (the dossier stores it as its fee status). */
export interface FeeState {
  amount: number;
  status: 'none' | 'unpaid' | 'cash' | 'exempt' | 'exemption_pending';
  /** Paid online before the desk receives the dossier: the dossier waits in `awaiting_payment`. */
  awaitingPayment: boolean;
}

/**
 * What the fee means for a dossier filed on `channel` (pure): paid online before the desk receives
 * it, collected in cash at the counter for a paper filing, waived, or waiting for an officer to
 * confirm an exemption. A fee waived for a limited time counts as exempt.
 */
export function feeState(fee: FeeCalculation | null, channel: FeeChannel): FeeState {
  if (!fee) return { amount: 0, status: 'none', awaitingPayment: false };
  if (fee.exemption?.status === 'pending')
    return { amount: fee.amount, status: 'exemption_pending', awaitingPayment: false };
  // Waived for a limited time (fee.waiver) is as exempt for the dossier: nothing to collect, and it says why.
  if (fee.amount === 0)
    return { amount: 0, status: fee.exemption || fee.waiver ? 'exempt' : 'none', awaitingPayment: false };
  if (channel === 'paper') return { amount: fee.amount, status: 'cash', awaitingPayment: false };
  return { amount: fee.amount, status: 'unpaid', awaitingPayment: true };
}

/** The fee after an officer's decision on its pending exemption. */
export interface DecidedFee {
  fee: FeeCalculation;
  amount: number;
  /**
   * `exempt`: nothing to pay; `cash`: a paper filing pays at the counter; `unpaid`: paid online —
   * only then may the decision send the dossier to wait for its payment.
   */
  status: 'exempt' | 'cash' | 'unpaid';
}

/**
 * Records the officer's decision (`decideExemption`, which refuses a short reason or an exemption
 * not pending) and says what remains due (pure). A confirmed exemption that still leaves an amount
 * (a per-person fee) is paid online even for a paper filing, as before.
 */
export function feeAfterExemptionDecision(
  fee: FeeCalculation,
  decision: 'confirmed' | 'rejected',
  reason: string,
  channel: FeeChannel,
): DecidedFee {
  const decided = decideExemption(fee, decision, reason);
  const status =
    decided.amount === 0 ? 'exempt' : decision === 'confirmed' ? 'unpaid' : channel === 'paper' ? 'cash' : 'unpaid';
  return { fee: decided, amount: decided.amount, status };
}
