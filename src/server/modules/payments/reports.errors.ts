import { AppError } from '../../platform/errors';
import type { FieldProblem } from '../../../contracts/messages';

/** Error codes of the VietQR, statement, reconciliation, receipt and statistics use cases (suffix → HTTP status). */
export const PAYMENT_REPORT_ERRORS = {
  FILE_INVALID: 'PAYMENT.FILE_INVALID',
  FILE_TOO_LARGE: 'PAYMENT.FILE_TOO_LARGE',
  VIETQR_UNAVAILABLE: 'PAYMENT.VIETQR_UNAVAILABLE',
  OPEN_PAYMENT: 'PAYMENT.OPEN_PAYMENT_CONFLICT',
  RECEIPT: 'PAYMENT.RECEIPT_CONFLICT',
  PERIOD_INVALID: 'PAYMENT.PERIOD_INVALID',
} as const;

/** Most problems listed in one refusal (the total is always given). */
export const MAX_PROBLEMS = 50;

/** A file refused as a whole: the message, and the problems by line and column. */
export function fileInvalid(
  messageVi: string,
  messageEn: string,
  problems: FieldProblem[] = [{ field: 'file', code: PAYMENT_REPORT_ERRORS.FILE_INVALID, messageVi, messageEn }],
): AppError {
  return new AppError(PAYMENT_REPORT_ERRORS.FILE_INVALID, messageVi, messageEn, problems.slice(0, MAX_PROBLEMS));
}

export function fileTooLarge(maxBytes: number): AppError {
  const mb = maxBytes / 1024 / 1024;
  return new AppError(
    PAYMENT_REPORT_ERRORS.FILE_TOO_LARGE,
    `Tệp lớn hơn ${mb} MB. Hãy chia thành nhiều tệp.`,
    `The file is larger than ${mb} MB. Split it into several files.`,
    [
      {
        field: 'file',
        code: PAYMENT_REPORT_ERRORS.FILE_TOO_LARGE,
        messageVi: `Tối đa ${mb} MB`,
        messageEn: `At most ${mb} MB`,
      },
    ],
  );
}

export function vietqrUnavailable(): AppError {
  return new AppError(
    PAYMENT_REPORT_ERRORS.VIETQR_UNAVAILABLE,
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
    PAYMENT_REPORT_ERRORS.OPEN_PAYMENT,
    `Hồ sơ đang có giao dịch qua cổng thanh toán chưa kết thúc (hết hạn lúc ${until}). Vui lòng hoàn tất giao dịch đó hoặc chờ hết hạn rồi chọn chuyển khoản VietQR.`,
    `The dossier has a gateway payment in progress (it expires at ${until}). Complete it, or wait until it expires, then choose a VietQR transfer.`,
  );
}

export function receiptNotAvailable(state: string): AppError {
  return new AppError(
    PAYMENT_REPORT_ERRORS.RECEIPT,
    `Giao dịch ở trạng thái "${state}" chưa thanh toán thành công nên chưa có biên lai.`,
    `A payment in state "${state}" has not succeeded, so it has no receipt.`,
  );
}

export function periodInvalid(messageVi: string, messageEn: string): AppError {
  return new AppError(PAYMENT_REPORT_ERRORS.PERIOD_INVALID, messageVi, messageEn, [
    { field: 'from', code: PAYMENT_REPORT_ERRORS.PERIOD_INVALID, messageVi, messageEn },
  ]);
}
