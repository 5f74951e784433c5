import type { ReceiptVerification } from '../../../contracts/receipts';
import type {
  CreatePaymentResult,
  GatewayStatus,
  Payment,
  PaymentListQuery,
  RefundBody,
} from '../../../contracts/payments';
import type {
  DailyReport,
  SettlementFileResult,
  StatementImportReport,
  VietqrTransfer,
} from '../../../contracts/payments-reports';
import { apiGet, apiPost, apiPostForm, query, type RequestOptions } from '../../api/client';

/** A page of payments (GET /api/v1/payments). */
export interface PaymentPage {
  items: Payment[];
  total: number;
  page: number;
  pageSize: number;
}

const BASE = '/api/v1/payments';

/**
 * A fresh Idempotency-Key for one payment attempt: the same key is sent again when the citizen
 * presses the button twice, so the server answers with the same payment instead of a second one.
 */
export function newIdempotencyKey(): string {
  return `pay-${crypto.randomUUID()}`;
}

/** Starts paying a dossier's fee through the gateway; the answer carries the signed gateway URL. */
export function createPayment(
  dossierId: string,
  idempotencyKey: string,
  locale: 'vn' | 'en',
  options: RequestOptions = {},
): Promise<CreatePaymentResult> {
  return apiPost<CreatePaymentResult>(
    BASE,
    { dossierId, locale },
    { ...options, headers: { ...options.headers, 'idempotency-key': idempotencyKey } },
  );
}

/** One payment (the citizen who owns the dossier, or staff of its unit). */
export function fetchPayment(id: string, options?: RequestOptions): Promise<Payment> {
  return apiGet<Payment>(`${BASE}/${encodeURIComponent(id)}`, options);
}

/** The payments of one dossier, newest first. */
export function fetchDossierPayments(dossierId: string, options?: RequestOptions): Promise<{ items: Payment[] }> {
  return apiGet<{ items: Payment[] }>(`${BASE}/by-dossier/${encodeURIComponent(dossierId)}`, options);
}

/** Staff: payments of their units. */
export function fetchPayments(q: Partial<PaymentListQuery>, options?: RequestOptions): Promise<PaymentPage> {
  return apiGet<PaymentPage>(`${BASE}${query({ ...q })}`, options);
}

/** Staff: what the gateway says about the payment (read only). */
export function fetchGatewayStatus(id: string, options?: RequestOptions): Promise<GatewayStatus> {
  return apiGet<GatewayStatus>(`${BASE}/${encodeURIComponent(id)}/gateway-status`, options);
}

/** Staff: refunds part or all of a succeeded payment. */
export function refundPayment(id: string, body: RefundBody): Promise<Payment> {
  return apiPost<Payment>(`${BASE}/${encodeURIComponent(id)}/refunds`, body);
}

/** Staff: sends again a refund the gateway has not answered. */
export function retryRefund(id: string, refundId: string): Promise<Payment> {
  return apiPost<Payment>(`${BASE}/${encodeURIComponent(id)}/refunds/${encodeURIComponent(refundId)}/retry`, {});
}

/** Starts (or returns the open) VietQR bank transfer order of a dossier's fee. */
export function createVietqr(dossierId: string, idempotencyKey: string): Promise<VietqrTransfer> {
  return apiPost<VietqrTransfer>(`${BASE}/vietqr`, { dossierId }, { headers: { 'idempotency-key': idempotencyKey } });
}

/** The VietQR transfer order of a payment (QR, amount, reference, receiving account). */
export function fetchVietqr(id: string, options?: RequestOptions): Promise<VietqrTransfer> {
  return apiGet<VietqrTransfer>(`${BASE}/${encodeURIComponent(id)}/vietqr`, options);
}

/** The public verification of a receipt by the token printed on it (works signed out). */
export function fetchReceiptVerification(token: string, options?: RequestOptions): Promise<ReceiptVerification> {
  return apiGet<ReceiptVerification>(`${BASE}/receipts/${encodeURIComponent(token)}`, options);
}

/** The electronic receipt (PDF) of a successful payment. */
export function receiptUrl(id: string): string {
  return `${BASE}/${encodeURIComponent(id)}/receipt.pdf`;
}

/** Staff: the daily reconciliation report of a day (Vietnam time). */
export function fetchDailyReport(day: string, options?: RequestOptions): Promise<DailyReport> {
  return apiGet<DailyReport>(`${BASE}/reconciliation/daily${query({ day })}`, options);
}

/** Staff: the same report as an Excel file. */
export function dailyReportXlsxUrl(day: string): string {
  return `${BASE}/reconciliation/daily.xlsx${query({ day })}`;
}

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file);
  return form;
}

/** Staff: imports the gateway's settlement file (CSV) of a day. */
export function uploadSettlementFile(day: string, file: File): Promise<SettlementFileResult> {
  return apiPostForm<SettlementFileResult>(`${BASE}/reconciliation/settlement-files${query({ day })}`, fileForm(file));
}

/** Staff: imports the receiving account's bank statement (CSV); settles matching VietQR transfers. */
export function uploadStatement(file: File): Promise<StatementImportReport> {
  return apiPostForm<StatementImportReport>(`${BASE}/statements`, fileForm(file));
}
