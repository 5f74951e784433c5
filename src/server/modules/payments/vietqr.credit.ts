import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { settleDossierFee } from '../dossiers';
import { CREDITED_STATES, statesAllowing } from './lifecycle';
import { payments } from './payments.schema';
import { refundReason, violatedConstraint } from './settlement';
import { recordUncredited } from './settlement.repository';
import { assignReceiptNumber } from './receipt.repository';
import { VIETQR_GATEWAY } from './vietqr.service';

/**
 * Crediting a VietQR payment from a bank-statement line (used by `payment-reconciliation`): the
 * same exactly-once rule as the gateway's IPN (ADR 0010) — one conditional UPDATE of the payment
 * (… WHERE state IN ('created','pending','expired') AND amount = …) and the dossier's fee settled
 * by `settleDossierFee`, and the receipt's number (ADR 0015), in the caller's transaction.
 */

/** What statement matching needs of a VietQR payment. */
export interface VietqrPayment {
  id: string;
  reference: string;
  amount: number;
  state: string;
  method: string;
  unitCode: string;
  dossierId: string;
  dossierCode: string | null;
}

/** The VietQR payments with these references (any state). */
export async function findVietqrPayments(db: Db, references: string[]): Promise<VietqrPayment[]> {
  if (!references.length) return [];
  return db
    .select({
      id: payments.id,
      reference: payments.reference,
      amount: payments.amount,
      state: payments.state,
      method: payments.method,
      unitCode: payments.unitCode,
      dossierId: payments.dossierId,
      dossierCode: payments.dossierCode,
    })
    .from(payments)
    .where(and(inArray(payments.reference, references), eq(payments.method, 'vietqr')));
}

/** One credit line of the receiving account's statement. */
export interface TransferCredit {
  bankTransactionId: string;
  amount: number;
  transactionAt: Date;
  /** The officer who imported the statement, and the import. */
  accountId: string;
  importId: string;
  at: Date;
}

/**
 * The conditional credit of a VietQR payment and its dossier's fee (call inside a transaction; the
 * unique bank transaction id of the statement line holds it once). False when the payment is not
 * open with this amount. Throws when the dossier refuses the money (see `isRefusedCredit`).
 */
export async function creditVietqrPayment(tx: Db, payment: VietqrPayment, c: TransferCredit): Promise<boolean> {
  const at = c.at.toISOString();
  const from = statesAllowing('ipn_succeeded') as string[];
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`
    update payments.payments set state = 'succeeded', gateway_transaction_id = ${c.bankTransactionId}, paid_at = ${c.transactionAt.toISOString()}::timestamptz,
      updated_at = ${at}::timestamptz, version = version + 1
    where id = ${payment.id} and method = 'vietqr' and gateway = ${VIETQR_GATEWAY} and amount = ${c.amount}
      and state in (${sql.join(
        from.map((s) => sql`${s}`),
        sql`, `,
      )})
    returning id`,
  );
  if (!rows.length) return false;
  await tx.execute(sql`
    insert into payments.payment_events (payment_id, event, from_state, to_state, source, actor_account_id, at, detail)
    values (${payment.id}, 'statement_matched', ${payment.state}, 'succeeded', 'officer', ${c.accountId}, ${at}::timestamptz,
      jsonb_build_object('bankTransactionId', ${c.bankTransactionId}::text, 'importId', ${c.importId}::text, 'late', ${payment.state === 'expired'}::boolean))`);
  await settleDossierFee(tx, payment.dossierId, {
    paymentId: payment.id,
    amount: c.amount,
    method: 'vietqr',
    at: c.at,
  });
  await assignReceiptNumber(tx, payment.id, c.at);
  return true;
}

/** True when `creditVietqrPayment` failed because the dossier could not take the money (paid, exempted or closed meanwhile). */
export function isRefusedCredit(error: unknown): boolean {
  if (error instanceof AppError && error.code === 'DOSSIER.FEE_CONFLICT') return true;
  const constraint = violatedConstraint(error);
  return constraint === 'payments_one_credited_per_dossier_uq' || constraint === 'payments_gateway_txn_uq';
}

/**
 * A transfer the dossier refused (withdrawn or closed meanwhile, or its fee paid by another
 * payment): like a gateway success the dossier cannot take (ADR 0010 rule 8), the payment becomes
 * paid_not_credited with the bank transaction and the reason, which puts it in the refund queue.
 * False when nothing matched (already recorded, another amount, the bank transaction id used by
 * another payment).
 */
export async function recordRefusedTransfer(db: Db, payment: VietqrPayment, c: TransferCredit): Promise<boolean> {
  const row = await recordUncredited(db, {
    reference: payment.reference,
    gateway: VIETQR_GATEWAY,
    amount: c.amount,
    gatewayTransactionId: c.bankTransactionId,
    responseCode: '00',
    transactionStatus: '00',
    bankCode: null,
    paidAt: c.transactionAt,
    at: c.at,
    reason: await refundReason(db, payment.dossierId),
    from: statesAllowing('ipn_not_creditable'),
  }).catch((error: unknown) => {
    if (violatedConstraint(error) === 'payments_gateway_txn_uq') return undefined;
    throw error;
  });
  return Boolean(row);
}

/** True when the payment's money is (or was) credited to its dossier. */
export function isCredited(state: string): boolean {
  return (CREDITED_STATES as readonly string[]).includes(state);
}
