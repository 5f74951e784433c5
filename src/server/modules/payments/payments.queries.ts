import type { AccessContext } from '../identity';
import type { GatewayStatus, Payment, PaymentListQuery, PaymentState } from '../../../contracts/payments';
import { CREDITED_STATES } from './lifecycle';
import * as errors from './payments.errors';
import { canQueryGateway, canSeePayment } from './payments.policy';
import { presentPayment } from './payments.presenter';
import * as repo from './payments.repository';
import type { PaymentDeps } from './payments.deps';
import { GatewayError, newRequestId } from './vnpay.gateway';

/** Reading payments (who may see what is payments.policy.ts) and asking the gateway about one. */

/** The API shape of a payment, with its refunds. */
export async function present(deps: PaymentDeps, row: repo.PaymentRow): Promise<Payment> {
  return presentPayment(row, await repo.listRefunds(deps.db, [row.id]));
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
