import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { AppError } from '../../platform/errors';
import { assignReceiptNumber, ensureReceipt, MAX_RECEIPT_NUMBER, receiptYear } from './receipt.repository';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
}, 60_000);
afterAll(async () => db?.dispose());

/** A credited payment of `unit` (only what the receipt numbering reads matters). */
async function creditedPayment(unit: string): Promise<string> {
  const id = randomUUID();
  await db.db.execute(sql`
    insert into payments.payments (id, reference, dossier_id, unit_code, procedure_code, procedure_name_vi,
      created_by_account_id, method, gateway, amount, state, gateway_transaction_id, expires_at, paid_at)
    values (${id}, ${`T${id.replace(/-/g, '').slice(0, 14).toUpperCase()}`}, ${randomUUID()}, ${unit}, '1.004194', 'Thủ tục',
      ${randomUUID()}, 'gateway', 'vnpay', 7000, 'succeeded', ${id}, now(), now())`);
  return id;
}

const numbersOf = async (unit: string, year: number) =>
  (
    await db.rows<{ number: number }>(
      sql`select number from payments.receipts where collecting_unit_code = ${unit} and year = ${year} order by number`,
    )
  ).map((r) => Number(r.number));

const AT = new Date('2026-09-15T03:00:00Z');

describe('receipt numbers: per collecting body and year, gap-free (Decree 254/2026 as public copies report it)', () => {
  it('counts 1, 2, 3 for one body and 1 for another, in the same year', async () => {
    const [a1, a2, b1, a3] = [
      await creditedPayment('10001'),
      await creditedPayment('10001'),
      await creditedPayment('10002'),
      await creditedPayment('10001'),
    ];
    const assign = (id: string) => db.db.transaction((tx) => assignReceiptNumber(tx, id, AT));
    expect(await assign(a1)).toEqual({ year: 2026, number: 1 });
    expect(await assign(a2)).toEqual({ year: 2026, number: 2 });
    expect(await assign(b1)).toEqual({ year: 2026, number: 1 });
    expect(await assign(a3)).toEqual({ year: 2026, number: 3 });
  });

  it('stays gap-free under concurrent credits, some of which roll back (their numbers are given back)', async () => {
    const unit = '10003';
    const ids = await Promise.all(Array.from({ length: 24 }, () => creditedPayment(unit)));
    const results = await Promise.allSettled(
      ids.map((id, i) =>
        db.db.transaction(async (tx) => {
          const r = await assignReceiptNumber(tx, id, AT);
          if (i % 4 === 0) throw new Error('the dossier refused the money: roll back');
          return r.number;
        }),
      ),
    );
    const committed = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
    expect(committed).toHaveLength(18);
    expect(new Set(committed).size).toBe(18);
    expect(await numbersOf(unit, 2026)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
  });

  it.each([
    ['2026-12-31T16:59:59.999Z', 2026, '23:59:59 on 31/12/2026 in Vietnam'],
    ['2026-12-31T17:00:00.000Z', 2027, '00:00 on 1/1/2027 in Vietnam (still 31/12 in UTC)'],
    ['2027-01-01T00:00:00.000Z', 2027, '07:00 on 1/1/2027 in Vietnam'],
  ])('the year of %s is %i (%s)', (at, year) => {
    expect(receiptYear(new Date(at))).toBe(year);
  });

  it('restarts at 1 at midnight on 1 January, Vietnam time (Decree 254/2026: numbering restarts each year)', async () => {
    const unit = '10004';
    const [late, newYear, next] = [
      await creditedPayment(unit),
      await creditedPayment(unit),
      await creditedPayment(unit),
    ];
    await db.db.transaction((tx) => assignReceiptNumber(tx, late, new Date('2026-12-31T16:59:59Z')));
    expect(await db.db.transaction((tx) => assignReceiptNumber(tx, newYear, new Date('2026-12-31T17:00:00Z')))).toEqual(
      { year: 2027, number: 1 },
    );
    expect(await db.db.transaction((tx) => assignReceiptNumber(tx, next, new Date('2027-01-02T02:00:00Z')))).toEqual({
      year: 2027,
      number: 2,
    });
    expect(await numbersOf(unit, 2026)).toEqual([1]);
  });

  it('goes up to 99 999 999 and refuses a ninth digit without using a number (Decree 254/2026: at most 8 digits)', async () => {
    const unit = '10005';
    await db.db.execute(
      sql`insert into payments.receipt_counters (collecting_unit_code, year, last_number) values (${unit}, 2026, ${MAX_RECEIPT_NUMBER - 1})`,
    );
    const [last, over] = [await creditedPayment(unit), await creditedPayment(unit)];
    expect(await db.db.transaction((tx) => assignReceiptNumber(tx, last, AT))).toEqual({
      year: 2026,
      number: 99_999_999,
    });
    const refused = await db.db.transaction((tx) => assignReceiptNumber(tx, over, AT)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('PAYMENT.RECEIPT_NUMBERS_CONFLICT');
    expect((refused as AppError).messageVi).toContain('tối đa 8 chữ số');
    expect(await numbersOf(unit, 2026)).toEqual([99_999_999]);
    expect(await numbersOf(unit, 2027)).toEqual([]);
  });

  it('numbers a payment credited before receipts existed once, at its first issue, even when asked twice at once', async () => {
    const unit = '10006';
    const id = await creditedPayment(unit);
    const [a, b] = await Promise.all([ensureReceipt(db.db, id, AT), ensureReceipt(db.db, id, AT)]);
    expect(a.number).toBe(1);
    expect(b.number).toBe(1);
    expect(a.verificationToken).toBe(b.verificationToken);
    expect(a.verificationToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await numbersOf(unit, 2026)).toEqual([1]);
  });
});
