import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type {
  DailyReport,
  DailyReportQuery,
  ReconciliationMismatch,
  SettlementFileResult,
} from '../../../contracts/payments-reports';
import type { AccessContext } from '../identity';
import { dailyPaymentFigures, paymentForbidden, settlementCandidates } from '../payments';
import {
  canReconcile,
  canReconcileFilter,
  canReconcileUnit,
  canSeeUnassigned,
  reconcileUnits,
} from './payment-reconciliation.policy';
import { settlementFiles, settlementLines } from './reconciliation.schema';
import { findMismatches, readSettlementFile, type SettlementLineInput } from './reconciliation';

/**
 * The daily reconciliation (đối soát): staff import the gateway's settlement file of
 * a day, then read the day's report — payments per method and state, totals, and the mismatches
 * between the file and DVC06's records — as JSON or as an XLSX workbook with Vietnamese headers.
 * Who sees what is payment-reconciliation.policy.ts: `payments.reconcile` in the caller's units;
 * file lines whose reference is unknown here belong to no unit and are shown only to staff with
 * the whole province in scope, without a unit filter.
 */

export interface ReconciliationDeps {
  db: Db;
  /** The gateway's name (payments.gateway) and DVC06's merchant code in its files. */
  gateway: string;
  tmnCode: string;
}

const dayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);
const dayPeriod = (day: string) => ({ from: dayStart(day), to: new Date(dayStart(day).getTime() + 86_400_000) });

/** Stores the settlement file of `day`, replacing an earlier one of the same day (one transaction). */
export async function importSettlementFile(
  deps: ReconciliationDeps,
  access: AccessContext,
  bytes: Uint8Array,
  day: string,
  now = new Date(),
): Promise<SettlementFileResult> {
  if (!canReconcile(access)) throw paymentForbidden();
  const lines = await readSettlementFile(bytes, day, deps.tmnCode);
  const paymentsCount = lines.filter((l) => l.type === 'payment').length;
  return deps.db.transaction(async (tx) => {
    const removed = await tx
      .delete(settlementFiles)
      .where(and(eq(settlementFiles.gateway, deps.gateway), eq(settlementFiles.day, day)))
      .returning({ id: settlementFiles.id });
    const [file] = await tx
      .insert(settlementFiles)
      .values({
        day,
        gateway: deps.gateway,
        paymentCount: paymentsCount,
        refundCount: lines.length - paymentsCount,
        importedAt: now,
        importedByAccountId: access.actor!.accountId,
      })
      .returning({ id: settlementFiles.id });
    for (let i = 0; i < lines.length; i += 500) {
      await tx.insert(settlementLines).values(
        lines.slice(i, i + 500).map((l) => ({
          fileId: file!.id,
          transactionNo: l.transactionNo,
          reference: l.reference,
          type: l.type,
          amount: l.amount,
          transactionAt: l.transactionAt,
          bankCode: l.bankCode,
        })),
      );
    }
    return { day, payments: paymentsCount, refunds: lines.length - paymentsCount, replaced: removed.length > 0 };
  });
}

function visibleMismatch(access: AccessContext, unitCode: string | undefined, m: ReconciliationMismatch): boolean {
  if (m.unitCode === null) return !unitCode && canSeeUnassigned(access);
  return (!unitCode || m.unitCode === unitCode) && canReconcileUnit(access, m.unitCode);
}

/** The day's report (JSON). */
export async function dailyReport(
  deps: ReconciliationDeps,
  access: AccessContext,
  q: DailyReportQuery,
): Promise<DailyReport> {
  if (!canReconcileFilter(access, q.unitCode)) throw paymentForbidden();
  const period = dayPeriod(q.day);
  const figures = await dailyPaymentFigures(deps.db, period, reconcileUnits(access, q.unitCode));
  const byMethodAndState = figures.byMethodAndState;
  const [file] = await deps.db
    .select()
    .from(settlementFiles)
    .where(and(eq(settlementFiles.gateway, deps.gateway), eq(settlementFiles.day, q.day)))
    .limit(1);
  let mismatches: ReconciliationMismatch[] = [];
  if (file) {
    const lines: SettlementLineInput[] = (
      await deps.db.select().from(settlementLines).where(eq(settlementLines.fileId, file.id))
    ).map((l, i) => ({
      line: i + 2,
      transactionNo: l.transactionNo,
      reference: l.reference,
      type: l.type as 'payment' | 'refund',
      amount: l.amount,
      transactionAt: l.transactionAt,
      bankCode: l.bankCode,
    }));
    const references = [...new Set(lines.map((l) => l.reference))];
    const ours = await settlementCandidates(deps.db, deps.gateway, references, period);
    mismatches = findMismatches(lines, ours, q.day).filter((m) => visibleMismatch(access, q.unitCode, m));
  }
  return {
    day: q.day,
    unitCode: q.unitCode ?? null,
    byMethodAndState,
    totals: {
      created: byMethodAndState.reduce((s, g) => s + g.count, 0),
      createdAmount: byMethodAndState.reduce((s, g) => s + g.amount, 0),
      paid: figures.paid.count,
      paidAmount: figures.paid.amount,
      refunds: figures.refunded.count,
      refundedAmount: figures.refunded.amount,
    },
    settlementFile: file
      ? { importedAt: file.importedAt.toISOString(), payments: file.paymentCount, refunds: file.refundCount }
      : null,
    mismatches,
  };
}
