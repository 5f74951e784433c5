import { z } from 'zod';
import { bilingual } from './messages';
import { IsoDate, PageQuery, UnitCode } from './common';

/**
 * HTTP shapes of /api/v1/payments: online payment of a dossier's fee (lệ phí)
 * through a payment gateway (cổng thanh toán) speaking the VNPAY v2.1-style protocol (DOMAIN.md §11).
 * Amounts are integer VND.
 */

/**
 * Lifecycle states (one state machine: src/server/modules/payments/lifecycle.ts).
 * created → pending (redirected to the gateway) → succeeded / failed / cancelled / expired;
 * succeeded → partially_refunded → refunded; paid_not_credited: the gateway took the money but the
 * dossier could not take it (withdrawn, closed, already paid) — it is in the refund queue.
 */
export const PAYMENT_STATES = [
  'created',
  'pending',
  'succeeded',
  'failed',
  'cancelled',
  'expired',
  'partially_refunded',
  'refunded',
  'paid_not_credited',
] as const;
export const PaymentState = z.enum(PAYMENT_STATES);
export type PaymentState = z.infer<typeof PaymentState>;

/**
 * Why a payment's money must go back to the citizen (the refund queue): the dossier was withdrawn
 * (before or after the money arrived), was closed (refused, not accepted) before it arrived, or its
 * fee had already been paid by another attempt.
 */
export const REFUND_DUE_REASONS = ['dossier_withdrawn', 'dossier_closed', 'already_paid'] as const;
export const RefundDueReason = z.enum(REFUND_DUE_REASONS);
export type RefundDueReason = z.infer<typeof RefundDueReason>;

/** What the citizen is promised for a refund the system queued: the money is back within this many working days (ADR 0010). */
export const REFUND_WITHIN_WORKING_DAYS = 10;

/** How the citizen pays: through the card/bank gateway, or by a VietQR bank transfer (matched from a bank statement). */
export const PaymentMethod = z.enum(['gateway', 'vietqr']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** An amount in VND: a non-negative integer. */
export const VndAmount = z
  .number()
  .int(bilingual('Số tiền phải là số nguyên (đồng)', 'The amount must be a whole number of VND'))
  .min(0)
  .max(1_000_000_000_000);

/** Body of POST /api/v1/payments (header `Idempotency-Key` required). */
export const CreatePaymentBody = z.object({
  dossierId: z.string().uuid(bilingual('Mã hồ sơ không hợp lệ', 'The dossier id is not valid')),
  /** Bank or wallet preselected on the gateway (vnp_BankCode), e.g. NCB, VNPAYQR; absent = the gateway lets the citizen choose. */
  bankCode: z
    .string()
    .regex(
      /^[A-Z0-9]{2,20}$/,
      bilingual('Mã ngân hàng gồm 2–20 chữ in hoa hoặc chữ số', 'A bank code has 2–20 upper-case letters or digits'),
    )
    .optional(),
  /** Language of the gateway's pages (vnp_Locale). */
  locale: z.enum(['vn', 'en']).default('vn'),
});
export type CreatePaymentBody = z.infer<typeof CreatePaymentBody>;

/** The `Idempotency-Key` header: 8–128 characters of letters, digits, `-`, `_`, `:`. */
export const IdempotencyKey = z
  .string({ error: bilingual('Thiếu tiêu đề Idempotency-Key', 'The Idempotency-Key header is missing') })
  .regex(
    /^[A-Za-z0-9_:-]{8,128}$/,
    bilingual(
      'Idempotency-Key gồm 8–128 chữ cái, chữ số, "-", "_" hoặc ":"',
      'Idempotency-Key has 8–128 letters, digits, "-", "_" or ":"',
    ),
  );

/** One refund of a payment. */
export const PaymentRefund = z.object({
  id: z.string(),
  amount: z.number().int(),
  full: z.boolean(),
  reason: z.string(),
  state: z.enum(['requested', 'succeeded', 'failed']),
  gatewayRefundId: z.string().nullable(),
  requestedAt: z.string(),
  completedAt: z.string().nullable(),
  /** Role and unit of the officer (never the officer's name). */
  actorRole: z.string(),
  actorUnit: z.string().nullable(),
});
export type PaymentRefund = z.infer<typeof PaymentRefund>;

/** A payment as the API shows it (no card data: the gateway never sends any). */
export const Payment = z.object({
  id: z.string(),
  /** Our payment reference: vnp_TxnRef on the gateway, the transfer content of a VietQR payment. */
  reference: z.string(),
  dossierId: z.string(),
  dossierCode: z.string().nullable(),
  unitCode: z.string(),
  procedureCode: z.string(),
  procedureNameVi: z.string(),
  method: PaymentMethod,
  gateway: z.string(),
  amount: z.number().int(),
  currency: z.literal('VND'),
  state: PaymentState,
  refundedAmount: z.number().int(),
  /** The gateway's transaction number (vnp_TransactionNo), once it confirmed. */
  gatewayTransactionId: z.string().nullable(),
  bankCode: z.string().nullable(),
  /** The gateway's response code of the confirming IPN (00 = success, 24 = cancelled by the customer, …). */
  gatewayResponseCode: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  paidAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  refunds: z.array(PaymentRefund),
  /** Why (some of) the money must still be refunded; null when nothing is due (none queued, or all given back). */
  refundDue: RefundDueReason.nullable(),
});
export type Payment = z.infer<typeof Payment>;

/** Answer of POST /api/v1/payments: the payment and where to send the browser. */
export const CreatePaymentResult = z.object({
  payment: Payment,
  /** The signed gateway URL (null when the payment is no longer open). */
  redirectUrl: z.string().nullable(),
  /** True when an open payment of the dossier (or of the same Idempotency-Key) was returned instead of a new one. */
  reused: z.boolean(),
});
export type CreatePaymentResult = z.infer<typeof CreatePaymentResult>;

/** Query of GET /api/v1/payments (staff, their units). */
export const PaymentListQuery = PageQuery.extend({
  state: PaymentState.optional(),
  unitCode: UnitCode.optional(),
  dossierId: z.string().uuid().optional(),
  reference: z.string().max(40).optional(),
  /** `true`: only the refund queue (payments with money still to give back). */
  refundDue: z.enum(['true', 'false']).optional(),
  /** Created on or after this day (Vietnam time). */
  from: IsoDate.optional(),
  /** Created on or before this day (Vietnam time). */
  to: IsoDate.optional(),
});
export type PaymentListQuery = z.infer<typeof PaymentListQuery>;

/** Body of POST /api/v1/payments/:id/refunds. */
export const RefundBody = z.object({
  amount: z
    .number({ error: bilingual('Nhập số tiền hoàn', 'Enter the amount to refund') })
    .int(bilingual('Số tiền hoàn phải là số nguyên (đồng)', 'The refund must be a whole number of VND'))
    .min(1, bilingual('Số tiền hoàn phải lớn hơn 0', 'The refund must be more than 0')),
  reason: z
    .string({ error: bilingual('Vui lòng nêu lý do hoàn tiền', 'Please give the reason for the refund') })
    .trim()
    .min(
      5,
      bilingual(
        'Vui lòng nêu rõ lý do hoàn tiền (ít nhất 5 ký tự)',
        'Please give the reason for the refund (at least 5 characters)',
      ),
    )
    .max(500, bilingual('Lý do tối đa 500 ký tự', 'A reason has at most 500 characters')),
});
export type RefundBody = z.infer<typeof RefundBody>;

/** What the gateway says about a transaction (querydr), beside our own record. */
export const GatewayStatus = z.object({
  paymentId: z.string(),
  reference: z.string(),
  ourState: PaymentState,
  /** False when the gateway does not know the order (e.g. the citizen never reached its page). */
  found: z.boolean(),
  gatewayTransactionId: z.string().nullable(),
  /** vnp_TransactionStatus: 00 success, 01 not finished, 02 error, 04 reversed, 05 refund processing, 06 refund sent, 07 suspected fraud, 09 refund refused. */
  transactionStatus: z.string().nullable(),
  responseCode: z.string(),
  amount: z.number().int().nullable(),
  payDate: z.string().nullable(),
  /** True when the gateway's verdict and our state disagree (for the reconciliation). */
  mismatch: z.boolean(),
});
export type GatewayStatus = z.infer<typeof GatewayStatus>;

/** The merchant's answer to an IPN (DOMAIN.md §11): 00 ok, 01 order not found, 02 already confirmed, 04 wrong amount, 97 bad signature, 99 other. */
export const IpnAnswer = z.object({ RspCode: z.enum(['00', '01', '02', '04', '97', '99']), Message: z.string() });
export type IpnAnswer = z.infer<typeof IpnAnswer>;
