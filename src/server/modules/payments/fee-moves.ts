import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { CREDITED_STATES } from './lifecycle';
import { payments, refunds } from './payments.schema';

/** The money behind a dossier's fee: the payment credited to it and the refunds of that payment that went through. */
export interface DossierFeeMoney {
  /** The amount actually paid (the credited payment's), in đồng. */
  paid: number;
  method: string;
  paidAt: Date | null;
  /** Succeeded refunds, oldest first: each `amount`, whether it gave back the whole payment, and when it was confirmed. */
  refunds: Array<{ amount: number; wholePayment: boolean; at: Date }>;
}

/**
 * What was paid and refunded for a dossier's fee (read only; for the citizen's messages about a
 * `pay` or `refund` move of the dossier, module notifications): the payment credited to the dossier —
 * at most one (ADR 0010) — and its refunds confirmed by the gateway. Undefined when none was credited.
 */
export async function dossierFeeMoney(db: Db, dossierId: string): Promise<DossierFeeMoney | undefined> {
  const [payment] = await db
    .select({ id: payments.id, amount: payments.amount, method: payments.method, paidAt: payments.paidAt })
    .from(payments)
    .where(and(eq(payments.dossierId, dossierId), inArray(payments.state, [...CREDITED_STATES])))
    .limit(1);
  if (!payment) return undefined;
  const done = await db
    .select({ amount: refunds.amount, wholePayment: refunds.wholePayment, at: refunds.completedAt })
    .from(refunds)
    .where(and(eq(refunds.paymentId, payment.id), eq(refunds.state, 'succeeded')))
    .orderBy(asc(refunds.completedAt));
  return {
    paid: payment.amount,
    method: payment.method,
    paidAt: payment.paidAt,
    refunds: done.map((r) => ({ amount: r.amount, wholePayment: r.wholePayment, at: r.at ?? new Date(0) })),
  };
}
