import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import type { PaymentState } from '../../../contracts/payments';
import { CREDITED_STATES, REFUNDABLE_STATES } from './lifecycle';
import { paymentEvents, payments, refunds, securityEvents } from './payments.schema';

export type PaymentRow = typeof payments.$inferSelect;
export type NewPaymentRow = typeof payments.$inferInsert;
export type RefundRow = typeof refunds.$inferSelect;
export type PaymentEventRow = typeof paymentEvents.$inferInsert;

/** Every function takes the database or a transaction first (a transaction is a Db too). */

export async function insertPayment(db: Db, row: NewPaymentRow): Promise<PaymentRow> {
  const [inserted] = await db.insert(payments).values(row).returning();
  return inserted!;
}

export async function findPayment(db: Db, id: string): Promise<PaymentRow | undefined> {
  const [row] = await db.select().from(payments).where(eq(payments.id, id)).limit(1);
  return row;
}

export async function findByReference(db: Db, reference: string): Promise<PaymentRow | undefined> {
  const [row] = await db.select().from(payments).where(eq(payments.reference, reference)).limit(1);
  return row;
}

export async function findByIdempotencyKey(db: Db, accountId: string, key: string): Promise<PaymentRow | undefined> {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.createdByAccountId, accountId), eq(payments.idempotencyKey, key)))
    .limit(1);
  return row;
}

export async function findOpenForDossier(db: Db, dossierId: string): Promise<PaymentRow | undefined> {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.dossierId, dossierId), inArray(payments.state, ['created', 'pending'])))
    .limit(1);
  return row;
}

/**
 * The compare-and-set of the lifecycle: moves the payment to `to` only if it is still in one of
 * `from`, and returns the new row — or undefined when another request (or process) got there
 * first. This single conditional UPDATE is what makes a concurrent duplicate IPN lose.
 */
export async function transition(
  db: Db,
  id: string,
  from: readonly PaymentState[],
  to: PaymentState,
  set: Partial<NewPaymentRow> = {},
): Promise<PaymentRow | undefined> {
  const [row] = await db
    .update(payments)
    .set({ ...set, state: to, updatedAt: set.updatedAt ?? new Date(), version: sql`${payments.version} + 1` })
    .where(and(eq(payments.id, id), inArray(payments.state, [...from])))
    .returning();
  return row;
}

export async function insertEvent(db: Db, event: PaymentEventRow): Promise<void> {
  await db.insert(paymentEvents).values(event);
}

export async function listEvents(db: Db, paymentId: string) {
  return db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, paymentId)).orderBy(asc(paymentEvents.id));
}

/**
 * Expires up to `limit` open payments whose time ran out before `now`, and writes their events —
 * one statement. Rows another process is expiring are skipped (SKIP LOCKED), so several server
 * processes can run the job together. Returns the ids.
 */
export async function expireDue(db: Db, now: Date, limit: number): Promise<string[]> {
  const at = now.toISOString();
  const rows = await queryRows<{ payment_id: string }>(
    db,
    sql`
    with due as (
      select id, state from payments.payments
      where state in ('created', 'pending') and expires_at <= ${at}::timestamptz
      order by expires_at limit ${limit} for update skip locked
    ), upd as (
      update payments.payments p set state = 'expired', closed_at = ${at}::timestamptz, updated_at = ${at}::timestamptz, version = p.version + 1
      from due where p.id = due.id and p.state in ('created', 'pending')
      returning p.id, due.state as from_state
    )
    insert into payments.payment_events (payment_id, event, from_state, to_state, source, at)
    select id, 'expire', from_state, 'expired', 'job', ${at}::timestamptz from upd
    returning payment_id`,
  );
  return rows.map((r) => r.payment_id);
}

/** Reserves `amount` for a refund being asked of the gateway (fails when it would exceed the payment). */
export async function reserveRefund(db: Db, id: string, amount: number): Promise<PaymentRow | undefined> {
  const [row] = await db
    .update(payments)
    .set({
      refundReservedAmount: sql`${payments.refundReservedAmount} + ${amount}`,
      updatedAt: new Date(),
      version: sql`${payments.version} + 1`,
    })
    .where(
      and(
        eq(payments.id, id),
        inArray(payments.state, [...REFUNDABLE_STATES]),
        sql`${payments.refundedAmount} + ${payments.refundReservedAmount} + ${amount} <= ${payments.amount}`,
      ),
    )
    .returning();
  return row;
}

/** The gateway refunded `amount`: moves it from reserved to refunded and sets the state from the new total. */
export async function confirmRefund(
  db: Db,
  id: string,
  amount: number,
  at: Date,
): Promise<{ row: PaymentRow; fromState: PaymentState } | undefined> {
  const rows = await queryRows<{ id: string; from_state: PaymentState }>(
    db,
    sql`
    with old as (select id, state from payments.payments where id = ${id} for update)
    update payments.payments p set
      refund_reserved_amount = p.refund_reserved_amount - ${amount},
      refunded_amount = p.refunded_amount + ${amount},
      state = case when p.state = 'paid_not_credited' then p.state when p.refunded_amount + ${amount} >= p.amount then 'refunded' else 'partially_refunded' end,
      updated_at = ${at.toISOString()}::timestamptz, version = p.version + 1
    from old where p.id = old.id and p.refund_reserved_amount >= ${amount}
    returning p.id, old.state as from_state`,
  );
  const first = rows[0];
  if (!first) return undefined;
  return { row: (await findPayment(db, id))!, fromState: first.from_state };
}

/** The gateway refused or could not be asked: gives the reservation back. */
export async function releaseRefund(db: Db, id: string, amount: number): Promise<void> {
  await db
    .update(payments)
    .set({ refundReservedAmount: sql`${payments.refundReservedAmount} - ${amount}`, updatedAt: new Date() })
    .where(and(eq(payments.id, id), gte(payments.refundReservedAmount, amount)));
}

export async function insertRefund(db: Db, row: typeof refunds.$inferInsert): Promise<RefundRow> {
  const [inserted] = await db.insert(refunds).values(row).returning();
  return inserted!;
}

export async function completeRefund(
  db: Db,
  id: string,
  set: {
    state: 'succeeded' | 'failed';
    gatewayRefundId?: string | null;
    gatewayResponseCode: string;
    completedAt: Date;
  },
): Promise<void> {
  await db
    .update(refunds)
    .set(set)
    .where(and(eq(refunds.id, id), eq(refunds.state, 'requested')));
}

export async function listRefunds(db: Db, paymentIds: string[]): Promise<RefundRow[]> {
  if (!paymentIds.length) return [];
  return db.select().from(refunds).where(inArray(refunds.paymentId, paymentIds)).orderBy(asc(refunds.requestedAt));
}

export interface ListFilter {
  /** null = the whole province. */
  unitCodes: string[] | null;
  unitCode?: string;
  state?: PaymentState;
  dossierId?: string;
  reference?: string;
  from?: Date;
  to?: Date;
  /** Only the refund queue: a refund reason and money not yet given back. */
  refundDue?: boolean;
}

function where(f: ListFilter): SQL | undefined {
  const c: SQL[] = [];
  if (f.unitCodes) c.push(f.unitCodes.length ? inArray(payments.unitCode, f.unitCodes) : sql`false`);
  if (f.unitCode) c.push(eq(payments.unitCode, f.unitCode));
  if (f.state) c.push(eq(payments.state, f.state));
  if (f.dossierId) c.push(eq(payments.dossierId, f.dossierId));
  if (f.reference) c.push(eq(payments.reference, f.reference.toUpperCase()));
  if (f.from) c.push(gte(payments.createdAt, f.from));
  if (f.to) c.push(lt(payments.createdAt, f.to));
  if (f.refundDue) c.push(sql`${payments.refundDue} is not null and ${payments.refundedAmount} < ${payments.amount}`);
  return c.length ? and(...c) : undefined;
}

export async function listPayments(db: Db, f: ListFilter, limit: number, offset: number): Promise<PaymentRow[]> {
  return db
    .select()
    .from(payments)
    .where(where(f))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(limit)
    .offset(offset);
}

export async function countPayments(db: Db, f: ListFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(payments).where(where(f));
  return Number(row?.n ?? 0);
}

export async function listForDossier(db: Db, dossierId: string): Promise<PaymentRow[]> {
  return db.select().from(payments).where(eq(payments.dossierId, dossierId)).orderBy(desc(payments.createdAt));
}

export async function insertSecurityEvent(db: Db, row: typeof securityEvents.$inferInsert): Promise<void> {
  await db.insert(securityEvents).values(row);
}

export async function listSecurityEvents(db: Db, limit = 100) {
  return db.select().from(securityEvents).orderBy(desc(securityEvents.at), desc(securityEvents.id)).limit(limit);
}

/** The payment that settled a dossier's fee (credited, refunded since or not), or undefined. */
export async function findCreditedForDossier(db: Db, dossierId: string): Promise<PaymentRow | undefined> {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.dossierId, dossierId), inArray(payments.state, [...CREDITED_STATES])))
    .orderBy(asc(payments.paidAt))
    .limit(1);
  return row;
}
