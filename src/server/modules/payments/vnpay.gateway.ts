import { randomUUID } from 'node:crypto';
import type {
  GatewayOrder,
  GatewayQueryResult,
  GatewayRefundRequest,
  GatewayRefundResult,
  GatewayResult,
  PaymentGateway,
} from './gateway';
import {
  asciiOrderInfo,
  formatVnpDate,
  fromVnpAmount,
  parseVnpDate,
  signApi,
  signedQuery,
  toVnpAmount,
  verifyApi,
  verifyParams,
  vnpParamsOf,
  VNP_API_CODE,
  VNP_RESULT,
  VNP_TXN_STATUS,
  VNP_VERSION,
} from '../payment-protocol';

export interface VnpayOptions {
  /** The gateway's payment page (`…/paymentv2/vpcpay.html`). */
  paymentUrl: string;
  /** The merchant API (`…/merchant_webapi/api/transaction`) for querydr and refund. */
  apiUrl: string;
  tmnCode: string;
  hashSecret: string;
  /** Name stored with the payments (e.g. `vnpay`, `vnpay-sandbox`). */
  name: string;
  /** Our server's address in API calls (vnp_IpAddr). */
  serverIp?: string;
  /** HTTP client for the merchant API (tests pass their own). */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * A gateway result's outcome from its response and transaction codes (both 00 = paid). Transaction
 * status 01 ("not finished") is no verdict, whatever the response code says: the payment stays open
 * and a later result decides it (ADR 0010 rule 9).
 */
function outcomeOf(responseCode: string, transactionStatus: string): 'succeeded' | 'failed' | 'cancelled' | 'pending' {
  if (transactionStatus === VNP_TXN_STATUS.UNFINISHED) return 'pending';
  if (responseCode === VNP_RESULT.SUCCESS && transactionStatus === VNP_TXN_STATUS.SUCCESS) return 'succeeded';
  return responseCode === VNP_RESULT.CANCELLED ? 'cancelled' : 'failed';
}

/** The VNPAY v2.1-style adapter: signed redirect, IPN/return verification, querydr and refund over the merchant API. */
export class VnpayGateway implements PaymentGateway {
  readonly name: string;

  constructor(private readonly options: VnpayOptions) {
    this.name = options.name;
  }

  createRedirectUrl(order: GatewayOrder): string {
    const params: Record<string, string> = {
      vnp_Version: VNP_VERSION,
      vnp_Command: 'pay',
      vnp_TmnCode: this.options.tmnCode,
      vnp_Amount: toVnpAmount(order.amount),
      vnp_CurrCode: 'VND',
      vnp_TxnRef: order.reference,
      vnp_OrderInfo: asciiOrderInfo(order.description),
      vnp_OrderType: 'billpayment',
      vnp_Locale: order.locale,
      vnp_ReturnUrl: order.returnUrl,
      vnp_IpAddr: order.clientIp,
      vnp_CreateDate: formatVnpDate(order.createdAt),
      vnp_ExpireDate: formatVnpDate(order.expiresAt),
    };
    if (order.bankCode) params.vnp_BankCode = order.bankCode;
    return `${this.options.paymentUrl}?${signedQuery(this.options.hashSecret, params)}`;
  }

  verifyIpn(query: unknown): GatewayResult {
    return this.readResult(query);
  }

  verifyReturn(query: unknown): GatewayResult {
    return this.readResult(query);
  }

  private readResult(query: unknown): GatewayResult {
    const p = vnpParamsOf(query);
    const reference = p.vnp_TxnRef && /^[A-Za-z0-9]{1,40}$/.test(p.vnp_TxnRef) ? p.vnp_TxnRef : null;
    if (!verifyParams(this.options.hashSecret, p)) return { ok: false, problem: 'bad_signature', reference };
    const amount = fromVnpAmount(p.vnp_Amount);
    const responseCode = p.vnp_ResponseCode ?? '';
    const transactionStatus = p.vnp_TransactionStatus ?? '';
    if (!reference || amount === undefined || !/^\d{2}$/.test(responseCode) || p.vnp_TmnCode !== this.options.tmnCode) {
      return { ok: false, problem: 'malformed', reference };
    }
    const txn =
      p.vnp_TransactionNo && /^[0-9A-Za-z]{1,40}$/.test(p.vnp_TransactionNo) && p.vnp_TransactionNo !== '0'
        ? p.vnp_TransactionNo
        : null;
    const outcome = outcomeOf(responseCode, transactionStatus);
    if (outcome === 'succeeded' && !txn) return { ok: false, problem: 'malformed', reference };
    return {
      ok: true,
      reference,
      amount,
      outcome,
      gatewayTransactionId: txn,
      responseCode,
      transactionStatus,
      bankCode: p.vnp_BankCode && /^[A-Za-z0-9]{1,20}$/.test(p.vnp_BankCode) ? p.vnp_BankCode : null,
      paidAt: parseVnpDate(p.vnp_PayDate) ?? null,
    };
  }

  async queryTransaction(input: {
    reference: string;
    orderCreatedAt: Date;
    requestId: string;
  }): Promise<GatewayQueryResult> {
    const body: Record<string, string> = {
      vnp_RequestId: input.requestId.replace(/-/g, '').slice(0, 32),
      vnp_Version: VNP_VERSION,
      vnp_Command: 'querydr',
      vnp_TmnCode: this.options.tmnCode,
      vnp_TxnRef: input.reference,
      vnp_OrderInfo: `Truy van giao dich ${input.reference}`,
      vnp_TransactionDate: formatVnpDate(input.orderCreatedAt),
      vnp_CreateDate: formatVnpDate(new Date()),
      vnp_IpAddr: this.options.serverIp ?? '127.0.0.1',
    };
    body.vnp_SecureHash = signApi(this.options.hashSecret, 'querydrRequest', body);
    const res = await this.call(body, 'querydrResponse');
    if (res.vnp_ResponseCode === VNP_API_CODE.NOT_FOUND)
      return {
        found: false,
        responseCode: res.vnp_ResponseCode,
        gatewayTransactionId: null,
        transactionStatus: null,
        amount: null,
        payDate: null,
      };
    if (res.vnp_ResponseCode !== VNP_API_CODE.OK) throw new GatewayError(`querydr answered ${res.vnp_ResponseCode}`);
    return {
      found: true,
      responseCode: res.vnp_ResponseCode,
      gatewayTransactionId: res.vnp_TransactionNo && res.vnp_TransactionNo !== '0' ? res.vnp_TransactionNo : null,
      transactionStatus: res.vnp_TransactionStatus ?? null,
      amount: fromVnpAmount(res.vnp_Amount) ?? null,
      payDate: parseVnpDate(res.vnp_PayDate) ?? null,
    };
  }

  async refund(request: GatewayRefundRequest): Promise<GatewayRefundResult> {
    const body: Record<string, string> = {
      vnp_RequestId: request.requestId.replace(/-/g, '').slice(0, 32),
      vnp_Version: VNP_VERSION,
      vnp_Command: 'refund',
      vnp_TmnCode: this.options.tmnCode,
      vnp_TransactionType: request.full ? '02' : '03',
      vnp_TxnRef: request.reference,
      vnp_Amount: toVnpAmount(request.amount),
      vnp_OrderInfo: asciiOrderInfo(`Hoan tien ${request.reference}`),
      vnp_TransactionNo: request.gatewayTransactionId,
      vnp_TransactionDate: formatVnpDate(request.orderCreatedAt),
      vnp_CreateBy: request.requestedBy,
      vnp_CreateDate: formatVnpDate(new Date()),
      vnp_IpAddr: this.options.serverIp ?? '127.0.0.1',
    };
    body.vnp_SecureHash = signApi(this.options.hashSecret, 'refundRequest', body);
    const res = await this.call(body, 'refundResponse');
    if (res.vnp_ResponseCode === VNP_API_CODE.OK)
      return { ok: true, gatewayRefundId: res.vnp_TransactionNo ?? '', responseCode: res.vnp_ResponseCode };
    return { ok: false, responseCode: res.vnp_ResponseCode ?? VNP_API_CODE.OTHER, message: res.vnp_Message ?? '' };
  }

  /** POSTs a merchant-API request; the answer must be signed with our secret (else GatewayError). */
  private async call(
    body: Record<string, string>,
    responseKind: 'querydrResponse' | 'refundResponse',
  ): Promise<Record<string, string>> {
    const doFetch = this.options.fetch ?? fetch;
    let res: Response;
    try {
      res = await doFetch(this.options.apiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new GatewayError(`merchant API unreachable: ${error instanceof Error ? error.name : 'error'}`);
    }
    const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    if (!json || typeof json !== 'object') throw new GatewayError(`merchant API answered ${res.status} without JSON`);
    const out = Object.fromEntries(
      Object.entries(json)
        .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
        .map(([k, v]) => [k, String(v)]),
    );
    if (!verifyApi(this.options.hashSecret, responseKind, out))
      throw new GatewayError('merchant API answer has a bad signature');
    return out;
  }
}

/** The gateway could not be asked (unreachable, unsigned or unexpected answer). */
export class GatewayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GatewayError';
  }
}

/** A fresh request id for the merchant API (32 hex characters). */
export function newRequestId(): string {
  return randomUUID().replace(/-/g, '');
}
