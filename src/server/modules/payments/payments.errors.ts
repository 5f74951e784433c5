import { AppError } from '../../platform/errors';
import { formatVnd } from '../../../contracts/fees';

/** Error codes of the `payments` module (the suffix gives the HTTP status, platform/errors.ts). */
export const PAYMENT_ERRORS = {
  NOT_FOUND: 'PAYMENT.NOT_FOUND',
  NOT_PAYABLE: 'PAYMENT.NOT_PAYABLE_CONFLICT',
  IDEMPOTENCY: 'PAYMENT.IDEMPOTENCY_CONFLICT',
  IDEMPOTENCY_KEY: 'PAYMENT.IDEMPOTENCY_KEY_INVALID',
  REFUND_STATE: 'PAYMENT.REFUND_STATE_CONFLICT',
  REFUND_AMOUNT: 'PAYMENT.REFUND_AMOUNT_INVALID',
  REFUND_REFUSED: 'PAYMENT.REFUND_REFUSED_CONFLICT',
  GATEWAY: 'PAYMENT.GATEWAY_UNAVAILABLE',
  FORBIDDEN: 'PAYMENT.FORBIDDEN',
  VIETQR_UNAVAILABLE: 'PAYMENT.VIETQR_UNAVAILABLE',
  OPEN_PAYMENT: 'PAYMENT.OPEN_PAYMENT_CONFLICT',
  RECEIPT: 'PAYMENT.RECEIPT_CONFLICT',
} as const;

const field = (name: string, code: string, messageVi: string, messageEn: string) => [
  { field: name, code, messageVi, messageEn },
];

/** Not found — also what another citizen or an officer of another unit gets (no existence leak). */
export function paymentNotFound(): AppError {
  return new AppError(PAYMENT_ERRORS.NOT_FOUND, 'Không tìm thấy giao dịch thanh toán', 'Payment not found');
}

/** The dossier does not wait for an online payment (already paid, exempt, free, or not awaiting payment). */
export function notPayable(feeStatus: string, state: string): AppError {
  const vi: Record<string, string> = {
    paid: 'Lệ phí của hồ sơ này đã được thanh toán.',
    exempt: 'Hồ sơ này được miễn lệ phí, không cần thanh toán.',
    exemption_pending: 'Hồ sơ đang chờ xác nhận miễn lệ phí; chưa thể thanh toán.',
    cash: 'Lệ phí của hồ sơ này đã được nộp tiền mặt tại bộ phận một cửa.',
    refunded: 'Lệ phí của hồ sơ này đã được hoàn trả.',
    none: 'Thủ tục này không thu lệ phí.',
  };
  const en: Record<string, string> = {
    paid: "This dossier's fee is already paid.",
    exempt: 'This dossier is exempt from the fee.',
    exemption_pending: 'An exemption of this dossier awaits confirmation; it cannot be paid yet.',
    cash: "This dossier's fee was paid in cash at the one-stop counter.",
    refunded: "This dossier's fee was refunded.",
    none: 'This procedure charges no fee.',
  };
  return new AppError(
    PAYMENT_ERRORS.NOT_PAYABLE,
    vi[feeStatus] ?? `Hồ sơ ở trạng thái "${state}" không chờ thanh toán lệ phí.`,
    en[feeStatus] ?? `A dossier in state "${state}" does not await a fee payment.`,
  );
}

/** The Idempotency-Key was used before for another dossier. */
export function idempotencyConflict(): AppError {
  return new AppError(
    PAYMENT_ERRORS.IDEMPOTENCY,
    'Mã Idempotency-Key này đã được dùng cho một yêu cầu thanh toán khác.',
    'This Idempotency-Key was already used for another payment request.',
    field(
      'Idempotency-Key',
      PAYMENT_ERRORS.IDEMPOTENCY,
      'Mã đã dùng cho yêu cầu khác',
      'Already used for another request',
    ),
  );
}

export function idempotencyKeyInvalid(): AppError {
  const vi = 'Thiếu hoặc sai tiêu đề Idempotency-Key (8–128 chữ cái, chữ số, "-", "_" hoặc ":").';
  const en = 'The Idempotency-Key header is missing or invalid (8–128 letters, digits, "-", "_" or ":").';
  return new AppError(
    PAYMENT_ERRORS.IDEMPOTENCY_KEY,
    vi,
    en,
    field('Idempotency-Key', PAYMENT_ERRORS.IDEMPOTENCY_KEY, vi, en),
  );
}

export function refundState(state: string): AppError {
  return new AppError(
    PAYMENT_ERRORS.REFUND_STATE,
    `Không thể hoàn tiền giao dịch ở trạng thái "${state}".`,
    `A payment in state "${state}" cannot be refunded.`,
  );
}

export function refundAmount(max: number): AppError {
  const vi = `Số tiền hoàn phải từ 1 đến ${formatVnd(max, 'vi')} (phần chưa hoàn).`;
  const en = `The refund must be from 1 to ${formatVnd(max, 'en')} (what is not yet refunded).`;
  return new AppError(PAYMENT_ERRORS.REFUND_AMOUNT, vi, en, field('amount', PAYMENT_ERRORS.REFUND_AMOUNT, vi, en));
}

export function refundRefused(code: string): AppError {
  return new AppError(
    PAYMENT_ERRORS.REFUND_REFUSED,
    `Cổng thanh toán từ chối hoàn tiền (mã ${code}).`,
    `The payment gateway refused the refund (code ${code}).`,
  );
}

export function gatewayUnavailable(): AppError {
  return new AppError(
    PAYMENT_ERRORS.GATEWAY,
    'Không kết nối được cổng thanh toán. Vui lòng thử lại sau.',
    'The payment gateway cannot be reached. Please try again later.',
  );
}

export function paymentForbidden(): AppError {
  return new AppError(
    PAYMENT_ERRORS.FORBIDDEN,
    'Bạn không có quyền thực hiện việc này với giao dịch thanh toán',
    'You may not do this to the payment',
  );
}

export function vietqrUnavailable(): AppError {
  return new AppError(
    PAYMENT_ERRORS.VIETQR_UNAVAILABLE,
    'Chưa cấu hình tài khoản nhận chuyển khoản VietQR. Vui lòng thanh toán qua cổng thanh toán.',
    'No VietQR receiving account is configured. Please pay through the payment gateway.',
  );
}

/** A gateway payment of the dossier is still open: the citizen may still complete it there. */
export function openGatewayPayment(expiresAt: Date): AppError {
  const until = new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
  }).format(expiresAt);
  return new AppError(
    PAYMENT_ERRORS.OPEN_PAYMENT,
    `Hồ sơ đang có giao dịch qua cổng thanh toán chưa kết thúc (hết hạn lúc ${until}). Vui lòng hoàn tất giao dịch đó hoặc chờ hết hạn rồi chọn chuyển khoản VietQR.`,
    `The dossier has a gateway payment in progress (it expires at ${until}). Complete it, or wait until it expires, then choose a VietQR transfer.`,
  );
}

export function receiptNotAvailable(state: string): AppError {
  return new AppError(
    PAYMENT_ERRORS.RECEIPT,
    `Giao dịch ở trạng thái "${state}" chưa thanh toán thành công nên chưa có biên lai.`,
    `A payment in state "${state}" has not succeeded, so it has no receipt.`,
  );
}
