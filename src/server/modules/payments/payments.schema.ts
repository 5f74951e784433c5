import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Tables owned by the `payments` module (ADR 0010): payments of dossier fees
 * with their lifecycle, every transition, refunds, and the security events of the gateway
 * endpoints. Exactly-once settlement rests on the constraints below (named, so errors can be told apart).
 */
export const paymentsSchema = pgSchema('payments');

export const payments = paymentsSchema.table(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Our reference: vnp_TxnRef at the gateway, the transfer content of a VietQR payment (upper-case letters and digits). */
    reference: text('reference').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    /** Copied from the dossier for lists, receipts and reconciliation (the dossier stays in `dossiers`). */
    dossierCode: text('dossier_code'),
    unitCode: text('unit_code').notNull(),
    procedureCode: text('procedure_code').notNull(),
    procedureNameVi: text('procedure_name_vi').notNull(),
    ownerAccountId: uuid('owner_account_id'),
    createdByAccountId: uuid('created_by_account_id').notNull(),
    /** The `Idempotency-Key` header of the creating request (unique per account). */
    idempotencyKey: text('idempotency_key'),
    /** 'gateway' (card/bank gateway) or 'vietqr' (bank transfer matched from a statement). */
    method: text('method').notNull(),
    /** Which gateway (adapter name); part of the unique gateway-transaction key. */
    gateway: text('gateway').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull().default('VND'),
    state: text('state').notNull(),
    /** Confirmed refunds so far. */
    refundedAmount: bigint('refunded_amount', { mode: 'number' }).notNull().default(0),
    /** Refunds asked of the gateway and not yet answered (reserved, so two officers cannot over-refund). */
    refundReservedAmount: bigint('refund_reserved_amount', { mode: 'number' }).notNull().default(0),
    /** vnp_TransactionNo of the confirming IPN. */
    gatewayTransactionId: text('gateway_transaction_id'),
    gatewayResponseCode: text('gateway_response_code'),
    bankCode: text('bank_code'),
    /** What the citizen asked for on creation (vnp_BankCode, vnp_Locale), to rebuild the same redirect. */
    requestedBankCode: text('requested_bank_code'),
    locale: text('locale').notNull().default('vn'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** vnp_ExpireDate; the expiry job closes open payments after it. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /** When it became failed, cancelled or expired. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(0),
    /**
     * Why the money must go back to the citizen (the refund queue, ADR 0010 rule 8): 'dossier_withdrawn'
     * (the dossier was withdrawn before or after the payment), 'dossier_closed' (refused or not
     * accepted before the payment arrived), 'already_paid' (the fee was paid by another attempt); null = nothing due.
     */
    refundDue: text('refund_due'),
  },
  (t) => [
    uniqueIndex('payments_reference_uq').on(t.reference),
    uniqueIndex('payments_idempotency_uq')
      .on(t.createdByAccountId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    uniqueIndex('payments_gateway_txn_uq')
      .on(t.gateway, t.gatewayTransactionId)
      .where(sql`${t.gatewayTransactionId} is not null`),
    /** At most one payment of a dossier the citizen may still complete. */
    uniqueIndex('payments_one_open_per_dossier_uq')
      .on(t.dossierId)
      .where(sql`${t.state} in ('created', 'pending')`),
    /** At most one payment credited to a dossier: a second success can never be recorded. */
    uniqueIndex('payments_one_credited_per_dossier_uq')
      .on(t.dossierId)
      .where(sql`${t.state} in ('succeeded', 'partially_refunded', 'refunded')`),
    index('payments_unit_created_idx').on(t.unitCode, t.createdAt.desc()),
    index('payments_dossier_idx').on(t.dossierId, t.createdAt.desc()),
    index('payments_open_expiry_idx')
      .on(t.expiresAt)
      .where(sql`${t.state} in ('created', 'pending')`),
    check('payments_method_ck', sql`${t.method} in ('gateway', 'vietqr')`),
    check(
      'payments_state_ck',
      sql`${t.state} in ('created', 'pending', 'succeeded', 'failed', 'cancelled', 'expired', 'partially_refunded', 'refunded', 'paid_not_credited')`,
    ),
    check(
      'payments_refund_due_ck',
      sql`${t.refundDue} is null or ${t.refundDue} in ('dossier_withdrawn', 'dossier_closed', 'already_paid')`,
    ),
    check('payments_amount_ck', sql`${t.amount} > 0`),
    check(
      'payments_refunds_ck',
      sql`${t.refundedAmount} >= 0 and ${t.refundReservedAmount} >= 0 and ${t.refundedAmount} + ${t.refundReservedAmount} <= ${t.amount}`,
    ),
    check(
      'payments_credited_txn_ck',
      sql`${t.state} not in ('succeeded', 'partially_refunded', 'refunded', 'paid_not_credited') or ${t.gatewayTransactionId} is not null`,
    ),
  ],
);

/** Every transition of a payment, in order (never updated). */
export const paymentEvents = paymentsSchema.table(
  'payment_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    event: text('event').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    /** 'citizen' | 'gateway' (IPN) | 'job' | 'officer'. */
    source: text('source').notNull(),
    actorAccountId: uuid('actor_account_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Gateway codes and amounts only: never personal data. */
    detail: jsonb('detail').$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [index('payment_events_payment_idx').on(t.paymentId, t.id)],
);

/** Refunds (hoàn tiền), full or partial, by an authorised officer with a reason. */
export const refunds = paymentsSchema.table(
  'refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** This refund returns the whole payment (the gateway's type 02), else partial (03). */
    wholePayment: boolean('whole_payment').notNull(),
    reason: text('reason').notNull(),
    /** 'requested' (asked of the gateway) → 'succeeded' | 'failed'. */
    state: text('state').notNull(),
    /** vnp_RequestId sent to the gateway (unique: a retried request is not a second refund). */
    requestId: text('request_id').notNull(),
    gatewayRefundId: text('gateway_refund_id'),
    gatewayResponseCode: text('gateway_response_code'),
    actorAccountId: uuid('actor_account_id').notNull(),
    actorRole: text('actor_role').notNull(),
    actorUnit: text('actor_unit'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('refunds_request_uq').on(t.requestId),
    index('refunds_payment_idx').on(t.paymentId, t.requestedAt),
    check('refunds_amount_ck', sql`${t.amount} > 0`),
    check('refunds_state_ck', sql`${t.state} in ('requested', 'succeeded', 'failed')`),
  ],
);

/**
 * Security events of the gateway endpoints: bad signatures, wrong amounts, malformed results,
 * payments the gateway took that could not be credited. No personal data: the kind, the time, the
 * payment reference and the sending address of the server-to-server IPN.
 */
export const securityEvents = paymentsSchema.table(
  'security_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    /** 'ipn' | 'return'. */
    channel: text('channel').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    paymentReference: text('payment_reference'),
    /** The IPN sender's address (a gateway server); null for browser returns (a citizen's address is personal data). */
    sourceIp: text('source_ip'),
    detail: jsonb('detail').$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [
    index('security_events_at_idx').on(t.at.desc()),
    index('security_events_reference_idx').on(t.paymentReference),
  ],
);
