import type { FieldProblem } from '../../../contracts/messages';
import { cleanText, parseVietnamTime, parseVnd, readCsvTable } from './table-file';
import { fileInvalid, RECONCILIATION_ERRORS } from './payment-reconciliation.errors';

/**
 * A bank statement (sao kê) of the receiving account, as CSV in UTF-8, one line per transaction.
 * Columns (header names matched without case or diacritics; any order; other columns ignored):
 *
 * | column                | accepted headers                                                             | example             |
 * |-----------------------|------------------------------------------------------------------------------|---------------------|
 * | `transaction_time`    | transaction_time, time, date, Ngày giao dịch, Thời gian, Ngày GD, Ngày       | 05/10/2026 14:03:09 |
 * | `amount`              | amount, credit, Số tiền, Số tiền ghi có, Ghi có, Phát sinh có                | 15.000 (debits < 0) |
 * | `description`         | description, Nội dung, Diễn giải, Nội dung giao dịch, Mô tả                  | DVC0ABC… chuyen tien|
 * | `bank_transaction_id` | bank_transaction_id, transaction_id, Mã giao dịch, Số bút toán, Số tham chiếu | FT26278123456       |
 *
 * Times are Vietnam time (YYYY-MM-DD HH:mm[:ss] or DD/MM/YYYY HH:mm[:ss]); amounts whole đồng
 * (15000, 15.000, 15,000, 15.000,00). Lines with an amount ≤ 0 (debits) are skipped. The whole
 * file is refused when any line is unreadable, listing line and column, so nothing is half-imported.
 */
export const STATEMENT_COLUMNS = {
  transactionTime: [
    'transaction_time',
    'time',
    'date',
    'Ngày giao dịch',
    'Thời gian giao dịch',
    'Thời gian',
    'Ngày GD',
    'Ngày',
  ],
  amount: ['amount', 'credit', 'Số tiền', 'Số tiền ghi có', 'Ghi có', 'Phát sinh có'],
  description: ['description', 'Nội dung', 'Diễn giải', 'Nội dung giao dịch', 'Mô tả'],
  bankTransactionId: ['bank_transaction_id', 'transaction_id', 'Mã giao dịch', 'Số bút toán', 'Số tham chiếu', 'Mã GD'],
} as const;

export interface StatementLineInput {
  line: number;
  bankTransactionId: string;
  transactionAt: Date;
  amount: number;
  description: string;
}

export interface StatementFile {
  credits: StatementLineInput[];
  skippedDebits: number;
}

const problem = (line: number, column: string, vi: string, en: string): FieldProblem => ({
  field: `line ${line}.${column}`,
  code: RECONCILIATION_ERRORS.FILE_INVALID,
  messageVi: `Dòng ${line}, cột ${column}: ${vi}`,
  messageEn: `Line ${line}, column ${column}: ${en}`,
});

/** Reads a statement file; throws PAYMENT.FILE_INVALID with every problem (line and column) when any line is unreadable. */
export async function readStatementFile(bytes: Uint8Array): Promise<StatementFile> {
  const rows = await readCsvTable(bytes, STATEMENT_COLUMNS, { vi: 'Sao kê', en: 'Statement' });
  const problems: FieldProblem[] = [];
  const credits: StatementLineInput[] = [];
  let skippedDebits = 0;
  for (const { line, cells } of rows) {
    const at = parseVietnamTime(cells.transactionTime);
    const amount = parseVnd(cells.amount);
    const id = cleanText(cells.bankTransactionId, 200);
    if (!at)
      problems.push(
        problem(
          line,
          'transaction_time',
          `thời gian "${cleanText(cells.transactionTime, 40)}" không hợp lệ (YYYY-MM-DD HH:mm:ss hoặc DD/MM/YYYY HH:mm:ss)`,
          `time "${cleanText(cells.transactionTime, 40)}" is not valid (YYYY-MM-DD HH:mm:ss or DD/MM/YYYY HH:mm:ss)`,
        ),
      );
    if (amount === null)
      problems.push(
        problem(
          line,
          'amount',
          `số tiền "${cleanText(cells.amount, 40)}" không phải số đồng nguyên`,
          `amount "${cleanText(cells.amount, 40)}" is not a whole number of VND`,
        ),
      );
    if (!/^[A-Za-z0-9._\-/]{1,64}$/.test(id))
      problems.push(
        problem(
          line,
          'bank_transaction_id',
          'mã giao dịch trống hoặc chứa ký tự không hợp lệ (1–64 chữ, số, . _ - /)',
          'the transaction id is empty or has invalid characters (1–64 letters, digits, . _ - /)',
        ),
      );
    if (!at || amount === null || problems.length) continue;
    if (amount <= 0) {
      skippedDebits++;
      continue;
    }
    credits.push({
      line,
      bankTransactionId: id,
      transactionAt: at,
      amount,
      description: cleanText(cells.description, 1000),
    });
  }
  if (problems.length) {
    throw fileInvalid(
      `Sao kê có ${problems.length} dòng lỗi, chưa nhập dòng nào. ${problems[0]!.messageVi}`,
      `The statement has ${problems.length} problems; nothing was imported. ${problems[0]!.messageEn}`,
      problems,
    );
  }
  return { credits, skippedDebits };
}

/** Crockford base32 of the references (payments.service newPaymentReference): no I, L, O, U. */
const REFERENCE = /DVC[0-9A-HJKMNP-TV-Z]{12}/g;

/**
 * Payment references a transfer description may hold: as written (upper-cased), then with spaces
 * and punctuation removed — banks and citizens insert both ("DVC 0ABC-DEFG…"). In order, unique.
 */
export function referencesIn(description: string): string[] {
  const upper = description.toUpperCase();
  const found = [...upper.matchAll(REFERENCE), ...upper.replace(/[^0-9A-Z]/g, '').matchAll(REFERENCE)].map((m) => m[0]);
  return [...new Set(found)];
}
