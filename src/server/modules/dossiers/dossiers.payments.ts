import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { FeeStatus } from '../../../contracts/dossiers';
import { formatVnd } from '../../../contracts/fees';
import { dossierNotFound } from './dossiers.errors';
import * as repo from './dossiers.repository';
import { versionById } from './versions';
import type { DossierState } from '../../../contracts/dossiers';
import { CLOSED_STATES, stateAfterPayment } from './lifecycle';

/**
 * What the payments module needs of a dossier, and the two changes it makes to one — always inside
 * the payment's own transaction, so a payment and its dossier change together or not at all
 * (money never moves without its dossier, nor a dossier without its money).
 */
export interface PayableDossier {
  id: string;
  code: string | null;
  ownerAccountId: string | null;
  /** The applicant as the dossier names them (the payer printed on a fee receipt). */
  applicantName: string;
  unitCode: string;
  procedureCode: string;
  procedureNameVi: string;
  state: string;
  feeAmount: number;
  feeStatus: FeeStatus;
  feePaidAmount: number;
}

export async function getDossierForPayment(db: Db, dossierId: string): Promise<PayableDossier> {
  const row = await repo.findDossier(db, dossierId);
  if (!row) throw dossierNotFound();
  const version = await versionById(db, row.procedureVersionId);
  return {
    id: row.id,
    code: row.code,
    ownerAccountId: row.ownerAccountId,
    applicantName: row.applicantName,
    unitCode: row.unitCode,
    procedureCode: row.procedureCode,
    procedureNameVi: version.nameVi,
    state: row.state,
    feeAmount: row.feeAmount,
    feeStatus: row.feeStatus as FeeStatus,
    feePaidAmount: row.feePaidAmount,
  };
}

function feeConflict(vi: string, en: string): AppError {
  return new AppError('DOSSIER.FEE_CONFLICT', vi, en);
}

/**
 * Records a settled payment on the dossier in the caller's transaction: the fee becomes paid and
 * a dossier waiting for its payment moves on to the desk (`pay`, by the system). Refuses (409) an
 * amount other than the fee due, a dossier that is not waiting for payment, or one already closed
 * (withdrawn, refused, not accepted: its money goes back, ADR 0010 rule 8) — the payment's
 * transaction then rolls back with it.
 */
export async function settleDossierFee(
  tx: Db,
  dossierId: string,
  payment: { paymentId: string; amount: number; method: 'gateway' | 'vietqr'; at: Date },
): Promise<void> {
  const row = await repo.findDossierForUpdate(tx, dossierId);
  if (!row) throw dossierNotFound();
  if ((CLOSED_STATES as readonly string[]).includes(row.state))
    throw feeConflict(
      'Hồ sơ đã được rút hoặc đã kết thúc, không nhận lệ phí',
      'The dossier was withdrawn or is closed; it takes no fee',
    );
  if (row.feeStatus !== 'unpaid')
    throw feeConflict(
      'Lệ phí của hồ sơ này không ở trạng thái chờ thanh toán',
      'This dossier has no fee waiting to be paid',
    );
  if (payment.amount !== row.feeAmount)
    throw feeConflict(
      `Số tiền ${formatVnd(payment.amount, 'vi')} khác lệ phí phải nộp ${formatVnd(row.feeAmount, 'vi')}`,
      `Amount ${formatVnd(payment.amount, 'en')} differs from the fee due ${formatVnd(row.feeAmount, 'en')}`,
    );
  // The state machine's `pay`, like every other move of a dossier.
  const toState = stateAfterPayment(row.state as DossierState);
  const updated = await repo.updateDossierIf(tx, row.id, row.state, row.version, {
    state: toState,
    feeStatus: 'paid',
    feePaidAmount: payment.amount,
    feePaidAt: payment.at,
    feePaymentId: payment.paymentId,
  });
  if (!updated) throw feeConflict('Hồ sơ vừa thay đổi, vui lòng thử lại', 'The dossier just changed; try again');
  await repo.insertTransition(tx, {
    dossierId: row.id,
    command: 'pay',
    fromState: row.state,
    toState,
    actorAccountId: null,
    actorRole: 'system',
    actorUnit: null,
    at: payment.at,
    note: `${payment.method === 'gateway' ? 'Thanh toán trực tuyến' : 'Chuyển khoản VietQR'}: ${formatVnd(payment.amount, 'vi')}`,
    dueAt: row.dueAt,
  });
}

/** Records a refund (full or partial) in the caller's transaction; a full refund marks the fee refunded. */
export async function refundDossierFee(
  tx: Db,
  dossierId: string,
  refund: { paymentId: string; amount: number; full: boolean; at: Date; reason: string },
): Promise<void> {
  const row = await repo.findDossierForUpdate(tx, dossierId);
  if (!row) throw dossierNotFound();
  if (row.feeStatus !== 'paid' || row.feePaymentId !== refund.paymentId)
    throw feeConflict(
      'Hồ sơ không có khoản lệ phí đã nộp qua giao dịch này',
      'The dossier has no fee paid by this payment',
    );
  if (refund.amount <= 0 || refund.amount > row.feePaidAmount)
    throw feeConflict('Số tiền hoàn không hợp lệ', 'Invalid refund amount');
  const paidLeft = row.feePaidAmount - refund.amount;
  const updated = await repo.updateDossierIf(tx, row.id, row.state, row.version, {
    feePaidAmount: paidLeft,
    feeStatus: refund.full || paidLeft === 0 ? 'refunded' : 'paid',
  });
  if (!updated) throw feeConflict('Hồ sơ vừa thay đổi, vui lòng thử lại', 'The dossier just changed; try again');
  await repo.insertTransition(tx, {
    dossierId: row.id,
    command: 'refund',
    fromState: row.state,
    toState: row.state,
    actorAccountId: null,
    actorRole: 'system',
    actorUnit: null,
    at: refund.at,
    note: `Hoàn ${formatVnd(refund.amount, 'vi')}`,
    reason: refund.reason,
    dueAt: row.dueAt,
  });
}
