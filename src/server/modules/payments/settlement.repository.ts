import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import type { PaymentState, RefundDueReason } from '../../../contracts/payments';
import { payments } from './payments.schema';

/**
 * The statements that move money between a payment and its dossier's fee: the IPN's conditional
 * credit, a success the dossier cannot take, and the withdrawal of a dossier. Each is one
 * statement, so a duplicate delivery or a second process finds nothing to change.
 */

/** A success reported by the gateway for the payment of `reference` at `gateway`. */
export interface GatewaySuccess {
  reference: string;
  gateway: string;
  amount: number;
  gatewayTransactionId: string;
  responseCode: string;
  transactionStatus: string;
  bankCode: string | null;
  paidAt: Date;
  at: Date;
}

/**
 * Credits a payment from a successful IPN in one statement: locks the payment of `reference` at
 * `gateway`, and — only if it is still open (created / pending / expired) and its amount is the
 * IPN's — marks it succeeded and writes the `ipn_succeeded` event. Returns what the dossier needs,
 * or undefined when nothing matched (unknown, wrong amount, already credited or closed: the caller
 * then reads the payment to answer). A concurrent duplicate waits on the row lock and then sees the
 * new state, so it matches nothing.
 */
export async function creditOpenPayment(
  db: Db,
  c: GatewaySuccess,
): Promise<{ id: string; dossierId: string; amount: number; fromState: PaymentState } | undefined> {
  const at = c.at.toISOString();
  const rows = await queryRows<{
    payment_id: string;
    dossier_id: string;
    amount: string | number;
    from_state: PaymentState;
  }>(
    db,
    sql`
    with old as (
      select id, state from payments.payments where reference = ${c.reference} and gateway = ${c.gateway} for update
    ), upd as (
      update payments.payments p set state = 'succeeded', gateway_transaction_id = ${c.gatewayTransactionId}, gateway_response_code = ${c.responseCode},
        bank_code = ${c.bankCode}, paid_at = ${c.paidAt.toISOString()}::timestamptz, updated_at = ${at}::timestamptz, version = p.version + 1
      from old where p.id = old.id and old.state in ('created', 'pending', 'expired') and p.amount = ${c.amount}
      returning p.id, p.dossier_id, p.amount, old.state as from_state
    ), ev as (
      insert into payments.payment_events (payment_id, event, from_state, to_state, source, at, detail)
      select id, 'ipn_succeeded', from_state, 'succeeded', 'gateway', ${at}::timestamptz,
        jsonb_build_object('responseCode', ${c.responseCode}::text, 'transactionStatus', ${c.transactionStatus}::text, 'gatewayTransactionId', ${c.gatewayTransactionId}::text, 'late', from_state = 'expired')
      from upd returning payment_id
    )
    select upd.id as payment_id, upd.dossier_id, upd.amount, upd.from_state from upd join ev on ev.payment_id = upd.id`,
  );
  const r = rows[0];
  return r
    ? { id: r.payment_id, dossierId: r.dossier_id, amount: Number(r.amount), fromState: r.from_state }
    : undefined;
}

/**
 * Records money the gateway took for a payment whose dossier cannot take it (ADR 0010 rule 8): the
 * payment of `reference` at `gateway`, with the IPN's amount, not credited nor already holding
 * money, becomes `paid_not_credited` with the gateway's transaction and the reason it is due back
 * (`refund_due`), and the `ipn_not_creditable` event is written — one statement. Undefined when
 * nothing matched (a duplicate delivery, another transaction number already recorded).
 */
export async function recordUncredited(
  db: Db,
  c: GatewaySuccess & { reason: RefundDueReason; from: readonly PaymentState[] },
): Promise<{ id: string; dossierId: string } | undefined> {
  const at = c.at.toISOString();
  const rows = await queryRows<{ payment_id: string; dossier_id: string }>(
    db,
    sql`
    with old as (
      select id, state from payments.payments where reference = ${c.reference} and gateway = ${c.gateway} for update
    ), upd as (
      update payments.payments p set state = 'paid_not_credited', refund_due = ${c.reason}, gateway_transaction_id = ${c.gatewayTransactionId},
        gateway_response_code = ${c.responseCode}, bank_code = ${c.bankCode}, paid_at = ${c.paidAt.toISOString()}::timestamptz, updated_at = ${at}::timestamptz, version = p.version + 1
      from old where p.id = old.id and old.state in (${sql.join(
        c.from.map((f) => sql`${f}`),
        sql`, `,
      )}) and p.amount = ${c.amount}
      returning p.id, p.dossier_id, old.state as from_state
    ), ev as (
      insert into payments.payment_events (payment_id, event, from_state, to_state, source, at, detail)
      select id, 'ipn_not_creditable', from_state, 'paid_not_credited', 'gateway', ${at}::timestamptz,
        jsonb_build_object('responseCode', ${c.responseCode}::text, 'transactionStatus', ${c.transactionStatus}::text, 'gatewayTransactionId', ${c.gatewayTransactionId}::text, 'refundDue', ${c.reason}::text)
      from upd returning payment_id
    )
    select upd.id as payment_id, upd.dossier_id from upd join ev on ev.payment_id = upd.id`,
  );
  const r = rows[0];
  return r ? { id: r.payment_id, dossierId: r.dossier_id } : undefined;
}

/**
 * The dossier was withdrawn (in the withdrawal's transaction, by the citizen or by the unpaid-expiry
 * job — the source its payments' events record): its open payments are expired (a
 * success that still arrives becomes paid_not_credited) and the money it holds — a credited
 * payment not yet given back — is queued for refund. Locks the payments before the dossier row is
 * changed, in the IPN's order (payment, then dossier), so the two never deadlock.
 */
export async function closeForWithdrawnDossier(
  db: Db,
  dossierId: string,
  at: Date,
  by: 'citizen' | 'job',
): Promise<{ expired: number; queued: number }> {
  const when = at.toISOString();
  const expired = await queryRows<{ payment_id: string }>(
    db,
    sql`
    with old as (
      select id, state from payments.payments where dossier_id = ${dossierId} and state in ('created', 'pending', 'succeeded', 'partially_refunded') order by id for update
    ), upd as (
      update payments.payments p set state = 'expired', closed_at = ${when}::timestamptz, updated_at = ${when}::timestamptz, version = p.version + 1
      from old where p.id = old.id and p.state in ('created', 'pending')
      returning p.id, old.state as from_state
    )
    insert into payments.payment_events (payment_id, event, from_state, to_state, source, at, detail)
    select id, 'expire', from_state, 'expired', ${by}, ${when}::timestamptz, jsonb_build_object('reason', 'dossier_withdrawn') from upd
    returning payment_id`,
  );
  const queued = await db
    .update(payments)
    .set({ refundDue: 'dossier_withdrawn', updatedAt: at, version: sql`${payments.version} + 1` })
    .where(
      and(
        eq(payments.dossierId, dossierId),
        inArray(payments.state, ['succeeded', 'partially_refunded']),
        isNull(payments.refundDue),
      ),
    )
    .returning({ id: payments.id });
  return { expired: expired.length, queued: queued.length };
}
