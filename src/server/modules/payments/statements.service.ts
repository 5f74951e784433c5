import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type {
  StatementImportReport,
  StatementLine,
  StatementLinesQuery,
  StatementOutcome,
  StatementReportLine,
} from '../../../contracts/payments-reports';
import type { AccessContext } from '../identity';
import { settleDossierFee } from '../dossiers';
import { CREDITED_STATES, statesAllowing } from './lifecycle';
import * as errors from './payments.errors';
import { payments } from './payments.schema';
import { violatedConstraint } from './settlement';
import { bankStatementLines } from './reconciliation.schema';
import { readStatementFile, referencesIn, type StatementLineInput } from './statement-file';
import { VIETQR_GATEWAY } from './vietqr.service';

/**
 * Settlement of VietQR transfers from the receiving account's bank statement (issue #5 §2, §3).
 * Each credit line is one transaction: the line is recorded under its unique bank transaction id
 * (a second import of it inserts nothing: a duplicate), then — when its description holds the
 * reference of an open VietQR payment with exactly its amount — the payment is credited by one
 * conditional UPDATE (… WHERE state IN ('created','pending','expired') AND amount = …) and the
 * dossier's fee settled by `settleDossierFee`, the same path as the gateway's IPN (ADR 0010).
 * A dossier that cannot take the money (paid meanwhile) rolls the credit back; the line stays,
 * reported as already credited, for a refund by hand.
 */

const SCOPE_ACTION = 'payments.reconcile';
type PaymentLite = {
  id: string;
  reference: string;
  amount: number;
  state: string;
  method: string;
  unitCode: string;
  dossierId: string;
  dossierCode: string | null;
};
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

async function findVietqrPayments(db: Db, references: string[]): Promise<PaymentLite[]> {
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

/** The conditional credit of a VietQR payment (the compare-and-set; the unique bank transaction id holds it once). */
async function creditPayment(tx: Db, ctx: Ctx, payment: PaymentLite, input: StatementLineInput): Promise<boolean> {
  const at = ctx.now.toISOString();
  const from = statesAllowing('ipn_succeeded') as string[];
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`
    update payments.payments set state = 'succeeded', gateway_transaction_id = ${input.bankTransactionId}, paid_at = ${input.transactionAt.toISOString()}::timestamptz,
      updated_at = ${at}::timestamptz, version = version + 1
    where id = ${payment.id} and method = 'vietqr' and gateway = ${VIETQR_GATEWAY} and amount = ${input.amount}
      and state in (${sql.join(
        from.map((s) => sql`${s}`),
        sql`, `,
      )})
    returning id`,
  );
  if (!rows.length) return false;
  await tx.execute(sql`
    insert into payments.payment_events (payment_id, event, from_state, to_state, source, actor_account_id, at, detail)
    values (${payment.id}, 'statement_matched', ${payment.state}, 'succeeded', 'officer', ${ctx.access.actor!.accountId}, ${at}::timestamptz,
      jsonb_build_object('bankTransactionId', ${input.bankTransactionId}::text, 'importId', ${ctx.importId}::text, 'late', ${payment.state === 'expired'}::boolean))`);
  await settleDossierFee(tx, payment.dossierId, {
    paymentId: payment.id,
    amount: input.amount,
    method: 'vietqr',
    at: ctx.now,
  });
  return true;
}

function outcomeWithoutCredit(payment: PaymentLite, amount: number): StatementOutcome {
  if (CREDITED_STATES.includes(payment.state as (typeof CREDITED_STATES)[number])) return 'already_credited';
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
  if (payment && !ctx.access.canInUnit(SCOPE_ACTION, payment.unitCode))
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
      if (await creditPayment(tx, ctx, payment, input)) return 'matched';
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
    // The dossier refused the money (paid or exempted meanwhile): nothing credited; keep the line for a refund by hand.
    const feeConflict = error instanceof AppError && error.code === 'DOSSIER.FEE_CONFLICT';
    const constraint = violatedConstraint(error);
    if (
      !feeConflict &&
      constraint !== 'payments_one_credited_per_dossier_uq' &&
      constraint !== 'payments_gateway_txn_uq'
    )
      throw error;
    return { outcome: await record('already_credited'), line: reportLine(input, reference, payment, expected) };
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
  if (!access.actor || access.actor.kind === 'citizen') throw errors.paymentForbidden();
  const file = readStatementFile(bytes);
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

/**
 * Imported statement lines, newest first. Lines tied to a payment are shown to staff of its unit;
 * lines with no payment (unknown reference) only to staff with the whole province in scope.
 */
export async function listStatementLines(
  db: Db,
  access: AccessContext,
  q: StatementLinesQuery,
): Promise<{ items: StatementLine[]; total: number; page: number; pageSize: number }> {
  const scope = access.unitScope(SCOPE_ACTION);
  const visible =
    scope === null
      ? sql`true`
      : scope.size
        ? sql`p.unit_code in (${sql.join(
            [...scope].map((u) => sql`${u}`),
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
