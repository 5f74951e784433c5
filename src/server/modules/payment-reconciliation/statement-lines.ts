import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import type { StatementLine, StatementLinesQuery, StatementOutcome } from '../../../contracts/payments-reports';
import type { AccessContext } from '../identity';
import { reconcileUnits } from './payment-reconciliation.policy';

/**
 * Imported statement lines, newest first (the statement table joined with the payments' unit and
 * dossier code, both tables in the `payments` database schema). Lines tied to a payment are shown to staff of its unit;
 * lines with no payment (unknown reference) only to staff with the whole province in scope.
 */
export async function listStatementLines(
  db: Db,
  access: AccessContext,
  q: StatementLinesQuery,
): Promise<{ items: StatementLine[]; total: number; page: number; pageSize: number }> {
  const units = reconcileUnits(access);
  const visible =
    units === null
      ? sql`true`
      : units.length
        ? sql`p.unit_code in (${sql.join(
            units.map((u) => sql`${u}`),
            sql`, `,
          )})`
        : sql`false`;
  const where = sql`${visible} ${q.outcome ? sql`and l.outcome = ${q.outcome}` : sql``}`;
  const from = sql`payments.bank_statement_lines l left join payments.payments p on p.id = l.payment_id`;
  const rows = await queryRows<{
    id: string;
    bank_transaction_id: string;
    amount: string | number;
    transaction_at: Date | string;
    reference: string | null;
    payment_id: string | null;
    dossier_code: string | null;
    description: string;
    outcome: StatementOutcome;
    import_id: string;
    imported_at: Date | string;
  }>(
    db,
    sql`
    select l.id, l.bank_transaction_id, l.amount, l.transaction_at, l.reference, l.payment_id, p.dossier_code, l.description, l.outcome, l.import_id, l.imported_at
    from ${from} where ${where} order by l.imported_at desc, l.transaction_at desc, l.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  const [total] = await queryRows<{ n: string | number }>(db, sql`select count(*) as n from ${from} where ${where}`);
  const iso = (d: Date | string) => new Date(d).toISOString();
  return {
    items: rows.map((r) => ({
      id: r.id,
      bankTransactionId: r.bank_transaction_id,
      amount: Number(r.amount),
      transactionAt: iso(r.transaction_at),
      reference: r.reference,
      paymentId: r.payment_id,
      dossierCode: r.dossier_code,
      description: r.description.slice(0, 200),
      outcome: r.outcome,
      importId: r.import_id,
      importedAt: iso(r.imported_at),
    })),
    total: Number(total?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}
