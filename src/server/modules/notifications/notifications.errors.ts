import { AppError } from '../../platform/errors';
import type { FieldProblem } from '../../../contracts/messages';

/** Error codes of the notifications module (the suffix gives the HTTP status). */
export const NOTIFICATION_ERRORS = {
  TEMPLATE_INVALID: 'NOTIFICATION.TEMPLATE_INVALID',
  TEMPLATE_CONFLICT: 'NOTIFICATION.TEMPLATE_CONFLICT',
  EVENT_NOT_FOUND: 'NOTIFICATION.EVENT_NOT_FOUND',
  MESSAGE_NOT_FOUND: 'NOTIFICATION.MESSAGE_NOT_FOUND',
  PREFERENCES_INVALID: 'NOTIFICATION.PREFERENCES_INVALID',
  NOT_FAILED_CONFLICT: 'NOTIFICATION.NOT_FAILED_CONFLICT',
  SANDBOX_NOT_FOUND: 'NOTIFICATION.SANDBOX_NOT_FOUND',
} as const;

/** A template refused on save: one problem per field (unknown placeholder, stray braces, a past date). */
export const templateInvalid = (fields: FieldProblem[]): AppError =>
  new AppError(
    NOTIFICATION_ERRORS.TEMPLATE_INVALID,
    `Mẫu thông báo không hợp lệ: ${fields.map((f) => f.field).join(', ')}`,
    `Invalid template: ${fields.map((f) => f.field).join(', ')}`,
    fields,
  );

export const templateConflict = (): AppError =>
  new AppError(
    NOTIFICATION_ERRORS.TEMPLATE_CONFLICT,
    'Một phiên bản khác của mẫu này vừa được lưu; tải lại rồi thử lại',
    'Another version of this template was just saved; reload and try again',
  );

export const eventNotFound = (): AppError =>
  new AppError(NOTIFICATION_ERRORS.EVENT_NOT_FOUND, 'Không có loại thông báo này', 'No such notification event');

export const messageNotFound = (): AppError =>
  new AppError(NOTIFICATION_ERRORS.MESSAGE_NOT_FOUND, 'Không tìm thấy thông báo', 'Message not found');

export const preferencesInvalid = (field: string, vi: string, en: string): AppError =>
  new AppError(NOTIFICATION_ERRORS.PREFERENCES_INVALID, vi, en, [
    { field, code: NOTIFICATION_ERRORS.PREFERENCES_INVALID, messageVi: vi, messageEn: en },
  ]);

/** An administrator's retry of a message that did not fail for good (409): only `failed` messages are retried. */
export const notFailed = (status: string): AppError =>
  new AppError(
    NOTIFICATION_ERRORS.NOT_FAILED_CONFLICT,
    'Chỉ gửi lại được thông báo đã gửi lỗi sau khi hết số lần thử',
    'Only a message whose delivery failed for good can be retried',
    [
      {
        field: 'id',
        code: NOTIFICATION_ERRORS.NOT_FAILED_CONFLICT,
        messageVi: `Thông báo đang ở trạng thái ${status}`,
        messageEn: `The message is ${status}`,
      },
    ],
  );

/** The SMS sandbox does not run in this environment (production, or SMS_SANDBOX=off). */
export const sandboxNotFound = (): AppError =>
  new AppError(
    NOTIFICATION_ERRORS.SANDBOX_NOT_FOUND,
    'Hộp cát SMS không chạy ở môi trường này',
    'The SMS sandbox does not run here',
  );
