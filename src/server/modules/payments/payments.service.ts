import { randomInt } from 'node:crypto';
import type { Config } from '../../platform/config';
import { AppError } from '../../platform/errors';
import type { CreatePaymentBody, CreatePaymentResult, PaymentState } from '../../../contracts/payments';
import type { AccessContext } from '../identity';
import { getDossierForPayment, type PayableDossier } from '../dossiers';
import type { PaymentGateway } from './gateway';
import { OPEN_STATES, statesAllowing } from './lifecycle';
import * as errors from './payments.errors';
import { canPay } from './payments.policy';
import type { PaymentDeps } from './payments.deps';
import { present } from './payments.queries';
import * as repo from './payments.repository';
import { violatedConstraint } from './settlement';
import { VnpayGateway } from './vnpay.gateway';

export type { PaymentDeps } from './payments.deps';

const clock = (deps: PaymentDeps) => (deps.now ? deps.now() : new Date());

/** The configured gateway: the VNPAY v2.1-style adapter, pointed at the sandbox unless configured otherwise. */
export function gatewayFromConfig(
  config: Pick<Config, 'PAYMENT_GATEWAY_URL' | 'PAYMENT_GATEWAY_API_URL' | 'PAYMENT_TMN_CODE' | 'PAYMENT_HASH_SECRET'>,
  fetchImpl?: typeof fetch,
): PaymentGateway {
  if (
    !config.PAYMENT_GATEWAY_URL ||
    !config.PAYMENT_GATEWAY_API_URL ||
    !config.PAYMENT_TMN_CODE ||
    !config.PAYMENT_HASH_SECRET
  ) {
    throw new Error(
      'The payment gateway needs PAYMENT_GATEWAY_URL, PAYMENT_GATEWAY_API_URL, PAYMENT_TMN_CODE and PAYMENT_HASH_SECRET',
    );
  }
  return new VnpayGateway({
    name: 'vnpay',
    paymentUrl: config.PAYMENT_GATEWAY_URL,
    apiUrl: config.PAYMENT_GATEWAY_API_URL,
    tmnCode: config.PAYMENT_TMN_CODE,
    hashSecret: config.PAYMENT_HASH_SECRET,
    fetch: fetchImpl,
  });
}

/** Crockford base32 without I, L, O, U: readable when typed into a bank transfer. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A payment reference: `DVC` + 12 random characters (60 bits), upper-case letters and digits only (vnp_TxnRef, VietQR transfer content). */
export function newPaymentReference(): string {
  let s = 'DVC';
  for (let i = 0; i < 12; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

/** The gateway page's description of the order (ASCII is enforced by the adapter). */
function describe(dossier: { code: string | null; procedureNameVi: string }): string {
  return `Thanh toan le phi ho so ${dossier.code ?? ''} - ${dossier.procedureNameVi}`;
}

function returnUrl(deps: PaymentDeps): string {
  return `${deps.config.PUBLIC_URL.replace(/\/+$/, '')}/api/v1/payments/gateway/return`;
}

function redirectFor(deps: PaymentDeps, row: repo.PaymentRow, clientIp: string): string | null {
  if (!OPEN_STATES.includes(row.state as PaymentState) || row.method !== 'gateway') return null;
  return deps.gateway.createRedirectUrl({
    reference: row.reference,
    amount: row.amount,
    description: describe({ code: row.dossierCode, procedureNameVi: row.procedureNameVi }),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    clientIp,
    returnUrl: returnUrl(deps),
    bankCode: row.requestedBankCode ?? undefined,
    locale: row.locale === 'en' ? 'en' : 'vn',
  });
}

async function replay(
  deps: PaymentDeps,
  row: repo.PaymentRow,
  dossierId: string,
  clientIp: string,
): Promise<CreatePaymentResult> {
  if (row.dossierId !== dossierId) throw errors.idempotencyConflict();
  return { payment: await present(deps, row), redirectUrl: redirectFor(deps, row, clientIp), reused: true };
}

/** Closes an open payment whose time is up (the expiry job does the same in bulk). */
export async function expireOne(deps: { db: PaymentDeps['db'] }, row: repo.PaymentRow, at: Date): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const done = await repo.transition(tx, row.id, statesAllowing('expire'), 'expired', {
      closedAt: at,
      updatedAt: at,
    });
    if (done)
      await repo.insertEvent(tx, {
        paymentId: row.id,
        event: 'expire',
        fromState: row.state,
        toState: 'expired',
        source: 'job',
        at,
      });
  });
}

/** Inserts the payment (created) and marks it redirected (pending), with both events, in one transaction. */
async function insertPending(
  deps: PaymentDeps,
  accountId: string,
  dossier: PayableDossier,
  body: CreatePaymentBody,
  idempotencyKey: string,
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
      method: 'gateway',
      gateway: deps.gateway.name,
      amount: dossier.feeAmount,
      state: 'created',
      requestedBankCode: body.bankCode ?? null,
      locale: body.locale,
      createdAt: now,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + deps.config.PAYMENT_EXPIRY_MINUTES * 60_000),
    });
    await repo.insertEvent(tx, {
      paymentId: created.id,
      event: 'create',
      fromState: null,
      toState: 'created',
      source: 'citizen',
      actorAccountId: accountId,
      at: now,
      detail: { amount: created.amount },
    });
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
 * A citizen starts paying their dossier's fee online. Idempotent per (account, Idempotency-Key):
 * the same key returns the same payment. A dossier has at most one open payment: asking again
 * while one is open returns it (same order, same gateway page); after it failed, was cancelled or
 * expired, a new payment is created (the retry). The payment is created and marked redirected
 * (created → pending) in one transaction; the answer carries the signed gateway URL.
 */
export async function createPayment(
  deps: PaymentDeps,
  access: AccessContext,
  body: CreatePaymentBody,
  idempotencyKey: string,
  clientIp: string,
): Promise<CreatePaymentResult> {
  const actor = access.actor;
  if (!actor) throw errors.paymentForbidden();
  const previous = await repo.findByIdempotencyKey(deps.db, actor.accountId, idempotencyKey);
  if (previous) return replay(deps, previous, body.dossierId, clientIp);
  const dossier = await getDossierForPayment(deps.db, body.dossierId);
  if (!canPay(access, dossier)) throw new AppError('DOSSIER.NOT_FOUND', 'Không tìm thấy hồ sơ', 'Dossier not found');
  if (dossier.feeStatus !== 'unpaid' || dossier.state !== 'awaiting_payment' || dossier.feeAmount <= 0)
    throw errors.notPayable(dossier.feeStatus, dossier.state);
  const now = clock(deps);
  const reuse = async (row: repo.PaymentRow): Promise<CreatePaymentResult> => ({
    payment: await present(deps, row),
    redirectUrl: redirectFor(deps, row, clientIp),
    reused: true,
  });
  const open = await repo.findOpenForDossier(deps.db, dossier.id);
  if (open && open.expiresAt > now) return reuse(open);
  if (open) await expireOne(deps, open, now);
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await insertPending(deps, actor.accountId, dossier, body, idempotencyKey, now);
      return { payment: await present(deps, row), redirectUrl: redirectFor(deps, row, clientIp), reused: false };
    } catch (error) {
      // A concurrent request with the same key, or for the same dossier, won: answer with its payment.
      const constraint = violatedConstraint(error);
      const winner =
        constraint === 'payments_idempotency_uq'
          ? await repo.findByIdempotencyKey(deps.db, actor.accountId, idempotencyKey)
          : undefined;
      if (winner) return replay(deps, winner, body.dossierId, clientIp);
      const open =
        constraint === 'payments_one_open_per_dossier_uq'
          ? await repo.findOpenForDossier(deps.db, dossier.id)
          : undefined;
      if (open) return reuse(open);
      if (constraint === 'payments_reference_uq' && attempt < 3) continue;
      throw error;
    }
  }
}
