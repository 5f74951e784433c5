import { join } from 'node:path';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { diskFileStore } from '../../platform/files';
import type { AccessContext } from '../identity';
import { getDossier } from '../dossiers';
import { CREDITED_STATES } from './lifecycle';
import * as errors from './payments.errors';
import { canSeePayment } from './payments.policy';
import * as repo from './payments.repository';
import { renderReceipt } from './receipt';
import { receiptNotAvailable } from './payments.errors';

export interface ReceiptDeps {
  db: Db;
  config: Pick<Config, 'AUDIT_PSEUDONYM_KEY' | 'PROVINCE_AGENCY_CODE' | 'DATA_DIR'>;
  now?: () => Date;
}

/**
 * The receipt PDF of a payment, for the citizen who owns it or staff of its unit (`dossiers.read`).
 * Only a payment that succeeded (or was later refunded, noted on the receipt) has one. The payer's
 * name is the dossier's applicant, read through the dossiers module (a staff read is access-logged there).
 */
export async function paymentReceipt(
  deps: ReceiptDeps,
  access: AccessContext,
  paymentId: string,
): Promise<{ pdf: Buffer; fileName: string }> {
  const row = await repo.findPayment(deps.db, paymentId);
  if (!row || !canSeePayment(access, row)) throw errors.paymentNotFound();
  if (!CREDITED_STATES.includes(row.state as (typeof CREDITED_STATES)[number]) || !row.paidAt)
    throw receiptNotAvailable(row.state);
  const dossier = await getDossier(
    { db: deps.db, config: deps.config, files: diskFileStore(join(deps.config.DATA_DIR, 'files')) },
    access,
    row.dossierId,
  );
  const pdf = await renderReceipt({
    unitName: dossier.unitName ?? `Đơn vị ${row.unitCode}`,
    receiptNumber: row.reference,
    payerName: dossier.applicantName,
    dossierCode: row.dossierCode ?? dossier.code ?? '',
    procedureName: row.procedureNameVi,
    amount: row.amount,
    method: row.method === 'vietqr' ? 'vietqr' : 'gateway',
    transactionNumber: row.gatewayTransactionId ?? '',
    paidAt: row.paidAt,
    refundedAmount: row.refundedAmount,
    issuedAt: deps.now ? deps.now() : new Date(),
    place: 'Lai Châu',
  });
  return { pdf, fileName: `bien-lai-${row.reference}.pdf` };
}
