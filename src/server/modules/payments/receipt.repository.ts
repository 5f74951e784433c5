import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import { AppError } from '../../platform/errors';
import { payments } from './payments.schema';
import { receipts } from './receipt.schema';

export type ReceiptRow = typeof receipts.$inferSelect;

/** Receipt numbers have at most 8 digits (Decree 254/2026, as public copies report it; ADR 0015). */
export const MAX_RECEIPT_NUMBER = 99_999_999;

/** The calendar year in Vietnam (UTC+7, no daylight saving) at `at`: receipt numbering restarts at its midnight on 1 January. */
export function receiptYear(at: Date): number {
  return Number(todayInVietnam(at).slice(0, 4));
}

/**
 * Gives the payment its receipt: the collecting body's (the payment's unit) next number of the
 * year of `at`. Call inside the transaction that credits the payment: the counter row's upsert
 * locks it until that transaction ends, so concurrent credits of one body queue for a few
 * milliseconds, and a rolled-back credit gives its number back — gap-free, like dossier codes.
 * The 8-digit bound is a check constraint of the counter; reaching it refuses the credit with a
 * clear error (the gateway retries, nothing is lost) rather than printing a 9-digit number.
 */
export async function assignReceiptNumber(
  tx: Db,
  paymentId: string,
  at: Date,
): Promise<{ year: number; number: number }> {
  const year = receiptYear(at);
  const token = randomBytes(16).toString('base64url');
  try {
    const rows = await queryRows<{ year: number; number: number }>(
      tx,
      sql`
      with p as (select unit_code from payments.payments where id = ${paymentId}),
      c as (
        insert into payments.receipt_counters (collecting_unit_code, year, last_number)
        select unit_code, ${year}, 1 from p
        on conflict (collecting_unit_code, year) do update set last_number = payments.receipt_counters.last_number + 1
        returning collecting_unit_code, year, last_number
      )
      insert into payments.receipts (payment_id, collecting_unit_code, year, number, issued_at, verification_token)
      select ${paymentId}, collecting_unit_code, year, last_number, ${at.toISOString()}::timestamptz, ${token} from c
      returning year, number`,
    );
    const row = rows[0];
    if (!row) throw new Error(`payment ${paymentId} not found for its receipt`);
    return { year: Number(row.year), number: Number(row.number) };
  } catch (error) {
    if (isConstraint(error, 'receipt_counters_number_ck'))
      throw new AppError(
        'PAYMENT.RECEIPT_NUMBERS_CONFLICT',
        `Đơn vị thu đã dùng hết số biên lai của năm ${year} (tối đa 8 chữ số)`,
        `The collecting body has used every receipt number of ${year} (at most 8 digits)`,
      );
    throw error;
  }
}

function isConstraint(error: unknown, name: string): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if ((e as { constraint?: unknown }).constraint === name) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** The receipt of a payment, if it has one. */
export async function findReceipt(db: Db, paymentId: string): Promise<ReceiptRow | undefined> {
  const rows = await db.select().from(receipts).where(eq(receipts.paymentId, paymentId));
  return rows[0];
}

/** The receipt carrying a verification token, with what its payment says now. */
export async function findReceiptByToken(db: Db, token: string) {
  const rows = await db
    .select({
      receipt: receipts,
      amount: payments.amount,
      refundedAmount: payments.refundedAmount,
      state: payments.state,
      dossierCode: payments.dossierCode,
      procedureNameVi: payments.procedureNameVi,
    })
    .from(receipts)
    .innerJoin(payments, eq(payments.id, receipts.paymentId))
    .where(eq(receipts.verificationToken, token));
  return rows[0];
}

/**
 * A receipt for a payment credited before receipts were numbered at settlement: numbered now, at
 * its first issue. The payment row is locked first, so two first downloads cannot both number it
 * (the second finds the first's receipt).
 */
export async function ensureReceipt(db: Db, paymentId: string, at: Date): Promise<ReceiptRow> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from payments.payments where id = ${paymentId} for update`);
    const existing = await findReceipt(tx, paymentId);
    if (existing) return existing;
    await assignReceiptNumber(tx, paymentId, at);
    return (await findReceipt(tx, paymentId))!;
  });
}

/** What the first issue freezes on the receipt. */
export interface IssuedReceipt {
  collectingBodyName: string;
  taxCode: string;
  formSymbol: string;
  seriesSymbol: string;
  demo: boolean;
  pdfSha256: string;
  certificateSha256: string;
  signedAt: Date;
}

/** Records the first issue; false when another request issued it first (then use theirs). */
export async function recordIssue(db: Db, paymentId: string, issued: IssuedReceipt): Promise<boolean> {
  const rows = await db
    .update(receipts)
    .set(issued)
    .where(and(eq(receipts.paymentId, paymentId), isNull(receipts.pdfSha256)))
    .returning({ paymentId: receipts.paymentId });
  return rows.length > 0;
}
