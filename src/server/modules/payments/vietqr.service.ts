import QRCode from 'qrcode';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { VietqrTransfer } from '../../../contracts/payments-reports';
import type { AccessContext } from '../identity';
import { getDossierForPayment, type PayableDossier } from '../dossiers';
import { statesAllowing } from './lifecycle';
import * as errors from './payments.errors';
import { canPay, canSeePayment } from './payments.policy';
import { presentPayment } from './payments.presenter';
import * as repo from './payments.repository';
import { expireOne, newPaymentReference } from './payments.service';
import { violatedConstraint } from './settlement';
import { openGatewayPayment, vietqrUnavailable } from './payments.errors';
import { vietqrPayload } from './vietqr';

/** The gateway name of VietQR payments (part of the unique key with the bank transaction id). */
export const VIETQR_GATEWAY = 'vietqr';

export interface VietqrDeps {
  db: Db;
  config: Pick<Config, 'VIETQR_BANK_BIN' | 'VIETQR_ACCOUNT_NO' | 'VIETQR_ACCOUNT_NAME' | 'VIETQR_EXPIRY_HOURS'>;
  now?: () => Date;
}

function account(deps: VietqrDeps): { bankBin: string; accountNo: string; accountName: string } {
  const { VIETQR_BANK_BIN: bankBin, VIETQR_ACCOUNT_NO: accountNo, VIETQR_ACCOUNT_NAME: accountName } = deps.config;
  if (!bankBin || !accountNo || !accountName) throw vietqrUnavailable();
  return { bankBin, accountNo, accountName };
}

/** The transfer order of a VietQR payment: payload, QR picture and the account to pay. */
async function present(deps: VietqrDeps, row: repo.PaymentRow, reused: boolean): Promise<VietqrTransfer> {
  const to = account(deps);
  const payload = vietqrPayload({
    bankBin: to.bankBin,
    accountNo: to.accountNo,
    amount: row.amount,
    purpose: row.reference,
  });
  const qrPngDataUrl = await QRCode.toDataURL(payload, { errorCorrectionLevel: 'M', margin: 2, width: 320 });
  return {
    payment: presentPayment(row, await repo.listRefunds(deps.db, [row.id])),
    reference: row.reference,
    amount: row.amount,
    payload,
    qrPngDataUrl,
    account: to,
    expiresAt: row.expiresAt.toISOString(),
    reused,
  };
}

async function insertPending(
  deps: VietqrDeps,
  accountId: string,
  dossier: PayableDossier,
  idempotencyKey: string | null,
  now: Date,
): Promise<repo.PaymentRow> {
  return deps.db.transaction(async (tx) => {
    const created = await repo.insertPayment(tx, {
      reference: newPaymentReference(),
      dossierId: dossier.id,
      dossierCode: dossier.code,
      unitCode: dossier.unitCode,
      procedureCode: dossier.procedureCode,
      procedureNameVi: dossier.procedureNameVi,
      ownerAccountId: dossier.ownerAccountId,
      createdByAccountId: accountId,
      idempotencyKey,
      method: 'vietqr',
      gateway: VIETQR_GATEWAY,
      amount: dossier.feeAmount,
      state: 'created',
      createdAt: now,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + deps.config.VIETQR_EXPIRY_HOURS * 3_600_000),
    });
    await repo.insertEvent(tx, {
      paymentId: created.id,
      event: 'create',
      fromState: null,
      toState: 'created',
      source: 'citizen',
      actorAccountId: accountId,
      at: now,
      detail: { amount: created.amount, method: 'vietqr' },
    });
    // "redirect" for a transfer: the QR and transfer details were shown; the citizen now pays from their bank.
    const pending = await repo.transition(tx, created.id, statesAllowing('redirect'), 'pending', { updatedAt: now });
    await repo.insertEvent(tx, {
      paymentId: created.id,
      event: 'redirect',
      fromState: 'created',
      toState: 'pending',
      source: 'citizen',
      actorAccountId: accountId,
      at: now,
    });
    return pending!;
  });
}

/**
 * A citizen chooses to pay their dossier's fee by VietQR bank transfer. Same rules as a gateway
 * payment: only the owner, only a dossier awaiting an unpaid fee; idempotent per
 * (account, Idempotency-Key) when the header is sent; an open VietQR order of the dossier is
 * returned again (same reference, same QR). An open, unexpired gateway payment is refused (409):
 * the citizen may still complete it, and paying twice would need a refund.
 */
export async function createVietqrPayment(
  deps: VietqrDeps,
  access: AccessContext,
  dossierId: string,
  idempotencyKey: string | null,
): Promise<VietqrTransfer> {
  const actor = access.actor;
  if (!actor) throw errors.paymentForbidden();
  account(deps);
  if (idempotencyKey) {
    const previous = await repo.findByIdempotencyKey(deps.db, actor.accountId, idempotencyKey);
    if (previous) {
      if (previous.dossierId !== dossierId || previous.method !== 'vietqr') throw errors.idempotencyConflict();
      return present(deps, previous, true);
    }
  }
  const dossier = await getDossierForPayment(deps.db, dossierId);
  if (!canPay(access, dossier)) throw new AppError('DOSSIER.NOT_FOUND', 'Không tìm thấy hồ sơ', 'Dossier not found');
  if (dossier.feeStatus !== 'unpaid' || dossier.state !== 'awaiting_payment' || dossier.feeAmount <= 0)
    throw errors.notPayable(dossier.feeStatus, dossier.state);
  const now = deps.now ? deps.now() : new Date();
  for (let attempt = 0; ; attempt++) {
    const open = await repo.findOpenForDossier(deps.db, dossier.id);
    if (open && open.expiresAt > now) {
      if (open.method === 'vietqr') return present(deps, open, true);
      throw openGatewayPayment(open.expiresAt);
    }
    if (open) await expireOne(deps, open, now);
    try {
      return await present(deps, await insertPending(deps, actor.accountId, dossier, idempotencyKey, now), false);
    } catch (error) {
      // A concurrent request won the dossier's one open payment or the key: loop and answer with the winner.
      const constraint = violatedConstraint(error);
      if (attempt < 3 && (constraint === 'payments_one_open_per_dossier_uq' || constraint === 'payments_reference_uq'))
        continue;
      if (constraint === 'payments_idempotency_uq' && idempotencyKey)
        return createVietqrPayment(deps, access, dossierId, idempotencyKey);
      throw error;
    }
  }
}

/** The transfer order of a VietQR payment again (owner or staff of its unit), e.g. when the citizen reopens the page. */
export async function getVietqrTransfer(
  deps: VietqrDeps,
  access: AccessContext,
  paymentId: string,
): Promise<VietqrTransfer> {
  const row = await repo.findPayment(deps.db, paymentId);
  if (!row || row.method !== 'vietqr' || !canSeePayment(access, row)) throw errors.paymentNotFound();
  return present(deps, row, true);
}
