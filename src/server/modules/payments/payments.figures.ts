import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import type { PaymentMethod, PaymentState } from '../../../contracts/payments';
import { payments } from './payments.schema';

/**
 * Read-only figures of payments for reports (the daily reconciliation, the online share), so the
 * `payment-reconciliation` module reads the payments tables only through these functions.
 * `unitCodes` null means every unit; an empty list means none.
 */

export interface Period {
  from: Date;
  to: Date;
}

function unitsIn(column: SQL, unitCodes: readonly string[] | null): SQL {
  if (unitCodes === null) return sql`true`;
  return unitCodes.length
    ? sql`${column} in (${sql.join(
        unitCodes.map((u) => sql`${u}`),
        sql`, `,
      )})`
    : sql`false`;
}

export interface DailyPaymentFigures {
  byMethodAndState: Array<{ method: PaymentMethod; state: PaymentState; count: number; amount: number }>;
  paid: { count: number; amount: number };
  refunded: { count: number; amount: number };
}

/** Payments created in the period per method and state; those paid in it; refunds completed in it. */
export async function dailyPaymentFigures(
  db: Db,
  period: Period,
  unitCodes: readonly string[] | null,
): Promise<DailyPaymentFigures> {
  const [from, to] = [period.from.toISOString(), period.to.toISOString()];
  const units = unitsIn(sql`p.unit_code`, unitCodes);
  type Sum = { n: string | number; amount: string | number };
  const groups = await queryRows<Sum & { method: PaymentMethod; state: PaymentState }>(
    db,
    sql`
    select p.method, p.state, count(*) as n, coalesce(sum(p.amount), 0) as amount from payments.payments p
    where p.created_at >= ${from}::timestamptz and p.created_at < ${to}::timestamptz and ${units}
    group by p.method, p.state order by p.method, p.state`,
  );
  const [paid] = await queryRows<Sum>(
    db,
    sql`
    select count(*) as n, coalesce(sum(p.amount), 0) as amount from payments.payments p
    where p.state in ('succeeded', 'partially_refunded', 'refunded') and p.paid_at >= ${from}::timestamptz and p.paid_at < ${to}::timestamptz and ${units}`,
  );
  const [refunded] = await queryRows<Sum>(
    db,
    sql`
    select count(*) as n, coalesce(sum(r.amount), 0) as amount from payments.refunds r join payments.payments p on p.id = r.payment_id
    where r.state = 'succeeded' and r.completed_at >= ${from}::timestamptz and r.completed_at < ${to}::timestamptz and ${units}`,
  );
  const sum = (s: Sum | undefined) => ({ count: Number(s?.n ?? 0), amount: Number(s?.amount ?? 0) });
  return {
    byMethodAndState: groups.map((g) => ({ method: g.method, state: g.state, ...sum(g) })),
    paid: sum(paid),
    refunded: sum(refunded),
  };
}

export interface SettlementCandidate {
  id: string;
  reference: string;
  amount: number;
  state: PaymentState;
  gatewayTransactionId: string | null;
  paidAt: Date | null;
  dossierCode: string | null;
  unitCode: string;
}

/** Payments of `gateway` with one of these references, or paid in the period: what a settlement file is compared with. */
export async function settlementCandidates(
  db: Db,
  gateway: string,
  references: string[],
  period: Period,
): Promise<SettlementCandidate[]> {
  const byRef = references.length ? inArray(payments.reference, references) : sql`false`;
  const rows = await db
    .select({
      id: payments.id,
      reference: payments.reference,
      amount: payments.amount,
      state: payments.state,
      gatewayTransactionId: payments.gatewayTransactionId,
      paidAt: payments.paidAt,
      dossierCode: payments.dossierCode,
      unitCode: payments.unitCode,
    })
    .from(payments)
    .where(
      and(
        eq(payments.gateway, gateway),
        sql`(${byRef} or (${payments.paidAt} >= ${period.from.toISOString()}::timestamptz and ${payments.paidAt} < ${period.to.toISOString()}::timestamptz))`,
      ),
    );
  return rows.map((r) => ({ ...r, state: r.state as PaymentState }));
}

/** Fee payments credited online (gateway, VietQR) per unit and month (YYYY-MM, Vietnam time) of payment, refunded ones included. */
export async function onlinePaymentCounts(
  db: Db,
  period: Period,
  unitCodes: readonly string[] | null,
): Promise<Array<{ unitCode: string; month: string; gateway: number; vietqr: number }>> {
  const rows = await queryRows<{ unit_code: string; month: string; gateway: string | number; vietqr: string | number }>(
    db,
    sql`
    select unit_code, to_char(paid_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM') as month,
      count(*) filter (where method = 'gateway') as gateway, count(*) filter (where method = 'vietqr') as vietqr
    from payments.payments
    where state in ('succeeded', 'partially_refunded', 'refunded') and paid_at >= ${period.from.toISOString()}::timestamptz and paid_at < ${period.to.toISOString()}::timestamptz and ${unitsIn(sql`unit_code`, unitCodes)}
    group by 1, 2`,
  );
  return rows.map((r) => ({
    unitCode: r.unit_code,
    month: r.month,
    gateway: Number(r.gateway),
    vietqr: Number(r.vietqr),
  }));
}

/** A fee payment credited online, as the list behind the online-share figure shows it (no payer data). */
export interface OnlinePaymentListRow {
  dossierCode: string | null;
  procedureCode: string;
  method: PaymentMethod;
  amount: number;
  paidAt: string;
  state: PaymentState;
}

/**
 * One page of the fee payments of a unit credited online (gateway, VietQR — refunded later too, as the
 * online share counts them) with `paid_at` in [from, to), newest first, and their total.
 */
export async function onlinePaymentsPage(
  db: Db,
  q: Period & { unitCode: string; limit: number; offset: number },
): Promise<{ rows: OnlinePaymentListRow[]; total: number }> {
  const where = sql`state in ('succeeded', 'partially_refunded', 'refunded') and unit_code = ${q.unitCode}
    and paid_at >= ${q.from.toISOString()}::timestamptz and paid_at < ${q.to.toISOString()}::timestamptz`;
  // In turn: a kpi list may be read in a transaction, one connection.
  const rows = await queryRows<{
    dossier_code: string | null;
    procedure_code: string;
    method: PaymentMethod;
    amount: string | number;
    paid_at: string;
    state: PaymentState;
  }>(
    db,
    sql`select dossier_code, procedure_code, method, amount,
          to_char(paid_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI') as paid_at, state
        from payments.payments where ${where} order by paid_at desc, id limit ${q.limit} offset ${q.offset}`,
  );
  const [total] = await queryRows<{ n: string | number }>(
    db,
    sql`select count(*) as n from payments.payments where ${where}`,
  );
  return {
    total: Number(total?.n ?? 0),
    rows: rows.map((r) => ({
      dossierCode: r.dossier_code,
      procedureCode: r.procedure_code,
      method: r.method,
      amount: Number(r.amount),
      paidAt: r.paid_at,
      state: r.state,
    })),
  };
}
