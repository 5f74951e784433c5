import type { FieldProblem } from '../../../contracts/messages';
import type { ReconciliationMismatch } from '../../../contracts/payments-reports';
import type { PaymentState } from '../../../contracts/payments';
import type { SettlementCandidate } from '../payments';
import { cleanText, parseVietnamTime, parseVnd, readCsvTable, vietnamDay } from './table-file';
import { fileInvalid, RECONCILIATION_ERRORS } from './payment-reconciliation.errors';

/**
 * The gateway's daily settlement file (file đối soát) and its comparison with DVC06's records
 * (so that the money taken and the money recorded are compared every day). Pure: reading the file and
 * finding mismatches; the service stores and queries.
 *
 * The file is the gateway's CSV (the sandbox writes it at /pay-sandbox/settlement?date=…):
 * `transaction_no, txn_ref, type, amount, currency, transaction_time, bank_code, tmn_code` —
 * type `payment` (amount > 0) or `refund` (amount < 0), times `yyyy-MM-dd HH:mm:ss` GMT+7.
 * Vietnamese headers are accepted too (Mã giao dịch, Mã tham chiếu, Loại, Số tiền, Thời gian…).
 */
export const SETTLEMENT_FILE_COLUMNS = {
  transactionNo: ['transaction_no', 'Mã giao dịch', 'Số giao dịch', 'vnp_TransactionNo'],
  reference: ['txn_ref', 'Mã tham chiếu', 'Mã đơn hàng', 'vnp_TxnRef'],
  type: ['type', 'Loại', 'Loại giao dịch'],
  amount: ['amount', 'Số tiền'],
  transactionTime: ['transaction_time', 'Thời gian', 'Thời gian giao dịch', 'Ngày giao dịch'],
  bankCode: ['bank_code', 'Ngân hàng', 'Mã ngân hàng'],
  tmnCode: ['tmn_code', 'Mã website', 'Mã đơn vị'],
} as const;

export interface SettlementLineInput {
  line: number;
  transactionNo: string;
  reference: string;
  type: 'payment' | 'refund';
  /** Positive VND: the payment, or the refund's absolute amount. */
  amount: number;
  transactionAt: Date;
  bankCode: string | null;
}

const problem = (line: number, column: string, vi: string, en: string): FieldProblem => ({
  field: `line ${line}.${column}`,
  code: RECONCILIATION_ERRORS.FILE_INVALID,
  messageVi: `Dòng ${line}, cột ${column}: ${vi}`,
  messageEn: `Line ${line}, column ${column}: ${en}`,
});

function checkLine(
  line: number,
  c: Record<string, string>,
  day: string,
  tmnCode: string,
): { value?: SettlementLineInput; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const type = c.type!.toLowerCase();
  const amount = parseVnd(c.amount!);
  const at = parseVietnamTime(c.transactionTime!);
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(c.transactionNo!))
    problems.push(
      problem(
        line,
        'transaction_no',
        'mã giao dịch trống hoặc không hợp lệ',
        'the transaction number is empty or invalid',
      ),
    );
  if (!/^[A-Za-z0-9]{1,40}$/.test(c.reference!))
    problems.push(
      problem(line, 'txn_ref', 'mã tham chiếu trống hoặc không hợp lệ', 'the reference is empty or invalid'),
    );
  if (type !== 'payment' && type !== 'refund')
    problems.push(
      problem(
        line,
        'type',
        `loại "${cleanText(c.type!, 20)}" phải là payment hoặc refund`,
        `type "${cleanText(c.type!, 20)}" must be payment or refund`,
      ),
    );
  if (amount === null || amount === 0 || (type === 'payment' && amount < 0) || (type === 'refund' && amount > 0)) {
    problems.push(
      problem(
        line,
        'amount',
        'số tiền không hợp lệ (thanh toán > 0, hoàn tiền < 0, số đồng nguyên)',
        'invalid amount (payment > 0, refund < 0, whole VND)',
      ),
    );
  }
  if (!at)
    problems.push(
      problem(
        line,
        'transaction_time',
        'thời gian không hợp lệ (yyyy-MM-dd HH:mm:ss)',
        'invalid time (yyyy-MM-dd HH:mm:ss)',
      ),
    );
  else if (vietnamDay(at) !== day)
    problems.push(
      problem(line, 'transaction_time', `giao dịch không thuộc ngày ${day}`, `the transaction is not on ${day}`),
    );
  if (c.tmnCode && c.tmnCode !== tmnCode)
    problems.push(
      problem(
        line,
        'tmn_code',
        `mã đơn vị ${cleanText(c.tmnCode, 20)} không phải của DVC06`,
        `merchant code ${cleanText(c.tmnCode, 20)} is not DVC06's`,
      ),
    );
  if (problems.length) return { problems };
  return {
    problems,
    value: {
      line,
      transactionNo: c.transactionNo!,
      reference: c.reference!.toUpperCase(),
      type: type as 'payment' | 'refund',
      amount: Math.abs(amount!),
      transactionAt: at!,
      bankCode: c.bankCode || null,
    },
  };
}

/** Reads the gateway's settlement file of `day`; refuses the whole file (every line and column named) on any problem. */
export async function readSettlementFile(
  bytes: Uint8Array,
  day: string,
  tmnCode: string,
): Promise<SettlementLineInput[]> {
  const rows = await readCsvTable(bytes, SETTLEMENT_FILE_COLUMNS, { vi: 'Tệp đối soát', en: 'Settlement file' });
  const problems: FieldProblem[] = [];
  const lines: SettlementLineInput[] = [];
  const seen = new Set<string>();
  for (const { line, cells } of rows) {
    const checked = checkLine(line, cells, day, tmnCode);
    problems.push(...checked.problems);
    if (!checked.value) continue;
    const key = `${checked.value.type}:${checked.value.transactionNo}`;
    if (seen.has(key))
      problems.push(
        problem(
          line,
          'transaction_no',
          `giao dịch ${checked.value.transactionNo} lặp lại`,
          `transaction ${checked.value.transactionNo} appears twice`,
        ),
      );
    seen.add(key);
    lines.push(checked.value);
  }
  if (problems.length) {
    throw fileInvalid(
      `Tệp đối soát có ${problems.length} lỗi, chưa nhập. ${problems[0]!.messageVi}`,
      `The settlement file has ${problems.length} problems; nothing was imported. ${problems[0]!.messageEn}`,
      problems,
    );
  }
  return lines;
}

/** A gateway payment of DVC06 as the comparison needs it. */
export type OurPayment = SettlementCandidate;

/** The money is with us: credited, or taken but not credited (paid_not_credited, in the refund queue). */
const CREDITED: readonly PaymentState[] = ['succeeded', 'partially_refunded', 'refunded', 'paid_not_credited'];

/**
 * Mismatches between the file's payments of a day and ours:
 * - `missing_here`: paid in the file, but here unknown or not credited;
 * - `amount_differs`: both sides paid, different amounts;
 * - `missing_in_file`: credited here with a payment time in the day, absent from the file.
 * `ours` holds our payments of the file's references and those credited that day.
 */
export function findMismatches(
  file: readonly SettlementLineInput[],
  ours: readonly OurPayment[],
  day: string,
): ReconciliationMismatch[] {
  const byRef = new Map(ours.map((p) => [p.reference, p]));
  const filePaid = file.filter((l) => l.type === 'payment');
  const inFile = new Set(filePaid.map((l) => l.reference));
  const out: ReconciliationMismatch[] = [];
  const row = (
    kind: ReconciliationMismatch['kind'],
    reference: string,
    p: OurPayment | undefined,
    fileLine: SettlementLineInput | undefined,
  ): ReconciliationMismatch => ({
    kind,
    reference,
    gatewayTransactionId: fileLine?.transactionNo ?? p?.gatewayTransactionId ?? null,
    fileAmount: fileLine?.amount ?? null,
    ourAmount: p?.amount ?? null,
    ourState: p?.state ?? null,
    paymentId: p?.id ?? null,
    dossierCode: p?.dossierCode ?? null,
    unitCode: p?.unitCode ?? null,
  });
  for (const line of filePaid) {
    const p = byRef.get(line.reference);
    if (!p || !CREDITED.includes(p.state)) out.push(row('missing_here', line.reference, p, line));
    else if (p.amount !== line.amount) out.push(row('amount_differs', line.reference, p, line));
  }
  for (const p of ours) {
    if (CREDITED.includes(p.state) && p.paidAt && vietnamDay(p.paidAt) === day && !inFile.has(p.reference))
      out.push(row('missing_in_file', p.reference, p, undefined));
  }
  return out;
}
