import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * The tables of this module live in the `payments` database schema, where they were created before
 * reconciliation became a module of its own (renaming the schema would need a migration for no gain).
 * Drizzle merges the two declarations of the same schema name.
 */
const paymentsSchema = pgSchema('payments');

/**
 * Tables of the VietQR settlement and the daily reconciliation, in the
 * `payments` schema: every credit line of an imported bank statement (sao kê) with its outcome —
 * the unique bank transaction id makes a re-imported line a duplicate, never a second credit —
 * and the gateway's daily settlement files with their lines.
 */
export const bankStatementLines = paymentsSchema.table(
  'bank_statement_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The bank's transaction id (số bút toán / mã giao dịch): one line, one credit at most. */
    bankTransactionId: text('bank_transaction_id').notNull(),
    transactionAt: timestamp('transaction_at', { withTimezone: true }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** As the bank wrote it (may name the payer: never logged). */
    description: text('description').notNull(),
    /** The payment reference found in the description, if any. */
    reference: text('reference'),
    paymentId: uuid('payment_id'),
    /** matched | already_credited | wrong_amount | unknown_reference. */
    outcome: text('outcome').notNull(),
    importId: uuid('import_id').notNull(),
    fileName: text('file_name').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    importedByAccountId: uuid('imported_by_account_id').notNull(),
  },
  (t) => [
    uniqueIndex('bank_statement_lines_txn_uq').on(t.bankTransactionId),
    index('bank_statement_lines_imported_idx').on(t.importedAt.desc()),
    index('bank_statement_lines_payment_idx').on(t.paymentId),
    check(
      'bank_statement_lines_outcome_ck',
      sql`${t.outcome} in ('matched', 'already_credited', 'wrong_amount', 'unknown_reference')`,
    ),
    check('bank_statement_lines_amount_ck', sql`${t.amount} > 0`),
  ],
);

/** The gateway's settlement file of one day (Vietnam time); a new import of the day replaces it. */
export const settlementFiles = paymentsSchema.table(
  'settlement_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    day: date('day', { mode: 'string' }).notNull(),
    gateway: text('gateway').notNull(),
    paymentCount: integer('payment_count').notNull(),
    refundCount: integer('refund_count').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    importedByAccountId: uuid('imported_by_account_id').notNull(),
  },
  (t) => [uniqueIndex('settlement_files_day_uq').on(t.gateway, t.day)],
);

/** One line of a settlement file: a paid order (positive) or a refund (negative). */
export const settlementLines = paymentsSchema.table(
  'settlement_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => settlementFiles.id, { onDelete: 'cascade' }),
    transactionNo: text('transaction_no').notNull(),
    reference: text('reference').notNull(),
    /** payment | refund. */
    type: text('type').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    transactionAt: timestamp('transaction_at', { withTimezone: true }).notNull(),
    bankCode: text('bank_code'),
  },
  (t) => [
    uniqueIndex('settlement_lines_txn_uq').on(t.fileId, t.type, t.transactionNo),
    index('settlement_lines_reference_idx').on(t.reference),
    check('settlement_lines_type_ck', sql`${t.type} in ('payment', 'refund')`),
  ],
);
