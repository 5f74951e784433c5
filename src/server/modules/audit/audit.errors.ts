import { AppError } from '../../platform/errors';

/**
 * Error codes of the `audit` module. The suffix (after the last `.` or `_`) picks the HTTP status
 * (platform/errors.ts statusForCode): `_INVALID` 400, `_NOT_FOUND` 404, `_ALREADY_EXISTS` 409, `.UNAUTHENTICATED` 401.
 */
export const AUDIT_ERRORS = {
  PURPOSE_INVALID: 'AUDIT.PURPOSE_INVALID',
  SUBJECT_INVALID: 'AUDIT.SUBJECT_INVALID',
  ENTRY_INVALID: 'AUDIT.ENTRY_INVALID',
  CONSENT_INVALID: 'AUDIT.CONSENT_INVALID',
  CONSENT_ALREADY_EXISTS: 'AUDIT.CONSENT_ALREADY_EXISTS',
  CONSENT_NOT_FOUND: 'AUDIT.CONSENT_NOT_FOUND',
  UNAUTHENTICATED: 'AUDIT.UNAUTHENTICATED',
} as const;

export function purposeInvalid(code: string | null): AppError {
  return new AppError(
    AUDIT_ERRORS.PURPOSE_INVALID,
    `Mục đích truy cập "${code ?? ''}" không có hoặc đã ngừng sử dụng`,
    `Access purpose "${code ?? ''}" is unknown or no longer active`,
    [
      {
        field: 'purpose',
        code: AUDIT_ERRORS.PURPOSE_INVALID,
        messageVi: 'Chọn một mục đích truy cập hợp lệ',
        messageEn: 'Choose a valid access purpose',
      },
    ],
  );
}

export function subjectInvalid(messageVi: string, messageEn: string): AppError {
  return new AppError(AUDIT_ERRORS.SUBJECT_INVALID, messageVi, messageEn);
}

/** A log entry the service refuses to write (a programming error in the calling module). */
export function entryInvalid(reason: string): AppError {
  return new AppError(
    AUDIT_ERRORS.ENTRY_INVALID,
    `Bản ghi nhật ký truy cập không hợp lệ: ${reason}`,
    `Invalid access-log entry: ${reason}`,
  );
}

export function consentInvalid(field: string, messageVi: string, messageEn: string): AppError {
  return new AppError(AUDIT_ERRORS.CONSENT_INVALID, messageVi, messageEn, [
    { field, code: AUDIT_ERRORS.CONSENT_INVALID, messageVi, messageEn },
  ]);
}

export function consentAlreadyGiven(purposeCode: string): AppError {
  return new AppError(
    AUDIT_ERRORS.CONSENT_ALREADY_EXISTS,
    `Đã có sự đồng ý còn hiệu lực cho mục đích "${purposeCode}"; hãy rút lại trước khi đồng ý văn bản mới`,
    `An active consent for "${purposeCode}" exists; withdraw it before consenting to a new text`,
  );
}

export function consentNotFound(purposeCode: string): AppError {
  return new AppError(
    AUDIT_ERRORS.CONSENT_NOT_FOUND,
    `Không tìm thấy sự đồng ý còn hiệu lực cho mục đích "${purposeCode}"`,
    `No active consent for "${purposeCode}"`,
  );
}
