import type { Db } from '../../platform/db';
import * as repo from './payment-sandbox.repository';

/** Columns of the settlement file (one line per paid order or refund of the day). */
export const SETTLEMENT_COLUMNS = [
  'transaction_no',
  'txn_ref',
  'type',
  'amount',
  'currency',
  'transaction_time',
  'bank_code',
  'tmn_code',
] as const;

/** yyyy-MM-dd HH:mm:ss in GMT+7 (how the gateway's files write times). */
function gmt7(date: Date): string {
  return new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The gateway's settlement file for one day (Vietnam time), as CSV: every order paid that day
 * (`payment`, positive amount) and every refund made that day (`refund`, negative amount), in
 * time order, with a header line. The daily reconciliation (module payment-reconciliation) imports it.
 */
export async function settlementCsv(db: Db, tmnCode: string, day: string): Promise<string> {
  const from = new Date(`${day}T00:00:00+07:00`);
  const to = new Date(from.getTime() + 86_400_000);
  const { paid, refunded } = await repo.settledBetween(db, tmnCode, from, to);
  const rows: Array<{ at: Date; cells: Array<string | number> }> = [
    ...paid.map((t) => ({
      at: t.payDate!,
      cells: [String(t.id), t.txnRef, 'payment', t.amount, 'VND', gmt7(t.payDate!), t.bankCode ?? '', t.tmnCode],
    })),
    ...refunded.map(({ refund, txn }) => ({
      at: refund.createdAt,
      cells: [
        `R${refund.id}`,
        txn.txnRef,
        'refund',
        -refund.amount,
        'VND',
        gmt7(refund.createdAt),
        txn.bankCode ?? '',
        txn.tmnCode,
      ],
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return [SETTLEMENT_COLUMNS.join(','), ...rows.map((r) => r.cells.map(csvField).join(','))].join('\r\n') + '\r\n';
}
