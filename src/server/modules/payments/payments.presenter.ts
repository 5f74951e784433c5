import type { Payment, PaymentMethod, PaymentRefund, PaymentState, RefundDueReason } from '../../../contracts/payments';
import type { PaymentRow, RefundRow } from './payments.repository';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A refund as the API shows it: the officer's role and unit, never their name. */
export function presentRefund(r: RefundRow): PaymentRefund {
  return {
    id: r.id,
    amount: r.amount,
    full: r.wholePayment,
    reason: r.reason,
    state: r.state as PaymentRefund['state'],
    gatewayRefundId: r.gatewayRefundId,
    requestedAt: r.requestedAt.toISOString(),
    completedAt: iso(r.completedAt),
    actorRole: r.actorRole,
    actorUnit: r.actorUnit,
  };
}

/** A payment with explicit fields: no account ids, no idempotency key. */
export function presentPayment(row: PaymentRow, refunds: RefundRow[]): Payment {
  return {
    id: row.id,
    reference: row.reference,
    dossierId: row.dossierId,
    dossierCode: row.dossierCode,
    unitCode: row.unitCode,
    procedureCode: row.procedureCode,
    procedureNameVi: row.procedureNameVi,
    method: row.method as PaymentMethod,
    gateway: row.gateway,
    amount: row.amount,
    currency: 'VND',
    state: row.state as PaymentState,
    refundedAmount: row.refundedAmount,
    gatewayTransactionId: row.gatewayTransactionId,
    bankCode: row.bankCode,
    gatewayResponseCode: row.gatewayResponseCode,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    paidAt: iso(row.paidAt),
    closedAt: iso(row.closedAt),
    refunds: refunds.filter((r) => r.paymentId === row.id).map(presentRefund),
    refundDue: row.refundDue && row.refundedAmount < row.amount ? (row.refundDue as RefundDueReason) : null,
  };
}
