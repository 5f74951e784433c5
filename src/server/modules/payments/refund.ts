import type { Payment, PaymentState, RefundBody } from '../../../contracts/payments';
import type { AccessContext } from '../identity';
import { refundDossierFee } from '../dossiers';
import { checkRefund, REFUNDABLE_STATES, stateAfterRefund } from './lifecycle';
import * as errors from './payments.errors';
import { canRefund, canSeePayment } from './payments.policy';
import { presentPayment } from './payments.presenter';
import * as repo from './payments.repository';
import type { PaymentDeps } from './payments.service';
import { GatewayError, newRequestId } from './vnpay.gateway';

const clock = (deps: PaymentDeps) => (deps.now ? deps.now() : new Date());

async function loadRefundable(deps: PaymentDeps, access: AccessContext, id: string): Promise<repo.PaymentRow> {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findPayment(deps.db, id) : undefined;
  if (!row || !canSeePayment(access, row)) throw errors.paymentNotFound();
  if (!canRefund(access, row)) throw errors.paymentForbidden();
  return row;
}

/**
 * Asks the gateway for the refund of a requested refund row and records the outcome. Confirmed:
 * the reservation becomes refunded, the payment's state follows the total (partially_refunded /
 * refunded), and the dossier's fee changes — one transaction. Refused: the reservation is given
 * back. Unreachable: the refund stays `requested` with its reservation (the gateway may have done
 * it), and `retryRefund` asks again with the same request id, which the gateway does not repeat.
 */
async function askGateway(deps: PaymentDeps, payment: repo.PaymentRow, refund: repo.RefundRow): Promise<void> {
  let answer;
  try {
    answer = await deps.gateway.refund({
      reference: payment.reference,
      gatewayTransactionId: payment.gatewayTransactionId!,
      amount: refund.amount,
      full: refund.wholePayment,
      orderCreatedAt: payment.createdAt,
      requestedBy: refund.actorAccountId,
      requestId: refund.requestId,
      reason: refund.reason,
    });
  } catch (error) {
    if (error instanceof GatewayError) throw errors.gatewayUnavailable();
    throw error;
  }
  const at = clock(deps);
  if (!answer.ok) {
    await deps.db.transaction(async (tx) => {
      await repo.releaseRefund(tx, payment.id, refund.amount);
      await repo.completeRefund(tx, refund.id, {
        state: 'failed',
        gatewayResponseCode: answer.responseCode,
        completedAt: at,
      });
    });
    throw errors.refundRefused(answer.responseCode);
  }
  await deps.db.transaction(async (tx) => {
    const done = await repo.confirmRefund(tx, payment.id, refund.amount, at);
    if (!done) throw errors.refundState(payment.state);
    await repo.completeRefund(tx, refund.id, {
      state: 'succeeded',
      gatewayRefundId: answer.gatewayRefundId,
      gatewayResponseCode: answer.responseCode,
      completedAt: at,
    });
    // Money never credited (paid_not_credited) goes back without touching the dossier's fee.
    const uncredited = done.fromState === 'paid_not_credited';
    const to = uncredited ? 'paid_not_credited' : stateAfterRefund(done.row.amount, done.row.refundedAmount);
    await repo.insertEvent(tx, {
      paymentId: payment.id,
      event: uncredited ? 'refund_uncredited' : to === 'refunded' ? 'refund_full' : 'refund_partial',
      fromState: done.fromState,
      toState: to,
      source: 'officer',
      actorAccountId: refund.actorAccountId,
      at,
      detail: {
        amount: refund.amount,
        refundedTotal: done.row.refundedAmount,
        gatewayRefundId: answer.gatewayRefundId,
      },
    });
    if (!uncredited)
      await refundDossierFee(tx, payment.dossierId, {
        paymentId: payment.id,
        amount: refund.amount,
        full: to === 'refunded',
        at,
        reason: refund.reason,
      });
  });
}

/**
 * An authorised officer refunds (part of) a payment, with a reason (hoàn tiền). Partial refunds
 * accumulate up to the amount; the amount is reserved before the gateway is asked, so two
 * officers refunding at once cannot give back more than was paid.
 */
export async function refundPayment(
  deps: PaymentDeps,
  access: AccessContext,
  id: string,
  body: RefundBody,
): Promise<Payment> {
  const row = await loadRefundable(deps, access, id);
  const check = checkRefund(
    row.state as PaymentState,
    row.amount,
    row.refundedAmount,
    row.refundReservedAmount,
    body.amount,
  );
  if (!check.ok)
    throw check.reason === 'wrong_state'
      ? errors.refundState(row.state)
      : errors.refundAmount(row.amount - row.refundedAmount - row.refundReservedAmount);
  const grant = access.grantFor('payments.refund');
  const refund = await deps.db.transaction(async (tx) => {
    const reserved = await repo.reserveRefund(tx, row.id, body.amount);
    if (!reserved) {
      const fresh = (await repo.findPayment(tx, row.id))!;
      throw (REFUNDABLE_STATES as readonly string[]).includes(fresh.state)
        ? errors.refundAmount(fresh.amount - fresh.refundedAmount - fresh.refundReservedAmount)
        : errors.refundState(fresh.state);
    }
    return repo.insertRefund(tx, {
      paymentId: row.id,
      amount: body.amount,
      wholePayment: check.wholePayment,
      reason: body.reason,
      state: 'requested',
      requestId: newRequestId(),
      actorAccountId: access.actor!.accountId,
      actorRole: grant?.role ?? 'unknown',
      actorUnit: grant?.unitCode ?? null,
      requestedAt: clock(deps),
    });
  });
  await askGateway(deps, row, refund);
  const after = (await repo.findPayment(deps.db, row.id))!;
  return presentPayment(after, await repo.listRefunds(deps.db, [row.id]));
}

/** Asks the gateway again for a refund left `requested` (it was unreachable); the same request id is not refunded twice. */
export async function retryRefund(
  deps: PaymentDeps,
  access: AccessContext,
  id: string,
  refundId: string,
): Promise<Payment> {
  const row = await loadRefundable(deps, access, id);
  const refund = (await repo.listRefunds(deps.db, [row.id])).find((r) => r.id === refundId);
  if (!refund) throw errors.paymentNotFound();
  if (refund.state === 'requested') await askGateway(deps, row, refund);
  const after = (await repo.findPayment(deps.db, row.id))!;
  return presentPayment(after, await repo.listRefunds(deps.db, [row.id]));
}
