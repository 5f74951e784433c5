import { randomInt } from 'node:crypto';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type {
  CreatePaymentBody,
  CreatePaymentResult,
  GatewayStatus,
  Payment,
  PaymentListQuery,
  PaymentState,
} from '../../../contracts/payments';
import type { AccessContext } from '../identity';
import { getDossierForPayment, type PayableDossier } from '../dossiers';
import type { PaymentGateway } from './gateway';
import { CREDITED_STATES, OPEN_STATES, statesAllowing } from './lifecycle';
import * as errors from './payments.errors';
import { canPay, canQueryGateway, canSeePayment } from './payments.policy';
import { presentPayment } from './payments.presenter';
import * as repo from './payments.repository';
import { violatedConstraint } from './settlement';
import { GatewayError, newRequestId, VnpayGateway } from './vnpay.gateway';
import type { WarnLogger } from './security-events';

/** What the use cases need from the application. */
export interface PaymentDeps {
  db: Db;
  config: Pick<Config, 'PUBLIC_URL' | 'PAYMENT_EXPIRY_MINUTES'>;
  gateway: PaymentGateway;
  /** The clock (tests move it). */
  now?: () => Date;
  log?: WarnLogger;
}

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

async function present(deps: PaymentDeps, row: repo.PaymentRow): Promise<Payment> {
  return presentPayment(row, await repo.listRefunds(deps.db, [row.id]));
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
async function expireOne(deps: PaymentDeps, row: repo.PaymentRow, at: Date): Promise<void> {
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

async function loadVisible(deps: PaymentDeps, access: AccessContext, id: string): Promise<repo.PaymentRow> {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findPayment(deps.db, id) : undefined;
  if (!row || !canSeePayment(access, row)) throw errors.paymentNotFound();
  return row;
}

/** A payment, for the citizen who owns the dossier or staff of its unit (`dossiers.read`). */
export async function getPayment(deps: PaymentDeps, access: AccessContext, id: string): Promise<Payment> {
  return present(deps, await loadVisible(deps, access, id));
}

/** The start of a Vietnam day (UTC+7). */
const vnDayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

/** Staff: payments of the caller's units (`dossiers.read`), newest first. */
export async function listPayments(
  deps: PaymentDeps,
  access: AccessContext,
  q: PaymentListQuery,
): Promise<{ items: Payment[]; total: number; page: number; pageSize: number }> {
  const scope = access.unitScope('dossiers.read');
  if (q.unitCode && !access.canInUnit('dossiers.read', q.unitCode))
    return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const filter: repo.ListFilter = {
    unitCodes: scope ? [...scope] : null,
    unitCode: q.unitCode,
    state: q.state,
    dossierId: q.dossierId,
    reference: q.reference,
    refundDue: q.refundDue === 'true',
    from: q.from ? vnDayStart(q.from) : undefined,
    to: q.to ? new Date(vnDayStart(q.to).getTime() + 86_400_000) : undefined,
  };
  const [rows, total] = await Promise.all([
    repo.listPayments(deps.db, filter, q.pageSize, (q.page - 1) * q.pageSize),
    repo.countPayments(deps.db, filter),
  ]);
  const refunds = await repo.listRefunds(
    deps.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentPayment(r, refunds)), total, page: q.page, pageSize: q.pageSize };
}

/** Payments of one dossier (for the dossier's page and the later receipt), if the caller may see it. */
export async function listDossierPayments(
  deps: PaymentDeps,
  access: AccessContext,
  dossierId: string,
): Promise<Payment[]> {
  const rows = (await repo.listForDossier(deps.db, dossierId)).filter((r) => canSeePayment(access, r));
  const refunds = await repo.listRefunds(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentPayment(r, refunds));
}

/**
 * Staff: what the gateway says about a payment (querydr), beside our state — for a citizen's
 * complaint or the reconciliation. Read only: even a gateway "paid" does not credit (only the IPN does).
 */
export async function queryGatewayStatus(deps: PaymentDeps, access: AccessContext, id: string): Promise<GatewayStatus> {
  const row = await loadVisible(deps, access, id);
  if (!canQueryGateway(access, row)) throw errors.paymentForbidden();
  let answer;
  try {
    answer = await deps.gateway.queryTransaction({
      reference: row.reference,
      orderCreatedAt: row.createdAt,
      requestId: newRequestId(),
    });
  } catch (error) {
    if (error instanceof GatewayError) throw errors.gatewayUnavailable();
    throw error;
  }
  const gatewayPaid = answer.found && answer.transactionStatus === '00';
  const weCredited = CREDITED_STATES.includes(row.state as PaymentState);
  return {
    paymentId: row.id,
    reference: row.reference,
    ourState: row.state as PaymentState,
    found: answer.found,
    gatewayTransactionId: answer.gatewayTransactionId,
    transactionStatus: answer.transactionStatus,
    responseCode: answer.responseCode,
    amount: answer.amount,
    payDate: answer.payDate ? answer.payDate.toISOString() : null,
    mismatch: gatewayPaid !== weCredited || (gatewayPaid && answer.amount !== row.amount),
  };
}
