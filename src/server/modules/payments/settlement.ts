import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { IpnAnswer, RefundDueReason } from '../../../contracts/payments';
import { CLOSED_STATES, getDossierForPayment, settleDossierFee } from '../dossiers';
import type { GatewayResult, PaymentGateway } from './gateway';
import { CREDITED_STATES, statesAllowing } from './lifecycle';
import * as repo from './payments.repository';
import * as settlementRepo from './settlement.repository';
import { assignReceiptNumber } from './receipt.repository';
import { recordSecurityEvent, type WarnLogger } from './security-events';

/**
 * Exactly-once settlement (ADR 0010). The gateway's server-to-server IPN is the only
 * thing that moves a payment to succeeded / failed / cancelled. Crediting is one transaction:
 * the conditional UPDATE of the payment (… WHERE state IN ('created','pending','expired')
 * RETURNING), the dossier's fee change (`settleDossierFee`) and the receipt's number (ADR 0015)
 * commit together or not at all.
 * Whatever arrives — the same IPN twice, from two server processes at once, before or after the
 * browser's return, retried after a timeout — only the first UPDATE finds the payment open; every
 * other delivery answers 02 and changes nothing. The unique indexes (one credited payment per
 * dossier, one payment per gateway transaction) hold even if this code were wrong.
 */

export interface SettlementDeps {
  db: Db;
  gateway: PaymentGateway;
  now?: () => Date;
  log?: WarnLogger;
}

const ANSWERS = {
  ok: { RspCode: '00', Message: 'Confirm Success' },
  notFound: { RspCode: '01', Message: 'Order not found' },
  already: { RspCode: '02', Message: 'Order already confirmed' },
  wrongAmount: { RspCode: '04', Message: 'Invalid amount' },
  badSignature: { RspCode: '97', Message: 'Invalid signature' },
  other: { RspCode: '99', Message: 'Unknown error' },
} as const satisfies Record<string, IpnAnswer>;

/** The constraint a unique violation broke (pg and PGlite errors, possibly wrapped by Drizzle). */
export function violatedConstraint(error: unknown): string | undefined {
  for (
    let e: unknown = error, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505' && typeof constraint === 'string') return constraint;
  }
  return undefined;
}

function isFeeConflict(error: unknown): boolean {
  return error instanceof AppError && error.code === 'DOSSIER.FEE_CONFLICT';
}

type Credit = 'credited' | 'no_match' | 'not_creditable' | 'transaction_reused';

/** What the gateway said about a successful payment, as the repository records it. */
function gatewayFacts(deps: SettlementDeps, result: Extract<GatewayResult, { ok: true }>, at: Date) {
  return {
    reference: result.reference,
    gateway: deps.gateway.name,
    amount: result.amount,
    gatewayTransactionId: result.gatewayTransactionId!,
    responseCode: result.responseCode,
    transactionStatus: result.transactionStatus,
    bankCode: result.bankCode,
    paidAt: result.paidAt ?? at,
    at,
  };
}

/**
 * The payment and the dossier's fee in one transaction: the conditional credit (one statement,
 * repository `creditOpenPayment`) then `settleDossierFee`. `no_match` when the payment is not open
 * with this amount (or another delivery got there first): nothing was changed.
 */
async function credit(deps: SettlementDeps, result: Extract<GatewayResult, { ok: true }>, at: Date): Promise<Credit> {
  try {
    return await deps.db.transaction(async (tx) => {
      const row = await settlementRepo.creditOpenPayment(tx, gatewayFacts(deps, result, at));
      if (!row) return 'no_match';
      await settleDossierFee(tx, row.dossierId, { paymentId: row.id, amount: row.amount, method: 'gateway', at });
      // Last, so the collecting body's counter row stays locked for the shortest time (ADR 0015).
      await assignReceiptNumber(tx, row.id, at);
      return 'credited';
    });
  } catch (error) {
    const constraint = violatedConstraint(error);
    if (isFeeConflict(error) || constraint === 'payments_one_credited_per_dossier_uq') return 'not_creditable';
    if (constraint === 'payments_gateway_txn_uq') return 'transaction_reused';
    throw error;
  }
}

/** Why the dossier could not take the money: withdrawn, closed (refused, not accepted), or its fee paid by another attempt. */
export async function refundReason(db: Db, dossierId: string): Promise<RefundDueReason> {
  const dossier = await getDossierForPayment(db, dossierId);
  if (dossier.state === 'withdrawn') return 'dossier_withdrawn';
  return (CLOSED_STATES as readonly string[]).includes(dossier.state) ? 'dossier_closed' : 'already_paid';
}

/**
 * A success the dossier refused (ADR 0010 rule 8): the payment becomes paid_not_credited with the
 * gateway's transaction and the reason, which puts it in the refund queue. True when this delivery
 * recorded it (answer 00); false when nothing matched (a duplicate, or another transaction number).
 */
async function recordNotCreditable(
  deps: SettlementDeps,
  result: Extract<GatewayResult, { ok: true }>,
  at: Date,
): Promise<{ recorded: boolean; reason?: RefundDueReason }> {
  const payment = await repo.findByReference(deps.db, result.reference);
  if (!payment || payment.gateway !== deps.gateway.name) return { recorded: false };
  const reason = await refundReason(deps.db, payment.dossierId);
  const row = await settlementRepo
    .recordUncredited(deps.db, {
      ...gatewayFacts(deps, result, at),
      reason,
      from: statesAllowing('ipn_not_creditable'),
    })
    .catch((error: unknown) => {
      if (violatedConstraint(error) === 'payments_gateway_txn_uq') return undefined;
      throw error;
    });
  return { recorded: Boolean(row), reason };
}

/** A failed or cancelled result closes an open payment (nothing to credit). */
async function close(
  deps: SettlementDeps,
  payment: repo.PaymentRow,
  result: Extract<GatewayResult, { ok: true }>,
  at: Date,
): Promise<boolean> {
  const event = result.outcome === 'cancelled' ? 'ipn_cancelled' : 'ipn_failed';
  const to = result.outcome === 'cancelled' ? 'cancelled' : 'failed';
  return deps.db.transaction(async (tx) => {
    const row = await repo.transition(tx, payment.id, statesAllowing(event), to, {
      gatewayResponseCode: result.responseCode,
      closedAt: at,
      updatedAt: at,
    });
    if (!row) return false;
    await repo.insertEvent(tx, {
      paymentId: payment.id,
      event,
      fromState: payment.state,
      toState: to,
      source: 'gateway',
      at,
      detail: { responseCode: result.responseCode, transactionStatus: result.transactionStatus },
    });
    return true;
  });
}

/**
 * Handles one IPN (its query parameters) and returns the merchant's answer, in the gateway's
 * order of checks: signature (97) → order (01) → amount (04) → already confirmed (02) → 00.
 * A success is tried first as one conditional credit (the common case costs no extra read); when
 * it matches nothing, the payment is read to give the right answer. A bad signature, a malformed
 * result or a wrong amount changes nothing and is a security event.
 */
export async function handleIpn(deps: SettlementDeps, query: unknown, sourceIp: string | null): Promise<IpnAnswer> {
  const at = deps.now ? deps.now() : new Date();
  const result = deps.gateway.verifyIpn(query);
  const event = (
    kind: Parameters<typeof recordSecurityEvent>[2]['kind'],
    reference: string | null,
    detail?: Record<string, string | number | boolean | null>,
  ) => recordSecurityEvent(deps.db, deps.log, { kind, channel: 'ipn', reference, sourceIp, detail });
  if (!result.ok) {
    await event(result.problem, result.reference);
    return result.problem === 'bad_signature' ? ANSWERS.badSignature : ANSWERS.other;
  }
  if (result.outcome === 'succeeded') {
    const outcome = await credit(deps, result, at);
    if (outcome === 'credited') return ANSWERS.ok;
    if (outcome === 'not_creditable') {
      // The money is taken and the dossier cannot take it: recorded and queued for refund, and acknowledged.
      const uncredited = await recordNotCreditable(deps, result, at);
      await event('paid_not_credited', result.reference, {
        gatewayTransactionId: result.gatewayTransactionId,
        reason: uncredited.reason ?? 'dossier_not_payable',
        recorded: uncredited.recorded,
      });
      if (uncredited.recorded) return ANSWERS.ok;
      return ANSWERS.already;
    }
    if (outcome === 'transaction_reused') {
      await event('transaction_reused', result.reference, {
        gatewayTransactionId: result.gatewayTransactionId,
        reason: 'transaction_reused',
      });
      return ANSWERS.already;
    }
  }
  const payment = await repo.findByReference(deps.db, result.reference);
  if (!payment || payment.gateway !== deps.gateway.name) {
    await event('unknown_order', result.reference);
    return ANSWERS.notFound;
  }
  if (result.amount !== payment.amount) {
    await event('wrong_amount', payment.reference, {
      expected: payment.amount,
      received: result.amount,
      responseCode: result.responseCode,
    });
    return ANSWERS.wrongAmount;
  }
  // Transaction status 01 ("not finished"): no verdict yet. Acknowledged, nothing changes; the result that finishes it decides.
  if (result.outcome === 'pending') return ANSWERS.ok;
  if (result.outcome !== 'succeeded') return (await close(deps, payment, result, at)) ? ANSWERS.ok : ANSWERS.already;
  // A success that credited nothing: a duplicate of the confirming IPN (the normal case), or money
  // the gateway took for a payment already closed or credited by another transaction.
  const credited =
    CREDITED_STATES.includes(payment.state as (typeof CREDITED_STATES)[number]) ||
    payment.state === 'paid_not_credited';
  if (!credited || payment.gatewayTransactionId !== result.gatewayTransactionId) {
    await event('paid_not_credited', payment.reference, {
      gatewayTransactionId: result.gatewayTransactionId,
      reason: credited ? 'second_transaction' : `payment_${payment.state}`,
    });
  }
  return ANSWERS.already;
}

/** IPN answers by name (tests and the benchmark compare against them). */
export const IPN_ANSWERS = ANSWERS;

/** Where the browser lands after the gateway: the web page that shows a payment's status. */
export function resultPagePath(paymentId: string | null, problem?: 'signature' | 'not_found'): string {
  if (!paymentId) return `/payments/result?error=${problem ?? 'not_found'}`;
  return `/payments/${encodeURIComponent(paymentId)}/result${problem ? `?error=${problem}` : ''}`;
}

/**
 * The browser's return from the gateway: display only. Verifies the signature (a bad one is a
 * security event, without the browser's address) and says which page to show; never changes a payment.
 */
export async function handleReturn(deps: SettlementDeps, query: unknown): Promise<string> {
  const result = deps.gateway.verifyReturn(query);
  if (!result.ok) {
    await recordSecurityEvent(deps.db, deps.log, {
      kind: result.problem,
      channel: 'return',
      reference: result.reference,
      sourceIp: null,
    });
    const claimed = result.reference ? await repo.findByReference(deps.db, result.reference) : undefined;
    return resultPagePath(claimed?.id ?? null, 'signature');
  }
  const payment = await repo.findByReference(deps.db, result.reference);
  return payment ? resultPagePath(payment.id) : resultPagePath(null, 'not_found');
}
