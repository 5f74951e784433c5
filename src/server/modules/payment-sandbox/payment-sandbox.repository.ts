import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { ipnDeliveries, refunds, transactions } from './payment-sandbox.schema';

export type SandboxTransaction = typeof transactions.$inferSelect;
export type SandboxRefund = typeof refunds.$inferSelect;

/** Creates the order on first sight of a redirect; an existing (tmn, ref) order is returned as it is. */
export async function findOrCreateTransaction(
  db: Db,
  row: typeof transactions.$inferInsert,
): Promise<SandboxTransaction> {
  await db
    .insert(transactions)
    .values(row)
    .onConflictDoNothing({ target: [transactions.tmnCode, transactions.txnRef] });
  return (await findTransaction(db, row.tmnCode, row.txnRef))!;
}

export async function findTransaction(
  db: Db,
  tmnCode: string,
  txnRef: string,
): Promise<SandboxTransaction | undefined> {
  const [row] = await db
    .select()
    .from(transactions)
    .where(and(eq(transactions.tmnCode, tmnCode), eq(transactions.txnRef, txnRef)))
    .limit(1);
  return row;
}

export async function findTransactionById(db: Db, id: number): Promise<SandboxTransaction | undefined> {
  const [row] = await db.select().from(transactions).where(eq(transactions.id, id)).limit(1);
  return row;
}

/** Completes a pending order once (a second submit of the page finds it done and changes nothing). */
export async function completeTransaction(
  db: Db,
  id: number,
  set: Pick<SandboxTransaction, 'state' | 'responseCode' | 'transactionStatus' | 'payDate' | 'ipnOptions' | 'bankCode'>,
): Promise<SandboxTransaction | undefined> {
  const [row] = await db
    .update(transactions)
    .set(set)
    .where(and(eq(transactions.id, id), eq(transactions.state, 'pending')))
    .returning();
  return row;
}

export async function lockTransaction(db: Db, id: number): Promise<SandboxTransaction | undefined> {
  const [row] = await db.select().from(transactions).where(eq(transactions.id, id)).for('update');
  return row;
}

export async function refundsOf(db: Db, transactionId: number): Promise<SandboxRefund[]> {
  return db.select().from(refunds).where(eq(refunds.transactionId, transactionId)).orderBy(asc(refunds.id));
}

export async function findRefundByRequest(db: Db, requestId: string): Promise<SandboxRefund | undefined> {
  const [row] = await db.select().from(refunds).where(eq(refunds.requestId, requestId)).limit(1);
  return row;
}

export async function insertRefund(db: Db, row: typeof refunds.$inferInsert): Promise<SandboxRefund> {
  const [inserted] = await db.insert(refunds).values(row).returning();
  return inserted!;
}

export async function recordDelivery(db: Db, row: typeof ipnDeliveries.$inferInsert): Promise<void> {
  await db.insert(ipnDeliveries).values(row);
}

export async function deliveriesOf(db: Db, transactionId: number) {
  return db
    .select()
    .from(ipnDeliveries)
    .where(eq(ipnDeliveries.transactionId, transactionId))
    .orderBy(asc(ipnDeliveries.id));
}

/** Paid orders and refunds of [from, to) for the settlement file. */
export async function settledBetween(db: Db, tmnCode: string, from: Date, to: Date) {
  const paid = await db
    .select()
    .from(transactions)
    .where(
      and(
        eq(transactions.tmnCode, tmnCode),
        eq(transactions.state, 'paid'),
        gte(transactions.payDate, from),
        lt(transactions.payDate, to),
      ),
    )
    .orderBy(asc(transactions.payDate), asc(transactions.id));
  const refunded = await db
    .select({ refund: refunds, txn: transactions })
    .from(refunds)
    .innerJoin(transactions, eq(refunds.transactionId, transactions.id))
    .where(and(eq(transactions.tmnCode, tmnCode), gte(refunds.createdAt, from), lt(refunds.createdAt, to)))
    .orderBy(asc(refunds.createdAt), asc(refunds.id));
  return { paid, refunded };
}

/** Sum of the refunds of a transaction (VND). */
export async function refundedTotal(db: Db, transactionId: number): Promise<number> {
  const [row] = await db
    .select({ s: sql<string>`coalesce(sum(${refunds.amount}), 0)::text` })
    .from(refunds)
    .where(eq(refunds.transactionId, transactionId));
  return Number(row?.s ?? 0);
}
