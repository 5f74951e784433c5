import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type { StatementImportReport, StatementOutcome, StatementReportLine } from '../../../contracts/payments-reports';
import type { AccessContext } from '../identity';
import {
  creditVietqrPayment,
  findVietqrPayments,
  isCredited,
  isRefusedCredit,
  paymentForbidden,
  recordRefusedTransfer,
  type TransferCredit,
  type VietqrPayment,
} from '../payments';
import { canReconcile, canReconcileUnit } from './payment-reconciliation.policy';
import { bankStatementLines } from './reconciliation.schema';
import { readStatementFile, referencesIn, type StatementLineInput } from './statement-file';

/**
 * Settlement of VietQR transfers from the receiving account's bank statement.
 * Each credit line is one transaction: the line is recorded under its unique bank transaction id
 * (a second import of it inserts nothing: a duplicate), then — when its description holds the
 * reference of an open VietQR payment with exactly its amount — the payment is credited by one
 * conditional UPDATE (… WHERE state IN ('created','pending','expired') AND amount = …) and the
 * dossier's fee settled by `settleDossierFee`, the same path as the gateway's IPN (ADR 0010).
 * A dossier that cannot take the money (withdrawn, closed or paid meanwhile) rolls the credit back;
 * the line stays, reported as already credited, and the payment becomes paid_not_credited with the
 * reason, in the refund queue (ADR 0010 rule 8).
 */

type PaymentLite = VietqrPayment;
type Outcome = StatementOutcome | 'duplicate' | 'out_of_scope';

interface Ctx {
  db: Db;
  access: AccessContext;
  importId: string;
  fileName: string;
  now: Date;
}

function reportLine(
  input: StatementLineInput,
  reference: string | null,
  payment: PaymentLite | undefined,
  expected: number | null,
): StatementReportLine {
  return {
    line: input.line,
    bankTransactionId: input.bankTransactionId,
    amount: input.amount,
    transactionAt: input.transactionAt.toISOString(),
    reference,
    paymentId: payment?.id ?? null,
    dossierCode: payment?.dossierCode ?? null,
    expectedAmount: expected,
    description: input.description.slice(0, 200),
  };
}

/** Inserts the line; false when its bank transaction id was imported before (the duplicate guard). */
async function insertLine(
  tx: Db,
  ctx: Ctx,
  input: StatementLineInput,
  reference: string | null,
  paymentId: string | null,
  outcome: StatementOutcome,
): Promise<boolean> {
  const rows = await tx
    .insert(bankStatementLines)
    .values({
      bankTransactionId: input.bankTransactionId,
      transactionAt: input.transactionAt,
      amount: input.amount,
      description: input.description,
      reference,
      paymentId,
      outcome,
      importId: ctx.importId,
      fileName: ctx.fileName,
      importedAt: ctx.now,
      importedByAccountId: ctx.access.actor!.accountId,
    })
    .onConflictDoNothing({ target: bankStatementLines.bankTransactionId })
    .returning({ id: bankStatementLines.id });
  return rows.length > 0;
}

/** The statement line as a transfer credit for payments. */
function transfer(ctx: Ctx, input: StatementLineInput): TransferCredit {
  return {
    bankTransactionId: input.bankTransactionId,
    amount: input.amount,
    transactionAt: input.transactionAt,
    accountId: ctx.access.actor!.accountId,
    importId: ctx.importId,
    at: ctx.now,
  };
}

function outcomeWithoutCredit(payment: PaymentLite, amount: number): StatementOutcome {
  if (isCredited(payment.state)) return 'already_credited';
  if (payment.amount !== amount) return 'wrong_amount';
  return 'already_credited';
}

/** One credit line → its outcome, in its own transaction. */
async function processLine(
  ctx: Ctx,
  input: StatementLineInput,
): Promise<{ outcome: Outcome; line: StatementReportLine }> {
  const references = referencesIn(input.description);
  const candidates = await findVietqrPayments(ctx.db, references);
  const payment = references.map((r) => candidates.find((p) => p.reference === r)).find(Boolean);
  const reference = payment?.reference ?? references[0] ?? null;
  if (payment && !canReconcileUnit(ctx.access, payment.unitCode))
    return { outcome: 'out_of_scope', line: reportLine(input, reference, payment, null) };
  const expected = payment && payment.amount !== input.amount ? payment.amount : null;
  const record = async (outcome: StatementOutcome) =>
    ctx.db.transaction(async (tx) =>
      (await insertLine(tx, ctx, input, reference, payment?.id ?? null, outcome)) ? outcome : ('duplicate' as const),
    );
  if (!payment)
    return { outcome: await record('unknown_reference'), line: reportLine(input, reference, undefined, null) };
  try {
    const outcome = await ctx.db.transaction(async (tx): Promise<Outcome> => {
      if (!(await insertLine(tx, ctx, input, reference, payment.id, 'matched'))) return 'duplicate';
      if (await creditVietqrPayment(tx, payment, transfer(ctx, input))) return 'matched';
      const fresh = (await findVietqrPayments(tx, [payment.reference]))[0]!;
      const other = outcomeWithoutCredit(fresh, input.amount);
      await tx
        .update(bankStatementLines)
        .set({ outcome: other })
        .where(eq(bankStatementLines.bankTransactionId, input.bankTransactionId));
      return other;
    });
    return { outcome, line: reportLine(input, reference, payment, expected) };
  } catch (error) {
    // The dossier refused the money (withdrawn, closed, paid or exempted meanwhile): nothing credited; the line is
    // kept as already credited and the payment goes to the refund queue (paid_not_credited), as a gateway success would.
    if (!isRefusedCredit(error)) throw error;
    const outcome = await record('already_credited');
    if (outcome !== 'duplicate') await recordRefusedTransfer(ctx.db, payment, transfer(ctx, input));
    return { outcome, line: reportLine(input, reference, payment, expected) };
  }
}

const LISTS: Record<
  Outcome,
  keyof Pick<
    StatementImportReport,
    'matched' | 'alreadyCredited' | 'wrongAmount' | 'unknownReference' | 'duplicates' | 'outOfScope'
  >
> = {
  matched: 'matched',
  already_credited: 'alreadyCredited',
  wrong_amount: 'wrongAmount',
  unknown_reference: 'unknownReference',
  duplicate: 'duplicates',
  out_of_scope: 'outOfScope',
};

/**
 * Staff import a bank statement (CSV, see statement-file.ts): every credit line lands in exactly
 * one list of the report. Lines are processed in file order, one transaction each, so a second
 * import of the same file (or two officers importing it at once) credits nothing twice.
 */
export async function importStatement(
  db: Db,
  access: AccessContext,
  bytes: Uint8Array,
  fileName: string,
  now = new Date(),
): Promise<StatementImportReport> {
  if (!canReconcile(access)) throw paymentForbidden();
  const file = await readStatementFile(bytes);
  const ctx: Ctx = { db, access, importId: randomUUID(), fileName: fileName.slice(0, 200), now };
  const report: StatementImportReport = {
    importId: ctx.importId,
    fileName: ctx.fileName,
    lines: file.credits.length,
    skippedDebits: file.skippedDebits,
    matched: [],
    alreadyCredited: [],
    wrongAmount: [],
    unknownReference: [],
    duplicates: [],
    outOfScope: [],
  };
  for (const input of file.credits) {
    const { outcome, line } = await processLine(ctx, input);
    report[LISTS[outcome]].push(line);
  }
  return report;
}
