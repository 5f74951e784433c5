import { createHmac, timingSafeEqual } from 'node:crypto';
import { toAscii } from '../../../shared/text';

/**
 * The VNPAY v2.1-style gateway protocol (DOMAIN.md §11), pure and shared by the merchant adapter
 * (`vnpay.gateway.ts`) and the sandbox gateway (module `payment-sandbox`), so both sides sign the
 * same bytes.
 *
 * - Browser redirect, IPN and return URL: `vnp_*` query parameters; `vnp_SecureHash` =
 *   HMAC-SHA512(secret, the parameters sorted by name and form-urlencoded — spaces as `+` —
 *   joined with `&`), hex. `vnp_SecureHash` and `vnp_SecureHashType` are not signed; empty values are left out.
 * - Amounts are VND × 100 (`vnp_Amount=1000000` is 10,000 VND).
 * - Times are `yyyyMMddHHmmss` in GMT+7.
 * - The merchant API (querydr, refund) is JSON; its hash is HMAC-SHA512 over fixed fields joined by `|`.
 */

export const VNP_VERSION = '2.1.0';

/** A flat set of protocol parameters. */
export type VnpParams = Record<string, string>;

/** Form-urlencoding as the gateway does it (encodeURIComponent, spaces as `+`). */
export function vnpEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

/** The signed string: every `vnp_` parameter except the hash fields, non-empty, sorted by name, encoded. */
export function signedData(params: VnpParams): string {
  return Object.keys(params)
    .filter(
      (k) =>
        k.startsWith('vnp_') &&
        k !== 'vnp_SecureHash' &&
        k !== 'vnp_SecureHashType' &&
        params[k] !== undefined &&
        params[k] !== '',
    )
    .sort()
    .map((k) => `${vnpEncode(k)}=${vnpEncode(params[k]!)}`)
    .join('&');
}

export function hmacSha512(secret: string, data: string): string {
  return createHmac('sha512', secret).update(data, 'utf8').digest('hex');
}

/** `vnp_SecureHash` of a parameter set. */
export function signParams(secret: string, params: VnpParams): string {
  return hmacSha512(secret, signedData(params));
}

/** The query string of a signed request: the signed data plus `vnp_SecureHash`. */
export function signedQuery(secret: string, params: VnpParams): string {
  const data = signedData(params);
  return `${data}&vnp_SecureHash=${hmacSha512(secret, data)}`;
}

/** Constant-time comparison of two hex digests (case-insensitive). */
export function sameHash(a: string | undefined, b: string): boolean {
  if (!a || !/^[0-9a-fA-F]+$/.test(a) || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a.toLowerCase(), 'latin1'), Buffer.from(b.toLowerCase(), 'latin1'));
}

/** True when `vnp_SecureHash` matches the other parameters. */
export function verifyParams(secret: string, params: VnpParams): boolean {
  return sameHash(params.vnp_SecureHash, signParams(secret, params));
}

/** Only the string-valued `vnp_*` entries of a parsed query (repeated parameters are refused: not a string). */
export function vnpParamsOf(query: unknown): VnpParams {
  const out: VnpParams = {};
  if (!query || typeof query !== 'object') return out;
  for (const [k, v] of Object.entries(query as Record<string, unknown>))
    if (k.startsWith('vnp_') && typeof v === 'string') out[k] = v;
  return out;
}

const GMT7_MS = 7 * 3600_000;

/** `yyyyMMddHHmmss` in GMT+7. */
export function formatVnpDate(date: Date): string {
  return new Date(date.getTime() + GMT7_MS).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** Parses `yyyyMMddHHmmss` (GMT+7); undefined when malformed. */
export function parseVnpDate(text: string | undefined): Date | undefined {
  const m = text ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text) : null;
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - GMT7_MS;
  const back = new Date(ms + GMT7_MS);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return new Date(ms);
}

/** VND → the protocol's amount (× 100), as a string. */
export function toVnpAmount(vnd: number): string {
  return String(vnd * 100);
}

/** The protocol's amount → VND; undefined unless a non-negative whole multiple of 100. */
export function fromVnpAmount(text: string | undefined): number | undefined {
  if (!text || !/^\d{1,18}$/.test(text)) return undefined;
  const n = Number(text);
  return n % 100 === 0 ? n / 100 : undefined;
}

/**
 * Text for `vnp_OrderInfo`: the gateway wants plain ASCII (Vietnamese without diacritics), at most 255 characters.
 */
export function asciiOrderInfo(text: string): string {
  return toAscii(text).slice(0, 255);
}

/** `vnp_ResponseCode` of a payment result: what happened on the gateway (subset used here). */
export const VNP_RESULT = {
  SUCCESS: '00',
  /** The customer cancelled on the gateway's page. */
  CANCELLED: '24',
  /** Not enough balance: declined by the bank. */
  INSUFFICIENT_FUNDS: '51',
  /** The payment was not finished before vnp_ExpireDate. */
  TIMEOUT: '11',
} as const;

/** `vnp_TransactionStatus` values. */
export const VNP_TXN_STATUS = {
  SUCCESS: '00',
  UNFINISHED: '01',
  ERROR: '02',
  REFUND_SENT: '06',
} as const;

/** Fields of the merchant API whose `|`-joined values are hashed, in order (v2.1). */
export const API_HASH_FIELDS = {
  querydrRequest: [
    'vnp_RequestId',
    'vnp_Version',
    'vnp_Command',
    'vnp_TmnCode',
    'vnp_TxnRef',
    'vnp_TransactionDate',
    'vnp_CreateDate',
    'vnp_IpAddr',
    'vnp_OrderInfo',
  ],
  querydrResponse: [
    'vnp_ResponseId',
    'vnp_Command',
    'vnp_ResponseCode',
    'vnp_Message',
    'vnp_TmnCode',
    'vnp_TxnRef',
    'vnp_Amount',
    'vnp_BankCode',
    'vnp_PayDate',
    'vnp_TransactionNo',
    'vnp_TransactionType',
    'vnp_TransactionStatus',
    'vnp_OrderInfo',
    'vnp_PromotionCode',
    'vnp_PromotionAmount',
  ],
  refundRequest: [
    'vnp_RequestId',
    'vnp_Version',
    'vnp_Command',
    'vnp_TmnCode',
    'vnp_TransactionType',
    'vnp_TxnRef',
    'vnp_Amount',
    'vnp_TransactionNo',
    'vnp_TransactionDate',
    'vnp_CreateBy',
    'vnp_CreateDate',
    'vnp_IpAddr',
    'vnp_OrderInfo',
  ],
  refundResponse: [
    'vnp_ResponseId',
    'vnp_Command',
    'vnp_ResponseCode',
    'vnp_Message',
    'vnp_TmnCode',
    'vnp_TxnRef',
    'vnp_Amount',
    'vnp_BankCode',
    'vnp_PayDate',
    'vnp_TransactionNo',
    'vnp_TransactionType',
    'vnp_TransactionStatus',
    'vnp_OrderInfo',
  ],
} as const;

export type ApiHashKind = keyof typeof API_HASH_FIELDS;

/** `vnp_SecureHash` of a merchant-API body: its fields of `kind` joined by `|` (missing = empty). */
export function signApi(secret: string, kind: ApiHashKind, body: Record<string, unknown>): string {
  const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  return hmacSha512(secret, API_HASH_FIELDS[kind].map((f) => text(body[f])).join('|'));
}

/** True when a merchant-API body carries the right `vnp_SecureHash`. */
export function verifyApi(secret: string, kind: ApiHashKind, body: Record<string, unknown>): boolean {
  return sameHash(
    typeof body.vnp_SecureHash === 'string' ? body.vnp_SecureHash : undefined,
    signApi(secret, kind, body),
  );
}

/** Merchant-API response codes (querydr / refund). */
export const VNP_API_CODE = {
  OK: '00',
  INVALID_MERCHANT: '02',
  INVALID_DATA: '03',
  NOT_FOUND: '91',
  DUPLICATE_REQUEST: '94',
  REFUSED: '95',
  BAD_CHECKSUM: '97',
  OTHER: '99',
} as const;
