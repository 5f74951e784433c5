import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * Tables of the sandbox gateway (module `payment-sandbox`, development/demo only): its own record
 * of orders and their outcome, refunds, and every IPN it sent — so it can answer transaction
 * queries and refunds and produce a day's settlement file, as a real gateway would.
 */
export const paymentSandboxSchema = pgSchema('payment_sandbox');

/** What the test mode asks of the IPN of one transaction. */
export interface IpnOptions {
  /** Seconds to wait before sending the IPN. */
  delaySeconds: number;
  /** Send the IPN twice (the second a moment after the first). */
  twice: boolean;
  /** Send the browser back first and the IPN after (out of order). */
  afterReturn: boolean;
  /** Send a wrong amount (signed correctly): the merchant must answer 04 and change nothing. */
  wrongAmount: boolean;
  /** Send a wrong signature: the merchant must answer 97 and change nothing. */
  wrongSignature: boolean;
  /** Send no IPN by itself (tests deliver it through the sandbox API). */
  manual: boolean;
}

export const transactions = paymentSandboxSchema.table(
  'transactions',
  {
    /** The gateway's transaction number (vnp_TransactionNo). */
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tmnCode: text('tmn_code').notNull(),
    txnRef: text('txn_ref').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    orderInfo: text('order_info').notNull(),
    bankCode: text('bank_code'),
    locale: text('locale').notNull(),
    returnUrl: text('return_url').notNull(),
    /** vnp_CreateDate as the merchant sent it (querydr's vnp_TransactionDate). */
    createDate: text('create_date').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** 'pending' → 'paid' | 'declined' | 'cancelled'. */
    state: text('state').notNull(),
    responseCode: text('response_code'),
    transactionStatus: text('transaction_status').notNull(),
    payDate: timestamp('pay_date', { withTimezone: true }),
    /** Random token of the payment page's forms (a guessed transaction number cannot be paid). */
    pageToken: text('page_token').notNull(),
    ipnOptions: jsonb('ipn_options').$type<IpnOptions>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sandbox_transactions_ref_uq').on(t.tmnCode, t.txnRef),
    index('sandbox_transactions_pay_date_idx').on(t.payDate),
    check('sandbox_transactions_state_ck', sql`${t.state} in ('pending', 'paid', 'declined', 'cancelled')`),
  ],
);

export const refunds = paymentSandboxSchema.table(
  'refunds',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    transactionId: bigint('transaction_id', { mode: 'number' })
      .notNull()
      .references(() => transactions.id),
    /** vnp_RequestId: a repeated request is answered 94, not refunded twice. */
    requestId: text('request_id').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** 02 full, 03 partial. */
    transactionType: text('transaction_type').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sandbox_refunds_request_uq').on(t.requestId),
    index('sandbox_refunds_created_idx').on(t.createdAt),
  ],
);

/** Every IPN the sandbox sent and what the merchant answered. */
export const ipnDeliveries = paymentSandboxSchema.table(
  'ipn_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    transactionId: bigint('transaction_id', { mode: 'number' })
      .notNull()
      .references(() => transactions.id),
    /** 'correct' | 'wrong_amount' | 'wrong_signature'. */
    variant: text('variant').notNull(),
    attempt: integer('attempt').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    httpStatus: integer('http_status'),
    rspCode: text('rsp_code'),
    error: text('error'),
  },
  (t) => [index('sandbox_ipn_deliveries_txn_idx').on(t.transactionId, t.id)],
);
