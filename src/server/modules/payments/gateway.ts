/**
 * What DVC06 needs from a payment gateway (cổng thanh toán). The VNPAY v2.1-style adapter
 * (`vnpay.gateway.ts`) implements it for the sandbox and for a real gateway; the national payment
 * platform (PayGov hub, DOMAIN.md §11) would be another adapter behind the same interface.
 */

/** The order the citizen is sent to pay. */
export interface GatewayOrder {
  /** Our payment reference (vnp_TxnRef), unique per merchant. */
  reference: string;
  /** VND, integer. */
  amount: number;
  /** Plain description shown by the gateway (ASCII is enforced by the adapter). */
  description: string;
  createdAt: Date;
  expiresAt: Date;
  /** The citizen's IP address (vnp_IpAddr). */
  clientIp: string;
  /** Where the gateway sends the browser back. */
  returnUrl: string;
  bankCode?: string;
  locale: 'vn' | 'en';
}

/** What a signed gateway result (IPN or return URL) says. */
export type GatewayResult =
  | {
      ok: true;
      reference: string;
      /** VND (the protocol's amount / 100). */
      amount: number;
      /** `pending`: the gateway has no verdict yet (vnp_TransactionStatus 01, "not finished"): nothing changes. */
      outcome: 'succeeded' | 'failed' | 'cancelled' | 'pending';
      gatewayTransactionId: string | null;
      responseCode: string;
      transactionStatus: string;
      bankCode: string | null;
      paidAt: Date | null;
    }
  /** The signature is wrong or missing; `reference` is what the request claimed (unverified). */
  | { ok: false; problem: 'bad_signature'; reference: string | null }
  /** Signed, but a field is malformed or another merchant's. */
  | { ok: false; problem: 'malformed'; reference: string | null };

/** The gateway's view of one order (querydr). */
export interface GatewayQueryResult {
  found: boolean;
  responseCode: string;
  gatewayTransactionId: string | null;
  transactionStatus: string | null;
  amount: number | null;
  payDate: Date | null;
}

export interface GatewayRefundRequest {
  reference: string;
  gatewayTransactionId: string;
  /** VND to give back now. */
  amount: number;
  /** True when this refund returns the whole payment (vnp_TransactionType 02), else partial (03). */
  full: boolean;
  /** When the order was created (vnp_TransactionDate). */
  orderCreatedAt: Date;
  /** Who asks (vnp_CreateBy): an account id, never a name. */
  requestedBy: string;
  requestId: string;
  reason: string;
}

export type GatewayRefundResult =
  { ok: true; gatewayRefundId: string; responseCode: string } | { ok: false; responseCode: string; message: string };

export interface PaymentGateway {
  /** Short name stored with each payment (part of the unique gateway transaction key). */
  readonly name: string;
  /** The signed URL to send the citizen's browser to. */
  createRedirectUrl(order: GatewayOrder): string;
  /** Verifies and reads a server-to-server IPN (its query parameters). */
  verifyIpn(query: unknown): GatewayResult;
  /** Verifies and reads the browser's return URL (display only: it never changes a payment). */
  verifyReturn(query: unknown): GatewayResult;
  /** Asks the gateway about an order (querydr). */
  queryTransaction(input: { reference: string; orderCreatedAt: Date; requestId: string }): Promise<GatewayQueryResult>;
  /** Asks the gateway to refund (part of) a payment. */
  refund(request: GatewayRefundRequest): Promise<GatewayRefundResult>;
}
